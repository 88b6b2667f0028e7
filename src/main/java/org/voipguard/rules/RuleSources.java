package org.voipguard.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.voipguard.text.Sha256;
import org.voipguard.thresholds.ScannerUserAgents;
import org.voipguard.thresholds.ThresholdFileException;
import org.voipguard.thresholds.Thresholds;

/**
 * The {@code .drl} files of one rules directory as read from disk, with the version that
 * names their content and the means to point at a place in them.
 */
final class RuleSources {

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");

    private final Path directory;
    private final Map<String, byte[]> files;
    private final byte[] thresholds;
    private final byte[] scannerUserAgents;
    private final String version;

    private RuleSources(Path directory, Map<String, byte[]> files, byte[] thresholds, byte[] scannerUserAgents) {
        this.directory = directory;
        this.files = files;
        this.thresholds = thresholds;
        this.scannerUserAgents = scannerUserAgents;
        this.version = versionOf(files, thresholds, scannerUserAgents);
    }

    static RuleSources read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleCompilationException("rules directory " + directory.toAbsolutePath() + " does not exist",
                    List.of());
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(".drl"))
                    .filter(Files::isRegularFile).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            return new RuleSources(directory, files, readIfPresent(directory.resolve(Thresholds.FILE_NAME)),
                    readIfPresent(directory.resolve(ScannerUserAgents.FILE_NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory, e);
        }
    }

    private static byte[] readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    Path directory() {
        return directory;
    }

    /** File name to content, in name order. */
    Map<String, byte[]> files() {
        return files;
    }

    /**
     * The thresholds file beside the rules; a directory without one has every threshold check off.
     *
     * @throws ThresholdFileException when it cannot be used as written
     */
    Thresholds thresholds() {
        if (thresholds == null) {
            return Thresholds.none();
        }
        return Thresholds.parse(new StringReader(new String(thresholds, StandardCharsets.UTF_8)),
                displayPath(Thresholds.FILE_NAME));
    }

    /**
     * The scanners' User-Agent prefixes beside the rules; a directory without the file knows no scanner.
     *
     * @throws ThresholdFileException when a line cannot be used as written
     */
    ScannerUserAgents scannerUserAgents() {
        if (scannerUserAgents == null) {
            return ScannerUserAgents.none();
        }
        return ScannerUserAgents.parse(new StringReader(new String(scannerUserAgents, StandardCharsets.UTF_8)),
                displayPath(ScannerUserAgents.FILE_NAME));
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** A hash of the file names and contents, thresholds included: the same rules always have the same version. */
    String version() {
        return version;
    }

    /** The path to print for a file of this directory, as the user gave the directory. */
    String displayPath(String fileName) {
        return directory.resolve(fileName).toString();
    }

    /** The file name a compiler message path refers to, if it is one of ours. */
    Optional<String> fileOf(String messagePath) {
        if (messagePath == null) {
            return Optional.empty();
        }
        String name = messagePath.substring(messagePath.lastIndexOf('/') + 1);
        return files.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** Where a rule is declared: its file, 1-based line and column. */
    Optional<Location> ruleDeclaration(String ruleName) {
        for (String name : files.keySet()) {
            List<String> lines = lines(name);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = RULE_DECLARATION.matcher(lines.get(i));
                if (m.find() && ruleName.equals(firstNonNull(m.group(2), m.group(3), m.group(4)))) {
                    return Optional.of(new Location(name, i + 1, lines.get(i).indexOf("rule") + 1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every place where {@code text} occurs, in file and line order: from {@code from} (a file
     * and line) to the end of that file, or in every file when {@code from} is empty.
     */
    List<Location> find(String text, Optional<Location> from) {
        List<Location> found = new ArrayList<>();
        if (text.isBlank()) {
            return found;
        }
        for (String name : from.map(l -> List.of(l.file())).orElse(List.copyOf(files.keySet()))) {
            List<String> lines = lines(name);
            for (int i = from.map(l -> l.line() - 1).orElse(0); i < lines.size(); i++) {
                for (int at = lines.get(i).indexOf(text); at >= 0; at = lines.get(i).indexOf(text, at + 1)) {
                    found.add(new Location(name, i + 1, at + 1));
                }
            }
        }
        return found;
    }

    List<String> lines(String fileName) {
        return text(fileName).lines().toList();
    }

    String text(String fileName) {
        return new String(files.get(fileName), StandardCharsets.UTF_8);
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String versionOf(Map<String, byte[]> files, byte[] thresholds, byte[] scannerUserAgents) {
        MessageDigest digest = Sha256.newDigest();
        files.forEach((name, content) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            digest.update((byte) 0);
        });
        if (thresholds != null) {
            digest.update(Thresholds.FILE_NAME.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(thresholds);
        }
        if (scannerUserAgents != null) {
            digest.update((byte) 0);
            digest.update(ScannerUserAgents.FILE_NAME.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(scannerUserAgents);
        }
        return Sha256.hex(digest.digest()).substring(0, 12);
    }

    /** A place in a rule file; line and column count from 1. */
    record Location(String file, int line, int column) {
    }
}
