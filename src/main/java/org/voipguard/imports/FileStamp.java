package org.voipguard.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What a file looked like at one moment: whether it was there, which file it was (a link or
 * another file put in its place is another file), its size and when it was last modified. A
 * file whose stamp after its import differs from the one before was changed while it was read.
 */
record FileStamp(boolean exists, Object fileKey, boolean link, long size, FileTime modified) {

    private static final FileStamp ABSENT = new FileStamp(false, null, false, -1, null);

    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(true, attributes.fileKey(), attributes.isSymbolicLink(), attributes.size(),
                    attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** How this (later) stamp differs from an earlier one, for the run's output. */
    String changeSince(FileStamp before) {
        if (!exists) {
            return "it was removed";
        }
        if (link != before.link || !Objects.equals(fileKey, before.fileKey)) {
            return "another file or a link was put in its place";
        }
        return size == before.size ? "modified at " + modified + ", same size"
                : before.size + " bytes before, " + size + " after";
    }
}
