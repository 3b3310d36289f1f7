package io.rowdesk.error;

import java.util.Locale;

/**
 * Every way a request can fail, with the HTTP status it answers. The same failure answers the same
 * kind on every route (in the style of Trino's {@code JdbcErrorCode}).
 */
public enum ErrorKind {
    /** A malformed parameter or body. */
    BAD_REQUEST(400),
    /** No, or a wrong, session or token. */
    UNAUTHENTICATED(401),
    /** The role does not allow it, or a foreign Origin. */
    FORBIDDEN(403),
    /** Unknown relation, request, user... (hidden ones too). */
    NOT_FOUND(404),
    /** A state change that no longer applies. */
    CONFLICT(409),
    /** A question not understood (with suggestions). */
    NOT_UNDERSTOOD(422),
    /** The guard refused a query. */
    REFUSED(422),
    /** A query ran past its limit. */
    TIMEOUT(422),
    /** A limit was hit (with Retry-After). */
    TOO_MANY_REQUESTS(429),
    /** A source, model or destination cannot be reached. */
    UNAVAILABLE(503),
    /** Anything unexpected: a reference id, no stack trace. */
    INTERNAL(500);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The {@code kind} field of an error answer. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
