package io.rowdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only audit writer. Entries are chained by hash so that {@link AuditVerifier} finds
 * edits, deletions and reordering. Writes are serialized: the chain has one tip.
 */
public final class AuditLog {
    private final Jdbi jdbi;
    private final Clock clock;
    private long lastSeq;
    private String lastHash;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        var tip =
                jdbi.withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                                        .findOne());
        this.lastSeq = tip.map(Map.Entry::getKey).orElse(0L);
        this.lastHash = tip.map(Map.Entry::getValue).orElse(CanonicalJson.GENESIS);
    }

    public synchronized AuditEntry record(
            String actor,
            String action,
            String target,
            AuditEntry.Outcome outcome,
            Map<String, ?> details) {
        // Stored timestamps keep microseconds; truncate first so the verifier hashes the same
        // instant.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> redacted = SecretRedactor.redact(details);
        AuditEntry unsigned =
                new AuditEntry(
                        lastSeq + 1, at, actor, action, target, outcome, redacted, lastHash, null);
        String hash = CanonicalJson.chain(lastHash, unsigned.hashedFields());
        AuditEntry entry =
                new AuditEntry(
                        unsigned.seq(),
                        at,
                        actor,
                        action,
                        target,
                        outcome,
                        redacted,
                        lastHash,
                        hash);
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                """
                        INSERT INTO audit_log (seq, occurred_at, actor, action, target, outcome, details, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                                entry.seq(),
                                LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                                actor,
                                action,
                                target,
                                outcome.name().toLowerCase(),
                                CanonicalJson.write(redacted),
                                entry.prevHash(),
                                hash));
        lastSeq = entry.seq();
        lastHash = hash;
        return entry;
    }

    /** An entry to append with {@link #recordAll}. */
    public record Pending(
            String actor,
            String action,
            String target,
            AuditEntry.Outcome outcome,
            Map<String, ?> details) {}

    /**
     * Appends many entries in one transaction (a bulk run records one per request): the same chain
     * as one {@link #record} call each, at a fraction of the cost.
     */
    public synchronized List<AuditEntry> recordAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new java.util.ArrayList<>(pending.size());
        long seq = lastSeq;
        String prev = lastHash;
        for (Pending p : pending) {
            Map<String, Object> redacted = SecretRedactor.redact(p.details());
            AuditEntry unsigned =
                    new AuditEntry(
                            seq + 1,
                            at,
                            p.actor(),
                            p.action(),
                            p.target(),
                            p.outcome(),
                            redacted,
                            prev,
                            null);
            String hash = CanonicalJson.chain(prev, unsigned.hashedFields());
            entries.add(
                    new AuditEntry(
                            seq + 1,
                            at,
                            p.actor(),
                            p.action(),
                            p.target(),
                            p.outcome(),
                            redacted,
                            prev,
                            hash));
            seq++;
            prev = hash;
        }
        List<List<Object>> rows = new java.util.ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(
                    java.util.Arrays.asList(
                            e.seq(),
                            LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                            e.actor(),
                            e.action(),
                            e.target(),
                            e.outcome().name().toLowerCase(),
                            CanonicalJson.write(e.details()),
                            e.prevHash(),
                            e.hash()));
        }
        jdbi.useTransaction(
                handle ->
                        io.rowdesk.store.MultiRowStatements.insert(
                                handle,
                                "audit_log",
                                "(?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?)",
                                rows));
        lastSeq = seq;
        lastHash = prev;
        return entries;
    }

    /** The newest entries first. */
    public List<AuditEntry> recent(int limit) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?")
                                .bind(0, limit)
                                .map(AuditRows.MAPPER)
                                .list());
    }
}
