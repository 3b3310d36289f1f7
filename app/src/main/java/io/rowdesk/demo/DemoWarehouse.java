package io.rowdesk.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.json.Json;
import io.rowdesk.store.SqlFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Generates the demo warehouse (see {@code demo-warehouse.md}) as Parquet files: {@code
 * <demoDir>/app/{partners,referrers,payouts}.parquet}, {@code
 * <demoDir>/warehouse/{referrals,lead_events}.parquet} and {@code <demoDir>/manifest.json}.
 *
 * <p>The data is computed by the SQL files under {@code sql/demo/}, in one in-memory writer DuckDB
 * instance. The manifest is written last and removed first: a demo directory with a manifest is
 * complete, whatever happened to an earlier run.
 */
public final class DemoWarehouse {
    /** Bump when the generator changes the data, so that an old demo is not reused. */
    static final int GENERATOR_VERSION = 1;

    public static final String MANIFEST = "manifest.json";

    /** A generated table, in the order they are built (each reads the ones before it). */
    public record DemoTable(String source, String name) {
        public Path file(Path demoDir) {
            return demoDir.resolve(source).resolve(name + ".parquet");
        }
    }

    public static final List<DemoTable> TABLES =
            List.of(
                    new DemoTable("app", "partners"),
                    new DemoTable("app", "referrers"),
                    new DemoTable("warehouse", "referrals"),
                    new DemoTable("app", "payouts"),
                    new DemoTable("warehouse", "lead_events"));

    private final SqlFiles sqlFiles;
    private final ObjectMapper json = Json.MAPPER;

    public DemoWarehouse(SqlFiles sqlFiles) {
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
    }

