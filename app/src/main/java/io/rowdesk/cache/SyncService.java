package io.rowdesk.cache;

import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.config.ViewConfig;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.source.FileTable;
import io.rowdesk.source.RowSelection;
import io.rowdesk.source.Source;
import io.rowdesk.source.SourceTable;
import io.rowdesk.source.StreamedTable;
import io.rowdesk.store.SqlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings source tables into the query instance and keeps them fresh. Start-up attaches each table's
 * current snapshot (a damaged one is set aside and the table re-synced) and syncs only tables
 * without one; later syncs run one at a time on a background thread, on demand or on each source's
 * {@code refresh} schedule. Every table is isolated: one that cannot be read, loaded or profiled is
 * marked failed with its error and never stops the server or the other tables, and a failed sync
 * leaves the previous snapshot serving.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    /** What one start-up did, for the log and the tests. */
    public record Report(
            List<String> loaded, List<String> reused, List<String> profiled, List<String> failed) {}

    /** A source with its schedule: {@code refresh} null means on demand only. */
    public record Entry(Source source, Duration refresh, Duration fullRefresh) {}

    /**
     * {@code AUTO}: incremental when the table has a cursor and a snapshot; {@code FULL}: all rows.
     */
    public enum Mode {
        AUTO,
        FULL
    }

    /** What one table's sync did. */
    public record Outcome(
            String source,
            String relation,
            boolean ok,
            boolean incremental,
            long rows,
            long rowsRead,
            long millis,
            String error) {}

    /** A table's live state, changed by the sync thread and read by status requests. */
    private static final class Live {
        final String source;
        volatile boolean syncing;
        volatile long progress;
        volatile Long estimate;
        volatile String error;

        Live(String source) {
            this.source = source;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<ViewConfig> views;
    private final SnapshotWriter writer;
    private final SnapshotRepository snapshots;
    private final SyncStateRepository states;
    private final QueryEngine engine;
    private final RelationCatalog catalog;
    private final SqlFiles sqlFiles;
    private final ColumnProfiler profiler;
    private final ProfileRepository profiles;
    private final AuditLog audit;
    private final Clock clock;

    private final Map<String, List<SourceTable>> listed = new ConcurrentHashMap<>();
    private final Map<String, String> listErrors = new ConcurrentHashMap<>();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, ViewStatus> viewStatus = new ConcurrentHashMap<>();
    private final ReentrantLock syncLock = new ReentrantLock();
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread thread = new Thread(r, "rowdesk-sync");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "rowdesk-sync-schedule");
                        thread.setDaemon(true);
                        return thread;
                    });

    public SyncService(
            List<Entry> entries,
            List<ViewConfig> views,
            SnapshotWriter writer,
            SnapshotRepository snapshots,
            SyncStateRepository states,
            QueryEngine engine,
            RelationCatalog catalog,
            SqlFiles sqlFiles,
            ColumnProfiler profiler,
            ProfileRepository profiles,
            AuditLog audit,
            Clock clock) {
        for (Entry entry : entries) {
            this.entries.put(entry.source().name(), entry);
        }
        this.views = new java.util.concurrent.CopyOnWriteArrayList<>(views);
        this.writer = Objects.requireNonNull(writer, "writer is null");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots is null");
        this.states = Objects.requireNonNull(states, "states is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
        this.profiler = Objects.requireNonNull(profiler, "profiler is null");
        this.profiles = Objects.requireNonNull(profiles, "profiles is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * Start-up: attaches what is cached, syncs what is not ({@code syncMissing}; a file table whose
     * files changed counts as missing), defines the views, and tidies the cache folder.
     */
    /** True while {@link #start} runs: tables load one by one, and views wait for all of them. */
    private volatile boolean starting;

    public Report start(boolean syncMissing) {
        starting = true;
        try {
            return startAll(syncMissing);
        } finally {
            starting = false;
        }
    }

    private Report startAll(boolean syncMissing) {
        List<String> loaded = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        List<String> profiled = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry entry : entries.values()) {
            Source source = entry.source();
            List<SourceTable> tables = list(source);
            if (tables == null) {
                failed.addAll(source.configuredTables());
                continue;
            }
            for (SourceTable table : tables) {
                Live state = live(table);
                if (!names.add(table.relation())) {
                    state.error =
                            "relation '"
                                    + table.relation()
                                    + "' comes from two sources; relation names must be unique"
                                    + " (restrict one source with tables:)";
                    LOG.error("source '{}': {}", source.name(), state.error);
                    failed.add(table.relation());
                    continue;
                }
                Snapshot current = snapshots.current(table.relation()).orElse(null);
                boolean fresh =
                        current != null
                                && Files.exists(current.file())
                                && (!(table instanceof FileTable)
                                        || current.fingerprint().equals(table.fingerprint()));
                if (fresh && attach(table, current)) {
                    reused.add(table.relation());
                    if (profileIfNeeded(table.relation(), false)) {
                        profiled.add(table.relation());
                    }
                    continue;
                }
                if (!syncMissing && current == null) {
                    continue;
                }
                Outcome outcome = syncTable(table, Mode.FULL, "system");
                if (outcome.ok()) {
                    loaded.add(table.relation());
                    profiled.add(table.relation());
                } else {
                    failed.add(table.relation());
                }
            }
        }
        defineViews(!loaded.isEmpty(), profiled);
        sweep();
        return new Report(loaded, reused, profiled, failed);
    }

    /** Lists a source's tables, remembering them; null (and the error noted) when that fails. */
    private List<SourceTable> list(Source source) {
        try {
            List<SourceTable> tables = source.tables();
            listed.put(source.name(), tables);
            listErrors.remove(source.name());
            return tables;
        } catch (RuntimeException e) {
            String error = e.getMessage();
            listErrors.put(source.name(), error);
            LOG.error("Source {} is unavailable: {}", source.name(), error);
            for (String table : source.configuredTables()) {
                live.computeIfAbsent(table, t -> new Live(source.name())).error = error;
            }
            return null;
        }
    }

    private Live live(SourceTable table) {
        Live state = live.computeIfAbsent(table.relation(), r -> new Live(table.source()));
        if (table instanceof StreamedTable streamed && streamed.estimatedRows() >= 0) {
            state.estimate = streamed.estimatedRows();
        }
        return state;
    }

    /**
     * Points the query instance at a stored snapshot. A file that cannot be attached (damaged,
     * truncated) is moved to {@code cache/damaged/} and forgotten, so the table is synced afresh.
     */
    private boolean attach(SourceTable table, Snapshot snapshot) {
        try {
            engine.swap(table.relation(), snapshot.file());
            catalog.put(info(table.relation(), table.source(), snapshot.rowCount()));
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "The snapshot of {} is damaged and set aside ({}); it will be synced again",
                    table.relation(),
                    e.getMessage());
            setAside(snapshot.file());
            snapshots.forget(table.relation());
            return false;
        }
    }

    private void setAside(Path file) {
        try {
            Path damaged = writer.cacheDir().resolve("damaged");
            Files.createDirectories(damaged);
            Files.move(
                    file, damaged.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            SnapshotWriter.deleteQuietly(file);
        }
    }

    private RelationInfo info(String relation, String source, long rows) {
        return new RelationInfo(relation, source, engine.columns(relation), rows, false);
    }

    /**
     * Syncs tables of a source on the sync thread, one after the other ({@code tables} empty: all
     * of them). Unknown names are refused at once; the tables show as syncing from now on.
     */
    public CompletableFuture<List<Outcome>> submit(
            String sourceName, List<String> tables, Mode mode, String actor) {
        Entry entry = entries.get(sourceName);
        if (entry == null) {
            throw new UserFacingException(
                    ErrorKind.NOT_FOUND, "There is no source called '" + sourceName + "'.");
        }
        Set<String> known = new HashSet<>(entry.source().configuredTables());
        Optional.ofNullable(listed.get(sourceName))
                .ifPresent(list -> list.forEach(t -> known.add(t.relation())));
        for (String table : tables) {
            if (!known.contains(table)) {
                throw new UserFacingException(
                        ErrorKind.NOT_FOUND,
                        "Source '" + sourceName + "' has no table '" + table + "'.");
            }
        }
        List<String> marked = tables.isEmpty() ? List.copyOf(known) : List.copyOf(tables);
        for (String table : marked) {
            Live state = live.computeIfAbsent(table, t -> new Live(sourceName));
            state.syncing = true;
            state.progress = 0;
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return syncSource(entry.source(), tables, mode, actor);
                    } finally {
                        marked.forEach(t -> live.get(t).syncing = false);
                    }
                },
                executor);
    }

    /** Syncs tables of a source now, on the calling thread (the command line). */
    public List<Outcome> syncSource(Source source, List<String> only, Mode mode, String actor) {
        List<SourceTable> tables = list(source);
        List<Outcome> outcomes = new ArrayList<>();
        if (tables == null) {
            String error = listErrors.get(source.name());
            List<String> names = only.isEmpty() ? source.configuredTables() : only;
            for (String name : names) {
                audit.record(
                        actor,
                        "source.sync.failure",
                        source.name() + "." + name,
                        AuditEntry.Outcome.FAILURE,
                        Map.of("error", String.valueOf(error)));
                states.failed(name, source.name(), clock.instant(), error);
                outcomes.add(new Outcome(source.name(), name, false, false, 0, 0, 0, error));
            }
            return outcomes;
        }
        for (SourceTable table : tables) {
            if (only.isEmpty() || only.contains(table.relation())) {
                outcomes.add(syncTable(table, mode, actor));
            }
        }
        return outcomes;
    }

    public Optional<Source> source(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::source);
    }

    public List<Source> sources() {
        return entries.values().stream().map(Entry::source).toList();
    }

    /** Syncs one table (full or incremental) and swaps it in; never throws for a source's fault. */
    Outcome syncTable(SourceTable table, Mode mode, String actor) {
        syncLock.lock();
        Live state = live(table);
        state.syncing = true;
        state.progress = 0;
        long started = System.nanoTime();
        String target = table.source() + "." + table.relation();
        audit.record(
                actor,
                "source.sync.start",
                target,
                AuditEntry.Outcome.SUCCESS,
                Map.of("mode", mode.name().toLowerCase(java.util.Locale.ROOT)));
        try {
            Snapshot current =
                    snapshots
                            .current(table.relation())
                            .filter(s -> Files.exists(s.file()))
                            .orElse(null);
            SyncStateRepository.SyncState previous = states.find(table.relation()).orElse(null);
            Snapshot base = null;
            RowSelection selection = RowSelection.ALL;
            Entry entry = entries.get(table.source());
            if (mode == Mode.AUTO
                    && table instanceof StreamedTable
                    && table.cursor().isPresent()
                    && table.key().isPresent()
                    && current != null
                    && previous != null
                    && previous.cursorValue() != null
                    && previous.lastFullAt() != null
                    && previous.lastFullAt()
                            .plus(entry == null ? Duration.ofDays(1) : entry.fullRefresh())
                            .isAfter(clock.instant())) {
                base = current;
                selection = new RowSelection.Since(previous.cursorValue());
            }
            SnapshotWriter.Written written;
            try {
                written = writer.write(table, base, selection, rows -> state.progress = rows);
            } catch (SnapshotWriter.SchemaChangedException e) {
                LOG.info("{}: {}", table.relation(), e.getMessage());
                base = null;
                written =
                        writer.write(table, null, RowSelection.ALL, rows -> state.progress = rows);
            }
            Outcome outcome = swapIn(table, written, current, base != null, started, actor);
            state.error = null;
            return outcome;
        } catch (RuntimeException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            state.error = error;
            LOG.error("Sync of {} failed after {} ms: {}", target, millis, error);
            states.failed(table.relation(), table.source(), clock.instant(), error);
            audit.record(
                    actor,
                    "source.sync.failure",
                    target,
                    AuditEntry.Outcome.FAILURE,
                    Map.of("error", error, "duration_ms", millis));
            return new Outcome(table.source(), table.relation(), false, false, 0, 0, millis, error);
        } finally {
            state.syncing = false;
            syncLock.unlock();
        }
    }

    private Outcome swapIn(
            SourceTable table,
            SnapshotWriter.Written written,
            Snapshot previous,
            boolean incremental,
            long started,
            String actor) {
        Snapshot snapshot = written.snapshot();
        snapshots.save(snapshot);
        engine.swap(table.relation(), snapshot.file());
        if (previous != null && !previous.file().equals(snapshot.file())) {
            // the query instance detached it in the swap
            SnapshotWriter.deleteQuietly(previous.file());
        }
        String profileError = null;
        try {
            profiles.replace(
                    table.relation(),
                    profiler.profile(table.relation(), engine.columns(table.relation())));
        } catch (RuntimeException e) {
            profileError = "loaded, but profiling failed: " + e.getMessage();
            LOG.warn("{}: {}", table.relation(), profileError);
        }
        catalog.put(info(table.relation(), table.source(), snapshot.rowCount()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        states.succeeded(
                table.relation(),
                table.source(),
                clock.instant(),
                millis,
                written.rowsRead(),
                written.cursorMax(),
                !incremental);
        LOG.info(
                "Synced {} ({}, {} rows read, {} rows) in {} ms",
                table.relation(),
                incremental ? "incremental" : "full",
                written.rowsRead(),
                snapshot.rowCount(),
                millis);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", incremental ? "incremental" : "full");
        details.put("rows", snapshot.rowCount());
        details.put("rows_read", written.rowsRead());
        details.put("duration_ms", millis);
        audit.record(
                actor,
                "source.sync.success",
                table.source() + "." + table.relation(),
                AuditEntry.Outcome.SUCCESS,
                details);
        if (!views.isEmpty() && !starting) {
            // at start-up the views are defined once, after every table is in
            defineViews(true, new ArrayList<>());
        }
        return new Outcome(
                table.source(),
                table.relation(),
                true,
                incremental,
                snapshot.rowCount(),
                written.rowsRead(),
                millis,
                profileError);
    }

    /**
     * Re-reads only the rows with these keys from the source and swaps in a snapshot merged by key
     * (a row the source no longer has disappears), without a full sync. Tables without a key, or
     * read from files, are synced in full.
     */
    public Outcome refreshKeys(String relation, List<Object> keys) {
        SourceTable table =
                listed.values().stream()
                        .flatMap(List::stream)
                        .filter(t -> t.relation().equals(relation))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new UserFacingException(
                                                ErrorKind.NOT_FOUND,
                                                "There is no synced table called '"
                                                        + relation
                                                        + "'."));
        Snapshot current = snapshots.current(relation).orElse(null);
        if (!(table instanceof StreamedTable) || table.key().isEmpty() || current == null) {
            return syncTable(table, Mode.FULL, "system");
        }
        syncLock.lock();
        Live state = live(table);
        long started = System.nanoTime();
        try {
            state.syncing = true;
            SnapshotWriter.Written written =
                    writer.write(table, current, new RowSelection.Keys(keys), rows -> {});
            SyncStateRepository.SyncState previous = states.find(relation).orElse(null);
            Snapshot snapshot = written.snapshot();
            snapshots.save(snapshot);
            engine.swap(relation, snapshot.file());
            SnapshotWriter.deleteQuietly(current.file());
            catalog.put(info(relation, table.source(), snapshot.rowCount()));
            if (previous != null) {
                // a refresh by key must not move the incremental cursor past unseen changes
                states.succeeded(
                        relation,
                        table.source(),
                        clock.instant(),
                        previous.durationMillis() == null ? 0 : previous.durationMillis(),
                        previous.rowsRead() == null ? 0 : previous.rowsRead(),
                        previous.cursorValue(),
                        false);
            }
            if (!views.isEmpty()) {
                defineViews(false, new ArrayList<>());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Outcome(
                    table.source(),
                    relation,
                    true,
                    true,
                    snapshot.rowCount(),
                    written.rowsRead(),
                    millis,
                    null);
        } finally {
            state.syncing = false;
            syncLock.unlock();
        }
    }

    /** Keys waiting to be re-read from one relation, and who waits for them. */
    private static final class PendingRefresh {
        final Set<Object> keys = new java.util.LinkedHashSet<>();
        boolean full;
        final CompletableFuture<Outcome> done = new CompletableFuture<>();
    }

    private final Map<String, PendingRefresh> pendingRefreshes = new LinkedHashMap<>();
    private final ExecutorService refresher =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread thread = new Thread(r, "rowdesk-refresh");
                        thread.setDaemon(true);
                        return thread;
                    });

    /**
     * After a write-back to {@code table} of {@code source} (null when the statement's target is
     * unknown): re-reads the written rows of every relation synced from that table. A relation
     * keyed by {@code keyColumn} is refreshed by key; one keyed otherwise (or without a key) is
     * synced in full, since its rows cannot be found by the written key. A relation read by a
     * {@code query} cannot be traced to its tables: it is refreshed by key when it is keyed by
     * {@code keyColumn}. With no known target, every relation of the source keyed by {@code
     * keyColumn} is refreshed by key.
     *
     * <p>Writes that arrive while a refresh runs are gathered into the next one (one snapshot swap
     * for many rows of a bulk run). The future completes when the cache shows the rows.
     */
    public CompletableFuture<List<Outcome>> refreshWritten(
            String source, String table, String keyColumn, List<Object> keys) {
        List<SourceTable> tables = listed.getOrDefault(source, List.of());
        List<CompletableFuture<Outcome>> waiting = new ArrayList<>();
        for (SourceTable candidate : tables) {
            if (!(candidate instanceof StreamedTable streamed)) {
                continue;
            }
            boolean keyed = candidate.key().map(k -> k.equals(keyColumn)).orElse(false);
            boolean byKey;
            if (table == null) {
                byKey = keyed;
                if (!keyed) {
                    continue;
                }
            } else if (streamed.sourceTableName().isPresent()) {
                if (!streamed.sourceTableName().get().equalsIgnoreCase(table)) {
                    continue;
                }
                byKey = keyed;
            } else if (keyed) {
                byKey = true;
            } else {
                continue;
            }
            waiting.add(queueRefresh(candidate, byKey ? keys : null));
        }
        return CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
                .thenApply(done -> waiting.stream().map(CompletableFuture::join).toList());
    }

    /** Adds keys (null: a full sync) to the relation's next refresh, queued if none is waiting. */
    private CompletableFuture<Outcome> queueRefresh(SourceTable table, List<Object> keys) {
        synchronized (pendingRefreshes) {
            PendingRefresh pending = pendingRefreshes.get(table.relation());
            if (pending == null) {
                pending = new PendingRefresh();
                pendingRefreshes.put(table.relation(), pending);
                refresher.execute(() -> runRefresh(table));
            }
            if (keys == null) {
                pending.full = true;
            } else {
                pending.keys.addAll(keys);
            }
            return pending.done;
        }
    }

    private void runRefresh(SourceTable table) {
        PendingRefresh pending;
        synchronized (pendingRefreshes) {
            pending = pendingRefreshes.remove(table.relation());
        }
        if (pending == null) {
            return;
        }
        try {
            Outcome outcome;
            if (pending.full) {
                outcome = syncTable(table, Mode.FULL, "system");
            } else {
                try {
                    outcome = refreshKeys(table.relation(), List.copyOf(pending.keys));
                } catch (SnapshotWriter.SchemaChangedException e) {
                    outcome = syncTable(table, Mode.FULL, "system");
                }
            }
            if (outcome.ok()) {
                pending.done.complete(outcome);
            } else {
                pending.done.completeExceptionally(new IllegalStateException(outcome.error()));
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Refreshing {} after a write-back failed: {}",
                    table.relation(),
                    e.getMessage());
            pending.done.completeExceptionally(e);
        }
    }

    /** Starts the periodic syncs of sources that have a {@code refresh}. */
    public void startSchedules() {
        for (Entry entry : entries.values()) {
            Duration every = entry.refresh();
            if (every == null) {
                continue;
            }
            scheduler.scheduleWithFixedDelay(
                    () -> {
                        try {
                            submit(entry.source().name(), List.of(), Mode.AUTO, "schedule").join();
                        } catch (RuntimeException e) {
                            LOG.error(
                                    "Scheduled sync of {} failed: {}",
                                    entry.source().name(),
                                    e.getMessage());
                        }
                    },
                    every.toMillis(),
                    every.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Rows read so far by a running sync of {@code relation}, and the estimate (-1: none). */
    public long[] progress(String relation) {
        Live state = live.get(relation);
        if (state == null) {
            return new long[] {0, -1};
        }
        return new long[] {state.progress, state.estimate == null ? -1 : state.estimate};
    }

    /** Every source and table with its state now. */
    public List<SourceStatus> status() {
        List<SourceStatus> result = new ArrayList<>();
        for (Entry entry : entries.values()) {
            Source source = entry.source();
            List<String> names = new ArrayList<>();
            List<SourceTable> tables = listed.get(source.name());
            if (tables != null) {
                tables.forEach(t -> names.add(t.relation()));
            }
            for (String configured : source.configuredTables()) {
                if (!names.contains(configured)) {
                    names.add(configured);
                }
            }
            List<TableStatus> statuses = new ArrayList<>();
            for (String relation : names) {
                statuses.add(tableStatus(source.name(), relation));
            }
            result.add(
                    new SourceStatus(
                            source.name(),
                            source.kind(),
                            entry.refresh() == null ? null : entry.refresh().toString(),
                            statuses,
                            listErrors.get(source.name())));
        }
        return result;
    }

    private TableStatus tableStatus(String source, String relation) {
        Live state = live.get(relation);
        SyncStateRepository.SyncState stored = states.find(relation).orElse(null);
        Snapshot snapshot = snapshots.current(relation).orElse(null);
        String error =
                state != null && state.error != null
                        ? state.error
                        : stored == null ? null : stored.lastError();
        if (stored != null
                && stored.lastErrorAt() != null
                && stored.lastSuccessAt() != null
                && stored.lastSuccessAt().isAfter(stored.lastErrorAt())
                && (state == null || state.error == null)) {
            error = null;
        }
        TableStatus.State value;
        if (state != null && state.syncing) {
            value = TableStatus.State.SYNCING;
        } else if (error != null) {
            value = TableStatus.State.FAILED;
        } else if (snapshot != null) {
            value = TableStatus.State.OK;
        } else {
            value = TableStatus.State.NEVER_SYNCED;
        }
        Double rate =
                stored != null
                                && stored.durationMillis() != null
                                && stored.durationMillis() > 0
                                && stored.rowsRead() != null
                        ? stored.rowsRead() * 1000.0 / stored.durationMillis()
                        : null;
        List<io.rowdesk.query.Column> columns =
                catalog.all().stream()
                        .filter(r -> r.name().equals(relation))
                        .findFirst()
                        .map(RelationInfo::columns)
                        .orElse(List.of());
        return new TableStatus(
                source,
                relation,
                relation,
                value,
                snapshot == null ? null : snapshot.rowCount(),
                state == null ? null : state.estimate,
                state == null ? 0 : state.progress,
                stored == null
                        ? (snapshot == null ? null : snapshot.loadedAt())
                        : stored.lastSuccessAt() != null
                                ? stored.lastSuccessAt()
                                : snapshot == null ? null : snapshot.loadedAt(),
                stored == null ? null : stored.durationMillis(),
                rate,
                error,
                columns);
    }

    public List<ViewStatus> viewStatus() {
        return views.stream()
                .map(
                        v ->
                                viewStatus.getOrDefault(
                                        v.name(),
                                        new ViewStatus(v.name(), false, "not defined yet")))
                .toList();
    }

    /**
     * Adds a view (saved by a builder) and defines it now; it is re-defined after every sync like
     * the configured ones. A name already in use, or SQL that does not bind, is refused.
     */
    public synchronized void addView(ViewConfig view) {
        if (catalog.all().stream().anyMatch(r -> r.name().equals(view.name()))
                || views.stream().anyMatch(v -> v.name().equals(view.name()))) {
            throw new UserFacingException(
                    ErrorKind.CONFLICT,
                    "There is already a relation called '" + view.name() + "'.");
        }
        views.add(view);
        defineViews(true, new ArrayList<>());
        ViewStatus status = viewStatus.get(view.name());
        if (status == null || !status.ok()) {
            views.remove(view);
            viewStatus.remove(view.name());
            throw new UserFacingException(
                    ErrorKind.BAD_REQUEST,
                    status == null ? "The view could not be defined." : status.error());
        }
    }

    /** (Re)defines every view over the current snapshots; a broken view is reported, not fatal. */
    private void defineViews(boolean dataChanged, List<String> profiled) {
        for (ViewConfig view : views) {
            try {
                if (live.containsKey(view.name())) {
                    throw new IllegalStateException(
                            "view '"
                                    + view.name()
                                    + "' has the name of a table; names must be unique");
                }
                engine.defineView(view.name(), viewSql(view));
                RelationInfo info =
                        new RelationInfo(
                                view.name(),
                                "view",
                                engine.columns(view.name()),
                                engine.count(view.name()),
                                true);
                if (profileIfNeeded(view.name(), dataChanged)) {
                    profiled.add(view.name());
                }
                catalog.put(info);
                viewStatus.put(view.name(), new ViewStatus(view.name(), true, null));
            } catch (RuntimeException e) {
                String error = "view '" + view.name() + "' is broken: " + e.getMessage();
                LOG.error(error);
                catalog.remove(view.name());
                viewStatus.put(view.name(), new ViewStatus(view.name(), false, error));
            }
        }
    }

    /** Profiles are recomputed when the data changed, or when none are stored (an upgrade). */
    private boolean profileIfNeeded(String relation, boolean dataChanged) {
        try {
            var columns = engine.columns(relation);
            if (!dataChanged && profiles.forRelation(relation).size() == columns.size()) {
                return false;
            }
            long started = System.nanoTime();
            profiles.replace(relation, profiler.profile(relation, columns));
            LOG.info("Profiled {} in {} ms", relation, (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not profile {}: {}", relation, e.getMessage());
            return false;
        }
    }

    private String viewSql(ViewConfig view) {
        if (view.sql() != null) {
            return view.sql();
        }
        Path onDisk = Path.of(view.sqlFile());
        if (Files.isRegularFile(onDisk)) {
            try {
                return Files.readString(onDisk);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + onDisk, e);
            }
        }
        return sqlFiles.get(view.sqlFile());
    }

    /** Removes snapshot files no relation points at (replaced ones, or leftovers of a crash). */
    private void sweep() {
        Set<String> live = new HashSet<>(snapshots.files());
        try (Stream<Path> files = Files.list(writer.cacheDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!live.contains(file.toAbsolutePath().toString())) {
                    SnapshotWriter.deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not tidy the cache folder {}: {}", writer.cacheDir(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        refresher.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
            refresher.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
