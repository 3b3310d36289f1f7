package io.rowdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir Path dir;

    @Test
    void a_new_state_database_gets_every_migration_once() {
        Path file = dir.resolve("rowdesk.db");
        int latest = Migrations.available().get(Migrations.available().size() - 1).version();
        try (DuckDbStateStore store = DuckDbStateStore.open(file, new SqlFiles())) {
            assertThat(store.schemaVersion()).isEqualTo(latest);
            List<String> tables =
                    store.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT table_name FROM information_schema.tables ORDER BY 1")
                                                    .mapTo(String.class)
                                                    .list());
            assertThat(tables)
                    .contains(
                            "users",
                            "sessions",
                            "api_tokens",
                            "audit_log",
                            "snapshots",
                            "schema_version");
        }
        try (DuckDbStateStore reopened = DuckDbStateStore.open(file, new SqlFiles())) {
            long applied =
                    reopened.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery("SELECT count(*) FROM schema_version")
                                                    .mapTo(Long.class)
                                                    .one());
            assertThat(applied).isEqualTo(Migrations.available().size());
            assertThat(reopened.schemaVersion()).isEqualTo(latest);
        }
    }

    @Test
    void migration_files_are_found_in_version_order() {
        assertThat(Migrations.available())
                .extracting(Migrations.Migration::version)
                .isSorted()
                .startsWith(1);
    }
}