    public DemoReport generate(Path demoDir, DemoSettings settings)
            throws IOException, SQLException {
        Objects.requireNonNull(demoDir, "demoDir is null");
        Objects.requireNonNull(settings, "settings is null");
        long start = System.nanoTime();
        Files.createDirectories(demoDir);
        // From here until the new manifest is in place, the directory does not claim to be a demo.
        Files.deleteIfExists(demoDir.resolve(MANIFEST));

        List<DemoReport.TableReport> reports = new ArrayList<>();
        List<Path> partials = new ArrayList<>();
        Path work = demoDir.resolve(".generate.duckdb");
        DuckDb.deleteFiles(work);
        try {
            try (Connection duck = DuckDb.open(work, GENERATOR)) {
                bindParameters(duck, settings);
                DuckDb.execute(duck, sqlFiles.get("demo/macros.sql"));
                for (DemoTable table : TABLES) {
                    long tableStart = System.nanoTime();
                    DuckDb.execute(duck, sqlFiles.get("demo/" + table.name() + ".sql"));
                    Path partial = partialFile(table.file(demoDir));
                    Files.createDirectories(partial.getParent());
                    partials.add(partial);
                    long rows = writeParquet(duck, table.name(), partial);
                    reports.add(
                            new DemoReport.TableReport(
                                    table.source(), table.name(), rows, millisSince(tableStart)));
                }
            }
            // Renamed only once all five are written, so a crash leaves no mix of old and new
            // tables.
            for (DemoTable table : TABLES) {
                Path partial = partialFile(table.file(demoDir));
                Files.move(
                        partial,
                        table.file(demoDir),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            DemoReport report = new DemoReport(settings, reports, millisSince(start));
            writeManifest(demoDir, report);
            return report;
        } finally {
            for (Path partial : partials) {
                Files.deleteIfExists(partial);
            }
            DuckDb.deleteFiles(work);
        }
    }

    /**
     * The generator's DuckDB works in a file of its own, not in memory, with 1 GB: the 50M rows of
     * demo scale 10 held in memory took the process to 4 GB resident; in a file they are written
     * out as they are made, and the process stays small.
     */
    private static final DuckDb.Limits GENERATOR = new DuckDb.Limits("1GB", 2);

    /**
     * The settings of a complete demo in {@code demoDir}, or empty when there is none to reuse: no
     * manifest, a table file missing, or a manifest from another generator version.
     */
    public Optional<DemoSettings> readManifest(Path demoDir) throws IOException {
        Path manifest = demoDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)
                || !TABLES.stream().allMatch(t -> Files.isRegularFile(t.file(demoDir)))) {
            return Optional.empty();
        }
        JsonNode root = json.readTree(manifest.toFile());
        if (root.path("generator_version").asInt(-1) != GENERATOR_VERSION) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new DemoSettings(
                            root.path("seed").asLong(),
                            root.path("scale").asDouble(),
                            LocalDate.parse(root.path("as_of").asText())));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // Manifests are only ever written whole (write, then rename), so this is a hand-edited
            // file: say so rather than quietly regenerating over it.
            throw new IOException(manifest + ": not a valid demo manifest: " + e.getMessage(), e);
        }
    }

    /**
     * The demo's table files that cannot be read as written (truncated, overwritten, not Parquet),
     * each with why; empty when all are whole. Checked before a demo is reused, cheaply: sizes
     * against the manifest and the Parquet magic at both ends.
     */
    public List<String> damagedFiles(Path demoDir) throws IOException {
        JsonNode tables = json.readTree(demoDir.resolve(MANIFEST).toFile()).path("tables");
        List<String> damaged = new ArrayList<>();
        for (DemoTable table : TABLES) {
            Path file = table.file(demoDir);
            JsonNode bytes = tables.path(table.source() + "." + table.name()).path("bytes");
            String damage = damage(file, bytes.isIntegralNumber() ? bytes.asLong() : -1);
            if (damage != null) {
                damaged.add(file.getFileName() + ": " + damage);
            }
        }
        return damaged;
    }

    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    /**
     * Why a demo Parquet file cannot be read as written, or null: a size other than the manifest's
     * (a truncated or overwritten file) or no Parquet magic at its start and end.
     */
    static String damage(Path file, long expectedBytes) throws IOException {
        long size = Files.size(file);
        if (expectedBytes >= 0 && size != expectedBytes) {
            return size + " bytes, written with " + expectedBytes;
        }
        if (size < 2L * PARQUET_MAGIC.length) {
            return "only " + size + " bytes";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer head = ByteBuffer.allocate(PARQUET_MAGIC.length);
            ByteBuffer tail = ByteBuffer.allocate(PARQUET_MAGIC.length);
            channel.read(head);
            channel.position(size - PARQUET_MAGIC.length).read(tail);
            if (!Arrays.equals(head.array(), PARQUET_MAGIC)
                    || !Arrays.equals(tail.array(), PARQUET_MAGIC)) {
                return "not a whole Parquet file";
            }
        }
        return null;
    }

    /** Bound, never spliced: {@code SET VARIABLE} accepts a parameter in DuckDB JDBC 2.0.0.1. */
    private static void bindParameters(Connection duck, DemoSettings settings) throws SQLException {
        try (PreparedStatement seed = duck.prepareStatement("SET VARIABLE demo_seed = ?::BIGINT");
                PreparedStatement scale =
                        duck.prepareStatement("SET VARIABLE demo_scale = ?::DOUBLE");
                PreparedStatement asOf =
                        duck.prepareStatement("SET VARIABLE demo_as_of = ?::DATE")) {
            seed.setLong(1, settings.seed());
            seed.execute();
            scale.setDouble(1, settings.scale());
            scale.execute();
            asOf.setObject(1, settings.asOf());
            asOf.execute();
        }
    }

    private static long writeParquet(Connection duck, String table, Path target)
            throws SQLException {
        // The table name is one of ours (TABLES), the file name a bound parameter.
        String copy =
                "COPY "
                        + SqlIdentifiers.quoteIdentifier(table)
                        + " TO ? (FORMAT parquet, COMPRESSION zstd)";
        try (PreparedStatement statement = duck.prepareStatement(copy)) {
            statement.setString(1, target.toAbsolutePath().toString());
            statement.execute();
        }
        try (Statement statement = duck.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT count(*) FROM " + SqlIdentifiers.quoteIdentifier(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void writeManifest(Path demoDir, DemoReport report) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("generator_version", GENERATOR_VERSION);
        root.put("seed", report.settings().seed());
        root.put("scale", report.settings().scale());
        root.put("as_of", report.settings().asOf().toString());
        ObjectNode tables = root.putObject("tables");
        for (DemoReport.TableReport table : report.tables()) {
            tables.putObject(table.source() + "." + table.table())
                    .put("rows", table.rows())
                    .put("file", table.source() + "/" + table.table() + ".parquet")
                    .put(
                            "bytes",
                            Files.size(
                                    demoDir.resolve(table.source())
                                            .resolve(table.table() + ".parquet")));
        }
        root.put("elapsed_ms", report.elapsedMillis());
        Path manifest = demoDir.resolve(MANIFEST);
        Path partial = partialFile(manifest);
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), root);
            Files.move(
                    partial,
                    manifest,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * A name in the same directory (so the rename is atomic) that no reader takes for the real
     * file.
     */
    private static Path partialFile(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".partial");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
