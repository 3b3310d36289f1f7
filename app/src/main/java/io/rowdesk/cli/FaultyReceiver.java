package io.rowdesk.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rowdesk.action.StandardWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local webhook receiver that injects faults, standing in for Zapier and other receivers in
 * {@code rowdesk bench actions} and in the tests (it is a test server, not a product feature). A
 * fraction of deliveries fail in one of five ways: a 500, a 429 with Retry-After, a timeout after
 * the body was received and applied, a dropped connection after it was applied, or a body that
 * trickles in slowly. Like a well-behaved receiver it applies each key once, and counts how often
 * each key arrived.
 */
public final class FaultyReceiver implements AutoCloseable {
    /** The ways a delivery can fail here. */
    public enum Fault {
        NONE,
        ERROR_500,
        TOO_MANY_429,
        TIMEOUT_AFTER_RECEIVING,
        DROP_CONNECTION,
        SLOW_BODY,
        /** Only when forced: a 422, which must not be retried. */
        REJECT_422
    }

    private static final Fault[] RANDOM_FAULTS = {
        Fault.ERROR_500,
        Fault.TOO_MANY_429,
        Fault.TIMEOUT_AFTER_RECEIVING,
        Fault.DROP_CONNECTION,
        Fault.SLOW_BODY
    };

    /** What arrived for one key. */
    public static final class KeyStats {
        public final AtomicInteger deliveries = new AtomicInteger();
        public final AtomicInteger answered2xx = new AtomicInteger();
        public volatile long firstAtMillis;
        public volatile boolean keyMismatch;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration stall;
    private final String signingSecret;
    private final Random random;
    private final Map<String, KeyStats> keys = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong withoutKey = new AtomicLong();
    private final Map<Fault, AtomicLong> faults = new ConcurrentHashMap<>();
    private volatile Fault forced;
    private volatile Duration latency = Duration.ZERO;
    private volatile double rate;

    /**
     * @param faultRate the share of deliveries that fail (0 to 1)
     * @param stall how long a timeout fault holds the answer back (longer than the sender's
     *     timeout)
     * @param signingSecret checks webhook-signature when set
     */
    public FaultyReceiver(double faultRate, Duration stall, String signingSecret, long seed)
            throws IOException {
        this.rate = faultRate;
        this.stall = stall;
        this.signingSecret = signingSecret;
        this.random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(96);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    /** Each answer waits this long first: a receiver that takes its time. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** The share of deliveries that fail from now on. */
    public void faultRate(double faultRate) {
        this.rate = faultRate;
    }

    /** Every delivery fails this way from now on (null: back to the random share). */
    public void force(Fault fault) {
        this.forced = fault;
    }

    private Fault pick() {
        Fault f = forced;
        if (f != null) {
            return f;
        }
        synchronized (random) {
            if (random.nextDouble() >= rate) {
                return Fault.NONE;
            }
            return RANDOM_FAULTS[random.nextInt(RANDOM_FAULTS.length)];
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst(StandardWebhooks.ID);
            String idempotency = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            deliveries.incrementAndGet();
            if (id == null || idempotency == null) {
                withoutKey.incrementAndGet();
                respond(exchange, 400, "no key");
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (signingSecret != null) {
                String timestamp =
                        exchange.getRequestHeaders().getFirst(StandardWebhooks.TIMESTAMP);
                String signature =
                        exchange.getRequestHeaders().getFirst(StandardWebhooks.SIGNATURE);
                String expected =
                        timestamp == null
                                ? null
                                : StandardWebhooks.signature(
                                        signingSecret, id, Long.parseLong(timestamp), text);
                if (expected == null || !expected.equals(signature)) {
                    badSignatures.incrementAndGet();
                    respond(exchange, 401, "bad signature");
                    return;
                }
            }
            KeyStats stats = keys.computeIfAbsent(id, k -> new KeyStats());
            synchronized (stats) {
                if (stats.deliveries.getAndIncrement() == 0) {
                    stats.firstAtMillis = System.currentTimeMillis();
                }
            }
            if (!id.equals(idempotency) || (text.contains("\"request\"") && !text.contains(id))) {
                stats.keyMismatch = true;
            }
            if (!latency.isZero()) {
                sleep(latency);
            }
            Fault fault = pick();
            faults.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
            switch (fault) {
                case ERROR_500 -> respond(exchange, 500, "injected failure");
                case REJECT_422 -> respond(exchange, 422, "not processable");
                case TOO_MANY_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    respond(exchange, 429, "slow down");
                }
                case TIMEOUT_AFTER_RECEIVING -> {
                    sleep(stall);
                    respond(exchange, 200, "too late");
                }
                case DROP_CONNECTION -> {
                    // applied, then the connection goes away without an answer: an unknown outcome
                    throw new IOException("dropping the connection on purpose");
                }
                case SLOW_BODY -> {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (int i = 0; i < 5; i++) {
                        out.write('.');
                        out.flush();
                        sleep(stall.dividedBy(4));
                    }
                    out.close();
                    stats.answered2xx.incrementAndGet();
                }
                default -> {
                    respond(exchange, 200, "ok");
                    stats.answered2xx.incrementAndGet();
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Per key (webhook-id), what arrived. */
    public Map<String, KeyStats> keys() {
        return keys;
    }

    public long deliveries() {
        return deliveries.get();
    }

    public long badSignatures() {
        return badSignatures.get();
    }

    public long withoutKey() {
        return withoutKey.get();
    }

    /** Keys that arrived more than once (always with the same key: a repeat of one request). */
    public long duplicateKeys() {
        return keys.values().stream().filter(s -> s.deliveries.get() > 1).count();
    }

    public long keyMismatches() {
        return keys.values().stream().filter(s -> s.keyMismatch).count();
    }

    public Map<Fault, AtomicLong> faults() {
        return faults;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
