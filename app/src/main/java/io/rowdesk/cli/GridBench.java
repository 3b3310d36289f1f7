package io.rowdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.Rowdesk;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
import io.rowdesk.grid.SortKey;
import io.rowdesk.json.Json;
import io.rowdesk.web.GridController;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rowdesk bench grid}: starts Rowdesk in-process on the demo (scale 1: 5M lead events) and
 * times grid windows through the JSON API over loopback, as a browser would ask for them.
 */
@Command(
        name = "grid",
        mixinStandardHelpOptions = true,
        description =
                "Time grid windows of lead_events through the JSON API (p50/p99 by offset, sort change, concurrency).")
final class GridBench implements Callable<Integer> {
    private static final String RELATION = "lead_events";
    private static final int LIMIT = 100;
    private static final ObjectMapper JSON = Json.MAPPER;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Data folder; the demo is generated there once and reused (default: a new temporary folder).")
    Path dataDir;

    @Option(
            names = {"--demo-scale", "--scale"},
            defaultValue = "1",
            description = "Demo size factor (default ${DEFAULT-VALUE}: 5M lead events).")
    double scale;

    @Option(
            names = "--samples",
            defaultValue = "200",
            description = "Requests per offset and sort (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--clients",
            defaultValue = "20",
            description =
                    "Concurrent scrolling clients (default ${DEFAULT-VALUE}; 0 skips the concurrent part).")
    int clients;

