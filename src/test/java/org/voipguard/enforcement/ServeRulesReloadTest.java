package org.voipguard.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * serve's rules follow the files: none yet means not ready; a changed file is compiled and
 * swapped in; a file that does not compile is refused with file:line:column and the rules
 * before it keep deciding.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "voipguard.serve.refresh-interval=200ms"})
class ServeRulesReloadTest {

    private static final String PREMIUM_CALL = "/v1/calls/authorize?number=441632960001&dialled=09098790123"
            + "&at=2026-11-02T10:00:00Z";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path rulesDir;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        registry.add("voipguard.rules-dir", () -> rulesDir.toString());
    }

    @Test
    void rulesAreLoadedWhenWrittenSwappedWhenChangedAndABrokenSetIsRefused(CapturedOutput log) throws Exception {
        ServeClient serve = new ServeClient(port);
        // given no rules yet: nothing to decide with
        assertThat(serve.get(PREMIUM_CALL).status()).isEqualTo(503);
        assertThat(serve.get("/actuator/health").field("status")).isEqualTo("DOWN");

        // when the analysts' rules arrive, file by file: a refresh may load some of them first
        copyRules();
        ServeClient.Answer first = serve.awaitAnswer(PREMIUM_CALL,
                a -> a.status() == 200 && "DENY".equals(a.field("decision")), WITHIN);
        assertThat(first.field("decision")).isEqualTo("DENY");
        assertThat(serve.get("/actuator/health").field("status")).isEqualTo("UP");

        // when a rule file breaks: refused, logged with file:line:column, the rules before keep deciding
        Path priceLimits = rulesDir.resolve("price-limits.drl");
        String good = Files.readString(priceLimits);
        replace(priceLimits, good + "\nrule \"broken\"\nwhen\n    $c : OutgoingCall( nosuchfield > 1 )\nthen\nend\n");
        awaitLog(log, "price-limits.drl:");
        assertThat(log.getOut() + log.getErr()).containsPattern("refused, rule set \\w+ keeps deciding")
                .containsPattern("price-limits\\.drl:\\d+:\\d+: error");
        assertThat(serve.get(PREMIUM_CALL).field("ruleSetVersion")).isEqualTo(first.field("ruleSetVersion"));
        assertThat(serve.get(PREMIUM_CALL).field("decision")).isEqualTo("DENY");

        // when it is fixed with a different limit: swapped in whole
        replace(priceLimits, good.replace("pricePpm > nationalLimitPpm", "pricePpm > nationalLimitPpm * 10"));
        ServeClient.Answer changed = serve.awaitAnswer(PREMIUM_CALL, a -> "ALLOW".equals(a.field("decision")), WITHIN);
        assertThat(changed.field("decision")).isEqualTo("ALLOW");
        assertThat(changed.field("ruleSetVersion")).isNotEqualTo(first.field("ruleSetVersion"));
    }

    private static void copyRules() throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, rulesDir.resolve(file.getFileName()));
            }
        }
    }

    /** Whole or not at all: a refresh that read the file half written would load a set without its rules. */
    private static void replace(Path file, String text) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(written, text);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitLog(CapturedOutput log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!(log.getOut() + log.getErr()).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
