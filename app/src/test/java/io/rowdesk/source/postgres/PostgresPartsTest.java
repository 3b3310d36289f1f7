package io.rowdesk.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.cache.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table read in parts of a few pages: one snapshot for all parts, and failures half way. */
class PostgresPartsTest {
    static final String DB = "rowdesk_src_parts";
    @TempDir static Path dir;

    @BeforeAll
    static void create() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE TABLE odd_late (id integer, x numeric(5,2))",
                "INSERT INTO odd_late SELECT i, 1.5 FROM generate_series(1, 3000) i",
                "INSERT INTO odd_late VALUES (3001, 'NaN')",
                "CREATE TABLE moving (id integer)",
                "INSERT INTO moving SELECT generate_series(1, 3000)");
    }

    @Test
    void a_part_that_cannot_load_stops_the_read_and_leaves_no_part_file() throws Exception {
        Path cache = dir.resolve("late-cache");
        PostgresTable late = PostgresFixture.table(DB, "odd_late").withPagesPerPart(1);
        assertThatThrownBy(() -> new SnapshotWriter(cache, Clock.systemUTC()).write(late))
                .hasMessageContaining("cannot load odd_late")
                .cause()
                .hasMessageContaining("Could not convert string \"NaN\" to 'DECIMAL'");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void every_part_of_a_read_sees_the_table_as_it_was_when_the_read_began() throws Exception {
        PostgresTable moving = PostgresFixture.table(DB, "moving").withPagesPerPart(1);
        List<java.io.ByteArrayOutputStream> parts = new java.util.ArrayList<>();
        long rows =
                moving.copyCsvParts(
                        io.rowdesk.source.RowSelection.ALL,
                        () -> {
                            if (parts.size() == 1) {
                                // another session changes the table between two parts
                                try {
                                    PostgresFixture.execute(
                                            DB,
                                            "DELETE FROM moving WHERE id > 2990",
                                            "INSERT INTO moving VALUES (5000)");
                                } catch (java.sql.SQLException e) {
                                    throw new java.io.IOException(e);
                                }
                            }
                            parts.add(new java.io.ByteArrayOutputStream());
                            return parts.get(parts.size() - 1);
                        });
        String all =
                parts.stream()
                        .map(p -> p.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .collect(java.util.stream.Collectors.joining());
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(rows).isEqualTo(3000);
        assertThat(all.lines()).hasSize(3000).contains("2995").doesNotContain("5000");
    }
}
