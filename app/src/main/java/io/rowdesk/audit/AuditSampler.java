package io.rowdesk.audit;

import io.rowdesk.audit.AuditEntry.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audits repeated events without letting them flood the log: the first event of a kind (actor,
 * action, target, outcome and a key such as the client address) in a window is recorded in full;
 * repeats inside the window are only counted, and one summary entry ({@code <action>.repeated},
 * with the count and the window) is appended when the next event after the window arrives or on
 * {@link #flush}. Entries are appended only, never updated.
 */
public final class AuditSampler {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private record Key(String actor, String action, String target, Outcome outcome, String key) {}

    private static final class Window {
        final Instant started;
        int repeats;
        Instant last;

        Window(Instant started) {
            this.started = started;
            this.last = started;
        }
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    public AuditSampler(AuditLog audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** Records the event, or counts it when the same one was recorded within the window. */
    public synchronized void record(
            String actor,
            String action,
            String target,
            Outcome outcome,
            String key,
            Map<String, ?> details) {
        Instant now = clock.instant();
        Key k = new Key(actor, action, target, outcome, key);
        Window window = windows.get(k);
        if (window != null && Duration.between(window.started, now).compareTo(WINDOW) < 0) {
            window.repeats++;
            window.last = now;
            return;
        }
        if (window != null) {
            summarize(k, window);
        }
        audit.record(actor, action, target, outcome, details);
        windows.put(k, new Window(now));
        if (windows.size() > 10_000) {
            flush();
        }
    }

    /** Writes the summaries of every open window (at shutdown, or when too many are open). */
    public synchronized void flush() {
        windows.forEach(this::summarize);
        windows.clear();
    }

    private void summarize(Key k, Window window) {
        if (window.repeats == 0) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("repeats", window.repeats);
        details.put("from", window.started.toString());
        details.put("to", window.last.toString());
        details.put("key", k.key());
        audit.record(k.actor(), k.action() + ".repeated", k.target(), k.outcome(), details);
        window.repeats = 0;
    }
}
