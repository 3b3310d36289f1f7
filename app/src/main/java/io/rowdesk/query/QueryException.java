package io.rowdesk.query;

import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;

/** A query that DuckDB refused ({@code refused}) or that ran out of time ({@code timeout}). */
public final class QueryException extends UserFacingException {
    private final boolean timedOut;

    public QueryException(String message, boolean timedOut, Throwable cause) {
        super(timedOut ? ErrorKind.TIMEOUT : ErrorKind.REFUSED, message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
