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

    /** A query stopped at its deadline. */
    public static QueryException timedOut(java.time.Duration timeout, Throwable cause) {
        long millis = timeout.toMillis();
        String limit = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return new QueryException(
                "the query took longer than " + limit + " and was stopped", true, cause);
    }

    public boolean timedOut() {
        return timedOut;
    }
}
