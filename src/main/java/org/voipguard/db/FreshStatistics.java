package org.voipguard.db;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's statistics of the tables an import reads by key up to date while the
 * import fills them: at the start of a step and after its chunks 1, 2, 4, 8, … (ten times in a
 * thousand chunks). Without statistics PostgreSQL takes a lookup of a chunk's 1,000 numbers to
 * match the whole table and reads it all, chunk after chunk; autovacuum, when it runs at all,
 * analyses a table long after an import began to fill it. Does nothing on H2.
 * <p>
 * {@code registration_outcome} is left out on purpose: the evaluation step's reader plans its
 * one query, which skips the events that have an outcome, when the step starts. Analysed while
 * empty, the table is taken for empty for the whole step, and the plan read it through for each
 * event as the step filled it.
 */
@Component
public class FreshStatistics implements StepExecutionListener, ChunkListener<Object, Object> {

    static final List<String> TABLES_READ_BY_KEY = List.of("number_settings", "known_ip", "known_user_agent",
            "abuse_window", "lockdown_notice", "registered_phone", "address_ban", "monthly_spend", "cdr_open_call");

    private final JdbcTemplate jdbc;
    private final boolean onPostgreSql;
    private volatile Schedule importStep;

    public FreshStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.onPostgreSql = DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        importStep = startedFor(TABLES_READ_BY_KEY);
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        Schedule schedule = importStep;
        if (schedule != null) {
            schedule.pageDone();
        }
    }

    /**
     * For the parts of a step run side by side: their chunks count together towards the next
     * analysis, which this listener, registered on the step that runs them, starts counting.
     */
    public ChunkListener<Object, Object> afterEachChunk() {
        return new ChunkListener<>() {
            @Override
            public void afterChunk(Chunk<Object> chunk) {
                FreshStatistics.this.afterChunk(chunk);
            }
        };
    }

    /**
     * The same for work done page by page outside a step (composing emails): analyses the tables
     * now, and again after pages 1, 2, 4, 8, … as {@link Schedule#pageDone()} counts them.
     */
    public Schedule startedFor(List<String> tables) {
        Schedule schedule = new Schedule(List.copyOf(tables));
        schedule.analyze();
        return schedule;
    }

    /** Analyses the tables once, for work that reads them by key and does not change them. */
    public void analyze(List<String> tables) {
        if (onPostgreSql) {
            jdbc.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    /** When the tables of one piece of work are analysed again. */
    public final class Schedule {

        private final List<String> tables;
        private long pages;

        private Schedule(List<String> tables) {
            this.tables = tables;
        }

        public synchronized void pageDone() {
            pages++;
            if (Long.bitCount(pages) == 1) {
                analyze();
            }
        }

        private void analyze() {
            FreshStatistics.this.analyze(tables);
        }
    }
}
