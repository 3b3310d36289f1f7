package io.rowdesk.query;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/**
 * The one sandboxed DuckDB instance that every read in the app goes through. It is in memory;
 * snapshot files are attached READ_ONLY and each relation is a view on its current snapshot. File
 * access is limited to the snapshot folder and the configuration is locked, so no query can read
 * other files, load extensions or change settings.
 */
public final class QueryEngine implements AutoCloseable {
    private final DuckDBConnection root;
    private final Map<String, String> attachedAlias = new HashMap<>();
    private final AtomicLong aliasCounter = new AtomicLong();
    // Swaps take the write lock so that no query runs against a snapshot while it is detached.
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    // Data versions: every swap or view definition bumps the generation; a table's version is the
    // generation of its last swap. Views may read any table, so their version is the generation.
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Long> tableVersions = new ConcurrentHashMap<>();
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();
    // Connections that keep their prepared statements, for the few hot queries the app repeats with
    // new values (grid windows): preparing costs about 40% of such a query.
    private final java.util.concurrent.BlockingQueue<PreparedCache> preparedPool =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger preparedConnections =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final int PREPARED_CONNECTIONS = 4;

    /** The most memory one query's collected result may take (estimated), unless configured. */
    public static final long DEFAULT_RESULT_BYTES = 64L * 1024 * 1024;

    private final QueryWatchdog watchdog = new QueryWatchdog();
    private final long resultBytesCap;
    private static final int PREPARED_PER_CONNECTION = 32;

    /**
     * One connection and its prepared statements by SQL text, least recently used dropped first.
     */
    private static final class PreparedCache {
        final Connection connection;
        final Map<String, PreparedStatement> statements =
                new java.util.LinkedHashMap<>(16, 0.75f, true);

        PreparedCache(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement get(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
                if (statements.size() > PREPARED_PER_CONNECTION) {
                    var eldest = statements.entrySet().iterator().next();
                    closeQuietly(eldest.getValue());
                    statements.remove(eldest.getKey());
                }
            }
            return statement;
        }

        boolean has(String sql) {
            return statements.containsKey(sql);
        }

        void forget(String sql) {
            closeQuietly(statements.remove(sql));
        }

