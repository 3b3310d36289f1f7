package io.rowdesk.grid;

import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryException;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows of a sorted relation at any depth. The first request for a sort starts its ordering
 * snapshot; while it builds, windows near the top are answered by a plain top-N (cheap there) and
 * deeper ones wait for the build, after which every window is a range read.
 */
public final class GridService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GridService.class);

    /** While an ordering builds, windows that end within this many rows are answered by top-N. */
    public static final long TOP_N_DEPTH = 10_000;

    public static final int MAX_LIMIT = 1000;
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BUILD_WAIT = Duration.ofMinutes(2);
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(30);
    private static final int ATTEMPTS = 3;

    private final QueryEngine engine;
    private final OrderingSnapshots orderings;
    private final RowdeskConfig config;
    private final QuantileSeek seek;
    // Window reads take a slot in arrival order, as many at once as the query instance has threads.
    // Without it, 20 concurrent windows on 2 DuckDB threads were served unfairly: p50 22-36 ms but
    // p99 230-300 ms. Queued in order, each waits only for those ahead of it.
    private final Semaphore windowSlots = new Semaphore(DuckDb.Limits.QUERY.threads(), true);

    /** Relations with at least this many rows get their columns' bins counted after start. */
    public static final long WARM_ROWS = 1_000_000;

    private final java.util.concurrent.ExecutorService warmer =
            java.util.concurrent.Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "rowdesk-grid-warm");
                        thread.setDaemon(true);
                        return thread;
                    });
    private volatile boolean closed;

    public GridService(QueryEngine engine, OrderingSnapshots orderings, RowdeskConfig config) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.orderings = Objects.requireNonNull(orderings, "orderings is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.seek = new QuantileSeek(engine, orderings.sqlFiles());
    }

    /**
     * The user's sort made total: followed by the relation's key column (from configuration) or,
     * when it has none, by every column not yet in the sort. Sorting on the key ends the list.
     */
    public GridQuery query(RelationInfo relation, List<SortKey> sort) {
        return query(relation, sort, GridFilter.NONE);
    }

    /** As {@link #query(RelationInfo, List)}, over the rows that {@code filter} keeps. */
    public GridQuery query(RelationInfo relation, List<SortKey> sort, GridFilter filter) {
        List<String> names = relation.columns().stream().map(Column::name).toList();
        List<SortKey> full = new ArrayList<>(sort);
        String key = keyColumn(relation);
        if (key != null) {
            if (sort.stream().noneMatch(k -> k.column().equals(key))) {
                full.add(SortKey.ascending(key));
            }
        } else {
            for (String name : names) {
                if (sort.stream().noneMatch(k -> k.column().equals(name))) {
                    full.add(SortKey.ascending(name));
                }
            }
        }
        return new GridQuery(relation.name(), full, filter);
    }

    /** The relation's configured key column when it has that column, else null. */
    private String keyColumn(RelationInfo relation) {
        String key = config.relation(relation.name()).keyColumn();
        return key != null && relation.columns().stream().anyMatch(c -> c.name().equals(key))
                ? key
                : null;
    }

    /** How many sorted copies one user may have queued or building at a time. */
    public static final int MAX_QUEUED_COPIES_PER_USER = 2;

    public Window window(RelationInfo relation, List<SortKey> sort, long offset, int limit) {
        return window(relation, sort, GridFilter.NONE, offset, limit);
    }

    /**
     * As {@link #window(RelationInfo, List, long, int)}, over the rows that {@code filter} keeps.
     */
    public Window window(
            RelationInfo relation, List<SortKey> sort, GridFilter filter, long offset, int limit) {
        return window(relation, sort, filter, offset, limit, null);
    }

    /**
     * As {@link #window(RelationInfo, List, GridFilter, long, int)} for {@code requester} (a user),
     * who may have at most {@link #MAX_QUEUED_COPIES_PER_USER} sorted copies queued or building:
     * past it, windows are answered by the seek or a plain top-N without queueing another copy,
     * never refused. A null requester (the app itself) is not limited.
     */
    public Window window(
            RelationInfo relation,
            List<SortKey> sort,
            GridFilter filter,
            long offset,
            int limit,
            String requester) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1 to " + MAX_LIMIT);
        }
        GridQuery query = query(relation, sort, filter);
        QueryException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long version = engine.version(query.relation());
            boolean shallow = offset + limit <= TOP_N_DEPTH;
            CompletableFuture<OrderingSnapshots.Ordering> pending = orderings.peek(query);
            if (pending == null && shallow) {
                // The first window of a new sort: answer it before the build takes the cores.
                Window window = topN(query, relation, offset, limit);
                requestCopy(query, requester);
                if (engine.version(query.relation()) == version) {
                    return window;
                }
                continue;
            }
            if (pending == null) {
                pending = requestCopy(query, requester);
                if (pending == null) {
                    // this user's copies fill their share of the queue: answer without one
                    Window window =
                            QuantileSeek.supports(query, relation.columns())
                                    ? seek(query, relation, version, offset, limit)
                                    : topN(query, relation, offset, limit);
                    if (engine.version(query.relation()) == version) {
                        return window;
                    }
                    continue;
                }
            }
            OrderingSnapshots.Ordering ordering = pending.getNow(null);
            if (ordering == null && shallow) {
                Window window = topN(query, relation, offset, limit);
                if (engine.version(query.relation()) == version) {
                    return window;
                }
                continue;
            }
            if (ordering == null && QuantileSeek.supports(query, relation.columns())) {
                // Deep before the ordering exists: seek by quantiles instead of waiting for it.
                Window window = seek(query, relation, version, offset, limit);
                if (engine.version(query.relation()) == version) {
                    return window;
                }
                continue;
            }
            if (ordering == null) {
                ordering = await(pending);
                if (ordering == null) {
                    continue; // stale build: the data changed; ask for the current version
                }
            }
            if (offset >= ordering.rows()) {
                return new Window(relation.columns(), List.of(), ordering.rows(), offset, true);
            }
            try {
                QueryResult rows;
                try {
                    rows = readInTurn(ordering, offset, limit);
                } catch (OrderingSnapshots.StaleOrderingException dropped) {
                    continue; // evicted or outdated before the read: seek or rebuild instead
                }
                // Read under the swap lock, so the rows are current unless a swap came before the
                // read.
                if (orderings.isCurrent(ordering)) {
                    return new Window(rows.columns(), rows.rows(), ordering.rows(), offset, true);
                }
            } catch (QueryException e) {
                if (orderings.isCurrent(ordering) && !e.timedOut()) {
                    // The ordering may have been dropped (idle or over budget) between request and
                    // read.
                    last = e;
                    continue;
                }
                if (orderings.isCurrent(ordering)) {
                    throw e;
                }
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new QueryException(
                "the data of " + relation.name() + " kept changing; try again", false, null);
    }

    /**
     * Every row of {@code relation} in {@code sort} order, streamed to {@code sink} (CSV export).
     */
    public void export(
            RelationInfo relation,
            List<SortKey> sort,
            GridFilter filter,
            QueryEngine.RowSink sink) {
        GridQuery query = query(relation, sort, filter);
        engine.stream(
                orderings.topN(query),
                withParams(filter, Long.MAX_VALUE, 0L),
                EXPORT_TIMEOUT,
                sink);
    }

    private static List<Object> withParams(GridFilter filter, Object... more) {
        List<Object> params = new ArrayList<>(filter.params());
        params.addAll(List.of(more));
        return params;
    }

    private QueryResult readInTurn(OrderingSnapshots.Ordering ordering, long offset, int limit) {
        try {
            windowSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read a window", e);
        }
        try {
            return orderings.read(ordering, offset, limit, WINDOW_TIMEOUT);
        } finally {
            windowSlots.release();
        }
    }

    private OrderingSnapshots.Ordering await(
            CompletableFuture<OrderingSnapshots.Ordering> pending) {
        try {
            return pending.get(BUILD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OrderingSnapshots.StaleOrderingException) {
                return null;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new QueryException(
                    "the grid's ordering is still being built; try again in a moment", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the grid's ordering", e);
        }
    }

    /**
     * In the background, counts the seek's first-level bins of every column of the large relations
     * (one sample and one counting scan per column), so that the first deep window of a new sort
     * costs a scan less. Meant to run once the server is ready; failures are only logged.
     */
    public CompletableFuture<Void> warmInBackground(java.util.Collection<RelationInfo> relations) {
        return CompletableFuture.runAsync(
                () -> {
                    long started = System.nanoTime();
                    for (RelationInfo relation : relations) {
                        if (relation.rowCount() < WARM_ROWS) {
                            continue;
                        }
                        for (Column column : relation.columns()) {
                            if (closed) {
                                return;
                            }
                            try {
                                seek.warm(
                                        relation.name(),
                                        column,
                                        relation.columns(),
                                        engine.version(relation.name()));
                            } catch (RuntimeException e) {
                                LOG.warn(
                                        "Could not count the bins of {}.{}: {}",
                                        relation.name(),
                                        column.name(),
                                        e.getMessage());
                            }
                        }
                        LOG.info(
                                "Grid seek ready for every column of {} after {} ms",
                                relation.name(),
                                (System.nanoTime() - started) / 1_000_000);
                        if (closed) {
                            return;
                        }
                        try {
                            seek.warmDeeper(
                                    relation.name(),
                                    relation.columns(),
                                    keyColumn(relation),
                                    engine.version(relation.name()));
                            LOG.info(
                                    "Grid seek ready for sorts on two columns of {} after {} ms",
                                    relation.name(),
                                    (System.nanoTime() - started) / 1_000_000);
                        } catch (RuntimeException e) {
                            LOG.warn(
                                    "Could not count the second level of {}: {}",
                                    relation.name(),
                                    e.getMessage());
                        }
                    }
                },
                warmer);
    }

    @Override
    public void close() {
        closed = true;
        warmer.shutdown();
        try {
            warmer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Window seek(
            GridQuery query, RelationInfo relation, long version, long offset, int limit) {
        // Not in the window slots: a seek scans (hundreds of ms on tens of millions of rows) and
        // would hold up the few-ms reads of built orderings queued behind it.
        QuantileSeek.Result result;
        try (QuietMoments.Busy busy = orderings.quietMoments().busy()) {
            result = seek.window(query, relation.columns(), version, offset, limit);
        }
        LOG.debug(
                "Window {}+{} of {} answered by the quantile seek", offset, limit, relation.name());
        return new Window(
                result.rows().columns(), result.rows().rows(), result.total(), offset, false);
    }

    private CompletableFuture<OrderingSnapshots.Ordering> requestCopy(
            GridQuery query, String requester) {
        return requester == null
                ? orderings.request(query)
                : orderings.request(query, requester, MAX_QUEUED_COPIES_PER_USER);
    }

    private Window topN(GridQuery query, RelationInfo relation, long offset, int limit) {
        try (QuietMoments.Busy busy = orderings.quietMoments().busy()) {
            return topNNow(query, relation, offset, limit);
        }
    }

    private Window topNNow(GridQuery query, RelationInfo relation, long offset, int limit) {
        if (QuantileSeek.supports(query, relation.columns())) {
            QuantileSeek.Result counted =
                    seek.fromCountedBins(
                            query,
                            relation.columns(),
                            engine.version(query.relation()),
                            offset,
                            limit);
            if (counted != null) {
                return new Window(
                        counted.rows().columns(),
                        counted.rows().rows(),
                        counted.total(),
                        offset,
                        false);
            }
        }
        QueryResult rows =
                engine.query(
                        orderings.topN(query),
                        withParams(query.filter(), limit, offset),
                        limit,
                        WINDOW_TIMEOUT);
        LOG.debug(
                "Window {}+{} of {} answered by top-N while its ordering builds",
                offset,
                limit,
                relation.name());
        long total =
                query.filter().isNone()
                        ? relation.rowCount()
                        : ((Number)
                                        engine.query(
                                                        "SELECT count(*) FROM "
                                                                + SqlIdentifiers.quoteIdentifier(
                                                                        relation.name())
                                                                + " "
                                                                + query.filter().where(),
                                                        query.filter().params(),
                                                        1,
                                                        WINDOW_TIMEOUT)
                                                .rows()
                                                .get(0)
                                                .get(0))
                                .longValue();
        return new Window(rows.columns(), rows.rows(), total, offset, false);
    }
}
