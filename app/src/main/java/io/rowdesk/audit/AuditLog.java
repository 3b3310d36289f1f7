package io.rowdesk.audit;

import io.rowdesk.store.MultiRowStatements;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.crypto.Mac;
import org.jdbi.v3.core.Handle;
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

    public AuditEntry record(
            String actor,
            String action,
            String target,
            AuditEntry.Outcome outcome,
            Map<String, ?> details) {
        return recordAll(List.of(new Pending(actor, action, target, outcome, details))).get(0);
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
    public List<AuditEntry> recordAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        return recordAll(pending, handle -> {});
    }

    /**
     * Appends entries in the same transaction as the writes of {@code alongside}: both commit or
     * neither (a request and its audit entry, an attempt and its entry). {@code alongside} runs
     * while this log holds its lock, so it must not write to the audit log itself.
     */
    public synchronized List<AuditEntry> recordAll(
            List<Pending> pending, Consumer<Handle> alongside) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = chain(pending, at);
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(
                    Arrays.asList(
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
                handle -> {
                    alongside.accept(handle);
                    MultiRowStatements.insert(
                            handle,
                            "audit_log",
                            "(?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?)",
                            rows);
                });
        if (!entries.isEmpty()) {
            AuditEntry last = entries.get(entries.size() - 1);
            lastSeq = last.seq();
            lastHash = last.hash();
            if (anchor != null) {
                anchor.append(entries);
            }
        }
        return entries;
    }

    /** Links {@code pending} to the chain's tip, without writing anything yet. */
    private List<AuditEntry> chain(List<Pending> pending, Instant at) {
        List<AuditEntry> entries = new ArrayList<>(pending.size());
        long seq = lastSeq;
        String prev = lastHash;
        // one Mac for the batch: getInstance and init cost more than hashing a short entry
        Mac mac = hmac ? CanonicalJson.hmacOf(anchor.key()) : null;
        for (Pending p : pending) {
            seq++;
            Map<String, Object> redacted = SecretRedactor.redact(p.details());
            AuditEntry unsigned =
                    new AuditEntry(
                            seq,
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
                            ? CanonicalJson.hmac(mac, prev, unsigned.hashedFields())
                            : CanonicalJson.chain(prev, unsigned.hashedFields());
            entries.add(
                    new AuditEntry(
                            seq,
                            at,
                            p.actor(),
                            p.action(),
                            p.target(),
                            p.outcome(),
                            redacted,
                            prev,
                            hash));
            prev = hash;
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
