package io.rowdesk.cache;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.source.FileTable;
import io.rowdesk.source.RowSelection;
import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceTable;
import io.rowdesk.source.StreamedTable;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The writer: loads one source table into a NEW snapshot file with its own DuckDB instance, then
 * closes it, so that the query instance can attach it read-only. A failed or killed load leaves no
 * snapshot (a {@code .partial} file at most, swept at the next start) and the previous one intact.
 *
 * <p>Streamed tables arrive as CSV from the source into temporary files that DuckDB's parallel CSV
 * reader loads with the declared column types; a full load takes them in parts, loading one while
 * the source writes the next ({@link CsvPartLoader}). An incremental load starts from a copy of the
 * current snapshot file and merges the changed rows by key.
 */
public final class SnapshotWriter {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(SnapshotWriter.class);
    private final Path cacheDir;
    private final Clock clock;
    private final AtomicLong lastVersion = new AtomicLong();

    /** A written snapshot and the maximum of its cursor column (null without one). */
    public record Written(Snapshot snapshot, String cursorMax, long rowsRead) {}

    public SnapshotWriter(Path cacheDir, Clock clock) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** A full load. */
    public Snapshot write(SourceTable table) {
        return write(table, null, RowSelection.ALL, rows -> {}).snapshot();
    }

