package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A drop folder: a file imported from it moves to {@code processed/} beside it, a file whose
 * import failed to {@code failed/} with the reason in {@code <name>.reason.txt}. The folders
 * are created when needed. A name already taken there gets a number: {@code cdrs.1.csv}.
 */
public final class Inbox {

    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";

    private Inbox() {
    }

    /** Moves an imported file to {@code processed/} and returns where it went. */
    public static Path processed(InputFiles.InputFile input) {
        return move(input.file(), input.inbox().resolve(PROCESSED));
    }

    /** Moves a file that failed to {@code failed/}, writes the reason beside it and returns where it went. */
    public static Path failed(InputFiles.InputFile input, String reason) {
        Path target = move(input.file(), input.inbox().resolve(FAILED));
        Path reasonFile = target.resolveSibling(target.getFileName() + ".reason.txt");
        try {
            Files.writeString(reasonFile, reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + reasonFile, e);
        }
        return target;
    }

    private static Path move(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            String name = file.getFileName().toString();
            for (int n = 0; ; n++) {
                Path target = folder.resolve(n == 0 ? name : numbered(name, n));
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    return Files.move(file, target);
                } catch (FileAlreadyExistsException e) {
                    // taken between the check and the move: try the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + folder, e);
        }
    }

    /** {@code cdrs.csv} with 2 becomes {@code cdrs.2.csv}; {@code log} becomes {@code log.2}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "." + n : name.substring(0, dot) + "." + n + name.substring(dot);
    }
}
