package io.rowdesk.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A limit was hit; the answer carries {@code Retry-After}. */
public final class TooManyRequestsException extends UserFacingException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(ErrorKind.TOO_MANY_REQUESTS, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter is null");
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
