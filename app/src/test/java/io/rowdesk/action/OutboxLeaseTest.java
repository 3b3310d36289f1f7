package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests, their audit entries and their leases in the state store. */
class OutboxLeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir Path dir;
    DuckDbStateStore store;
    AuditLog audit;
    Outbox outbox;

    @BeforeEach
    void open() {
        store = DuckDbStateStore.open(dir.resolve("rowdesk.db"), new SqlFiles());
        audit = new AuditLog(store.jdbi(), Clock.systemUTC());
        outbox = new Outbox(store.jdbi(), SecretBox.open(Map.of(), dir), audit);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ActionRequest queued(String id) {
        return new ActionRequest(
                id,
                "hook",
                "rows",
                "1",
                RequestState.QUEUED,
                "{}",
                null,
                "{}",
                "a@x",
                1,
                null,
                0,
                NOW,
                NOW,
                NOW,
                null,
                null,
                0,
                0,
                0,
                null,
                null,
                null);
    }

    private static AuditLog.Pending entry(String id) {
        return new AuditLog.Pending(
                "a@x", "action.request", id, AuditEntry.Outcome.SUCCESS, Map.of("row_key", "1"));
    }

    private long auditEntries() {
        return store.jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT count(*) FROM audit_log")
                                        .mapTo(Long.class)
                                        .one());
    }

    @Test
    void requests_and_their_audit_entries_commit_together_or_not_at_all() {
        outbox.insert(List.of(queued("r1"), queued("r2")), List.of(entry("r1"), entry("r2")));
        assertThat(auditEntries()).isEqualTo(2);

        // r2 exists: the whole write fails, and the audit entries of it with it
        assertThatThrownBy(
                        () ->
                                outbox.insert(
                                        List.of(queued("r3"), queued("r2")),
                                        List.of(entry("r3"), entry("r2"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(auditEntries()).isEqualTo(2);
        assertThat(outbox.find("r3")).isEmpty();

        // the chain's tip did not move past what was committed
        audit.record("a@x", "auth.login", "a@x", AuditEntry.Outcome.SUCCESS, Map.of());
        assertThat(audit.verifier().verify().intact()).isTrue();
    }

    @Test
    void an_expired_lease_is_taken_over_by_another_owner_but_never_by_its_own() {
        outbox.insert(List.of(queued("r1")), List.of(entry("r1")));
        Duration lease = Duration.ofMinutes(5);
        assertThat(outbox.claim("a", NOW, NOW.plus(lease), 10))
                .extracting(ActionRequest::id)
                .containsExactly("r1");

        Instant later = NOW.plus(lease).plusSeconds(1);
        // the owner still holds the attempt (waiting for its destination): not a second copy
        assertThat(outbox.claim("a", later, later.plus(lease), 10)).isEmpty();
        // another owner sees an attempt whose outcome is unknown, and sends it again
        assertThat(outbox.claim("b", later, later.plus(lease), 10))
                .singleElement()
                .satisfies(r -> assertThat(r.leaseOwner()).isEqualTo("b"));
    }
}
