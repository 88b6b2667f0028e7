package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.voipguard.command.UsageException;

/**
 * The files named on a command line: files as given, folders as their files in name order.
 * A folder is a drop folder (an inbox): only the regular files directly in it count, never
 * those in its sub-folders such as {@code processed/} and {@code failed/}, nor hidden files (a
 * file still being written should be hidden, {@code .name}, until it is complete). Whoever
 * delivers files may be hostile, so a drop folder's links are never followed: a symbolic link
 * (or a pipe, a device …) in it is left alone and reported. A file named {@code processed} or
 * {@code failed} is a file like any other.
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

    /** An entry of a drop folder that is not imported, and why. */
    public record LeftAlone(Path entry, String reason) {
    }

    /** The files to import, in order, and the entries of drop folders left alone. */
    public record Inputs(List<InputFile> files, List<LeftAlone> leftAlone) {
    }

    public static List<Path> expand(List<Path> paths) {
        return collect(paths).files().stream().map(InputFile::file).toList();
    }

    public static Inputs collect(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        List<LeftAlone> leftAlone = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                readFolder(path, files, leftAlone);
            } else if (Files.isRegularFile(path)) {
                files.add(new InputFile(path, null));
            } else {
                throw new UsageException("no such file or folder: " + path);
            }
        }
        return new Inputs(files, leftAlone);
    }

    private static void readFolder(Path folder, List<InputFile> files, List<LeftAlone> leftAlone) {
        for (Path entry : entries(folder)) {
            BasicFileAttributes attributes = attributesOf(entry);
            if (attributes == null || attributes.isDirectory()) {
                continue;
            }
            if (attributes.isRegularFile()) {
                files.add(new InputFile(entry, folder));
            } else if (attributes.isSymbolicLink()) {
                leftAlone.add(new LeftAlone(entry, "a symbolic link (drop folders never follow links)"));
            } else {
                leftAlone.add(new LeftAlone(entry, "not a regular file"));
            }
        }
    }

    private static List<Path> entries(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The entry itself, not what a link points to; null when it is gone already. */
    private static BasicFileAttributes attributesOf(Path entry) {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
    }
}
