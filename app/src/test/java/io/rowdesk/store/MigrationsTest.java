package io.rowdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
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
    void migration_files_are_found_in_version_order() throws IOException {
        write("V002__second.sql", "V001__first.sql", "V003__third.sql", "notes.txt");
        assertThat(Migrations.list(dir))
                .extracting(Migrations.Migration::file)
                .containsExactly("V001__first.sql", "V002__second.sql", "V003__third.sql");
    }

    @Test
    void two_files_with_one_version_are_refused() throws IOException {
        write("V001__init.sql", "V002__users.sql", "V002__audit.sql");
        assertThatThrownBy(() -> Migrations.list(dir))
                .hasMessage("two migrations have version 2: V002__audit.sql and V002__users.sql");
    }

    @Test
    void a_missing_version_is_refused() throws IOException {
        write("V001__init.sql", "V003__later.sql");
        assertThatThrownBy(() -> Migrations.list(dir))
                .hasMessage("migration V002 is missing: V003__later.sql follows V001__init.sql");
    }

    @Test
    void the_shipped_migrations_pass_the_same_checks() {
        assertThat(Migrations.available()).isNotEmpty();
    }

    private void write(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }
    }
}
