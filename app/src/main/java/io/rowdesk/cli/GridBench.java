package io.rowdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.Rowdesk;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
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
            names = "--scale",
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
            description = "Concurrent scrolling clients (default ${DEFAULT-VALUE}).")
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
            run(total);
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

    private void run(long total) throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // Warm the JIT and the HTTP path on a sort that is not measured.
        for (int i = 0; i < 300; i++) {
            window("event_type", (i * 7919L) % (total - LIMIT));
        }
        List<String[]> table = new ArrayList<>();
        String[] sorts = {"-occurred_at", "channel,revenue"};
        long[] offsets = {0, total / 2, total - LIMIT};
        for (String sort : sorts) {
            long first = window(sort, 0);
            long firstDeep = window(sort, total / 2);
            table.add(row("first window after sort change, offset 0", sort, first, first, 1));
            table.add(
                    row(
                            "then first window at offset " + (total / 2) + " (waits for the build)",
                            sort,
                            firstDeep,
                            firstDeep,
                            1));
            for (long offset : offsets) {
                long[] times = new long[samples];
                for (int i = 0; i < samples; i++) {
                    times[i] = window(sort, offset);
                }
                table.add(
                        row(
                                "window at offset " + offset,
                                sort,
                                percentile(times, 50),
                                percentile(times, 99),
                                samples));
            }
        }
        String[] changes = {
            "-revenue",
            "event_type,-occurred_at",
            "-channel,occurred_at",
            "referral_id",
            "-event_type,revenue"
        };
        long[] changeTimes = new long[changes.length];
        for (int i = 0; i < changes.length; i++) {
            changeTimes[i] = window(changes[i], 0);
            window(changes[i], total / 2); // let the build finish before the next change
        }
        table.add(
                row(
                        "first window after sort change (5 new sorts)",
                        String.join(" ; ", changes),
                        percentile(changeTimes, 50),
                        percentile(changeTimes, 100),
                        changes.length));

        // The new sorts may have pushed the first two out of the cache (budget): reopen them first,
        // since the clients scroll sorts that are already open.
        for (String sort : sorts) {
            window(sort, total / 2);
        }
        long[] concurrent = concurrent(sorts, total);
        table.add(
                row(
                        clients + " concurrent clients, random offsets",
                        String.join(" ; ", sorts),
                        percentile(concurrent, 50),
                        percentile(concurrent, 99),
                        concurrent.length));
        print(total, table);
        System.out.printf(
                Locale.ROOT,
                "%n%d cores; system load average %.1f before, %.1f after (other processes count too)%n",
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private long[] concurrent(String[] sorts, long total) throws Exception {
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
                                        times[i] =
                                                window(
                                                        sorts[random.nextInt(sorts.length)],
                                                        random.nextLong(total - LIMIT + 1));
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
    private long window(String sort, long offset) throws IOException, InterruptedException {
        String path =
                GridController.ROWS.replace("{relation}", RELATION)
                        + "?sort="
                        + URLEncoder.encode(sort, StandardCharsets.UTF_8)
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
        return new String[] {what, sort, ms(p50), ms(p99), Integer.toString(n)};
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
