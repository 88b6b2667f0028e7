package org.voipguard.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that touches the database and so runs twice: on H2 with every other test
 * ({@code mvn test}), and again on the local PostgreSQL server in the {@code postgresql-test}
 * execution of {@code mvn verify}, with the Spring profile {@code postgresql}
 * ({@code config/application-postgresql.yml}). Each Spring context then gets a database of
 * its own, created and dropped by {@link PostgreSqlTestDatabases}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(AlsoOnPostgreSql.TAG)
public @interface AlsoOnPostgreSql {

    /** The JUnit tag the PostgreSQL execution selects. */
    String TAG = "postgresql";
}
