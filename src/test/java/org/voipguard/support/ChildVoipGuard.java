package org.voipguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * VoIPGuard run as operations run it: {@code java ... VoipGuardApplication COMMAND} in a JVM of
 * its own, on the test classpath, from the project folder (its rules and batch-config), with the
 * database and folders given. Its output goes to files, so it can be read after a kill.
 */
public final class ChildVoipGuard {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildVoipGuard(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code voipguard args...} on the database URL, with its outbox and rejects folders under {@code home}. */
    public static ChildVoipGuard start(Path home, String databaseUrl, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived batch process: quick start matters more than peak speed
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "org.voipguard.VoipGuardApplication"));
        command.addAll(List.of(args));
        command.add("--spring.datasource.url=" + databaseUrl);
        command.add("--voipguard.outbox-dir=" + home.resolve("outbox"));
        command.add("--voipguard.rejects-dir=" + home.resolve("rejects"));
        // small chunks: many commits to be killed between, at a pace a watching test can follow
        command.add("--voipguard.chunk-size=100");
        int run = RUNS.incrementAndGet();
        Path stdout = home.resolve("run-" + run + ".out");
        Path stderr = home.resolve("run-" + run + ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("user.dir")).toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            return new ChildVoipGuard(process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the text to the run's standard input and closes it, as {@code echo text | voipguard ...} does. */
    public ChildVoipGuard input(String text) {
        try (var in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean-up, like a power cut or the OOM killer. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Waits for the end (at most four minutes) and returns the exit code. */
    public int waitFor() {
        try {
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("voipguard did not finish in time: " + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Both outputs, for assertion messages. */
    public String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
