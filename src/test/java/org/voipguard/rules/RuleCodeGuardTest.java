package org.voipguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.voipguard.rules.ForbiddenRules.ForbiddenRule;

/** Rules may use their facts, the alerts and plain values; code that reaches further is refused with its line. */
class RuleCodeGuardTest {

    private static final String HEADER = """
            package org.voipguard.policies;

            import org.voipguard.rules.facts.OutgoingCall;

            global org.voipguard.rules.AlertCollector alerts;

            """;

    /** A rule whose consequence is {@code then}; its first line is line 11 of the file. */
    private static String ruleThen(String then) {
        return HEADER + """
                rule "Under test"
                when
                    $call : OutgoingCall( pricePpm < 0 )
                then
                """ + then + "\nend\n";
    }

    /** A rule whose only condition is {@code when}, at line 9 of the file. */
    private static String ruleWhen(String when) {
        return HEADER + """
                rule "Under test"
                when
                """ + when + """

                then
                    alerts.raise(kcontext, "X", $call);
                end
                """;
    }

    @TempDir
    Path rules;

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.voipguard.rules.ForbiddenRules#ALL")
    void aRuleThatReachesPastItsFactsIsAnErrorAtItsLineAndDoesNotLoad(ForbiddenRule forbidden) throws IOException {
        givenShippedRules();
        String place = forbidden.writeInto(rules);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith(place);
            assertThat(p.message()).contains("rules/README.md");
        });
        assertThatThrownBy(() -> new RuleBookLoader().load(rules))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining(place);
    }

    static Stream<Arguments> bypasses() {
        return Stream.of(
                Arguments.of("a static import of System.exit", HEADER.replace("\nglobal",
                        "import static java.lang.System.exit;\n\nglobal") + """
                        rule "Under test"
                        when
                            $call : OutgoingCall( pricePpm < 0 )
                        then
                            exit(42);
                        end
                        """, 4, "System"),
                Arguments.of("java.lang.System written out", ruleThen("    java.lang.System.exit(42);"), 11, "System"),
                Arguments.of("the rule engine behind kcontext", ruleThen("    kcontext.getKieRuntime().halt();"), 11,
                        "kcontext"),
                Arguments.of("the rule engine behind drools", ruleThen("    drools.halt();"), 11, "drools"),
                Arguments.of("kcontext kept aside", ruleThen("    Object engine = kcontext;"), 11, "kcontext"),
                Arguments.of("a unicode escape", ruleThen("    \\u0053ystem.exit(42);"), 11, "\\u escapes"),
                Arguments.of("a unicode escape in a comment", ruleThen("    // \\u000a System.exit(42);"), 11,
                        "\\u escapes"),
                Arguments.of("a zero-width space inside System", ruleThen("    Sys\u200Btem.exit(42);"), 11, "System"),
                Arguments.of("a comment ended by a carriage return", ruleThen("    // nothing\rSystem.exit(42);"), 12,
                        "System"),
                Arguments.of("T(...) of a class", ruleWhen("    $call : OutgoingCall( )\n    eval( T(java.lang.Runtime) != null )"),
                        10, "T is not a type"),
                Arguments.of("an eval", ruleWhen("    $call : OutgoingCall( )\n    eval( System.currentTimeMillis() > 0 )"),
                        10, "System"),
                Arguments.of("a from expression", ruleWhen("    $call : OutgoingCall( )\n    $home : String( ) from System.getenv(\"HOME\")"),
                        10, "System"),
                Arguments.of("accumulate code", ruleWhen("    $call : OutgoingCall( )\n    $n : Number( ) from accumulate( "
                        + "OutgoingCall( ), init( String t = Thread.currentThread().getName(); ), action( ), result( 0 ) )"),
                        10, "Thread"),
                Arguments.of("a salience expression", HEADER + """
                        rule "Under test"
                            salience ( System.nanoTime() > 0 ? 1 : 0 )
                        when
                            $call : OutgoingCall( pricePpm < 0 )
                        then
                            alerts.raise(kcontext, "X", $call);
                        end
                        """, 8, "System"),
                Arguments.of("a function", HEADER + """
                        function boolean stopped() {
                            return new java.io.File("stop").exists();
                        }
                        """, 8, "java.io"),
                Arguments.of("the class of an object, in MVEL", HEADER + """
                        rule "Under test"
                            dialect "mvel"
                        when
                            $call : OutgoingCall( pricePpm < 0 )
                        then
                            loader = $call.class.classLoader;
                        end
                        """, 12, "class"),
                Arguments.of("a class outside the allowed types", ruleThen("    new java.util.ArrayList().add($call);"), 11,
                        "java.util.ArrayList is not a type rules may use"),
                Arguments.of("an import outside the allowed types", HEADER.replace("\nglobal",
                        "import java.util.concurrent.Executors;\n\nglobal"), 4, "java.util.concurrent.Executors"),
                Arguments.of("a wildcard import of a package", HEADER.replace("\nglobal",
                        "import java.nio.file.*;\n\nglobal"), 4, "java.nio"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bypasses")
    void aDetourIsRefusedToo(String detour, String file, int line, String reason) throws IOException {
        givenShippedRulesAnd("detour.drl", file);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.errors()).isNotEmpty().first().satisfies(p -> {
            assertThat(p.toString()).startsWith(rules.resolve("detour.drl") + ":" + line + ":");
            assertThat(p.message()).contains(reason);
        });
    }

    @Test
    void stringsCommentsAndPlainValuesAreFine() throws IOException {
        givenShippedRulesAnd("plain.drl", """
                package org.voipguard.policies;

                import org.voipguard.rules.facts.OutgoingCall;
                import java.math.BigDecimal;
                import java.time.*;

                global org.voipguard.rules.AlertCollector alerts;

                // A rule must never call System.exit or getClass(); it says so in "quotes" too.
                rule "Dear calls at night"
                when
                    $call : OutgoingCall( pricePpm > new BigDecimal("100"),
                                          OffsetDateTime.parse(startTime).getHour() < 6 )
                then
                    String why = "java.io.File, Runtime and Class are only words here";
                    if (why.isEmpty()) throw new IllegalStateException("a rule may stop a run on purpose");
                    alerts.raise(kcontext, "DEAR_AT_NIGHT", $call, "why", why + Math.max(1, 2));
                end
                """);

        RuleCheck check = new RuleBookLoader().check(rules);

        assertThat(check.problems()).isEmpty();
    }

    @Test
    void anOperatorCanAllowAClassOrAPackage() throws IOException {
        givenShippedRulesAnd("locale.drl", ruleThen("    String number = $call.getNumber().toUpperCase(java.util.Locale.ROOT);"));

        assertThat(new RuleBookLoader().check(rules).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("java.util.Locale is not a type rules may use"));
        assertThat(new RuleBookLoader(List.of("java.util.Locale")).check(rules).problems()).isEmpty();
        assertThat(new RuleBookLoader(List.of("java.util")).check(rules).problems()).isEmpty();
    }

    @Test
    void whatIsDeniedStaysDeniedWhateverIsAllowed() throws IOException {
        givenShippedRules();
        String place = ForbiddenRules.IMPORTS_JAVA_IO.writeInto(rules);

        RuleCheck check = new RuleBookLoader(List.of("java", "java.io.File")).check(rules);

        assertThat(check.errors()).singleElement().satisfies(p -> assertThat(p.toString()).startsWith(place));
    }

    private void givenShippedRules() throws IOException {
        try (var shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
    }

    private void givenShippedRulesAnd(String name, String content) throws IOException {
        givenShippedRules();
        Files.writeString(rules.resolve(name), content);
    }
}
