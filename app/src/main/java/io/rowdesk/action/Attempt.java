package io.rowdesk.action;

import java.time.Instant;

/**
 * One delivery attempt as recorded: when, how long, the status code or the error class, a truncated
 * response, and whether it followed a manual resend.
 */
public record Attempt(
        String requestId,
        int attempt,
        Instant startedAt,
        long durationMillis,
        Integer statusCode,
        String errorClass,
        String response,
        String outcome,
        boolean manual) {}
