package io.rowdesk.grid;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryException;
import io.rowdesk.query.QueryResult;
import io.rowdesk.store.SqlFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ordering snapshots: for one (relation, sort, data version), a sorted copy of the relation's rows
 * numbered 0..n-1 in a column {@code __rowdesk_pos}, in a table of the query instance's in-memory
 * database. The copy is written in position order, so zone maps let a window read only the row
 * group(s) holding positions offset..offset+limit-1, instead of sorting and skipping offset rows.
 *
 * <p>Orderings are shared by all requests and users, built once per key in the background (one at a
 * time, so a build leaves room for windows), dropped when idle, when over budget (least recently
 * used first) and when the relation's data changes. docs/grid.md has the measurements behind the
 * choice of a full copy over sorted rowids joined back.
 */
public final class OrderingSnapshots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderingSnapshots.class);
    static final String SCHEMA = "__grid";
    private static final String WORKER_NAME = "rowdesk-grid-orderings";

    /**
     * @param maxSnapshots how many orderings to keep at most
     * @param maxCells budget for all orderings, in stored values (rows x columns kept; a rowid
     *     ordering keeps 2 columns), roughly 8 bytes each
     * @param idleTtl an ordering not read for this long is dropped
     * @param buildTimeout a build that takes longer is stopped
     */
    public record Limits(int maxSnapshots, long maxCells, Duration idleTtl, Duration buildTimeout) {
        public static final Limits DEFAULT =
                new Limits(8, 150_000_000L, Duration.ofMinutes(10), Duration.ofMinutes(5));

        public Limits {
            if (maxSnapshots < 1) {
                throw new IllegalArgumentException("maxSnapshots must be at least 1");
            }
            Objects.requireNonNull(idleTtl, "idleTtl is null");
            Objects.requireNonNull(buildTimeout, "buildTimeout is null");
        }
    }

    /** A built ordering of {@code query} over the data of {@code version}. */
    public record Ordering(GridQuery query, long version, String table, long rows, long cells) {}

    /** The relation changed while its ordering was built; ask again for the current version. */
    public static final class StaleOrderingException extends RuntimeException {
        StaleOrderingException(String message) {
            super(message);
        }
    }

    private record Key(GridQuery query, long version) {}

    private static final class Entry {
        final Key key;
        final String table;
        final CompletableFuture<Ordering> ready = new CompletableFuture<>();
        volatile Instant lastUsed;
        volatile Ordering built; // set just before ready completes
        boolean removed; // guarded by this

        Entry(Key key, String table, Instant now) {
            this.key = key;
            this.table = table;
            this.lastUsed = now;
        }

        long cells() {
            Ordering ordering = built;
            return ordering == null ? 0 : ordering.cells();
        }

        boolean finished() {
            return built != null || ready.isDone();
        }
    }

    private final QueryEngine engine;
    private final SqlFiles sqlFiles;
    private final Limits limits;
    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;
    private final AtomicLong tableCounter = new AtomicLong();
    private final AtomicLong buildsStarted = new AtomicLong();

    public OrderingSnapshots(QueryEngine engine, SqlFiles sqlFiles, Limits limits, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
        this.limits = Objects.requireNonNull(limits, "limits is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        engine.execute(
                "CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quoteIdentifier(SCHEMA),
                List.of(),
                Duration.ofSeconds(10));
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(
                        1,
                        runnable -> {
                            Thread thread = new Thread(runnable, WORKER_NAME);
                            thread.setDaemon(true);
                            return thread;
                        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
        long sweepMillis = Math.max(1_000, Math.min(60_000, limits.idleTtl().toMillis() / 4));
        worker.scheduleWithFixedDelay(
                this::expireIdle, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        engine.onChange(relation -> dropStale());
    }

    /**
     * The ordering of {@code query} over the relation's current data: done when it is built, else
     * building (the build starts with the first request for a key; later ones share it).
     */
    public CompletableFuture<Ordering> request(GridQuery query) {
        Key key = new Key(query, engine.version(query.relation()));
        Instant now = clock.instant();
        boolean[] created = {false};
        Entry entry =
                entries.computeIfAbsent(
                        key,
                        k -> {
                            created[0] = true;
                            return new Entry(
                                    k,
                                    SqlIdentifiers.quoteIdentifier(SCHEMA)
                                            + "."
                                            + SqlIdentifiers.quoteIdentifier(
                                                    "o_" + tableCounter.incrementAndGet()),
                                    now);
                        });
        entry.lastUsed = now;
        if (created[0]) {
            buildsStarted.incrementAndGet();
            worker.execute(() -> build(entry));
        }
        return entry.ready;
    }

    /**
     * The ordering of {@code query} over the current data if it is built or building, without
     * starting a build.
     */
    public CompletableFuture<Ordering> peek(GridQuery query) {
        Entry entry = entries.get(new Key(query, engine.version(query.relation())));
        if (entry == null) {
            return null;
        }
        entry.lastUsed = clock.instant();
        return entry.ready;
    }

    /** Rows {@code from} to {@code from + limit - 1} of a built ordering. */
    public QueryResult read(Ordering ordering, long from, int limit, Duration timeout) {
        String sql = sqlFiles.render("grid/window_copy.sql", Map.of("ordering", ordering.table()));
        return engine.queryPrepared(sql, List.of(from, from + limit - 1), limit, timeout);
    }

    /** False once the relation's data has changed since the ordering was built. */
    public boolean isCurrent(Ordering ordering) {
        return engine.version(ordering.query().relation()) == ordering.version();
    }

    /**
     * How many builds have started since the app started (each key is built once per data version).
     */
    public long buildsStarted() {
        return buildsStarted.get();
    }

    /** The orderings kept now, built or building. */
    public int size() {
        return entries.size();
    }

    /** Drops orderings not read for longer than the idle time. */
    public void expireIdle() {
        Instant cutoff = clock.instant().minus(limits.idleTtl());
        for (Entry entry : entries.values()) {
            if (entry.lastUsed.isBefore(cutoff) && entry.finished()) {
                remove(entry, "idle");
            }
        }
    }

    private void build(Entry entry) {
        GridQuery query = entry.key.query();
        synchronized (entry) {
            if (entry.removed) {
                entry.ready.completeExceptionally(
                        new StaleOrderingException("the ordering was dropped before it was built"));
                return;
            }
        }
        long started = System.nanoTime();
        try {
            String order = SortKey.orderBy(query.sort());
            engine.execute(
                    sqlFiles.render(
                            "grid/ordering_copy.sql",
                            Map.of(
                                    "ordering",
                                    entry.table,
                                    "table",
                                    SqlIdentifiers.quoteIdentifier(query.relation()),
                                    "order",
                                    order,
                                    "where",
                                    query.filter().where())),
                    query.filter().params(),
                    limits.buildTimeout());
            QueryResult count =
                    engine.query(
                            sqlFiles.render(
                                    "grid/ordering_count.sql", Map.of("ordering", entry.table)),
                            List.of(),
                            1,
                            Duration.ofSeconds(30));
            long rows = ((Number) count.rows().get(0).get(0)).longValue();
            long columnsKept = engine.columns(query.relation()).size() + 1L;
            Ordering ordering =
                    new Ordering(query, entry.key.version(), entry.table, rows, rows * columnsKept);
            boolean keep;
            synchronized (entry) {
                // A swap between reading the version and building would label new data with the
                // old version: only an ordering whose version is still current is kept.
                keep = !entry.removed && engine.version(query.relation()) == entry.key.version();
                if (keep) {
                    entry.built = ordering;
                } else {
                    entry.removed = true;
                }
            }
            if (!keep) {
                entries.remove(entry.key, entry);
                drop(entry.table);
                entry.ready.completeExceptionally(
                        new StaleOrderingException(
                                "the data of "
                                        + query.relation()
                                        + " changed while its ordering was built"));
                return;
            }
            LOG.info(
                    "Ordering of {} by {} built in {} ms ({} rows)",
                    query.relation(),
                    SortKey.format(query.sort()),
                    (System.nanoTime() - started) / 1_000_000,
                    rows);
            // Evict first, so that whoever waits for this ordering sees the budget already kept.
            evictOverBudget(entry);
            entry.ready.complete(ordering);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not build the ordering of {} by {}: {}",
                    query.relation(),
                    SortKey.format(query.sort()),
                    e.getMessage());
            synchronized (entry) {
                entry.removed = true;
            }
            entries.remove(entry.key, entry);
            drop(entry.table);
            boolean changed = engine.version(query.relation()) != entry.key.version();
            entry.ready.completeExceptionally(
                    changed && e instanceof QueryException
                            ? new StaleOrderingException(
                                    "the data of "
                                            + query.relation()
                                            + " changed while its ordering was built")
                            : e);
        }
    }

    /**
     * Keeps at most {@code maxSnapshots} orderings within the cell budget, dropping the least
     * recently used.
     */
    private void evictOverBudget(Entry justBuilt) {
        List<Entry> byAge =
                entries.values().stream()
                        .filter(Entry::finished)
                        .sorted(Comparator.comparing((Entry e) -> e.lastUsed))
                        .toList();
        int count = entries.size();
        long cells = byAge.stream().mapToLong(Entry::cells).sum();
        for (Entry entry : byAge) {
            if (count <= limits.maxSnapshots() && cells <= limits.maxCells()) {
                break;
            }
            if (entry == justBuilt) {
                continue; // the one just asked for stays, even alone over budget
            }
            cells -= entry.cells();
            count--;
            remove(entry, "over budget");
        }
    }

    private void dropStale() {
        for (Entry entry : entries.values()) {
            if (engine.version(entry.key.query().relation()) != entry.key.version()) {
                remove(entry, "data changed");
            }
        }
    }

    private void remove(Entry entry, String why) {
        boolean dropNow;
        synchronized (entry) {
            if (entry.removed) {
                return;
            }
            entry.removed = true;
            // A build in progress sees the flag and drops its own table when it finishes.
            dropNow = entry.finished();
        }
        entries.remove(entry.key, entry);
        if (dropNow) {
            LOG.debug(
                    "Dropping the ordering of {} by {} ({})",
                    entry.key.query().relation(),
                    SortKey.format(entry.key.query().sort()),
                    why);
            drop(entry.table);
        }
    }

    /** Drops on the worker thread, so that our CREATE and DROP statements never run at once. */
    private void drop(String table) {
        if (Thread.currentThread().getName().equals(WORKER_NAME)) {
            dropNow(table);
            return;
        }
        try {
            worker.execute(() -> dropNow(table));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the in-memory database goes with the query instance
        }
    }

    private void dropNow(String table) {
        try {
            engine.execute("DROP TABLE IF EXISTS " + table, List.of(), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.warn("Could not drop the grid ordering {}: {}", table, e.getMessage());
        }
    }

    SqlFiles sqlFiles() {
        return sqlFiles;
    }

    /** The SQL of a plain top-N window, for answering before the ordering is built. */
    String topN(GridQuery query) {
        return sqlFiles.render(
                "grid/top_n.sql",
                Map.of(
                        "table", SqlIdentifiers.quoteIdentifier(query.relation()),
                        "order", SortKey.orderBy(query.sort()),
                        "where", query.filter().where()));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
