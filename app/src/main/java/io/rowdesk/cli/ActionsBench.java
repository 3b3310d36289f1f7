package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.action.PhaseTimes;
import io.rowdesk.action.RequestState;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rowdesk bench actions}: a bulk run of an action over N rows to a local receiver (a test
 * server, {@link FaultyReceiver}), without faults and with a share of injected faults: requests/s,
 * click-to-delivery, repeats by key, lost requests.
 */
@Command(
        name = "actions",
        mixinStandardHelpOptions = true,
        description =
                "Bulk-run a webhook action over many rows to a local fault-injecting receiver.")
final class ActionsBench implements Callable<Integer> {
    private static final String SECRET = "whsec_YmVuY2gtc2lnbmluZy1zZWNyZXQtMDEyMzQ1";

    @Option(
            names = "--rows",
            defaultValue = "10000",
            description = "Rows in the bulk run (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--faults",
            defaultValue = "0,0.2",
            split = ",",
            description = "Fault shares to run, comma separated (default ${DEFAULT-VALUE}).")
    List<Double> faults;

    @Option(
            names = "--clicks",
            defaultValue = "200",
            description =
                    "Single clicks timed one by one after each bulk run (default ${DEFAULT-VALUE}).")
    int clicks;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        List<String> lines = new ArrayList<>();
        for (double share : faults) {
            lines.add(runOnce(share));
        }
        System.out.println();
        System.out.println(
                "| faults | requests | req/s | p50 / p99 click to delivery, bulk (s) | p50 / p99 single click (ms) | keys repeated | lost | failed | double effects |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        lines.forEach(System.out::println);
        return 0;
    }

