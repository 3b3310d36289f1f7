package io.rowdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.error.ErrorKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runaway queries stop at their limit, even a single function call that DuckDB cannot interrupt.
 * The natural run times (issue 9: 15.9 s and 31.9 s on a quiet machine) are far above the limit of
 * 1 s used here; how close to the limit they stop is a benchmark figure (docs/benchmarks.md).
 */
class QueryWatchdogTest {
    static final String LEVENSHTEIN = "SELECT levenshtein(lpad('',100000,'a'),lpad('',100000,'b'))";
    static final String SPLIT = "SELECT unnest(string_split(lpad('',50000000,','),','))";
    static final Duration LIMIT = Duration.ofSeconds(1);

    @TempDir Path dir;
    QueryEngine engine;

    // One engine per test: a runaway of one test must not count against the next.
    @BeforeEach
    void start() {
        engine = new QueryEngine(dir, new DuckDb.Limits("1GB", 2), 1024 * 1024);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void a_string_split_of_fifty_million_parts_stops_with_timeout() {
        long started = System.nanoTime();
        Throwable thrown =
                catchThrowable(() -> engine.stream(SPLIT, List.of(), LIMIT, new CountingSink()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(thrown).isInstanceOf(QueryException.class);
        assertThat(((QueryException) thrown).kind()).isEqualTo(ErrorKind.TIMEOUT);
        System.out.println(
                "watchdog-bench string_split: limit 1000 ms, answered after " + millis + " ms");
        // Far below the 31.9 s it ran before the watchdog; not a latency threshold.
        assertThat(millis).isLessThan(15_000);
    }

    @Test
    void a_levenshtein_folded_while_preparing_answers_timeout_at_the_limit() {
        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> engine.query(LEVENSHTEIN, List.of(), 10, LIMIT));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(thrown).isInstanceOf(QueryException.class);
        assertThat(((QueryException) thrown).kind()).isEqualTo(ErrorKind.TIMEOUT);
        System.out.println(
                "watchdog-bench levenshtein: limit 1000 ms, answered after " + millis + " ms");
        // DuckDB folds the constant call inside prepareStatement, where no interrupt reaches it:
        // the caller still gets its answer at the limit plus the grace, far below the 15.9 s.
        assertThat(millis).isLessThan(8_000);
    }

    @Test
    void while_runaways_still_run_new_queries_are_refused_as_unavailable() {
        Duration short_ = Duration.ofMillis(200);
        int before = engine.watchdog().runaways();
        for (int i = before; i < QueryWatchdog.MAX_RUNAWAYS; i++) {
            catchThrowable(
                    () ->
                            engine.query(
                                    "SELECT levenshtein(lpad('',30000,'a'),lpad('',30000,'c'))",
                                    List.of(),
                                    10,
                                    short_));
        }
        if (engine.watchdog().runaways() >= QueryWatchdog.MAX_RUNAWAYS) {
            Throwable thrown = catchThrowable(() -> engine.query("SELECT 1", List.of(), 1, short_));
            assertThat(thrown).isInstanceOf(io.rowdesk.error.UserFacingException.class);
            assertThat(((io.rowdesk.error.UserFacingException) thrown).kind())
                    .isEqualTo(ErrorKind.UNAVAILABLE);
        }
        assertThat(engine.watchdog().runaways()).isPositive();
    }

    @Test
    void a_result_larger_than_the_memory_cap_is_cut_and_marked_truncated() {
        QueryResult result =
                engine.query(
                        "SELECT i, 'row ' || i || ' padding padding padding' AS t FROM range(100000) r(i)",
                        List.of(),
                        100_000,
                        Duration.ofSeconds(30));
        assertThat(result.truncated()).isTrue();
        assertThat(result.rows().size()).isBetween(1, 99_999);
    }

    @Test
    void one_row_larger_than_the_memory_cap_is_refused() {
        Throwable thrown =
                catchThrowable(
                        () ->
                                engine.query(
                                        "SELECT string_agg('x', '') FROM range(2000000)",
                                        List.of(),
                                        10,
                                        Duration.ofSeconds(30)));
        assertThat(thrown).isInstanceOf(QueryException.class).hasMessageContaining("MiB");
    }

    private static final class CountingSink implements QueryEngine.RowSink {
        long rows;

        @Override
        public void columns(List<Column> columns) {}

        @Override
        public boolean row(List<Object> row) {
            rows++;
            return true;
        }
    }
}
