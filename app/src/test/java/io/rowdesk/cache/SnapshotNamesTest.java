package io.rowdesk.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name index a snapshot carries: name-like text columns only, most frequent values first,
 * bounded per column, and visible to the query instance once the snapshot is attached.
 */
class SnapshotNamesTest {
    @TempDir Path dir;

    /** A snapshot of "people": 30,000 names, three approvers' e-mails, a status and notes. */
    private Path snapshot(boolean withNames) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("cache"));
        Path file = dir.resolve("cache").resolve("people-" + withNames + ".db");
        try (Connection connection = DuckDb.open(file, DuckDb.Limits.WRITER)) {
            DuckDb.execute(
                    connection,
                    "CREATE TABLE people AS SELECT i AS person_id,"
                            + " CASE WHEN i % 3 = 0 THEN 'Dovetail Growth' ELSE 'Person ' || i END"
                            + " AS full_name,"
                            + " ['maya.chen@lumadesk.com', 'priya.nair@lumadesk.com',"
                            + " 'sam.okafor@lumadesk.com'][1 + i % 3] AS decided_by,"
                            + " ['pending', 'paid'][1 + i % 2] AS status,"
                            + " 'note number ' || i AS note, ' ' AS blank"
                            + " FROM range(30000) t(i)");
            if (withNames) {
                SnapshotNames.write(connection, "people");
            }
        }
        return file;
    }

    private static Map<String, List<Object>> byColumn(QueryResult result) {
        Map<String, List<Object>> values = new HashMap<>();
        for (List<Object> row : result.rows()) {
            values.computeIfAbsent(String.valueOf(row.get(1)), k -> new java.util.ArrayList<>())
                    .add(row.get(2));
        }
        return values;
    }

    @Test
    void names_and_emails_are_indexed_enumerations_and_prose_are_not() throws Exception {
        Path file = snapshot(true);
        try (QueryEngine engine =
                new QueryEngine(dir.resolve("cache"), DuckDb.Limits.QUERY, dir.resolve("query"))) {
            engine.swap("people", file);
            Map<String, List<Object>> names =
                    byColumn(engine.names("people", 1_000_000).orElseThrow());
            assertThat(names.keySet()).containsExactlyInAnyOrder("full_name", "decided_by");
            // bounded per column, the most frequent value first
            assertThat(names.get("full_name")).hasSize(SnapshotNames.MAX_VALUES);
            assertThat(names.get("full_name").get(0)).isEqualTo("Dovetail Growth");
            assertThat(names.get("decided_by"))
                    .containsExactlyInAnyOrder(
                            "maya.chen@lumadesk.com",
                            "priya.nair@lumadesk.com",
                            "sam.okafor@lumadesk.com");
            // the relation itself is unchanged, and users cannot reach the index
            assertThat(
                            engine.query(
                                            "SELECT count(*) FROM people",
                                            List.of(),
                                            1,
                                            Duration.ofSeconds(10))
                                    .rows()
                                    .get(0)
                                    .get(0))
                    .isEqualTo(30000L);
        }
    }

    @Test
    void a_snapshot_without_an_index_has_none_until_one_is_added() throws Exception {
        Path file = snapshot(false);
        try (QueryEngine engine =
                new QueryEngine(dir.resolve("cache"), DuckDb.Limits.QUERY, dir.resolve("query"))) {
            engine.swap("people", file);
            assertThat(engine.names("people", 10)).isEmpty();
        }
        new SnapshotWriter(dir, java.time.Clock.systemUTC())
                .ensureNames(
                        new Snapshot("people", "test", file, 30000, java.time.Instant.now(), ""));
        try (QueryEngine engine =
                new QueryEngine(dir.resolve("cache"), DuckDb.Limits.QUERY, dir.resolve("query"))) {
            engine.swap("people", file);
            assertThat(byColumn(engine.names("people", 1_000_000).orElseThrow()))
                    .containsKeys("full_name", "decided_by");
        }
    }

    @Test
    void a_relation_called_like_the_index_keeps_its_rows() throws Exception {
        Path file = dir.resolve("rowdesk_names.db");
        try (Connection connection = DuckDb.open(file, DuckDb.Limits.WRITER)) {
            DuckDb.execute(
                    connection,
                    "CREATE TABLE rowdesk_names AS SELECT 'Name ' || i AS full_name"
                            + " FROM range(100) t(i)");
            SnapshotNames.write(connection, "rowdesk_names");
            try (var rs =
                    connection
                            .createStatement()
                            .executeQuery("SELECT count(*) FROM rowdesk_names")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(100);
            }
        }
    }
}
