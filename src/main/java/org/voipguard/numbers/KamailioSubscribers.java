package org.voipguard.numbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kamailio's {@code subscriber} table as {@code db_text} files, for {@code auth_db} with
 * {@code calculate_ha1 = 0} and {@code password_column = "ha1"}: one row per number with a SIP
 * password, the number as user name and its HA1. Each file is replaced whole (written beside it,
 * then renamed) and readable by its owner only: an HA1 lets anyone register as the number.
 */
final class KamailioSubscribers {

    /** auth_db checks the table's version. */
    static final int SUBSCRIBER_TABLE_VERSION = 7;
    private static final Pattern SAFE = Pattern.compile("[+0-9a-f]+");

    private KamailioSubscribers() {
    }

    /** Writes {@code subscriber} and {@code version} into the directory; returns the number of subscribers. */
    static int export(List<SipPasswords.Credential> credentials, String realm, Path directory) {
        StringBuilder subscribers = new StringBuilder("id(int,auto) username(string) domain(string,null) ha1(string)\n");
        int rows = 0;
        for (SipPasswords.Credential credential : credentials) {
            if (!credential.realm().equals(realm) || !SAFE.matcher(credential.number() + credential.ha1()).matches()) {
                continue; // a digest for another realm cannot authenticate here
            }
            rows++;
            subscribers.append(rows).append(':').append(credential.number()).append("::").append(credential.ha1())
                    .append('\n');
        }
        write(directory, "subscriber", subscribers.toString());
        write(directory, "version", "table_name(string) table_version(int)\nsubscriber:" + SUBSCRIBER_TABLE_VERSION
                + "\nlocation:9\n");
        return rows;
    }

    private static void write(Path directory, String name, String content) {
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve("." + name + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
