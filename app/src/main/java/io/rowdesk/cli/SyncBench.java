package io.rowdesk.cli;

import io.rowdesk.cache.Snapshot;
import io.rowdesk.cache.SnapshotWriter;
import io.rowdesk.config.SourceConfig;
import io.rowdesk.source.RowSelection;
import io.rowdesk.source.SourceTable;
import io.rowdesk.source.postgres.PostgresSource;
import io.rowdesk.source.postgres.PostgresTable;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rowdesk bench sync}: a Postgres table with the columns of {@code lead_events} plus a
 * numeric(12,2), a jsonb and an {@code updated_at} cursor; in one run, the raw {@code COPY ... TO
 * STDOUT} rate (binary and csv, read to nowhere by the same driver), our full sync's rate and peak
 * heap, and an incremental sync of 1% changed rows.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Measure a Postgres sync against a raw COPY of the same table.")
final class SyncBench implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", defaultValue = "5432")
    int port;

    @Option(names = "--database", defaultValue = "rowdesk_src_bench")
    String database;

    @Option(names = "--user", defaultValue = "postgres")
    String user;

    @Option(
            names = "--rows",
            defaultValue = "10000000",
            description = "Rows in the table (default ${DEFAULT-VALUE}); made once, reused after.")
    long rows;

    @Override
    public Integer call() throws Exception {
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        prepare(password);
        SourceConfig config =
                new SourceConfig(
                        "bench",
                        SourceConfig.Kind.POSTGRES,
                        null,
                        List.of(
                                new SourceConfig.TableConfig(
                                        "bench_lead_events", "event_id", "updated_at", null, null)),
                        new SourceConfig.PostgresSettings(
                                host, port, database, user, password, "disable", "public",
                                Map.of()),
                        null,
                        null,
                        null);
        PostgresSource source = new PostgresSource(config);
        SourceTable table = source.tables().get(0);
        PostgresTable pg = (PostgresTable) table;
        System.out.printf(Locale.ROOT, "table bench_lead_events: %,d rows, 8 columns%n", rows);

        for (String format : List.of("binary", "csv")) {
            long started = System.nanoTime();
            long copied = pg.copyRaw(format, OutputStream.nullOutputStream());
            report("raw COPY (FORMAT " + format + ") to nowhere", copied, started);
        }

        Path dir = Files.createTempDirectory("rowdesk-bench-sync");
        try {
            SnapshotWriter writer = new SnapshotWriter(dir, Clock.systemUTC());
            resetPeaks();
            long started = System.nanoTime();
            SnapshotWriter.Written full = writer.write(table, null, RowSelection.ALL, n -> {});
            double fullSeconds =
                    report(
                            "rowdesk full sync (COPY csv parts, each loaded by DuckDB"
                                    + " while the next is read)",
                            full.snapshot().rowCount(),
                            started);
            System.out.printf(Locale.ROOT, "  peak heap during the sync: %d MB%n", peakHeapMb());

            try (Connection connection = connect(password);
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        "UPDATE bench_lead_events SET channel = 'changed', updated_at = now()"
                                + " WHERE event_id % 100 = 7");
            }
            started = System.nanoTime();
            Snapshot base = full.snapshot();
            SnapshotWriter.Written incremental =
                    writer.write(table, base, new RowSelection.Since(full.cursorMax()), n -> {});
            double incSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "rowdesk incremental sync of 1%% changed rows: %,d rows read in %.2f s (%.1f%% of the full sync)%n",
                    incremental.rowsRead(),
                    incSeconds,
                    incSeconds * 100 / fullSeconds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static double report(String what, long n, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-55s %,12d rows in %6.2f s = %,10.0f rows/s%n",
                what,
                n,
                seconds,
                n / seconds);
        return seconds;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private Connection connect(String password) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    /** Creates the database and the table with {@code rows} rows, unless they are there. */
    private void prepare(String password) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        try (Connection admin =
                        DriverManager.getConnection(
                                "jdbc:postgresql://" + host + ":" + port + "/postgres", props);
                Statement statement = admin.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "SELECT 1 FROM pg_database WHERE datname = '"
                                        + database.replace("'", "''")
                                        + "'")) {
            if (!rs.next()) {
                statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
        try (Connection connection = connect(password);
                Statement statement = connection.createStatement()) {
            long existing = -1;
            try (ResultSet rs =
                    statement.executeQuery(
                            "SELECT count(*) FROM pg_class WHERE relname = 'bench_lead_events'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    try (Statement count = connection.createStatement();
                            ResultSet n =
                                    count.executeQuery("SELECT count(*) FROM bench_lead_events")) {
                        n.next();
                        existing = n.getLong(1);
                    }
                }
            }
            if (existing == rows) {
                return;
            }
            long started = System.nanoTime();
            statement.execute("DROP TABLE IF EXISTS bench_lead_events");
            statement.execute(
                    """
                    CREATE UNLOGGED TABLE bench_lead_events AS
                    SELECT i::bigint AS event_id,
                           (i % 50000 + 1)::integer AS referral_id,
                           (ARRAY['page_view', 'form_submitted', 'demo_booked', 'trial_started',
                                  'ticket_created', 'order_placed'])[i % 6 + 1] AS event_type,
                           (ARRAY['web', 'email', 'chat', 'sms', 'social'])[i % 5 + 1] AS channel,
                           timestamp '2026-01-01' + i * interval '1 second' AS occurred_at,
                           round((i % 100000) * 0.37, 2)::numeric(12,2) AS amount,
                           jsonb_build_object('score', i % 100, 'tag', 't' || (i % 7)) AS payload,
                           timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second' AS updated_at
                    FROM generate_series(1, ROWS) i
                    """
                            .replace("ROWS", Long.toString(rows)));
            statement.execute("ALTER TABLE bench_lead_events ADD PRIMARY KEY (event_id)");
            statement.execute("CREATE INDEX ON bench_lead_events (updated_at)");
            statement.execute("ANALYZE bench_lead_events");
            System.out.printf(
                    Locale.ROOT,
                    "made the table in %.1f s%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        }
    }
}
