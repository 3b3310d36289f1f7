package io.rowdesk.search;

import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;

/** A query the guard refused, with a reason worded for the person who wrote it. */
public final class GuardException extends UserFacingException {
    public GuardException(String message) {
        super(ErrorKind.REFUSED, message);
    }

    public GuardException(String message, Throwable cause) {
        super(ErrorKind.REFUSED, message, cause);
    }
}
