package io.rowdesk.audit;

import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Walks the whole chain and recomputes every hash: finds edited, deleted and reordered entries. */
public final class AuditVerifier {
    /** {@code firstBadSeq} is 0 when the chain is intact. */
    public record Result(long entries, long firstBadSeq, String problem) {
        public boolean intact() {
            return firstBadSeq == 0;
        }
    }

    private final Jdbi jdbi;

    public AuditVerifier(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public Result verify() {
        return jdbi.withHandle(
                handle -> {
                    String expectedPrev = CanonicalJson.GENESIS;
                    long expectedSeq = 1;
                    long count = 0;
                    try (var rows =
                            handle
                                    .createQuery("SELECT * FROM audit_log ORDER BY seq")
                                    .map(AuditRows.MAPPER)
                                    .stream()) {
                        for (AuditEntry entry : (Iterable<AuditEntry>) rows::iterator) {
                            count++;
                            if (entry.seq() != expectedSeq) {
                                return new Result(
                                        count, entry.seq(), "entry " + expectedSeq + " is missing");
                            }
                            if (!entry.prevHash().equals(expectedPrev)) {
                                return new Result(
                                        count,
                                        entry.seq(),
                                        "does not chain to the entry before it");
                            }
                            if (!CanonicalJson.chain(expectedPrev, entry.hashedFields())
                                    .equals(entry.hash())) {
                                return new Result(
                                        count,
                                        entry.seq(),
                                        "its content does not match its hash (edited)");
                            }
                            expectedPrev = entry.hash();
                            expectedSeq++;
                        }
                    }
                    return new Result(count, 0, null);
                });
    }
}
