package org.voipguard.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.springframework.stereotype.Component;

/**
 * Compiles the {@code .drl} files of a rules directory into a {@link RuleBook}. The result is
 * cached by the content of the files, so loading at every job start costs a directory read
 * unless an analyst changed a rule.
 */
@Component
public class RuleBookLoader {

    private static final String SOURCE_ROOT = "src/main/resources/org/voipguard/policies/";

    private final Map<String, RuleBook> cache = new ConcurrentHashMap<>();

    /** The compiled rule book of the directory; throws with every error when it does not compile. */
    public RuleBook load(Path directory) {
        Map<String, byte[]> sources = readRuleFiles(directory);
        if (sources.isEmpty()) {
            throw new RuleCompilationException("no .drl rule files in " + directory.toAbsolutePath(), List.of());
        }
        String version = versionOf(sources);
        return cache.computeIfAbsent(version, v -> compile(directory, sources, v));
    }

    /** Compiles without caching and returns every message, warnings included. */
    public List<RuleProblem> check(Path directory) {
        Map<String, byte[]> sources = readRuleFiles(directory);
        return build(sources, versionOf(sources)).problems();
    }

    private RuleBook compile(Path directory, Map<String, byte[]> sources, String version) {
        long started = System.nanoTime();
        Build build = build(sources, version);
        List<RuleProblem> errors = build.problems().stream()
                .filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new RuleCompilationException("rules in " + directory + " do not compile", errors);
        }
        var kieBase = KieServices.get().newKieContainer(build.releaseId()).getKieBase();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new RuleBook(kieBase, version, List.copyOf(sources.keySet()), took);
    }

    private Build build(Map<String, byte[]> sources, String version) {
        KieServices kieServices = KieServices.get();
        KieFileSystem files = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("org.voipguard", "rules", "1.0.0-" + version);
        files.generateAndWritePomXML(releaseId);
        sources.forEach((name, content) -> files.write(SOURCE_ROOT + name, content));
        KieBuilder builder = kieServices.newKieBuilder(files).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.INFO) {
                continue;
            }
            RuleProblem.Severity severity = message.getLevel() == Message.Level.ERROR
                    ? RuleProblem.Severity.ERROR : RuleProblem.Severity.WARNING;
            problems.add(new RuleProblem(fileName(message.getPath()), Math.max(message.getLine(), 0),
                    Math.max(message.getColumn(), 0), severity, message.getText()));
        }
        return new Build(releaseId, problems);
    }

    private static String fileName(String path) {
        if (path == null) {
            return "<rules>";
        }
        return path.startsWith(SOURCE_ROOT) ? path.substring(SOURCE_ROOT.length()) : path;
    }

    private static Map<String, byte[]> readRuleFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleCompilationException("rules directory " + directory.toAbsolutePath() + " does not exist", List.of());
        }
        Map<String, byte[]> sources = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                sources.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory, e);
        }
        return sources;
    }

    private static String versionOf(Map<String, byte[]> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sources.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Build(ReleaseId releaseId, List<RuleProblem> problems) {
    }
}
