package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.cli.FaultyReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server in the middle of a bulk run, then a restart on the same data folder: every
 * request is delivered, none is lost, and a repeat can only be of an attempt that was cut off,
 * always with the same key. The server runs in a child JVM so that it can really be killed.
 */
class CrashResumeTest {
    private static final Pattern READY = Pattern.compile("ready at http://localhost:(\\d+)");
    @TempDir Path dir;

    private record Server(Process process, int port) {}

    private Server startServer(Path config, Path data) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.rowdesk.Main",
                        "serve",
                        "--config",
                        config.toString(),
                        "--demo",
                        "--data-dir",
                        data.toString(),
                        "--port",
                        "0",
                        "--demo-scale",
                        Double.toString(TestApp.SCALE),
                        "--as-of",
                        TestApp.AS_OF.toString());
        builder.environment().put("ROWDESK_ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD);
        builder.environment().put("ROWDESK_ADMIN_TOKEN", TestApp.ADMIN_TOKEN);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    Matcher m = READY.matcher(line);
                                    if (m.find()) {
                                        port.complete(Integer.parseInt(m.group(1)));
                                    }
                                }
                            } catch (IOException ignored) {
                                // the process went away
                            }
                            port.completeExceptionally(new IllegalStateException("server ended"));
                        });
        reader.setDaemon(true);
        reader.start();
        return new Server(process, port.get(120, TimeUnit.SECONDS));
    }

    @Test
    void kill_dash_nine_mid_bulk_run_and_a_restart_lose_nothing() throws Exception {
        try (FaultyReceiver receiver = new FaultyReceiver(0, Duration.ofSeconds(2), null, 3)) {
            // a receiver that takes its time, so that the kill lands mid-run
            receiver.latency(Duration.ofMillis(40));
            Path config = dir.resolve("crash.yaml");
            Files.writeString(
                    config,
                    """
                    server:
                      allow_private_destinations: ["127.0.0.1:%d"]
                    actions:
                      - name: bulk_hook
                        relation: payout_review
                        key: payout_id
                        roles: [viewer]
                        destination:
                          kind: webhook
                          url: %s
                          timeout: 2s
                          concurrency: 4
                          retry: {attempts: 8, initial: 50ms, max: 500ms}
                        payload: '{"payout_id": {{row.payout_id}}, "request": {{request.id}}}'
                    """
                            .formatted(receiver.port(), receiver.url()));
            Path data = dir.resolve("data");
            Server first = startServer(config, data);
            Set<String> ids = new HashSet<>();
            Server second = null;
            try {
                TestHttp http = new TestHttp("http://127.0.0.1:" + first.port());
                HttpResponse<String> run =
                        http.send(
                                http.request("/api/v1/actions/bulk_hook/run")
                                        .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "{\"all\": true}"))
                                        .build());
                assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
                TestHttp.json(run).path("requests").forEach(r -> ids.add(r.path("id").asText()));
                assertThat(ids).hasSizeGreaterThan(100);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (receiver.keys().size() < ids.size() / 4 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                int beforeKill = receiver.keys().size();
                assertThat(beforeKill).isLessThan(ids.size());
                first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
                first.process().waitFor(30, TimeUnit.SECONDS);

                second = startServer(config, data);
                TestHttp again = new TestHttp("http://127.0.0.1:" + second.port());
                Map<String, String> states = new HashMap<>();
                deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                do {
                    Thread.sleep(200);
                    states.clear();
                    String before = null;
                    while (true) {
                        JsonNode page =
                                TestHttp.json(
                                        again.getWithToken(
                                                "/api/v1/requests?action=bulk_hook&limit=1000"
                                                        + (before == null
                                                                ? ""
                                                                : "&before=" + before),
                                                TestApp.ADMIN_TOKEN));
                        page.path("requests")
                                .forEach(
                                        r ->
                                                states.put(
                                                        r.path("id").asText(),
                                                        r.path("state").asText()));
                        if (!page.has("next_before")) {
                            break;
                        }
                        before = page.path("next_before").asText();
                    }
                } while (states.values().stream().anyMatch(s -> !s.equals("succeeded"))
                        && System.nanoTime() < deadline);

                assertThat(states.keySet()).isEqualTo(ids);
                assertThat(states.values()).containsOnly("succeeded");
                assertThat(receiver.keys().keySet()).isEqualTo(ids);
                assertThat(receiver.keyMismatches()).isZero();
                // a repeat happens only for attempts whose outcome the kill cut off (sent, not yet
                // recorded): at most what one process holds in flight, each at most once more
                assertThat(receiver.duplicateKeys())
                        .isLessThanOrEqualTo(OutboxWorker.Settings.DEFAULT.maxHeld());
                assertThat(receiver.keys().values())
                        .allSatisfy(k -> assertThat(k.deliveries.get()).isLessThanOrEqualTo(2));
                List<String> logged = List.of("kill after " + beforeKill + " of " + ids.size());
                System.out.println(
                        "CrashResumeTest: " + logged + ", repeats " + receiver.duplicateKeys());
            } finally {
                first.process().destroyForcibly();
                if (second != null) {
                    second.process().destroy();
                    if (!second.process().waitFor(20, TimeUnit.SECONDS)) {
                        second.process().destroyForcibly();
                    }
                }
            }
        }
    }
}
