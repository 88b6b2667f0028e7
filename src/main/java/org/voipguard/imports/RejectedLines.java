package org.voipguard.imports;

import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voipguard.text.RejectsFile;

/**
 * Lines an import could not use. They are stored in the database in the same transaction as
 * the good lines of their chunk, so a crash and a re-run neither lose nor repeat one, and
 * written to a rejects file once the file's import is over.
 */
@Repository
public class RejectedLines {

    private static final int MAX_RAW = 4000;
    private static final int MAX_REASON = 1000;

    private final JdbcTemplate jdbc;

    public RejectedLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Rejection(long lineNumber, String field, String reason, String rawLine) {
    }

    public void store(long importId, String source, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO rejected_line (import_id, source, line_number, field, reason, raw_line) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", rejections, rejections.size(), (ps, r) -> {
                    ps.setLong(1, importId);
                    ps.setString(2, source);
                    ps.setLong(3, r.lineNumber());
                    ps.setString(4, r.field());
                    ps.setString(5, cut(r.reason(), MAX_REASON));
                    ps.setString(6, cut(r.rawLine().replace("\u0000", ""), MAX_RAW));
                });
    }

    public long count(long importId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_line WHERE import_id = ?", Long.class, importId);
        return count == null ? 0 : count;
    }

    /** Writes the rejects of one import ({@link RejectsFile}); returns the file, or null if none. */
    public Path writeFile(long importId, Path directory, String inputName) {
        return RejectsFile.write(directory, inputName, row -> jdbc.query("SELECT line_number, field, reason, raw_line"
                + " FROM rejected_line WHERE import_id = ? ORDER BY line_number",
                rs -> {
                    row.accept(new RejectsFile.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }, importId));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
