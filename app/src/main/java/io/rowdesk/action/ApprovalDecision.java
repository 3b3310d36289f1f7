package io.rowdesk.action;

import java.time.Instant;

/** One approver's decision on a request. */
public record ApprovalDecision(
        String requestId,
        long approverId,
        String approver,
        String decision,
        String comment,
        Instant decidedAt) {}
