package io.rowdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchored chain: HMAC under a key outside the database, and the head file. */
class AuditChainTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @TempDir Path dir;
    DuckDbStateStore store;
    AuditAnchor anchor;
    AuditLog audit;

    @BeforeEach
    void open() {
        store = DuckDbStateStore.open(dir.resolve("rowdesk.db"), new SqlFiles());
        // two entries from before the upgrade, chained with SHA-256 only
        AuditLog old = new AuditLog(store.jdbi(), Clock.systemUTC());
        old.record("a@x", "auth.login", "a@x", AuditEntry.Outcome.SUCCESS, Map.of());
        old.record("a@x", "auth.logout", "a@x", AuditEntry.Outcome.SUCCESS, Map.of());
        anchor = new AuditAnchor(KEY, dir.resolve(AuditAnchor.HEAD_FILE));
        audit = new AuditLog(store.jdbi(), Clock.systemUTC(), anchor);
        for (int i = 0; i < 5; i++) {
            audit.record(
                    "b@x",
                    "sql.run",
                    "sql",
                    AuditEntry.Outcome.SUCCESS,
                    Map.of("sql", "SELECT " + i));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    AuditVerifier.Result verify() {
        return new AuditVerifier(store.jdbi(), anchor).verify();
    }

    void sql(String statement) {
        store.jdbi().useHandle(h -> h.execute(statement));
    }

    @Test
    void an_upgraded_chain_continues_as_hmac_from_a_marked_entry_and_verifies() {
        AuditEntry mark = audit.recent(10).get(5);
        assertThat(mark.seq()).isEqualTo(3);
        assertThat(mark.action()).isEqualTo(AuditAnchor.HMAC_MARK);
        assertThat(mark.details()).containsEntry("from_seq", 3);
        assertThat(verify()).isEqualTo(new AuditVerifier.Result(8, 0, null));
        // reopening does not mark again
        new AuditLog(store.jdbi(), Clock.systemUTC(), anchor);
        assertThat(audit.recent(20))
                .filteredOn(e -> e.action().equals(AuditAnchor.HMAC_MARK))
                .hasSize(1);
    }

    @Test
    void an_edited_entry_is_found_at_its_position() {
        sql("UPDATE audit_log SET details = '{\"sql\":\"SELECT 42\"}' WHERE seq = 5");
        assertThat(verify().firstBadSeq()).isEqualTo(5);
        assertThat(verify().problem()).contains("edited");
    }

    @Test
    void an_edit_with_a_recomputed_sha256_chain_is_still_found() {
        // the forger knows the SHA-256 scheme but not the HMAC key
        AuditEntry target = audit.recent(10).get(2);
        Map<String, Object> fields = new java.util.LinkedHashMap<>(target.hashedFields());
        fields.put("actor", "mallory");
        String forged = CanonicalJson.chain(target.prevHash(), fields);
        sql(
                "UPDATE audit_log SET actor = 'mallory', hash = '"
                        + forged
                        + "' WHERE seq = "
                        + target.seq());
        assertThat(verify().firstBadSeq()).isEqualTo(target.seq());
    }

    @Test
    void a_deleted_entry_is_found() {
        sql("DELETE FROM audit_log WHERE seq = 4");
        assertThat(verify().firstBadSeq()).isEqualTo(5);
    }

    @Test
    void swapped_entries_are_found() {
        sql("UPDATE audit_log SET seq = 100 WHERE seq = 5");
        sql("UPDATE audit_log SET seq = 5 WHERE seq = 6");
        sql("UPDATE audit_log SET seq = 6 WHERE seq = 100");
        assertThat(verify().firstBadSeq()).isEqualTo(5);
    }

    @Test
    void entries_deleted_from_the_end_are_found_through_the_head_file() {
        sql("DELETE FROM audit_log WHERE seq >= 7");
        AuditVerifier.Result result = verify();
        assertThat(result.firstBadSeq()).isEqualTo(7);
        assertThat(result.problem()).contains("missing from the end");
        // without the head file the shorter chain would look fine
        assertThat(new AuditVerifier(store.jdbi()).verify().intact())
                .isFalse(); // HMAC part unknown
    }

    @Test
    void a_deleted_head_file_is_found() throws Exception {
        java.nio.file.Files.delete(anchor.headFile());
        assertThat(verify().problem()).contains("head file");
    }

    @Test
    void retention_prunes_old_entries_and_a_checkpoint_keeps_the_chain_verifiable() {
        long deleted = audit.prune(Instant.now().plusSeconds(3600), "admin@x");
        assertThat(deleted).isEqualTo(7); // all but the newest
        AuditEntry checkpoint = audit.recent(1).get(0);
        assertThat(checkpoint.action()).isEqualTo(AuditLog.CHECKPOINT);
        assertThat(checkpoint.details()).containsEntry("pruned_through", 7);
        assertThat(verify().intact()).as(verify().toString()).isTrue();
        audit.record("c@x", "export", "payouts", AuditEntry.Outcome.SUCCESS, Map.of());
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void a_gap_at_the_start_without_a_checkpoint_is_found() {
        sql("DELETE FROM audit_log WHERE seq <= 3");
        AuditVerifier.Result result = verify();
        assertThat(result.firstBadSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("no retention checkpoint");
    }
}
