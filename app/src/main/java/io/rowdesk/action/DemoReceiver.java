package io.rowdesk.action;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The demo's stand-in for Zapier: remembers the webhooks it received (the newest 500) and whether
 * each key was new, so the demo shows one delivery per request even when an attempt is repeated.
 * Not a real integration.
 */
public final class DemoReceiver {
    private static final int KEEP = 500;

    /** One delivery as received. */
    public record Received(
            Instant at,
            String id,
            String action,
            String body,
            boolean signed,
            boolean duplicate,
            Map<String, String> headers) {}

    private final Clock clock;
    private final Deque<Received> received = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();

    public DemoReceiver(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public synchronized Received receive(String id, String body, Map<String, String> headers) {
        boolean duplicate = id != null && !seen.add(id);
        String action = null;
        try {
            action =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(body)
                            .path("action")
                            .asText(null);
        } catch (Exception ignored) {
            // any body is fine: shown as text
        }
        Received r =
                new Received(
                        clock.instant(),
                        id,
                        action,
                        body,
                        headers.containsKey(StandardWebhooks.SIGNATURE),
                        duplicate,
                        Map.copyOf(headers));
        received.addFirst(r);
        while (received.size() > KEEP) {
            received.removeLast();
        }
        return r;
    }

    public synchronized List<Received> recent() {
        return new ArrayList<>(received);
    }

    /** Distinct keys received. */
    public synchronized int distinct() {
        return seen.size();
    }
}
