package org.voipguard.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.db.SqlDialect;
import org.voipguard.text.Sha256;

/** Remembers which files were imported completely, by content, so the same file counts once. */
@Repository
public class ImportedFiles {

    private final JdbcTemplate jdbc;
    private final String insertIfNew;

    public ImportedFiles(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.insertIfNew = dialect.insertIfAbsent("imported_file",
                List.of("kind", "sha256", "path", "import_id", "imported_at"), List.of("kind", "sha256"));
    }

    /** The path under which a file with this content was imported before, if it was. */
    public Optional<String> previousImport(String kind, String sha256) {
        return jdbc.queryForList("SELECT path FROM imported_file WHERE kind = ? AND sha256 = ?", String.class, kind, sha256)
                .stream().findFirst();
    }

    public void record(String kind, String sha256, Path path, long importId) {
        jdbc.update(insertIfNew, kind, sha256, path.toAbsolutePath().toString(), importId, OffsetDateTime.now());
    }

    public static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), Sha256.newDigest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return Sha256.hex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