    private String runOnce(double faultShare) throws Exception {
        Path dir = Files.createTempDirectory("rowdesk-bench-actions");
        try (FaultyReceiver receiver =
                new FaultyReceiver(faultShare, Duration.ofMillis(2500), SECRET, 11)) {
            Path files = dir.resolve("files");
            Files.createDirectories(files);
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = duck.createStatement()) {
                st.execute(
                        "COPY (SELECT range + 1 AS row_id, round(10 + (range % 997) * 1.37, 2)::DECIMAL(12,2) AS amount,"
                                + " 'person' || range || '@example.com' AS email FROM range("
                                + (rows + clicks)
                                + ")) TO '"
                                + files.resolve("bench_rows.parquet")
                                + "' (FORMAT parquet)");
            }
            Path config = dir.resolve("bench.yaml");
            Files.writeString(
                    config,
                    """
                    server:
                      allow_private_destinations: ["127.0.0.1:%d"]
                    sources:
                      - name: bench
                        kind: files
                        path: %s
                        tables: [bench_rows]
                    relations:
                      bench_rows:
                        key_column: row_id
                    actions:
                      - name: bench_hook
                        relation: bench_rows
                        key: row_id
                        roles: [viewer]
                        destination:
                          kind: webhook
                          url: %s
                          signing_secret: %s
                          timeout: 2s
                          concurrency: 64
                          retry: {attempts: 12, initial: 100ms, max: 2s}
                        payload: '{"row_id": {{row.row_id}}, "amount": {{row.amount}}, "email": {{row.email}}, "request": {{request.id}}}'
                    """
                            .formatted(receiver.port(), files, receiver.url(), SECRET));
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Map<String, String> env = Map.of("ROWDESK_ADMIN_PASSWORD", password);
            RowdeskConfig resolved =
                    new ConfigResolver(env)
                            .resolve(
                                    new StartupOptions(
                                            config, dir.resolve("data"), 0, false, null, null));
            try (Rowdesk rowdesk =
                    new Rowdesk(resolved, env, Clock.systemUTC()).start("127.0.0.1")) {
                User user =
                        rowdesk.auth()
                                .createUser(
                                        "bench@example.com",
                                        Role.VIEWER,
                                        HexFormat.of()
                                                .formatHex(new SecureRandom().generateSeed(24)),
                                        "bench");
                String token = rowdesk.auth().createApiToken(user, "bench actions");
                String base = "http://127.0.0.1:" + rowdesk.port();
                System.out.printf(
                        Locale.ROOT,
                        "faults %.0f%%: bulk run of %,d rows ...%n",
                        faultShare * 100,
                        rows);
                StringBuilder keys = new StringBuilder();
                for (int i = 1; i <= rows; i++) {
                    keys.append(i == 1 ? "" : ",").append(i);
                }
                System.out.printf(Locale.ROOT, "  load average before: %s%n", loadAverage());
                long click = System.currentTimeMillis();
                long t0 = System.nanoTime();
                HttpResponse<String> run =
                        post(
                                base + "/api/v1/actions/bench_hook/run",
                                "{\"keys\": [" + keys + "]}",
                                token);
                if (run.statusCode() != 201) {
                    throw new IllegalStateException(
                            "run answered " + run.statusCode() + ": " + run.body());
                }
                long created = System.nanoTime();
                while (open(rowdesk) > 0) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<RequestState, Long> counts = rowdesk.outbox().counts();
                long succeeded = counts.getOrDefault(RequestState.SUCCEEDED, 0L);
                long failed = counts.getOrDefault(RequestState.FAILED, 0L);
                List<Long> latencies = new ArrayList<>();
                receiver.keys().values().forEach(k -> latencies.add(k.firstAtMillis - click));
                latencies.sort(Comparator.naturalOrder());
                long lost = rows - receiver.keys().size();
                long repeats = receiver.duplicateKeys();
                System.out.printf(
                        Locale.ROOT,
                        "  %,d requests recorded in %.2f s; all done after %.2f s: %.0f req/s; succeeded %d, failed %d; %d delivered keys, %d repeated%n",
                        rows,
                        (created - t0) / 1e9,
                        seconds,
                        rows / seconds,
                        succeeded,
                        failed,
                        receiver.keys().size(),
                        repeats);
                System.out.printf(Locale.ROOT, "  injected: %s%n", receiver.faults());
                printPhases("run request", rowdesk.actions().phaseTimes().snapshot());
                printPhases("delivery", rowdesk.outboxWorker().phaseTimes().snapshot());
                System.out.printf(Locale.ROOT, "  load average: %s%n", loadAverage());

                // single clicks on an idle outbox: the time a person waits for their one request
                List<Long> single = new ArrayList<>();
                if (faultShare == 0) {
                    for (int i = 0; i < clicks; i++) {
                        int key = rows + 1 + i;
                        long start = System.currentTimeMillis();
                        HttpResponse<String> one =
                                post(
                                        base + "/api/v1/actions/bench_hook/run",
                                        "{\"keys\": [" + key + "]}",
                                        token);
                        String id = one.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
                        while (!receiver.keys().containsKey(id)) {
                            Thread.sleep(1);
                        }
                        single.add(receiver.keys().get(id).firstAtMillis - start);
                    }
                    single.sort(Comparator.naturalOrder());
                }
                return String.format(
                        Locale.ROOT,
                        "| %.0f%% | %,d | %.0f | %.2f / %.2f | %s | %d | %d | %d | 0 (receiver de-duplicates by key; %d keys with a mismatched key) |",
                        faultShare * 100,
                        rows,
                        rows / seconds,
                        percentile(latencies, 0.5) / 1000.0,
                        percentile(latencies, 0.99) / 1000.0,
                        single.isEmpty()
                                ? "-"
                                : percentile(single, 0.5) + " / " + percentile(single, 0.99),
                        repeats,
                        lost,
                        failed,
                        receiver.keyMismatches());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Per phase: calls, requests handled, total time and time per request. */
    private static void printPhases(String title, Map<String, PhaseTimes.Phase> phases) {
        System.out.printf(Locale.ROOT, "  %s:%n", title);
        phases.forEach(
                (name, p) ->
                        System.out.printf(
                                Locale.ROOT,
                                "    %-13s %,7d calls %,7d requests %,10.1f ms  %.3f ms/request%n",
                                name,
                                p.calls(),
                                p.items(),
                                p.millis(),
                                p.items() == 0 ? 0.0 : p.millis() / p.items()));
    }

    /** The machine is shared: every number goes with the load it was measured under. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f (1 min)",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private static long open(Rowdesk rowdesk) {
        Map<RequestState, Long> counts = rowdesk.outbox().counts();
        return counts.getOrDefault(RequestState.QUEUED, 0L)
                + counts.getOrDefault(RequestState.SENDING, 0L)
                + counts.getOrDefault(RequestState.PENDING_APPROVAL, 0L);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private HttpResponse<String> post(String url, String body, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
