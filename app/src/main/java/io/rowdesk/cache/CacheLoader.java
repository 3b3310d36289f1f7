package io.rowdesk.cache;

import io.rowdesk.config.ViewConfig;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.source.Source;
import io.rowdesk.source.SourceTable;
import io.rowdesk.store.SqlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every relation into the query instance at start-up: a table whose cached snapshot is still
 * current is attached as it is (fast second start); a new or changed one is loaded first.
 */
public final class CacheLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CacheLoader.class);

    /** What one start-up did, for the log and the tests. */
    public record Report(List<String> loaded, List<String> reused, List<String> profiled) {}

    private final List<Source> sources;
    private final List<ViewConfig> views;
    private final SnapshotWriter writer;
    private final SnapshotRepository snapshots;
    private final QueryEngine engine;
    private final RelationCatalog catalog;
    private final SqlFiles sqlFiles;
    private final ColumnProfiler profiler;
    private final ProfileRepository profiles;

    public CacheLoader(
            List<Source> sources,
            List<ViewConfig> views,
            SnapshotWriter writer,
            SnapshotRepository snapshots,
            QueryEngine engine,
            RelationCatalog catalog,
            SqlFiles sqlFiles,
            ColumnProfiler profiler,
            ProfileRepository profiles) {
        this.sources = List.copyOf(sources);
        this.views = List.copyOf(views);
        this.writer = Objects.requireNonNull(writer, "writer is null");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
        this.profiler = Objects.requireNonNull(profiler, "profiler is null");
        this.profiles = Objects.requireNonNull(profiles, "profiles is null");
    }

    public Report loadAll() {
        List<String> loaded = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        List<String> profiled = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Source source : sources) {
            for (SourceTable table : source.tables()) {
                if (!names.add(table.relation())) {
                    throw new IllegalStateException(
                            "relation '"
                                    + table.relation()
                                    + "' comes from two sources; "
                                    + "relation names must be unique (restrict one source with tables:)");
                }
                Snapshot current =
                        snapshots
                                .current(table.relation())
                                .filter(
                                        s ->
                                                s.fingerprint().equals(table.fingerprint())
                                                        && Files.exists(s.file()))
                                .orElse(null);
                if (current == null) {
                    long started = System.nanoTime();
                    current = writer.write(table);
                    snapshots.save(current);
                    LOG.info(
                            "Loaded {} ({} rows) in {} ms",
                            table.relation(),
                            current.rowCount(),
                            (System.nanoTime() - started) / 1_000_000);
                    loaded.add(table.relation());
                } else {
                    reused.add(table.relation());
                }
                engine.swap(table.relation(), current.file());
                RelationInfo info =
                        new RelationInfo(
                                table.relation(),
                                source.name(),
                                engine.columns(table.relation()),
                                current.rowCount(),
                                false);
                catalog.put(info);
                if (profileIfNeeded(info, loaded.contains(table.relation()))) {
                    profiled.add(info.name());
                }
            }
        }
        for (ViewConfig view : views) {
            if (!names.add(view.name())) {
                throw new IllegalStateException(
                        "view '" + view.name() + "' has the name of a table; names must be unique");
            }
            engine.defineView(view.name(), viewSql(view));
            RelationInfo info =
                    new RelationInfo(
                            view.name(),
                            "view",
                            engine.columns(view.name()),
                            engine.count(view.name()),
                            true);
            catalog.put(info);
            if (profileIfNeeded(info, !loaded.isEmpty())) {
                profiled.add(info.name());
            }
        }
        sweep();
        return new Report(loaded, reused, profiled);
    }

    /**
     * Profiles are recomputed when the data changed, or when none are stored (e.g. after an
     * upgrade).
     */
    private boolean profileIfNeeded(RelationInfo relation, boolean dataChanged) {
        if (!dataChanged
                && profiles.forRelation(relation.name()).size() == relation.columns().size()) {
            return false;
        }
        long started = System.nanoTime();
        profiles.replace(relation.name(), profiler.profile(relation.name(), relation.columns()));
        LOG.info(
                "Profiled {} in {} ms", relation.name(), (System.nanoTime() - started) / 1_000_000);
        return true;
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
            for (Path file : files.toList()) {
                if (!live.contains(file.toAbsolutePath().toString())) {
                    SnapshotWriter.deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not tidy the cache folder {}: {}", writer.cacheDir(), e.getMessage());
        }
    }
}
