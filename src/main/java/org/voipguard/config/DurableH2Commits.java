package org.voipguard.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.voipguard.db.DatabaseProduct;

/**
 * Makes an H2 database write each commit to its file at once ({@code SET WRITE_DELAY 0}). By
 * default H2 keeps up to half a second of committed transactions in memory, and a process that
 * is killed loses them: an email written to the outbox could then be marked unsent again and
 * go out twice. The setting lasts as long as the database is open, so it is made at every
 * start. Other databases make commits durable themselves and are left alone.
 */
@Component
public class DurableH2Commits implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Commits.class);

    private final DataSource dataSource;
    private final DatabaseProduct product;

    public DurableH2Commits(DataSource dataSource, DatabaseProduct product) {
        this.dataSource = dataSource;
        this.product = product;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        if (product != DatabaseProduct.H2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                log.warn("cannot make H2 write each commit at once (SET WRITE_DELAY 0 needs an admin user): {}; "
                        + "a run that is killed may lose its last half second of work", e.getMessage());
            }
        }
    }
}
