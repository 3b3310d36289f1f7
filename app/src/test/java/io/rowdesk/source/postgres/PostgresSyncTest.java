package io.rowdesk.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.cache.SyncService;
import io.rowdesk.cache.TableStatus;
import io.rowdesk.query.QueryResult;
import io.rowdesk.web.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A real Postgres source: every type, incremental merge, deletes, refresh by key, failures. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSyncTest {
    static final String DB = "rowdesk_src_test";
    @TempDir static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE TYPE mood AS ENUM ('happy', 'sad')",
                """
                CREATE TABLE events (
                    id bigint PRIMARY KEY,
                    name text,
                    amount numeric(12,2),
                    big numeric(38,10),
                    loose numeric,
                    ratio double precision,
                    r real,
                    small smallint,
                    n integer,
                    flag boolean,
                    day date,
                    at timestamp,
                    at_tz timestamptz,
                    t time,
                    wait interval,
                    ref uuid,
                    doc jsonb,
                    raw json,
                    tags text[],
                    nums integer[],
                    feeling mood,
                    data bytea,
                    note varchar(20),
                    updated_at timestamptz NOT NULL
                )""",
                """
                INSERT INTO events VALUES
                  (1, 'Ada, "the" first' || chr(10) || 'line two', 1234.50, 1234567890123456789012345678.0123456789, 0.1,
                   1.5, 2.25, 7, 42, true, '2026-11-20', '2026-11-20 10:11:12.123456', '2026-11-20 10:00:00+02',
                   '08:30:00', '1 year 2 mons 3 days 04:05:06', '6f1c2d1e-2b7c-4a4b-9c5b-0c1d2e3f4a5b',
                   '{"plan": "pro", "seats": [1, 2]}', '{"a": null}', ARRAY['x', 'y, z', NULL], ARRAY[1, 2, 3],
                   'happy', '\\x0102030405060708090a0b0c', '', '2026-11-20 00:00:00+00'),
                  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-11-20 00:00:00+00')
                """,
                "INSERT INTO events (id, name, amount, updated_at)"
                        + " SELECT i, 'row ' || i, i * 1.25,"
                        + " '2026-11-20 00:00:00+00'::timestamptz + i * interval '1 second'"
                        + " FROM generate_series(3, 1000) i",
                "CREATE TABLE control (boom integer)",
                "INSERT INTO control VALUES (0)",
                "CREATE TABLE plain (k integer)",
                "INSERT INTO plain SELECT generate_series(1, 10)");
        Path config = dataDir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                "sources:\n"
                        + PostgresFixture.sourceYaml(
                                "pg",
                                DB,
                                "\n      - {name: events, key: id, cursor: updated_at}"
                                        + "\n      - plain"
                                        + "\n      - name: risky"
                                        + "\n        query: SELECT i, 10 / (i - (SELECT boom FROM control)) AS x"
                                        + " FROM generate_series(1, 200000) i")
                        + PostgresFixture.sourceYaml("pg_missing", DB, "[nope]")
                        + PostgresFixture.sourceYaml("pg_denied", DB, "[guarded]")
                                .replace("user: postgres", "user: rowdesk_no_such_user")
                                .replace("name: pg_denied", "name: pg_denied"));
        app = TestApp.withoutDemo(dataDir, config);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static List<Object> row(String sql) {
        QueryResult result =
                app.rowdesk().engine().query(sql, List.of(), 10, Duration.ofSeconds(10));
        return ResultJson.rows(result).get(0);
    }

    private static TableStatus status(String relation) {
        return app.rowdesk().sync().status().stream()
                .flatMap(s -> s.tables().stream())
                .filter(t -> t.relation().equals(relation))
                .findFirst()
                .orElseThrow();
    }

    private static SyncService.Outcome sync(String table, SyncService.Mode mode) {
        return app.rowdesk().sync().submit("pg", List.of(table), mode, "test").join().get(0);
    }

    @Test
    @Order(1)
    void serve_syncs_every_type_faithfully_at_start() {
        assertThat(app.rowdesk().startup().cache().loaded()).contains("events", "plain", "risky");
        var columns = app.rowdesk().engine().columns("events");
        assertThat(columns)
                .extracting(c -> c.name() + " " + c.type())
                .contains(
                        "amount DECIMAL(12,2)",
                        "big DECIMAL(38,10)",
                        "loose DOUBLE",
                        "at_tz TIMESTAMP WITH TIME ZONE",
                        "wait INTERVAL",
                        "ref UUID",
                        "doc JSON",
                        "raw JSON",
                        "tags VARCHAR[]",
                        "nums INTEGER[]",
                        "feeling VARCHAR",
                        "data BLOB",
                        "flag BOOLEAN",
                        "small SMALLINT",
                        "day DATE",
                        "at TIMESTAMP",
                        "t TIME");
        List<Object> first =
                row(
                        "SELECT name, amount, big, flag, \"day\", \"at\", at_tz, wait, ref, doc, tags, nums,"
                                + " feeling, data, note, r FROM events WHERE id = 1");
        assertThat(first.get(0)).isEqualTo("Ada, \"the\" first\nline two");
        assertThat(first.get(1).toString()).isEqualTo("1234.50");
        assertThat(first.get(2)).isEqualTo("1234567890123456789012345678.0123456789");
        assertThat(first.get(3)).isEqualTo(true);
        assertThat(first.get(4)).isEqualTo("2026-11-20");
        assertThat(first.get(5)).isEqualTo("2026-11-20T10:11:12.123456");
        assertThat(first.get(6)).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(first.get(7)).isEqualTo("1 year 2 months 3 days 04:05:06");
        assertThat(first.get(8)).isEqualTo("6f1c2d1e-2b7c-4a4b-9c5b-0c1d2e3f4a5b");
        assertThat(first.get(9).toString()).isEqualTo("{\"plan\":\"pro\",\"seats\":[1,2]}");
        assertThat(first.get(10)).isEqualTo(java.util.Arrays.asList("x", "y, z", null));
        assertThat(first.get(11)).isEqualTo(List.of(1, 2, 3));
        assertThat(first.get(12)).isEqualTo("happy");
        assertThat(first.get(13)).isEqualTo("12 bytes 0x0102030405060708090a0b0c");
        assertThat(first.get(14)).as("the empty string is not NULL").isEqualTo("");
        assertThat(first.get(15)).isEqualTo(2.25f);
        List<Object> nulls =
                row(
                        "SELECT count(*) FILTER (WHERE name IS NULL AND note IS NULL AND tags IS NULL"
                                + " AND data IS NULL AND doc IS NULL AND flag IS NULL) FROM events WHERE id = 2");
        assertThat(nulls.get(0)).isEqualTo(1L);
        assertThat(app.rowdesk().engine().count("events")).isEqualTo(1000);
        assertThat(status("events").state()).isEqualTo(TableStatus.State.OK);
        assertThat(app.rowdesk().profiles().forRelation("events")).hasSize(24);
    }

    @Test
    @Order(2)
    void an_incremental_sync_merges_new_and_changed_rows_by_key() throws Exception {
        PostgresFixture.execute(
                DB,
                "UPDATE events SET name = 'changed', updated_at = '2026-11-21 00:00:00+00' WHERE id IN (3, 4)",
                "INSERT INTO events (id, name, updated_at) VALUES (1001, 'new', '2026-11-21 00:00:00+00')");
        SyncService.Outcome outcome = sync("events", SyncService.Mode.AUTO);
        assertThat(outcome.ok()).as(outcome.error()).isTrue();
        assertThat(outcome.incremental()).isTrue();
        // rows at the last cursor value are read again (>=): a row committed later with the
        // same timestamp is not missed
        assertThat(outcome.rowsRead()).isEqualTo(3 + 1);
        assertThat(app.rowdesk().engine().count("events")).isEqualTo(1001);
        assertThat(
                        row("SELECT string_agg(name, ',' ORDER BY id) FROM events WHERE id IN (3, 4, 1001)")
                                .get(0))
                .isEqualTo("changed,changed,new");
        assertThat(app.rowdesk().profiles().forRelation("events").get(1).distinctCount())
                .as("profiles are refreshed after the sync")
                .isEqualTo(1 + 1 + 996 + 1);
    }

    @Test
    @Order(3)
    void deleted_rows_stay_until_a_full_sync_removes_them() throws Exception {
        PostgresFixture.execute(DB, "DELETE FROM events WHERE id = 10");
        sync("events", SyncService.Mode.AUTO);
        assertThat(app.rowdesk().engine().count("events")).isEqualTo(1001);
        SyncService.Outcome full = sync("events", SyncService.Mode.FULL);
        assertThat(full.incremental()).isFalse();
        assertThat(app.rowdesk().engine().count("events")).isEqualTo(1000);
    }

    @Test
    @Order(4)
    void a_refresh_of_some_keys_rereads_only_those_rows() throws Exception {
        PostgresFixture.execute(
                DB,
                "UPDATE events SET name = 'approved' WHERE id = 5",
                "DELETE FROM events WHERE id = 6");
        SyncService.Outcome outcome = app.rowdesk().sync().refreshKeys("events", List.of(5L, 6L));
        assertThat(outcome.rowsRead()).isEqualTo(1);
        assertThat(row("SELECT name FROM events WHERE id = 5").get(0)).isEqualTo("approved");
        assertThat(app.rowdesk().engine().count("events")).isEqualTo(999);
    }

    @Test
    @Order(5)
    void a_sync_that_fails_half_way_leaves_the_previous_table_serving() throws Exception {
        assertThat(app.rowdesk().engine().count("risky")).isEqualTo(200000);
        PostgresFixture.execute(DB, "UPDATE control SET boom = 150000");
        SyncService.Outcome outcome = sync("risky", SyncService.Mode.FULL);
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.error()).contains("source 'pg'").contains("division by zero");
        assertThat(app.rowdesk().engine().count("risky")).isEqualTo(200000);
        assertThat(status("risky").state()).isEqualTo(TableStatus.State.FAILED);
        try (var files = Files.list(dataDir.resolve("cache"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(f -> f.endsWith(".partial"));
        }
        PostgresFixture.execute(DB, "UPDATE control SET boom = 0");
        assertThat(sync("risky", SyncService.Mode.FULL).ok()).isTrue();
        assertThat(status("risky").state()).isEqualTo(TableStatus.State.OK);
    }

    @Test
    @Order(6)
    void a_missing_table_and_bad_credentials_give_errors_naming_the_source() {
        TableStatus missing = status("nope");
        assertThat(missing.state()).isEqualTo(TableStatus.State.FAILED);
        assertThat(missing.lastError())
                .contains("source 'pg_missing'")
                .contains("there is no table 'nope'");
        var denied =
                app.rowdesk().sync().status().stream()
                        .filter(s -> s.name().equals("pg_denied"))
                        .findFirst()
                        .orElseThrow();
        assertThat(denied.error()).contains("source 'pg_denied'").contains("rowdesk_no_such_user");
        assertThat(denied.tables())
                .singleElement()
                .extracting(TableStatus::state)
                .isEqualTo(TableStatus.State.FAILED);
    }

    @Test
    @Order(7)
    void a_table_read_in_parts_loads_the_same_rows_as_one_read() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("parts-test"));
        PostgresTable events =
                (PostgresTable)
                        app.rowdesk().sync().source("pg").orElseThrow().tables().stream()
                                .filter(t -> t.relation().equals("events"))
                                .findFirst()
                                .orElseThrow();
        io.rowdesk.cache.Snapshot parts =
                new io.rowdesk.cache.SnapshotWriter(dir, java.time.Clock.systemUTC())
                        .write(events.withPagesPerPart(2));
        assertThat(parts.rowCount()).isEqualTo(app.rowdesk().engine().count("events"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("every part file is deleted once loaded")
                    .noneMatch(f -> f.endsWith(".partial"));
        }
    }
}
