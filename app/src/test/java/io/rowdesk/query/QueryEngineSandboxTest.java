package io.rowdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.search.GuardedQueries;
import io.rowdesk.search.SqlGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query instance's own walls, without the guard in front: defence in depth. */
class QueryEngineSandboxTest {
    @TempDir static Path dir;
    static TestApp app;
    static QueryEngine engine;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir.resolve("data"));
        engine = app.rowdesk().engine();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void unguarded_file_reads_extensions_settings_and_foreign_attaches_fail() throws Exception {
        Path outside = dir.resolve("outside.db");
        List<String> refused =
                List.of(
                        "SELECT * FROM read_csv('/etc/passwd')",
                        "SELECT * FROM '/etc/passwd'",
                        "INSTALL httpfs",
                        "LOAD httpfs",
                        "SET threads = 8",
                        "SET enable_external_access = true",
                        "SET allowed_directories = ['/']",
                        "ATTACH '" + outside + "' AS outside");
        for (String sql : refused) {
            assertThat(
                            catchThrowable(
                                    () -> engine.query(sql, List.of(), 10, Duration.ofSeconds(5))))
                    .as(sql)
                    .isInstanceOf(QueryException.class);
        }
        assertThat(Files.exists(outside)).isFalse();
        assertThat(engine.count("partners")).isPositive();
    }

    @Test
    void the_memory_limit_is_the_configured_one_and_spills_go_under_the_data_folder() {
        List<Object> settings =
                engine.query(
                                "SELECT current_setting('memory_limit'),"
                                        + " current_setting('temp_directory')",
                                List.of(),
                                1,
                                Duration.ofSeconds(5))
                        .rows()
                        .get(0);
        // DuckDB says the limit in its own units, e.g. "1.0 GiB" or "953.6 MiB"
        String[] limit = String.valueOf(settings.get(0)).split(" ");
        double bytes =
                Double.parseDouble(limit[0])
                        * switch (limit[1]) {
                            case "KiB" -> 1L << 10;
                            case "MiB" -> 1L << 20;
                            case "GiB" -> 1L << 30;
                            default -> 1;
                        };
        assertThat(bytes)
                .isCloseTo(
                        (double) io.rowdesk.config.ServerConfig.DEFAULT_MEMORY_BYTES,
                        org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(Path.of(String.valueOf(settings.get(1))))
                .startsWith(dir.resolve("data").toAbsolutePath());
    }

    @Test
    void a_runaway_query_is_stopped_by_the_timeout_and_the_instance_keeps_answering() {
        try (SqlGuard guard = new SqlGuard(app.rowdesk().catalog())) {
            GuardedQueries queries =
                    new GuardedQueries(
                            guard,
                            engine,
                            new GuardedQueries.Limits(Duration.ofSeconds(1), 10_000));
            long started = System.nanoTime();
            QueryException stopped =
                    (QueryException)
                            catchThrowable(
                                    () ->
                                            queries.run(
                                                    "SELECT count(*) FROM lead_events a, lead_events b, lead_events c WHERE a.event_id + b.event_id <> c.event_id",
                                                    List.of(),
                                                    Role.VIEWER));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(stopped).isNotNull();
            assertThat(stopped.timedOut()).isTrue();
            assertThat(stopped.getMessage())
                    .startsWith("The query took longer than 1 s and was stopped");
            assertThat(elapsedMillis).isLessThan(10_000);

            QueryResult after =
                    queries.run("SELECT count(*) FROM partners", List.of(), Role.VIEWER);
            assertThat(((Number) after.rows().get(0).get(0)).longValue()).isPositive();
        }
    }

    @Test
    void the_guard_keeps_people_away_from_the_writable_orderings_folder() throws Exception {
        var grid = app.rowdesk().grid();
        var relation = app.rowdesk().catalog().find("partners", Role.VIEWER).orElseThrow();
        var query =
                grid.query(
                        relation, io.rowdesk.grid.SortKey.parse("-partner_id", relation.columns()));
        var ordering = app.rowdesk().orderings().request(query).get();
        Path orderings = engine.orderingsDir();
        assertThat(Files.list(orderings).toList()).isNotEmpty();
        try (SqlGuard guard = new SqlGuard(app.rowdesk().catalog())) {
            GuardedQueries queries =
                    new GuardedQueries(guard, engine, GuardedQueries.Limits.DEFAULT);
            List<String> refused =
                    List.of(
                            "SELECT * FROM " + ordering.table(),
                            "COPY partners TO '" + orderings.resolve("x.csv") + "'",
                            "ATTACH '" + orderings.resolve("mine.db") + "' AS mine",
                            "SELECT * FROM read_csv('" + orderings.resolve("x.csv") + "')");
            for (String sql : refused) {
                assertThat(catchThrowable(() -> queries.run(sql, List.of(), Role.ADMIN)))
                        .as(sql)
                        .isNotNull();
            }
        }
        assertThat(Files.exists(orderings.resolve("x.csv"))).isFalse();
        assertThat(Files.exists(orderings.resolve("mine.db"))).isFalse();
    }

    @Test
    void the_row_cap_truncates_and_says_so() {
        try (SqlGuard guard = new SqlGuard(app.rowdesk().catalog())) {
            GuardedQueries queries =
                    new GuardedQueries(
                            guard, engine, new GuardedQueries.Limits(Duration.ofSeconds(10), 50));
            QueryResult result =
                    queries.run("SELECT * FROM lead_events", List.of(), Role.VIEWER, 1_000);
            assertThat(result.rows()).hasSize(50);
            assertThat(result.truncated()).isTrue();
        }
    }
}
