package io.rowdesk.action;

import java.time.Instant;

/** One request of the outbox, as stored. */
public record ActionRequest(
        String id,
        String action,
        String relation,
        String rowKey,
        RequestState state,
        String payload,
        String target,
        String inputs,
        String requestedBy,
        long requestedById,
        String batchId,
        int approvalsNeeded,
        Instant createdAt,
        Instant updatedAt,
        Instant nextAttemptAt,
        String leaseOwner,
        Instant leaseExpiresAt,
        int attempts,
        int cycleAttempts,
        int resends,
        Integer lastStatus,
        String lastError,
        Instant completedAt) {}
