package io.rowdesk.query;

/** A query that DuckDB refused or that ran out of time. */
public final class QueryException extends RuntimeException {
    private final boolean timedOut;

    public QueryException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
