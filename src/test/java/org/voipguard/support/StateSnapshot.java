package org.voipguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a run could change: the rows of every table (VoIPGuard's and the job
 * repository's) and the files under the given directories. Two snapshots are equal when
 * nothing was written.
 */
public record StateSnapshot(Map<String, List<Map<String, Object>>> tables, Map<Path, List<Path>> files) {

    public static StateSnapshot take(JdbcTemplate jdbc, Path... directories) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", String.class)) {
            tables.put(table, jdbc.queryForList("SELECT * FROM \"" + table + "\" ORDER BY 1"));
        }
        if (!tables.keySet().stream().map(String::toLowerCase).toList().containsAll(List.of("cdr", "alert", "batch_job_instance"))) {
            throw new IllegalStateException("the snapshot misses tables, it would prove nothing: " + tables.keySet());
        }
        Map<Path, List<Path>> files = new LinkedHashMap<>();
        for (Path directory : directories) {
            files.put(directory, listing(directory));
        }
        return new StateSnapshot(tables, files);
    }

    private static List<Path> listing(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
