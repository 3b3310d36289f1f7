package io.rowdesk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Walks the whole chain and recomputes every hash: finds edited, deleted and reordered entries, and
 * with an {@link AuditAnchor} also entries deleted from the end (the head file remembers how far
 * the log reached) and forged entries (the HMAC key is not in the database).
 */
public final class AuditVerifier {
    /** {@code firstBadSeq} is 0 when the chain is intact. */
    public record Result(long entries, long firstBadSeq, String problem) {
        public boolean intact() {
            return firstBadSeq == 0;
        }
    }

    private final Jdbi jdbi;
    private final AuditAnchor anchor;

    public AuditVerifier(Jdbi jdbi) {
        this(jdbi, null);
    }

    public AuditVerifier(Jdbi jdbi, AuditAnchor anchor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.anchor = anchor;
    }

    public Result verify() {
        return jdbi.withHandle(
                handle -> {
                    String expectedPrev = CanonicalJson.GENESIS;
                    long expectedSeq = 1;
                    long count = 0;
                    boolean hmac = false;
                    long firstSeq = 0;
                    String firstPrev = null;
                    List<AuditEntry> checkpoints = new ArrayList<>();
                    AuditEntry last = null;
                    try (var rows =
                            handle
                                    .createQuery("SELECT * FROM audit_log ORDER BY seq")
                                    .map(AuditRows.MAPPER)
                                    .stream()) {
                        for (AuditEntry entry : (Iterable<AuditEntry>) rows::iterator) {
                            count++;
                            if (count == 1 && entry.seq() != 1) {
                                // pruned by retention: a checkpoint must vouch for the gap
                                firstSeq = entry.seq();
                                firstPrev = entry.prevHash();
                                // the HMAC mark may be among the pruned entries
                                hmac =
                                        anchor != null
                                                && CanonicalJson.hmac(
                                                                anchor.key(),
                                                                entry.prevHash(),
                                                                entry.hashedFields())
                                                        .equals(entry.hash());
                                expectedSeq = entry.seq();
                                expectedPrev = entry.prevHash();
                            }
                            if (entry.seq() != expectedSeq) {
                                return new Result(
                                        count,
                                        entry.seq(),
                                        "entry " + expectedSeq + " is missing or out of place");
                            }
                            if (!entry.prevHash().equals(expectedPrev)) {
                                return new Result(
                                        count,
                                        entry.seq(),
                                        "does not chain to the entry before it");
                            }
                            if (!hmac
                                    && anchor != null
                                    && AuditAnchor.HMAC_MARK.equals(entry.action())
                                    && "system".equals(entry.actor())) {
                                hmac = true;
                            }
                            String computed =
                                    hmac
                                            ? CanonicalJson.hmac(
                                                    anchor.key(),
                                                    expectedPrev,
                                                    entry.hashedFields())
                                            : CanonicalJson.chain(
                                                    expectedPrev, entry.hashedFields());
                            if (!computed.equals(entry.hash())) {
                                return new Result(
                                        count,
                                        entry.seq(),
                                        "its content does not match its hash (edited)");
                            }
                            if (AuditLog.CHECKPOINT.equals(entry.action())) {
                                checkpoints.add(entry);
                            }
                            expectedPrev = entry.hash();
                            expectedSeq++;
                            last = entry;
                        }
                    }
                    if (firstSeq > 1 && !vouched(checkpoints, firstSeq, firstPrev)) {
                        return new Result(
                                count,
                                firstSeq,
                                "entries before "
                                        + firstSeq
                                        + " are missing and no retention checkpoint accounts for"
                                        + " them");
                    }
                    if (anchor != null && count > 0 && !hmac) {
                        return new Result(
                                count,
                                last.seq(),
                                "no entry is keyed with the HMAC key (the chain was rewritten, or"
                                        + " the key is not the server's)");
                    }
                    if (anchor != null) {
                        Optional<AuditAnchor.Head> head = anchor.head();
                        long lastSeq = last == null ? 0 : last.seq();
                        if (head.isEmpty() && lastSeq > 0 && hmac) {
                            return new Result(
                                    count,
                                    lastSeq,
                                    "the head file "
                                            + anchor.headFile().getFileName()
                                            + " is missing");
                        }
                        if (head.isPresent()) {
                            long headSeq = head.get().seq();
                            if (lastSeq < headSeq) {
                                return new Result(
                                        count,
                                        lastSeq + 1,
                                        "entries "
                                                + (lastSeq + 1)
                                                + " to "
                                                + headSeq
                                                + " are missing from the end (the head file"
                                                + " recorded "
                                                + headSeq
                                                + ")");
                            }
                            String atHead =
                                    handle.createQuery("SELECT hash FROM audit_log WHERE seq = ?")
                                            .bind(0, headSeq)
                                            .mapTo(String.class)
                                            .findOne()
                                            .orElse("");
                            if (!atHead.equals(head.get().hash())) {
                                return new Result(
                                        count,
                                        headSeq,
                                        "does not match the hash the head file recorded for it");
                            }
                        }
                    }
                    return new Result(count, 0, null);
                });
    }

    private static boolean vouched(List<AuditEntry> checkpoints, long firstSeq, String firstPrev) {
        for (AuditEntry checkpoint : checkpoints) {
            Map<String, Object> details = checkpoint.details();
            Object through = details.get("pruned_through");
            Object hash = details.get("last_pruned_hash");
            if (through instanceof Number n
                    && n.longValue() == firstSeq - 1
                    && firstPrev.equals(hash)) {
                return true;
            }
        }
        return false;
    }
}