    @Option(
            names = "--requests-per-client",
            defaultValue = "100",
            description = "Requests per client (default ${DEFAULT-VALUE}).")
    int requestsPerClient;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String baseUrl;
    private String token;
    private volatile long lastTotal;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("rowdesk-bench-grid");
        String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> env = Map.of("ROWDESK_ADMIN_PASSWORD", adminPassword);
        RowdeskConfig config =
                new ConfigResolver(env)
                        .resolve(new StartupOptions(null, dir, 0, true, scale, null));
        System.out.printf(Locale.ROOT, "Starting Rowdesk on %s (demo scale %s) ...%n", dir, scale);
        try (Rowdesk rowdesk = new Rowdesk(config, env, Clock.systemUTC()).start("127.0.0.1")) {
            System.out.printf(
                    Locale.ROOT, "started in %.1f s%n", rowdesk.startup().elapsedMillis() / 1000.0);
            baseUrl = "http://127.0.0.1:" + rowdesk.port();
            User user =
                    rowdesk.auth()
                            .createUser(
                                    "bench-" + System.currentTimeMillis() + "@example.com",
                                    Role.VIEWER,
                                    HexFormat.of().formatHex(new SecureRandom().generateSeed(24)),
                                    "bench");
            token = rowdesk.auth().createApiToken(user, "bench grid");
            long total = rowdesk.catalog().find(RELATION, Role.VIEWER).orElseThrow().rowCount();
            run(rowdesk, total);
        } finally {
            if (dataDir == null) {
                // A temporary demo is ~1 GB: do not leave it behind.
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }

    private void run(Rowdesk rowdesk, long total) throws Exception {
        long warmStarted = System.nanoTime();
        rowdesk.gridWarm().get(BUILD_WAIT_MINUTES, TimeUnit.MINUTES);
        long warmed = (System.nanoTime() - warmStarted) / 1000;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // Warm the JIT and the HTTP path on a sort that is not measured, near the top (top-N).
        for (int i = 0; i < 300; i++) {
            window("event_type", (i * 37L) % 9_000, null);
        }
        List<String[]> table = new ArrayList<>();
        table.add(
                row(
                        "start (in-process, from new Rowdesk to ready)",
                        "",
                        rowdesk.startup().elapsedMillis() * 1000,
                        rowdesk.startup().elapsedMillis() * 1000,
                        1));
        table.add(
                row(
                        "then the seek's bins of every column and of two-column sorts counted in the background (waited)",
                        "",
                        warmed,
                        warmed,
                        1));
        String[] sorts = {"-occurred_at", "channel,-revenue"};
        SplittableRandom random = new SplittableRandom(42);
        for (String sort : sorts) {
            long first = window(sort, 0, null);
            table.add(row("first window of a new sort, offset 0", sort, first, first, 1));
            long[] deep = new long[20];
            for (int i = 0; i < deep.length; i++) {
                deep[i] = window(sort, random.nextLong(total - LIMIT + 1), null);
            }
            table.add(
                    row(
                            "deep windows of the new sort at 20 random offsets (seek; copy builds meanwhile)",
                            sort,
                            percentile(deep, 50),
                            percentile(deep, 99),
                            deep.length));
        }
        for (String sort : sorts) {
            long waited = awaitOrdering(rowdesk, sort, null);
            if (waited < 0) {
                table.add(
                        row(
                                "ordering not built within " + BUILD_WAIT_MINUTES + " min",
                                sort,
                                0,
                                0,
                                0));
                continue;
            }
            table.add(row("sorted copy built (waited after the seeks)", sort, waited, waited, 1));
            long[] offsets = {0, total / 2, total - LIMIT};
            for (long offset : offsets) {
                long[] times = new long[samples];
                for (int i = 0; i < samples; i++) {
                    times[i] = window(sort, offset, null);
                }
                table.add(
                        row(
                                "window of the built ordering at offset " + offset,
                                sort,
                                percentile(times, 50),
                                percentile(times, 99),
                                samples));
            }
        }
        if (clients > 0) {
            String[] five = {
                "-occurred_at",
                "channel,-revenue",
                "-revenue",
                "event_type,-occurred_at",
                "referral_id"
            };
            // Open every ordering the clients will read (five sorts, with and without the search)
            // before measuring: the clients scroll sorts that are already open.
            // One sort at a time: a user has at most two copies queued, and builds wait for a
            // pause in requests (QuietMoments), so asking for all ten at once would leave some
            // unbuilt.
            long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(BUILD_WAIT_MINUTES);
            for (String sort : five) {
                window(sort, total / 2, null);
                window(sort, 0, SEARCH);
                awaitOrdering(rowdesk, sort, null);
                while (rowdesk.orderings().pendingBuilds() > 0 && System.nanoTime() < waitUntil) {
                    Thread.sleep(100);
                }
            }
            long searchTotal = total(five[0], SEARCH);
            long builds = rowdesk.orderings().buildsStarted();
            long[] concurrent = concurrent(five, total, searchTotal);
            long rebuilt = rowdesk.orderings().buildsStarted() - builds;
            table.add(
                    row(
                            clients
                                    + " concurrent clients, five sorts, random offsets, 20% searches ('"
                                    + SEARCH
                                    + "'); orderings built meanwhile: "
                                    + rebuilt,
                            String.join(" ; ", five),
                            percentile(concurrent, 50),
                            percentile(concurrent, 99),
                            concurrent.length));
        }
        print(total, table);
        System.out.printf(
                Locale.ROOT,
                "%nresident memory of the process: %s now, peak %s (JVM heap: %d MB used of %d MB"
                        + " committed); orderings on disk: %d MB%n",
                procStatus("VmRSS"),
                procStatus("VmHWM"),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().totalMemory() >> 20,
                rowdesk.orderings().diskBytes() >> 20);
        // Which part of the resident memory is DuckDB's own (the query instance's buffers).
        List<List<Object>> duck =
                rowdesk.engine()
                        .query(
                                "SELECT tag, memory_usage_bytes FROM duckdb_memory()"
                                        + " WHERE memory_usage_bytes > 0 ORDER BY 2 DESC",
                                List.of(),
                                50,
                                java.time.Duration.ofSeconds(10))
                        .rows();
        StringBuilder tags = new StringBuilder();
        long duckBytes = 0;
        for (List<Object> row : duck) {
            long bytes = ((Number) row.get(1)).longValue();
            duckBytes += bytes;
            tags.append(' ').append(row.get(0)).append(' ').append(bytes >> 20).append(" MB;");
        }
        System.out.printf(
                Locale.ROOT,
                "query instance's DuckDB memory: %d MB (%s)%n",
                duckBytes >> 20,
                tags.toString().trim());
        System.out.printf(
                Locale.ROOT,
                "%n%d cores; system load average %.1f before, %.1f after (other processes count too)%n",
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static final String SEARCH = "orders via email";
    private static final int BUILD_WAIT_MINUTES = 15;

    /** Waits for the ordering of {@code sort}; microseconds waited, or -1 after the time limit. */
    private long awaitOrdering(Rowdesk rowdesk, String sort, String q) throws Exception {
        var relation = rowdesk.catalog().find(RELATION, Role.VIEWER).orElseThrow();
        var query = rowdesk.grid().query(relation, SortKey.parse(sort, relation.columns()));
        long started = System.nanoTime();
        try {
            rowdesk.orderings().request(query).get(BUILD_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            return -1;
        }
        return (System.nanoTime() - started) / 1000;
    }

    private static String procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.2f GB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    private long total(String sort, String q) throws Exception {
        return lastTotal;
    }

    private long[] concurrent(String[] sorts, long total, long searchTotal) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(
                        pool.submit(
                                () -> {
                                    SplittableRandom random = new SplittableRandom(client);
                                    long[] times = new long[requestsPerClient];
                                    for (int i = 0; i < requestsPerClient; i++) {
                                        String sort = sorts[random.nextInt(sorts.length)];
                                        boolean search = random.nextInt(5) == 0;
                                        long rows = search ? searchTotal : total;
                                        times[i] =
                                                window(
                                                        sort,
                                                        random.nextLong(
                                                                Math.max(1, rows - LIMIT + 1)),
                                                        search ? SEARCH : null);
                                    }
                                    return times;
                                }));
            }
            long[] all = new long[clients * requestsPerClient];
            int at = 0;
            for (Future<long[]> result : results) {
                long[] times = result.get();
                System.arraycopy(times, 0, all, at, times.length);
                at += times.length;
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One window through the API; returns the time to the full answer in microseconds. */
    private long window(String sort, long offset, String q)
            throws IOException, InterruptedException {
        String path =
                GridController.ROWS.replace("{relation}", RELATION)
                        + "?sort="
                        + URLEncoder.encode(sort, StandardCharsets.UTF_8)
                        + (q == null ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        + "&offset="
                        + offset
                        + "&limit="
                        + LIMIT;
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - started) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    path
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode json = JSON.readTree(response.body());
        if (q != null) {
            lastTotal = json.get("total").asLong();
        }
        int expected = (int) Math.min(LIMIT, json.get("total").asLong() - offset);
        if (json.get("rows").size() != expected) {
            throw new IllegalStateException(
                    path + " answered " + json.get("rows").size() + " rows, expected " + expected);
        }
        return micros;
    }

    static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String[] row(String what, String sort, long p50, long p99, int n) {
        String[] row = {what, sort, ms(p50), ms(p99), Integer.toString(n)};
        // Printed as measured too: a long run at scale 10 still leaves its numbers if stopped.
        System.out.println("| " + String.join(" | ", row) + " |");
        return row;
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static void print(long total, List<String[]> table) {
        System.out.printf(
                Locale.ROOT,
                "%nGrid windows of %s (%,d rows), %d rows each, through GET %s%n%n",
                RELATION,
                total,
                LIMIT,
                GridController.ROWS);
        System.out.println("| measurement | sort | p50 ms | p99 (max) ms | n |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        for (String[] row : table) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }
}
