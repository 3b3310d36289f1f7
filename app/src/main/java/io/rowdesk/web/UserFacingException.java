package io.rowdesk.web;

/** A failure worded for the person who caused it, with the HTTP status that fits. */
public final class UserFacingException extends RuntimeException {
    public enum Kind {
        BAD_REQUEST(400),
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        UNPROCESSABLE(422),
        UNAVAILABLE(503);

        final int status;

        Kind(int status) {
            this.status = status;
        }

        public String label() {
            return name().toLowerCase();
        }
    }

    private final Kind kind;

    public UserFacingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static UserFacingException notFound(String message) {
        return new UserFacingException(Kind.NOT_FOUND, message);
    }

    public static UserFacingException badRequest(String message) {
        return new UserFacingException(Kind.BAD_REQUEST, message);
    }
}
