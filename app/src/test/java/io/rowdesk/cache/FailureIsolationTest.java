package io.rowdesk.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.query.RelationInfo;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged snapshot, an unreachable source or a broken view never stop the server. */
class FailureIsolationTest {
    @TempDir Path dataDir;

    private Path writeFiles(String aColumns) throws Exception {
        Path files = Files.createDirectories(dataDir.resolve("files"));
        try (Connection duck = DuckDb.open(null, DuckDb.Limits.STATE)) {
            DuckDb.execute(
                    duck,
                    "COPY (SELECT "
                            + aColumns
                            + " FROM range(1000)) TO '"
                            + files.resolve("accounts.parquet")
                            + "' (FORMAT parquet)");
            DuckDb.execute(
                    duck,
                    "COPY (SELECT range AS account_id, range * 2 AS amount FROM range(500)) TO '"
                            + files.resolve("invoices.parquet")
                            + "' (FORMAT parquet)");
        }
        Path config = dataDir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                """
                sources:
                  - name: files
                    kind: files
                    path: files
                  - name: gone
                    kind: files
                    path: no_such_folder
                    tables: [ghosts]
                views:
                  - name: account_invoices
                    sql: SELECT a.account_id, a.region, i.amount FROM accounts a JOIN invoices i USING (account_id)
                """);
        return config;
    }

    private static RelationInfo relation(TestApp app, String name) {
        return app.rowdesk().catalog().all().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Test
    void a_truncated_snapshot_is_set_aside_and_the_table_synced_again_while_the_rest_serves()
            throws Exception {
        Path config = writeFiles("range AS account_id, 'eu' AS region");
        Path snapshot;
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            snapshot =
                    new SnapshotRepository(app.rowdesk().state().jdbi())
                            .current("accounts")
                            .orElseThrow()
                            .file();
        }
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            assertThat(app.rowdesk().startup().cache().loaded()).containsExactly("accounts");
            assertThat(app.rowdesk().startup().cache().reused()).containsExactly("invoices");
            assertThat(app.rowdesk().engine().count("accounts")).isEqualTo(1000);
            assertThat(app.rowdesk().engine().count("account_invoices")).isEqualTo(500);
            assertThat(dataDir.resolve("cache/damaged").resolve(snapshot.getFileName())).exists();
        }
    }

    @Test
    void an_unreachable_source_is_reported_failed_and_the_others_serve() throws Exception {
        Path config = writeFiles("range AS account_id, 'eu' AS region");
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            SourceStatus gone =
                    app.rowdesk().sync().status().stream()
                            .filter(s -> s.name().equals("gone"))
                            .findFirst()
                            .orElseThrow();
            assertThat(gone.error()).contains("no_such_folder").contains("does not exist");
            assertThat(gone.tables())
                    .singleElement()
                    .satisfies(
                            t -> {
                                assertThat(t.state()).isEqualTo(TableStatus.State.FAILED);
                                assertThat(t.lastError()).contains("source 'gone'");
                            });
            assertThat(relation(app, "accounts")).isNotNull();
        }
    }

    @Test
    void a_view_broken_by_a_schema_change_is_reported_and_taken_out_while_its_tables_serve()
            throws Exception {
        Path config = writeFiles("range AS account_id, 'eu' AS region");
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            assertThat(app.rowdesk().sync().viewStatus())
                    .containsExactly(new ViewStatus("account_invoices", true, null));
        }
        Thread.sleep(20); // a new modification time for the rewritten file
        writeFiles("range AS account_id, 'eu' AS area");
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            ViewStatus view = app.rowdesk().sync().viewStatus().get(0);
            assertThat(view.ok()).isFalse();
            assertThat(view.error()).contains("account_invoices").contains("region");
            assertThat(relation(app, "account_invoices")).isNull();
            assertThat(relation(app, "accounts").columns())
                    .extracting(c -> c.name())
                    .containsExactly("account_id", "area");
        }
    }
}
