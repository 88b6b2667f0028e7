package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.voipguard.cli.UsageException;

/** The files named on a command line: files as given, folders as their files in name order. */
public final class InputFiles {

    private InputFiles() {
    }

    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(filesIn(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
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
