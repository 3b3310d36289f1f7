package io.rowdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.duck.DuckDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept prepared statements answer like fresh ones and never serve rows of a dropped table. */
class QueryEnginePreparedTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String WINDOW = "SELECT x FROM grid_t WHERE x BETWEEN ? AND ? ORDER BY x";

    @TempDir Path dir;

    @Test
    void a_kept_statement_answers_like_a_fresh_one() {
        try (QueryEngine engine = new QueryEngine(dir, DuckDb.Limits.QUERY)) {
            engine.execute(
                    "CREATE TABLE grid_t AS SELECT range AS x FROM range(1000)",
                    List.of(),
                    TIMEOUT);
            for (long from : new long[] {0, 500, 990}) {
                QueryResult prepared =
                        engine.queryPrepared(WINDOW, List.of(from, from + 9), 100, TIMEOUT);
                QueryResult fresh = engine.query(WINDOW, List.of(from, from + 9), 100, TIMEOUT);
                assertThat(prepared.rows())
                        .isEqualTo(fresh.rows())
                        .hasSize((int) Math.min(10, 1000 - from));
            }
        }
    }

    @Test
    void a_statement_that_fails_when_first_prepared_is_reported_at_once() {
        try (QueryEngine engine = new QueryEngine(dir, DuckDb.Limits.QUERY)) {
            assertThatThrownBy(() -> engine.queryPrepared(WINDOW, List.of(0L, 1L), 100, TIMEOUT))
                    .isInstanceOf(QueryException.class);
        }
    }

    @Test
    void after_the_table_is_replaced_the_new_rows_are_read() {
        try (QueryEngine engine = new QueryEngine(dir, DuckDb.Limits.QUERY)) {
            engine.execute(
                    "CREATE TABLE grid_t AS SELECT range AS x FROM range(10)", List.of(), TIMEOUT);
            assertThat(engine.queryPrepared(WINDOW, List.of(0L, 100_000L), 100, TIMEOUT).rows())
                    .hasSize(10);
            engine.execute("DROP TABLE grid_t", List.of(), TIMEOUT);
            engine.execute(
                    "CREATE TABLE grid_t AS SELECT range + 1000 AS x FROM range(3)",
                    List.of(),
                    TIMEOUT);
            // the kept statement is bound to the dropped table: the engine prepares it afresh
            QueryResult after = engine.queryPrepared(WINDOW, List.of(0L, 100_000L), 100, TIMEOUT);
            assertThat(after.rows())
                    .extracting(r -> ((Number) r.get(0)).longValue())
                    .containsExactly(1000L, 1001L, 1002L);
        }
    }
}
