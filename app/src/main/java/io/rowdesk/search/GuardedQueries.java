package io.rowdesk.search;

import io.rowdesk.auth.Role;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryException;
import io.rowdesk.query.QueryResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The only way user-, model- or builder-written SQL reaches the query instance: the guard first,
 * then the sandboxed engine with a statement timeout and a row cap.
 */
public final class GuardedQueries {
    /** How long a guarded query may run and how many rows it may return. */
    public record Limits(Duration timeout, int maxRows) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 10_000);

        public Limits {
            Objects.requireNonNull(timeout, "timeout is null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            if (maxRows < 1) {
                throw new IllegalArgumentException("maxRows must be at least 1");
            }
        }
    }

    private final SqlGuard guard;
    private final QueryEngine engine;
    private final Limits limits;

    public GuardedQueries(SqlGuard guard, QueryEngine engine, Limits limits) {
        this.guard = Objects.requireNonNull(guard, "guard is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.limits = Objects.requireNonNull(limits, "limits is null");
    }

    public Limits limits() {
        return limits;
    }

    /** Checks and runs {@code sql} for {@code role}, keeping at most the configured row cap. */
    /** Checks without running: for SQL that another path (the grid) runs in pieces. */
    public CheckedQuery check(String sql, Role role) {
        return guard.check(sql, role);
    }

    public QueryResult run(String sql, List<?> params, Role role) {
        return run(sql, params, role, limits.maxRows());
    }

    /**
     * Checks and runs {@code sql} for {@code role}, keeping at most {@code maxRows} rows (never
     * more than the configured cap).
     *
     * @throws GuardException when the guard refuses the query
     * @throws QueryException when DuckDB refuses it or it runs out of time
     */
    public QueryResult run(String sql, List<?> params, Role role, int maxRows) {
        CheckedQuery checked = guard.check(sql, role);
        int cap = Math.max(1, Math.min(maxRows, limits.maxRows()));
        try {
            return engine.query(checked.sql(), params, cap, limits.timeout());
        } catch (QueryException e) {
            if (e.timedOut()) {
                throw new QueryException(
                        "The query took longer than "
                                + describe(limits.timeout())
                                + " and was stopped. Add a filter or aggregate over fewer rows.",
                        true,
                        e);
            }
            throw e;
        }
    }

    private static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * The name index of a table's current snapshot (cache/SnapshotNames): the app's own read,
     * bounded by what the cache wrote; empty when the snapshot carries none.
     */
    public java.util.Optional<QueryResult> snapshotNames(String relation) {
        return engine.names(
                relation,
                io.rowdesk.cache.SnapshotNames.MAX_VALUES
                        * io.rowdesk.cache.SnapshotNames.MAX_COLUMNS);
    }
}