    /**
     * Loads {@code table}: everything when {@code base} is null, else a copy of {@code base} with
     * the {@code selection}'s rows merged in by key ({@link RowSelection.Keys}: those keys' rows
     * are replaced, or removed when the source no longer has them). {@code progress} hears the rows
     * read so far.
     */
    public Written write(
            SourceTable table, Snapshot base, RowSelection selection, LongConsumer progress) {
        long version = lastVersion.updateAndGet(last -> Math.max(last + 1, clock.millis()));
        Path file = cacheDir.resolve(table.relation() + "-" + version + ".db");
        Path partial = cacheDir.resolve(table.relation() + "-" + version + ".partial");
        Path csv = cacheDir.resolve(table.relation() + "-" + version + ".csv.partial");
        try {
            Files.createDirectories(cacheDir);
            long rows;
            long read;
            String cursorMax = null;
            if (base != null) {
                Files.copy(base.file(), partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try (Connection connection = DuckDb.open(partial, DuckDb.Limits.WRITER)) {
                DuckDb.execute(connection, "SET TimeZone = 'UTC'");
                if (table instanceof FileTable fileTable) {
                    read = loadFile(connection, fileTable);
                    progress.accept(read);
                } else if (table instanceof StreamedTable streamed) {
                    long copyStarted = System.nanoTime();
                    if (base == null) {
                        read =
                                CsvPartLoader.load(
                                        connection,
                                        streamed,
                                        selection,
                                        part -> readCsv(streamed, part),
                                        cacheDir.resolve(table.relation() + "-" + version),
                                        progress);
                    } else {
                        read = copyToCsv(streamed, selection, csv, progress);
                        merge(connection, streamed, selection, csv);
                    }
                    LOG.info(
                            "{}: {} rows read and loaded in {} ms",
                            table.relation(),
                            read,
                            (System.nanoTime() - copyStarted) / 1_000_000);
                } else {
                    throw new IllegalArgumentException(
                            "no loader for " + table.getClass().getSimpleName());
                }
                rows = count(connection, table.relation());
                if (table.cursor().isPresent()) {
                    cursorMax =
                            single(
                                    connection,
                                    "SELECT max("
                                            + SqlIdentifiers.quoteIdentifier(table.cursor().get())
                                            + ")::VARCHAR FROM "
                                            + SqlIdentifiers.quoteIdentifier(table.relation()));
                }
                long namesStarted = System.nanoTime();
                SnapshotNames.write(connection, table.relation());
                LOG.info(
                        "{}: name index written in {} ms",
                        table.relation(),
                        (System.nanoTime() - namesStarted) / 1_000_000);
                DuckDb.execute(connection, "CHECKPOINT");
            }
            Files.deleteIfExists(csv);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Written(
                    new Snapshot(
                            table.relation(),
                            table.source(),
                            file.toAbsolutePath(),
                            rows,
                            clock.instant(),
                            table.fingerprint()),
                    cursorMax,
                    read);
        } catch (SQLException e) {
            deleteQuietly(partial);
            deleteQuietly(csv);
            throw new IllegalStateException(
                    "cannot load " + table.relation() + ": " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            deleteQuietly(csv);
            throw new UncheckedIOException(
                    "cannot write the snapshot of " + table.relation() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            deleteQuietly(csv);
            throw e;
        }
    }

    /**
     * Adds the name index to a snapshot written before snapshots carried one (an upgrade), before
     * it is attached read-only; a snapshot that has it is left alone.
     */
    public void ensureNames(Snapshot snapshot) {
        try (Connection connection = DuckDb.open(snapshot.file(), DuckDb.Limits.WRITER)) {
            if (!SnapshotNames.present(connection)) {
                SnapshotNames.write(connection, snapshot.relation());
                DuckDb.execute(connection, "CHECKPOINT");
                LOG.info("{}: name index added to its snapshot", snapshot.relation());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot index the names of "
                            + snapshot.relation()
                            + ": "
                            + firstLine(e.getMessage()),
                    e);
        }
    }

    private static long copyToCsv(
            StreamedTable table, RowSelection selection, Path csv, LongConsumer progress)
            throws IOException {
        try (LineCounter out =
                new LineCounter(
                        new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16), progress)) {
            table.copyCsv(selection, out);
            return out.lines();
        }
    }

    /** The SELECT that reads a streamed table's CSV file into its cache types. */
    static String readCsv(StreamedTable table, Path csv) {
        String columns =
                table.columns().stream()
                        .map(
                                c ->
                                        SqlIdentifiers.quoteLiteral(c.name())
                                                + ": "
                                                + SqlIdentifiers.quoteLiteral(readType(c)))
                        .collect(Collectors.joining(", ", "{", "}"));
        String select =
                table.columns().stream()
                        .map(c -> conversion(c) + " AS " + SqlIdentifiers.quoteIdentifier(c.name()))
                        .collect(Collectors.joining(", "));
        return "SELECT "
                + select
                + " FROM read_csv("
                + SqlIdentifiers.quoteLiteral(csv.toAbsolutePath().toString())
                + ", header = false, auto_detect = false, delim = ',', quote = chr("
                + (int) table.csvQuote()
                + "), escape = chr("
                + (int) table.csvQuote()
                + "), nullstr = '', allow_quoted_nulls = false, columns = "
                + columns
                + ")";
    }

    private static String readType(SourceColumn column) {
        return column.encoding() == SourceColumn.Encoding.TEXT
                        && !column.cacheType().startsWith("JSON")
                ? column.cacheType()
                : "VARCHAR";
    }

    private static String conversion(SourceColumn column) {
        String quoted = SqlIdentifiers.quoteIdentifier(column.name());
        return switch (column.encoding()) {
            case TEXT ->
                    column.cacheType().equals("JSON") ? "CAST(" + quoted + " AS JSON)" : quoted;
            case JSON ->
                    column.cacheType().equals("JSON")
                            ? "CAST(" + quoted + " AS JSON)"
                            : "CAST(CAST(" + quoted + " AS JSON) AS " + column.cacheType() + ")";
            case HEX -> "unhex(" + quoted + ")";
        };
    }

    /** Replaces the changed rows (by key) of the copied snapshot with the delta's. */
    private static void merge(
            Connection connection, StreamedTable table, RowSelection selection, Path csv)
            throws SQLException {
        String key =
                table.key()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "table '"
                                                        + table.relation()
                                                        + "' has no key to merge by"));
        String relation = SqlIdentifiers.quoteIdentifier(table.relation());
        String quotedKey = SqlIdentifiers.quoteIdentifier(key);
        DuckDb.execute(connection, "CREATE TEMP TABLE rowdesk_delta AS " + readCsv(table, csv));
        List<String> existing = columnsOf(connection, false, table.relation());
        List<String> incoming = columnsOf(connection, true, "rowdesk_delta");
        if (!existing.equals(incoming)) {
            throw new SchemaChangedException(
                    "the columns of '"
                            + table.relation()
                            + "' changed since the last sync ("
                            + existing
                            + " -> "
                            + incoming
                            + "); a full sync is needed");
        }
        if (selection instanceof RowSelection.Keys keys) {
            DuckDb.execute(connection, "CREATE TEMP TABLE rowdesk_keys (k VARCHAR)");
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO rowdesk_keys VALUES (?)")) {
                for (Object k : keys.keys()) {
                    insert.setString(1, String.valueOf(k));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            DuckDb.execute(
                    connection,
                    "DELETE FROM "
                            + relation
                            + " WHERE "
                            + quotedKey
                            + "::VARCHAR IN (SELECT k FROM rowdesk_keys)");
        }
        DuckDb.execute(
                connection,
                "DELETE FROM "
                        + relation
                        + " WHERE "
                        + quotedKey
                        + " IN (SELECT "
                        + quotedKey
                        + " FROM rowdesk_delta)");
        DuckDb.execute(connection, "INSERT INTO " + relation + " SELECT * FROM rowdesk_delta");
        DuckDb.execute(connection, "DROP TABLE rowdesk_delta");
    }

    /** Thrown when a merge finds other columns than the snapshot's: only a full sync can help. */
    public static final class SchemaChangedException extends IllegalStateException {
        public SchemaChangedException(String message) {
            super(message);
        }
    }

    private static List<String> columnsOf(Connection connection, boolean temp, String table)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                                + " WHERE (table_catalog = 'temp') = ? AND table_name = ?"
                                + " ORDER BY ordinal_position")) {
            statement.setBoolean(1, temp);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static long loadFile(Connection connection, FileTable table) throws SQLException {
        String reader =
                switch (table.format()) {
                    case PARQUET -> "read_parquet(?, union_by_name = true)";
                    case CSV -> "read_csv(?, union_by_name = true)";
                    case JSON -> "read_json_auto(?, union_by_name = true)";
                };
        String sql =
                "CREATE TABLE "
                        + SqlIdentifiers.quoteIdentifier(table.relation())
                        + " AS SELECT * FROM "
                        + reader;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.pattern());
            statement.execute();
        }
        return count(connection, table.relation());
    }

    private static long count(Connection connection, String relation) throws SQLException {
        return Long.parseLong(
                single(
                        connection,
                        "SELECT count(*) FROM " + SqlIdentifiers.quoteIdentifier(relation)));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }

    static void deleteQuietly(Path file) {
        try {
            DuckDb.deleteFiles(file);
        } catch (IOException ignored) {
            // a leftover file is removed by the next start's sweep
        }
    }

    /** Counts the lines going through (the rows of a CSV stream) and reports them now and then. */
    private static final class LineCounter extends FilterOutputStream {
        private final LongConsumer progress;
        private long lines;
        private long reported;

        LineCounter(OutputStream out, LongConsumer progress) {
            super(out);
            this.progress = progress;
        }

        long lines() {
            return lines;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                lines++;
            }
            report();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            report();
        }

        private void report() {
            if (lines - reported >= 10_000) {
                reported = lines;
                progress.accept(lines);
            }
        }

        @Override
        public void close() throws IOException {
            progress.accept(lines);
            super.close();
        }
    }
}
