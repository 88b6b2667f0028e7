package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * A drop folder: a file imported from it moves to {@code processed/} beside it, a file whose
 * import failed to {@code failed/} with the reason in {@code <name>.reason.txt}. The folders
 * are created when needed. A name already taken there gets a number: {@code cdrs.1.csv}.
 * <p>
 * Whoever delivers files may also plant links, so nothing here follows one: the drop folder
 * and {@code processed/} or {@code failed/} are opened as directories ({@link SecureDirectoryStream}),
 * {@code processed/} or {@code failed/} only when it is a directory itself and not a link to
 * one, and the file is moved and the reason written relative to them, the reason file only
 * when no file or link of its name exists. A platform without secure directory streams moves
 * nothing.
 */
public final class Inbox {

    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";

    private static final String REASON_SUFFIX = ".reason.txt";

    private Inbox() {
    }

    /** The file could not be moved out of its drop folder: it stays there, and the run goes on. */
    public static final class NotMovedException extends RuntimeException {

        NotMovedException(Path folder, String why) {
            super("cannot move it to " + folder + "/: " + why + "; the file stays in the drop folder");
        }
    }

    /** Moves an imported file to {@code processed/} and returns where it went. */
    public static Path processed(InputFiles.InputFile input) {
        return move(input, PROCESSED, null);
    }

    /** Moves a file that failed to {@code failed/}, writes the reason beside it and returns where it went. */
    public static Path failed(InputFiles.InputFile input, String reason) {
        return move(input, FAILED, reason);
    }

    private static Path move(InputFiles.InputFile input, String folderName, String reason) {
        Path folder = input.inbox().resolve(folderName);
        try (DirectoryStream<Path> opened = Files.newDirectoryStream(input.inbox())) {
            if (!(opened instanceof SecureDirectoryStream<Path> inbox)) {
                throw new NotMovedException(folder, "this platform cannot move files without following links");
            }
            createIfAbsent(folder);
            try (SecureDirectoryStream<Path> target = openFolder(inbox, folder)) {
                String name = freeName(target, input.file().getFileName().toString(), reason != null);
                inbox.move(input.file().getFileName(), target, Path.of(name));
                if (reason != null) {
                    writeReason(target, folder.resolve(name + REASON_SUFFIX), reason);
                }
                return folder.resolve(name);
            }
        } catch (IOException e) {
            throw new NotMovedException(folder, e.toString());
        }
    }

    private static void createIfAbsent(Path folder) throws IOException {
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            // a directory, or something in the way that openFolder refuses
        }
    }

    private static SecureDirectoryStream<Path> openFolder(SecureDirectoryStream<Path> inbox, Path folder)
            throws IOException {
        BasicFileAttributes attributes = attributes(inbox, folder.getFileName());
        if (attributes == null || !attributes.isDirectory()) {
            throw new NotMovedException(folder, attributes == null ? "it has just been removed"
                    : attributes.isSymbolicLink() ? "it is a symbolic link, not a directory"
                    : attributes.isRegularFile() ? "it is a file, not a directory" : "it is not a directory");
        }
        try {
            return inbox.newDirectoryStream(folder.getFileName(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new NotMovedException(folder, "it is no longer a plain directory (" + e.getMessage() + ")");
        }
    }

    /** The name, or the first numbered one, free in the folder (with its reason file's name when one goes with it). */
    private static String freeName(SecureDirectoryStream<Path> folder, String name, boolean withReason)
            throws IOException {
        for (int n = 0; ; n++) {
            String candidate = n == 0 ? name : numbered(name, n);
            if (attributes(folder, Path.of(candidate)) == null
                    && (!withReason || attributes(folder, Path.of(candidate + REASON_SUFFIX)) == null)) {
                return candidate;
            }
        }
    }

    /** The entry's own attributes, a link's and not its target's; null when there is no such entry. */
    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> folder, Path name) throws IOException {
        try {
            return folder.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void writeReason(SecureDirectoryStream<Path> folder, Path reasonFile, String reason) {
        Set<OpenOption> newFileOnly = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW,
                LinkOption.NOFOLLOW_LINKS);
        try (SeekableByteChannel channel = folder.newByteChannel(reasonFile.getFileName(), newFileOnly)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(reason + System.lineSeparator());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moved, but cannot write " + reasonFile, e);
        }
    }

    /** {@code cdrs.csv} with 2 becomes {@code cdrs.2.csv}; {@code log} becomes {@code log.2}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "." + n : name.substring(0, dot) + "." + n + name.substring(dot);
    }
}
