package io.rowdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir Path dir;
    DuckDbStateStore store;
    AuditLog audit;

    @BeforeEach
    void open() {
        store = DuckDbStateStore.open(dir.resolve("rowdesk.db"), new SqlFiles());
        audit = new AuditLog(store.jdbi(), Clock.systemUTC());
        audit.record(
                "a@x", "auth.login", "a@x", AuditEntry.Outcome.SUCCESS, Map.of("ip", "127.0.0.1"));
        audit.record(
                "b@x",
                "auth.login",
                "b@x",
                AuditEntry.Outcome.FAILURE,
                Map.of("reason", "wrong password"));
        audit.record("a@x", "auth.logout", "a@x", AuditEntry.Outcome.SUCCESS, Map.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void entries_chain_from_64_zeros_and_verify_intact() {
        var entries = audit.recent(10);
        AuditEntry first = entries.get(entries.size() - 1);
        assertThat(first.prevHash()).isEqualTo("0".repeat(64));
        assertThat(entries.get(0).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(first.hash())
                .hasSize(64)
                .isEqualTo(CanonicalJson.chain(first.prevHash(), first.hashedFields()));
        assertThat(new AuditVerifier(store.jdbi()).verify())
                .isEqualTo(new AuditVerifier.Result(3, 0, null));
    }

    @Test
    void a_reopened_log_continues_the_chain() {
        AuditLog reopened = new AuditLog(store.jdbi(), Clock.systemUTC());
        AuditEntry next =
                reopened.record("a@x", "auth.login", "a@x", AuditEntry.Outcome.SUCCESS, Map.of());
        assertThat(next.seq()).isEqualTo(4);
        assertThat(new AuditVerifier(store.jdbi()).verify().intact()).isTrue();
    }

    @Test
    void an_edited_entry_is_detected() {
        store.jdbi()
                .useHandle(
                        h -> h.execute("UPDATE audit_log SET outcome = 'success' WHERE seq = 2"));
        AuditVerifier.Result result = new AuditVerifier(store.jdbi()).verify();
        assertThat(result.firstBadSeq()).isEqualTo(2);
        assertThat(result.problem()).contains("edited");
    }

    @Test
    void a_deleted_entry_is_detected() {
        store.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = 2"));
        assertThat(new AuditVerifier(store.jdbi()).verify().firstBadSeq()).isEqualTo(3);
    }

    @Test
    void reordered_entries_are_detected() {
        store.jdbi()
                .useHandle(
                        h -> {
                            h.execute("UPDATE audit_log SET seq = 100 WHERE seq = 1");
                            h.execute("UPDATE audit_log SET seq = 1 WHERE seq = 2");
                            h.execute("UPDATE audit_log SET seq = 2 WHERE seq = 100");
                        });
        assertThat(new AuditVerifier(store.jdbi()).verify().intact()).isFalse();
    }

    @Test
    void secrets_in_details_are_redacted_before_storage() {
        AuditEntry entry =
                audit.record(
                        "a@x",
                        "source.test",
                        "pg",
                        AuditEntry.Outcome.SUCCESS,
                        Map.of(
                                "password",
                                "hunter2",
                                "nested",
                                Map.of("api_key", "sk-123", "host", "db")));
        assertThat(entry.details().toString())
                .doesNotContain("hunter2", "sk-123")
                .contains("host=db");
        String stored =
                store.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery("SELECT details FROM audit_log WHERE seq = ?")
                                                .bind(0, entry.seq())
                                                .mapTo(String.class)
                                                .one());
        assertThat(stored).doesNotContain("hunter2", "sk-123").contains(SecretRedactor.REDACTED);
    }
}
