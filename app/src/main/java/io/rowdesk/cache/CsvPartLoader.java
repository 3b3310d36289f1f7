package io.rowdesk.cache;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.source.CsvParts;
import io.rowdesk.source.RowSelection;
import io.rowdesk.source.StreamedTable;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * A full load that overlaps reading and loading: the source writes its CSV parts into temporary
 * files on the calling thread while a loader thread has DuckDB's parallel CSV reader load each
 * finished part into the new table, so that the wall time can approach the longer of the two
 * instead of their sum when a core is free for DuckDB (on this 2-core machine shared with other
 * sessions it gained little over one after the other: docs/benchmarks.md).
 *
 * <p>The source never waits for DuckDB: finished parts queue on disk (at worst the whole CSV, as
 * the single temporary file of a sequential load would be), so that Postgres's core is never idle
 * while DuckDB catches up. DuckDB keeps the writer's threads throughout: loading with one thread
 * while the source writes and with all after it measured no better (docs/benchmarks.md).
 */
final class CsvPartLoader implements CsvParts {
    private static final Path END = Path.of("");

    private final Connection connection;
    private final String relation;
    private final Function<Path, String> readCsv;
    private final Path partPrefix;
    private final LongConsumer progress;
    private final BlockingQueue<Path> finished = new LinkedBlockingQueue<>();
    private volatile Throwable failure;
    private long lines;
    private int parts;

    private CsvPartLoader(
            Connection connection,
            String relation,
            Function<Path, String> readCsv,
            Path partPrefix,
            LongConsumer progress) {
        this.connection = connection;
        this.relation = relation;
        this.readCsv = readCsv;
        this.partPrefix = partPrefix;
        this.progress = progress;
    }

    /**
     * Creates table {@code table.relation()} with the selected rows; part files are named {@code
     * <partPrefix>-part<n>.csv.partial} and deleted once loaded or on failure.
     */
    static long load(
            Connection connection,
            StreamedTable table,
            RowSelection selection,
            Function<Path, String> readCsv,
            Path partPrefix,
            LongConsumer progress)
            throws SQLException, IOException {
        CsvPartLoader loader =
                new CsvPartLoader(connection, table.relation(), readCsv, partPrefix, progress);
        Thread thread = new Thread(loader::loadParts, "rowdesk-sync-load");
        thread.setDaemon(true);
        thread.start();
        long rows;
        try {
            rows = table.copyCsvParts(selection, loader);
        } catch (IOException | RuntimeException e) {
            // the parts still queued (the failed one among them) are deleted, not loaded
            if (loader.failure == null) {
                loader.failure = e;
            }
            loader.finish(thread);
            throw e;
        }
        loader.finish(thread);
        loader.rethrow();
        progress.accept(rows);
        return rows;
    }

    @Override
    public OutputStream next() throws IOException {
        rethrowAsIo();
        Path part =
                partPrefix.resolveSibling(
                        partPrefix.getFileName() + "-part" + parts++ + ".csv.partial");
        return new Part(part, new BufferedOutputStream(Files.newOutputStream(part), 1 << 16));
    }

    /** The loader thread: each finished part into the table, in order, until the end mark. */
    private void loadParts() {
        boolean first = true;
        while (true) {
            Path part;
            try {
                part = finished.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (part == END) {
                return;
            }
            try {
                if (failure == null) {
                    String quoted = SqlIdentifiers.quoteIdentifier(relation);
                    DuckDb.execute(
                            connection,
                            (first
                                            ? "CREATE TABLE " + quoted + " AS "
                                            : "INSERT INTO " + quoted + " ")
                                    + readCsv.apply(part));
                    first = false;
                }
            } catch (SQLException | RuntimeException e) {
                // keep taking parts (and deleting them) so that the source is never blocked
                failure = e;
            } finally {
                SnapshotWriter.deleteQuietly(part);
            }
        }
    }

    /** Hands a finished part to the loader. */
    private void handOver(Path part) throws IOException {
        try {
            finished.put(part);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SnapshotWriter.deleteQuietly(part);
            throw new IOException("interrupted while handing over " + part.getFileName(), e);
        }
    }

    /** Ends the loader thread after the parts handed over so far. */
    private void finish(Thread thread) throws IOException {
        handOver(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading " + relation, e);
        }
    }

    private void rethrow() throws SQLException, IOException {
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        rethrowAsIo();
    }

    private void rethrowAsIo() throws IOException {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IOException("cannot load " + relation + ": " + failure.getMessage(), failure);
        }
    }

    /** One part's file: counts its lines for progress and hands the file over when closed. */
    private final class Part extends FilterOutputStream {
        private final Path file;
        private boolean closed;

        Part(Path file, OutputStream out) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                count(1);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            int newlines = 0;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    newlines++;
                }
            }
            count(newlines);
        }

        private void count(int newlines) {
            long before = lines;
            lines += newlines;
            if (lines / 10_000 != before / 10_000) {
                progress.accept(lines);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                super.close();
            } catch (IOException e) {
                SnapshotWriter.deleteQuietly(file);
                throw e;
            }
            handOver(file);
        }
    }
}
