package io.rowdesk.error;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure worded for the person who caused it. Domain exceptions extend it with their {@link
 * ErrorKind}; the web edge maps every one of them in one place.
 */
public class UserFacingException extends RuntimeException {
    private final ErrorKind kind;

    public UserFacingException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public UserFacingException(ErrorKind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    public final ErrorKind kind() {
        return kind;
    }

    /** Extra fields of the JSON answer (e.g. {@code suggestions}); none by default. */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** When to try again, for {@link ErrorKind#TOO_MANY_REQUESTS}. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    public static UserFacingException badRequest(String message) {
        return new UserFacingException(ErrorKind.BAD_REQUEST, message);
    }

    public static UserFacingException notFound(String message) {
        return new UserFacingException(ErrorKind.NOT_FOUND, message);
    }

    public static UserFacingException forbidden(String message) {
        return new UserFacingException(ErrorKind.FORBIDDEN, message);
    }

    public static UserFacingException conflict(String message) {
        return new UserFacingException(ErrorKind.CONFLICT, message);
    }

    public static UserFacingException unavailable(String message, Throwable cause) {
        return new UserFacingException(ErrorKind.UNAVAILABLE, message, cause);
    }
}
