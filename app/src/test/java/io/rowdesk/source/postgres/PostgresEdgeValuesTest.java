package io.rowdesk.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.cache.Snapshot;
import io.rowdesk.cache.SnapshotWriter;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.source.SourceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Postgres values at the edges of each type arrive unchanged in the cache: extremes, infinities,
 * negative and wide decimals, mixed-sign intervals, dates and timestamps BC, multibyte text, text
 * holding the CSV's quote character, empty values; and a value the cache type cannot hold fails the
 * load and leaves no file.
 */
class PostgresEdgeValuesTest {
    static final String DB = "rowdesk_src_edges";
    @TempDir static Path dir;

    @BeforeAll
    static void create() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                """
                CREATE TABLE edges (
                    id integer PRIMARY KEY,
                    d2 numeric(12,2), d1 numeric(4,1), d3 numeric(9,3), d6 numeric(18,6),
                    d0 numeric(38,0), d10 numeric(20,10), loose numeric,
                    small smallint, n integer, big bigint, f real, g double precision,
                    flag boolean, day date, at timestamp, at_tz timestamptz, t time,
                    ref uuid, name text, code char(3), data bytea, wait interval,
                    nums integer[], tags text[], doc json, p positive
                )""",
                """
                INSERT INTO edges VALUES
                  (1, -1234.5, -999.9, 123456.789, 123456789012.345678,
                   99999999999999999999999999999999999999, 1234567890.0123456789, 1e-20,
                   -32768, -2147483648, -9223372036854775808, 1.5, '-Infinity',
                   false, 'infinity', 'infinity', '-infinity', '23:59:59.999999',
                   '00000000-0000-0000-0000-000000000001', 'żółć 🚀', 'a', '\\x', '-1 days +02:03:04.5',
                   ARRAY[1, NULL], ARRAY['say "hi"', ''], '{"e": "\\u00e9"}', 5),
                  (2, 0.01, 0.5, -0.001, -0.000001, -10000000000000000000000000000000000000,
                   -0.0000000001, 'NaN', 32767, 2147483647, 9223372036854775807, 0, 0,
                   true, '-infinity', '1900-01-01 00:00:00.000001', '2026-11-20 10:00:00+02',
                   '00:00', 'ffffffff-ffff-ffff-ffff-fffffffffffe', '', 'abc', '\\x00ff', '0',
                   '{}', '{}', 'null', 1),
                  (3, 9999999999.99, 100, 0, 100, 0, 0, 100,
                   0, 0, 0, 0, 0, NULL, '0044-03-15 BC', '0044-03-15 10:00:00.5 BC', '0001-01-01 00:00:00+00 BC',
                   '12:00', NULL, 'a' || chr(1) || ',"b"', NULL, NULL, NULL, NULL, NULL, NULL, NULL)
                """,
                "CREATE TABLE odd (id integer, x numeric(5,2))",
                "INSERT INTO odd VALUES (1, 1.5), (2, 'NaN')");
    }

    private static SourceTable table(String name) {
        return PostgresFixture.table(DB, name);
    }

    private static Map<String, String> row(Snapshot snapshot, int id) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = DuckDb.open(snapshot.file(), DuckDb.Limits.WRITER);
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet rs =
                    statement.executeQuery(
                            "SELECT COLUMNS(*)::VARCHAR FROM edges WHERE id = " + id)) {
                ResultSetMetaData meta = rs.getMetaData();
                rs.next();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnName(i), rs.getString(i));
                }
            }
        }
        return values;
    }

    @Test
    void extremes_infinities_and_wide_decimals_arrive_unchanged() throws Exception {
        Snapshot snapshot =
                new SnapshotWriter(dir.resolve("cache"), Clock.systemUTC()).write(table("edges"));
        assertThat(snapshot.rowCount()).isEqualTo(3);

        Map<String, String> first = row(snapshot, 1);
        assertThat(first)
                .containsEntry("d2", "-1234.50")
                .containsEntry("d1", "-999.9")
                .containsEntry("d3", "123456.789")
                .containsEntry("d6", "123456789012.345678")
                .containsEntry("d0", "99999999999999999999999999999999999999")
                .containsEntry("d10", "1234567890.0123456789")
                .containsEntry("loose", "1e-20")
                .containsEntry("small", "-32768")
                .containsEntry("n", "-2147483648")
                .containsEntry("big", "-9223372036854775808")
                .containsEntry("f", "1.5")
                .containsEntry("g", "-inf")
                .containsEntry("flag", "false")
                .containsEntry("day", "infinity")
                .containsEntry("at", "infinity")
                .containsEntry("at_tz", "-infinity")
                .containsEntry("t", "23:59:59.999999")
                .containsEntry("ref", "00000000-0000-0000-0000-000000000001")
                .containsEntry("name", "żółć 🚀")
                .containsEntry("code", "a")
                .containsEntry("data", "")
                .containsEntry("wait", "-1 day 02:03:04.5")
                .containsEntry("nums", "[1, NULL]")
                .containsEntry("tags", "['say \"hi\"', '']")
                .containsEntry("doc", "{\"e\": \"\\u00e9\"}")
                .containsEntry("p", "5");

        Map<String, String> second = row(snapshot, 2);
        assertThat(second)
                .containsEntry("d2", "0.01")
                .containsEntry("d1", "0.5")
                .containsEntry("d3", "-0.001")
                .containsEntry("d6", "-0.000001")
                .containsEntry("d0", "-10000000000000000000000000000000000000")
                .containsEntry("d10", "-0.0000000001")
                .containsEntry("loose", "nan")
                .containsEntry("big", "9223372036854775807")
                .containsEntry("day", "-infinity")
                .containsEntry("at", "1900-01-01 00:00:00.000001")
                .containsEntry("at_tz", "2026-11-20 08:00:00+00")
                .containsEntry("t", "00:00:00")
                .containsEntry("ref", "ffffffff-ffff-ffff-ffff-fffffffffffe")
                .containsEntry("name", "")
                .containsEntry("data", "\\x00\\xFF")
                .containsEntry("nums", "[]")
                .containsEntry("doc", "null");

        Map<String, String> third = row(snapshot, 3);
        assertThat(third)
                .containsEntry("d2", "9999999999.99")
                .containsEntry("d1", "100.0")
                .containsEntry("d6", "100.000000")
                .containsEntry("day", "0044-03-15 (BC)")
                .containsEntry("at", "0044-03-15 (BC) 10:00:00.5")
                .containsEntry("at_tz", "0001-01-01 (BC) 00:00:00+00")
                .containsEntry("flag", null)
                .containsEntry("ref", null)
                .containsEntry("name", "a\u0001,\"b\"")
                .containsEntry("wait", null)
                .containsEntry("nums", null);
    }

    @Test
    void a_value_the_cache_type_cannot_hold_fails_the_load_and_leaves_no_file() throws Exception {
        Path cache = dir.resolve("odd-cache");
        assertThatThrownBy(() -> new SnapshotWriter(cache, Clock.systemUTC()).write(table("odd")))
                .hasMessageContaining("cannot load odd")
                .cause()
                .hasMessageContaining("Could not convert string \"NaN\" to 'DECIMAL'");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }
}
