package io.rowdesk.cache;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.source.FileTable;
import io.rowdesk.source.SourceTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer: loads one source table into a NEW snapshot file with its own DuckDB instance, then
 * closes it, so that the query instance can attach it read-only. A failed load leaves no file.
 */
public final class SnapshotWriter {
    private final Path cacheDir;
    private final Clock clock;
    private final AtomicLong lastVersion = new AtomicLong();

    public SnapshotWriter(Path cacheDir, Clock clock) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public Snapshot write(SourceTable table) {
        long version = lastVersion.updateAndGet(last -> Math.max(last + 1, clock.millis()));
        Path file = cacheDir.resolve(table.relation() + "-" + version + ".db");
        Path partial = cacheDir.resolve(table.relation() + "-" + version + ".partial");
        try {
            Files.createDirectories(cacheDir);
            long rows;
            try (Connection connection = DuckDb.open(partial, DuckDb.Limits.WRITER)) {
                if (!(table instanceof FileTable fileTable)) {
                    throw new IllegalArgumentException(
                            "no loader for " + table.getClass().getSimpleName());
                }
                rows = loadFile(connection, fileTable);
                DuckDb.execute(connection, "CHECKPOINT");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Snapshot(
                    table.relation(),
                    table.source(),
                    file.toAbsolutePath(),
                    rows,
                    clock.instant(),
                    table.fingerprint());
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException(
                    "cannot load " + table.relation() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write the snapshot of " + table.relation(), e);
        }
    }

    private static long loadFile(Connection connection, FileTable table) throws SQLException {
        String reader = table.format() == FileTable.Format.PARQUET ? "read_parquet" : "read_csv";
        String sql =
                "CREATE TABLE "
                        + SqlIdentifiers.quoteIdentifier(table.relation())
                        + " AS SELECT * FROM "
                        + reader
                        + "(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.file().toString());
            statement.execute();
        }
        try (PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM "
                                        + SqlIdentifiers.quoteIdentifier(table.relation()));
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException ignored) {
            // a leftover file is removed by the next start's sweep
        }
    }
}
