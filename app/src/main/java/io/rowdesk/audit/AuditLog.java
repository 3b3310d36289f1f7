package io.rowdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only audit writer. Entries are chained by hash so that {@link AuditVerifier} finds
 * edits, deletions and reordering: SHA-256 for entries written before an {@link AuditAnchor} was
 * configured, HMAC-SHA256 under a key outside the database from the {@link AuditAnchor#HMAC_MARK}
 * entry on, and every entry's position and hash appended to the head file. Writes are serialized:
 * the chain has one tip. Entries are never updated; retention deletes the oldest ones and appends a
 * checkpoint that carries the hash of the last one pruned.
 */
public final class AuditLog {
    public static final String CHECKPOINT = "audit.checkpoint";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditAnchor anchor;
    private long lastSeq;
    private String lastHash;
    private boolean hmac;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, null);
    }

    public AuditLog(Jdbi jdbi, Clock clock, AuditAnchor anchor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.anchor = anchor;
        var tip =
                jdbi.withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                                        .findOne());
        this.lastSeq = tip.map(Map.Entry::getKey).orElse(0L);
        this.lastHash = tip.map(Map.Entry::getValue).orElse(CanonicalJson.GENESIS);
        if (anchor != null) {
            boolean marked =
                    jdbi.withHandle(
                            handle ->
                                    handle.createQuery(
                                                            "SELECT count(*) FROM audit_log WHERE action = ? AND actor = 'system'")
                                                    .bind(0, AuditAnchor.HMAC_MARK)
                                                    .mapTo(Long.class)
                                                    .one()
                                            > 0);
            hmac = true;
            if (!marked) {
                // The migration entry: everything up to here was chained with SHA-256; this entry
                // and all after it with HMAC, which covers the earlier chain through prev_hash.
                record(
                        "system",
                        AuditAnchor.HMAC_MARK,
                        "audit_log",
                        AuditEntry.Outcome.SUCCESS,
                        Map.of("from_seq", lastSeq + 1, "algorithm", "HMAC-SHA256"));
            }
        }
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
        String hash =
                hmac
                        ? CanonicalJson.hmac(anchor.key(), lastHash, unsigned.hashedFields())
                        : CanonicalJson.chain(lastHash, unsigned.hashedFields());
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
        if (anchor != null) {
            anchor.append(entry.seq(), hash);
        }
        return entry;
    }

    /**
     * Retention: deletes the entries older than {@code before} (never the newest one) and appends a
     * checkpoint with the hash of the last entry deleted, from which the verifier continues.
     * Returns how many were deleted.
     */
    public synchronized long prune(Instant before, String actor) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(before, ZoneOffset.UTC);
        var last =
                jdbi.withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT seq, hash FROM audit_log WHERE occurred_at < ? AND seq < ? ORDER BY seq DESC LIMIT 1")
                                        .bind(0, cutoff)
                                        .bind(1, lastSeq)
                                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                                        .findOne());
        if (last.isEmpty()) {
            return 0;
        }
        long through = last.get().getKey();
        long deleted =
                jdbi.withHandle(
                        handle -> handle.execute("DELETE FROM audit_log WHERE seq <= ?", through));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pruned_through", through);
        details.put("last_pruned_hash", last.get().getValue());
        details.put("pruned", deleted);
        details.put("before", before.toString());
        record(actor, CHECKPOINT, "audit_log", AuditEntry.Outcome.SUCCESS, details);
        return deleted;
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
            String hash =
                    hmac
                            ? CanonicalJson.hmac(anchor.key(), prev, unsigned.hashedFields())
                            : CanonicalJson.chain(prev, unsigned.hashedFields());
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
        if (anchor != null) {
            for (AuditEntry e : entries) {
                anchor.append(e.seq(), e.hash());
            }
        }
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

    /** For the verifier of the running app. */
    public AuditVerifier verifier() {
        return new AuditVerifier(jdbi, anchor);
    }
}
