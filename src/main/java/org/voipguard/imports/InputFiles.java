package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.voipguard.cli.UsageException;

/**
 * The files named on a command line: files as given, folders as their files in name order.
 * A folder is a drop folder (an inbox): only the files directly in it count, never those in
 * its sub-folders such as {@code processed/} and {@code failed/}, nor hidden files (a file
 * still being written should be hidden, {@code .name}, until it is complete).
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** A file to import; {@code inbox} is the folder it was found in, or null when it was named itself. */
    public record InputFile(Path file, Path inbox) {

        public boolean fromInbox() {
            return inbox != null;
        }
    }

    public static List<Path> expand(List<Path> paths) {
        return collect(paths).stream().map(InputFile::file).toList();
    }

    public static List<InputFile> collect(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                filesIn(path).forEach(file -> files.add(new InputFile(file, path)));
            } else if (Files.isRegularFile(path)) {
                files.add(new InputFile(path, null));
            } else {
                throw new UsageException("no such file or folder: " + path);
            }
        }
        return files;
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
