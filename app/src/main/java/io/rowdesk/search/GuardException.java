package io.rowdesk.search;

/** A query the guard refused, with a reason worded for the person who wrote it. */
public final class GuardException extends RuntimeException {
    public GuardException(String message) {
        super(message);
    }

    public GuardException(String message, Throwable cause) {
        super(message, cause);
    }
}