        void close() {
            statements.values().forEach(QueryEngine::closeQuietly);
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // a failed statement is already closed
            }
        }
    }

    private final Path workDir;

    /** With its working folder next to the snapshots: {@code <snapshotDir>/../query}. */
    public QueryEngine(Path snapshotDir, DuckDb.Limits limits) {
        this(snapshotDir, limits, defaultWorkDir(snapshotDir), DEFAULT_RESULT_BYTES);
    }

    public QueryEngine(Path snapshotDir, DuckDb.Limits limits, long resultBytesCap) {
        this(snapshotDir, limits, defaultWorkDir(snapshotDir), resultBytesCap);
    }

    public QueryEngine(Path snapshotDir, DuckDb.Limits limits, Path workDir) {
        this(snapshotDir, limits, workDir, DEFAULT_RESULT_BYTES);
    }

    private static Path defaultWorkDir(Path snapshotDir) {
        return snapshotDir.toAbsolutePath().normalize().resolveSibling("query");
    }

    /**
     * @param snapshotDir the snapshot files (attached read-only)
     * @param limits memory limit and threads; the memory limit holds because DuckDB spills to
     *     {@code <workDir>/tmp} beyond it
     * @param workDir the instance's own files: spilled intermediates ({@code tmp/}) and grid
     *     orderings ({@code orderings/}). Allowed to the instance besides the snapshots; only the
     *     app's own statements write there (users reach the instance through the guard, which lets
     *     one SELECT of known relations through)
     * @param resultBytesCap the most a query's result may hold in memory
     */
    public QueryEngine(Path snapshotDir, DuckDb.Limits limits, Path workDir, long resultBytesCap) {
        Objects.requireNonNull(snapshotDir, "snapshotDir is null");
        if (resultBytesCap < 1024) {
            throw new IllegalArgumentException("resultBytesCap must be at least 1 KiB");
        }
        this.resultBytesCap = resultBytesCap;
        this.workDir =
                Objects.requireNonNull(workDir, "workDir is null").toAbsolutePath().normalize();
        try {
            java.nio.file.Files.createDirectories(this.workDir.resolve("tmp"));
            java.nio.file.Files.createDirectories(this.workDir.resolve("orderings"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "cannot create the query instance's folder " + workDir + ": " + e.getMessage(),
                    e);
        }
        try {
            root = (DuckDBConnection) DuckDb.open(null, limits);
            String allowed = snapshotDir.toAbsolutePath().normalize() + "/";
            try (Statement statement = root.createStatement()) {
                statement.execute(
                        "SET temp_directory = "
                                + SqlIdentifiers.quoteLiteral(
                                        this.workDir.resolve("tmp").toString()));
                statement.execute(
                        "SET allowed_directories = ["
                                + SqlIdentifiers.quoteLiteral(allowed)
                                + ", "
                                + SqlIdentifiers.quoteLiteral(this.workDir + "/")
                                + "]");
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot start the query instance: " + e.getMessage(), e);
        }
    }

    /** Where grid orderings are written (inside the instance's allowed folders). */
    public Path orderingsDir() {
        return workDir.resolve("orderings");
    }

    /**
     * Points {@code relation} at a new snapshot file; queries see the old or the new data, never
     * neither.
     */
    public void swap(String relation, Path snapshotFile) {
        swapLock.writeLock().lock();
        try (Statement statement = root.createStatement()) {
            String alias = "snap_" + aliasCounter.incrementAndGet();
            statement.execute(
                    "ATTACH "
                            + SqlIdentifiers.quoteLiteral(snapshotFile.toAbsolutePath().toString())
                            + " AS "
                            + SqlIdentifiers.quoteIdentifier(alias)
                            + " (READ_ONLY)");
            statement.execute(
                    "CREATE OR REPLACE VIEW "
                            + SqlIdentifiers.quoteIdentifier(relation)
                            + " AS SELECT * FROM "
                            + SqlIdentifiers.quoteIdentifier(alias)
                            + ".main."
                            + SqlIdentifiers.quoteIdentifier(relation));
            // The snapshot's name index (cache/SnapshotNames), when it carries one, for search.
            boolean names;
            try (PreparedStatement has =
                    root.prepareStatement(
                            "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND"
                                    + " schema_name = 'main' AND table_name = ?")) {
                has.setString(1, alias);
                has.setString(2, NAMES_TABLE);
                try (ResultSet rs = has.executeQuery()) {
                    rs.next();
                    names = rs.getLong(1) > 0;
                }
            }
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + NAMES_SCHEMA);
            String namesView = NAMES_SCHEMA + "." + SqlIdentifiers.quoteIdentifier(relation);
            if (names && !relation.equalsIgnoreCase(NAMES_TABLE)) {
                statement.execute(
                        "CREATE OR REPLACE VIEW "
                                + namesView
                                + " AS SELECT * FROM "
                                + SqlIdentifiers.quoteIdentifier(alias)
                                + ".main."
                                + NAMES_TABLE);
            } else {
                statement.execute("DROP VIEW IF EXISTS " + namesView);
            }
            String old = attachedAlias.put(relation, alias);
            tableVersions.put(relation, generation.incrementAndGet());
            if (old != null) {
                statement.execute("DETACH " + SqlIdentifiers.quoteIdentifier(old));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot attach the snapshot of " + relation + ": " + e.getMessage(), e);
        } finally {
            swapLock.writeLock().unlock();
        }
        notifyChanged(relation);
    }

    /** The table of names in a snapshot file (written by cache/SnapshotNames). */
    private static final String NAMES_TABLE = "rowdesk_names";

    /** Where the current snapshot's names of each relation are seen: {@code rowdesk_names."r"}. */
    private static final String NAMES_SCHEMA = "rowdesk_names";

    /**
     * The name index of a table's current snapshot, as rows of (position, column_name, value) in
     * column order and most frequent first; empty when its snapshot carries none. The app's own
     * read: users cannot name the schema (the guard refuses qualified names).
     */
    public java.util.Optional<QueryResult> names(String relation, int maxRows) {
        String view = NAMES_SCHEMA + "." + SqlIdentifiers.quoteIdentifier(relation);
        QueryResult exists =
                query(
                        "SELECT count(*) FROM duckdb_views() WHERE schema_name = ? AND view_name = ?",
                        List.of(NAMES_SCHEMA, relation),
                        1,
                        Duration.ofSeconds(10));
        if (((Number) exists.rows().get(0).get(0)).longValue() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                query(
                        "SELECT position, column_name, value FROM "
                                + view
                                + " ORDER BY position, rows DESC, value",
                        List.of(),
                        maxRows,
                        Duration.ofSeconds(30)));
    }

    /** Defines a relation as a SELECT over other relations (from configuration, not from users). */
    public void defineView(String name, String select) {
        swapLock.writeLock().lock();
        try (Statement statement = root.createStatement()) {
            statement.execute(
                    "CREATE OR REPLACE VIEW "
                            + SqlIdentifiers.quoteIdentifier(name)
                            + " AS "
                            + select);
            generation.incrementAndGet();
        } catch (SQLException e) {
            throw new IllegalStateException("view " + name + " is not valid: " + e.getMessage(), e);
        } finally {
            swapLock.writeLock().unlock();
        }
        notifyChanged(name);
    }

    /**
     * The version of a relation's data: it changes whenever the relation is swapped to a new
     * snapshot (for a view: whenever any relation changes, since a view may read any of them).
     * Anything derived from a relation's rows is stale once this differs from when it was made.
     */
    public long version(String relation) {
        Long version = tableVersions.get(relation);
        return version != null ? version : generation.get();
    }

    /** Calls {@code listener} with the relation's name after each swap or view definition. */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    private void notifyChanged(String relation) {
        for (Consumer<String> listener : changeListeners) {
            listener.accept(relation);
        }
    }

    /**
     * Runs one statement that returns no rows, for the app's own derived tables in the in-memory
     * database (e.g. grid orderings). Never for user or model text: that goes through the guard to
     * {@link #query}.
     */
    public void execute(String sql, List<?> params, Duration timeout) {
        swapLock.readLock().lock();
        QueryWatchdog.Deadline deadline = watchdog.arm(timeout);
        try (deadline;
                Connection connection = root.duplicate();
                PreparedStatement statement = prepare(connection, sql, params, timeout)) {
            deadline.watch(statement);
            statement.execute();
        } catch (SQLException e) {
            throw failure(e, "statement", timeout, deadline);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    /** Columns of a relation, in order. */
    public List<Column> columns(String relation) {
        QueryResult result =
                query(
                        "SELECT * FROM " + SqlIdentifiers.quoteIdentifier(relation) + " LIMIT 0",
                        List.of(),
                        0,
                        Duration.ofSeconds(10));
        return result.columns();
    }

    public long count(String relation) {
        QueryResult result =
                query(
                        "SELECT count(*) FROM " + SqlIdentifiers.quoteIdentifier(relation),
                        List.of(),
                        1,
                        Duration.ofSeconds(60));
        return ((Number) result.rows().get(0).get(0)).longValue();
    }

    /** Receives a result's columns, then its rows one by one; answering false stops the query. */
    public interface RowSink {
        void columns(List<Column> columns);

        boolean row(List<Object> row);
    }

    /**
     * Runs one statement with bound parameters, keeping at most {@code maxRows} rows and stopping
     * it after {@code timeout}. Callers pass only SQL built from the catalog or checked by the
     * guard.
     */
    public QueryResult query(String sql, List<?> params, int maxRows, Duration timeout) {
        Collector collector = new Collector(maxRows, resultBytesCap);
        stream(sql, params, timeout, collector);
        return collector.result();
    }

    /**
     * Keeps at most {@code maxRows} rows and about {@code maxBytes} of their values, and notes
     * whether there were more. A first row larger than the cap is refused outright.
     */
    private static final class Collector implements RowSink {
        private final int maxRows;
        private final long maxBytes;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private long bytes;
        private boolean truncated;

        Collector(int maxRows, long maxBytes) {
            this.maxRows = maxRows;
            this.maxBytes = maxBytes;
        }

        @Override
        public void columns(List<Column> names) {
            columns.addAll(names);
        }

        @Override
        public boolean row(List<Object> row) {
            if (rows.size() >= maxRows) {
                truncated = true;
                return false;
            }
            long size = estimatedBytes(row);
            if (bytes + size > maxBytes) {
                if (rows.isEmpty()) {
                    throw new QueryException(
                            "one row of the result is larger than the "
                                    + maxBytes / (1024 * 1024)
                                    + " MiB a query may return",
                            false,
                            null);
                }
                truncated = true;
                return false;
            }
            bytes += size;
            rows.add(row);
            return true;
        }

        QueryResult result() {
            return new QueryResult(columns, rows, truncated);
        }
    }

    /**
     * As {@link #query}, on a pooled connection that keeps the statement prepared for the next call
     * with the same SQL. For the app's own repeated queries (grid windows), never for SQL typed by
     * people or models. A statement that fails is dropped and prepared afresh next time.
     */
    public QueryResult queryPrepared(String sql, List<?> params, int maxRows, Duration timeout) {
        PreparedCache cache = preparedPool.poll();
        if (cache == null) {
            if (preparedConnections.incrementAndGet() > PREPARED_CONNECTIONS) {
                preparedConnections.decrementAndGet();
                return query(sql, params, maxRows, timeout);
            }
            try {
                cache = new PreparedCache(root.duplicate());
            } catch (SQLException e) {
                preparedConnections.decrementAndGet();
                return query(sql, params, maxRows, timeout);
            }
        }
        swapLock.readLock().lock();
        try {
            boolean kept = cache.has(sql);
            QueryWatchdog.Deadline deadline = watchdog.arm(timeout);
            try (deadline) {
                try {
                    return runPrepared(cache, sql, params, maxRows, timeout, deadline);
                } catch (SQLException e) {
                    cache.forget(sql);
                    if (!kept || deadline.fired()) {
                        throw failure(e, "query", timeout, deadline);
                    }
                }
                // A kept statement can be bound to a table that was dropped and created again (a
                // swapped snapshot, a rebuilt ordering): prepare it afresh, once.
                try {
                    return runPrepared(cache, sql, params, maxRows, timeout, deadline);
                } catch (SQLException e) {
                    cache.forget(sql);
                    throw failure(e, "query", timeout, deadline);
                }
            }
        } finally {
            swapLock.readLock().unlock();
            preparedPool.offer(cache);
        }
    }

    private QueryResult runPrepared(
            PreparedCache cache,
            String sql,
            List<?> params,
            int maxRows,
            Duration timeout,
            QueryWatchdog.Deadline deadline)
            throws SQLException {
        PreparedStatement statement = cache.get(sql);
        deadline.watch(statement);
        statement.setQueryTimeout((int) Math.max(1, Math.ceil(timeout.toMillis() / 1000.0)));
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        Collector collector = new Collector(maxRows, resultBytesCap);
        try (ResultSet rs = statement.executeQuery()) {
            drain(rs, collector);
        }
        return collector.result();
    }

    /** A rough size of a row held in Java: headers plus the characters or bytes of each value. */
    static long estimatedBytes(List<Object> row) {
        long size = 16L + 8L * row.size();
        for (Object value : row) {
            if (value instanceof CharSequence text) {
                size += 40L + 2L * text.length();
            } else if (value instanceof byte[] binary) {
                size += 16L + binary.length;
            } else if (value != null) {
                String text = value instanceof Number ? "" : String.valueOf(value);
                size += 24L + 2L * text.length();
            }
        }
        return size;
    }

    /** Hands the columns, then the rows, to {@code sink} until it says stop. */
    private static void drain(ResultSet rs, RowSink sink) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(new Column(meta.getColumnName(c), meta.getColumnTypeName(c)));
        }
        sink.columns(columns);
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 1; c <= columns.size(); c++) {
                row.add(value(rs, meta, c));
            }
            if (!sink.row(row)) {
                break;
            }
        }
    }

    /**
     * Runs one statement and hands its rows to {@code sink} as they come, without holding them all
     * (CSV export). Swaps wait while it runs, as for any query.
     */
    public void stream(String sql, List<?> params, Duration timeout, RowSink sink) {
        // On a worker thread under the watchdog: the caller gets its answer at the deadline even
        // when DuckDB cannot be interrupted (see QueryWatchdog).
        watchdog.run(
                timeout,
                deadline -> {
                    swapLock.readLock().lock();
                    // A fresh connection and statement per query: a DuckDB statement whose query
                    // failed is closed.
                    try (Connection connection = root.duplicate();
                            PreparedStatement statement =
                                    prepare(connection, sql, params, timeout)) {
                        deadline.watch(statement);
                        try (ResultSet rs = statement.executeQuery()) {
                            drain(rs, sink);
                        }
                        return null;
                    } finally {
                        swapLock.readLock().unlock();
                    }
                },
                e -> {
                    throw failure(e, "query", timeout, null);
                });
    }

    /** The watchdog of this instance: how many queries it stopped, how many still run. */
    public QueryWatchdog watchdog() {
        return watchdog;
    }

    /** A fresh statement per query: a DuckDB statement whose query failed is closed. */
    private static PreparedStatement prepare(
            Connection connection, String sql, List<?> params, Duration timeout)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout((int) Math.max(1, Math.ceil(timeout.toMillis() / 1000.0)));
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    /**
     * A timeout (JDBC's, or DuckDB's interrupt) is said as such; any other error keeps DuckDB's
     * gist.
     */
    private static QueryException failure(
            SQLException e, String what, Duration timeout, QueryWatchdog.Deadline deadline) {
        boolean timedOut =
                (deadline != null && deadline.fired())
                        || e instanceof SQLTimeoutException
                        || String.valueOf(e.getMessage()).contains("INTERRUPT");
        return new QueryException(
                timedOut
                        ? "the "
                                + what
                                + " took longer than "
                                + timeout.toSeconds()
                                + " s and was stopped"
                        : cleanMessage(e.getMessage()),
                timedOut,
                e);
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int column)
            throws SQLException {
        int type = meta.getColumnType(column);
        Object value =
                switch (type) {
                    case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
                    case Types.DATE -> rs.getObject(column, LocalDate.class);
                    default -> rs.getObject(column);
                };
        return rs.wasNull() ? null : DuckValues.normalize(value);
    }

    /**
     * DuckDB prefixes messages with the error class and adds a newline-separated context; keep the
     * gist.
     */
    static String cleanMessage(String message) {
        if (message == null) {
            return "the query failed";
        }
        String first = message.lines().findFirst().orElse(message);
        return first.replaceFirst("^[A-Za-z ]+ Error: ", "");
    }

    @Override
    public void close() {
        watchdog.close();
        PreparedCache cache;
        while ((cache = preparedPool.poll()) != null) {
            cache.close();
        }
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
