package io.rowdesk.action;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent per phase of runs and deliveries, summed since start: where a bulk run's time goes.
 * {@code rowdesk bench actions} prints it; it costs two adds per measured step, so it stays on.
 */
public final class PhaseTimes {
    /** One phase so far: how often it ran, how many requests it handled, and for how long. */
    public record Phase(long calls, long items, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }

        Phase minus(Phase earlier) {
            return earlier == null
                    ? this
                    : new Phase(
                            calls - earlier.calls, items - earlier.items, nanos - earlier.nanos);
        }
    }

    private record Sums(LongAdder calls, LongAdder items, LongAdder nanos) {}

    private final Map<String, Sums> phases = new ConcurrentHashMap<>();

    /**
     * Adds one call of {@code phase} that handled {@code items} and began at {@code startNanos}.
     */
    public void since(String phase, int items, long startNanos) {
        add(phase, items, System.nanoTime() - startNanos);
    }

    /** Adds one call of {@code phase} that handled {@code items} in {@code nanos}. */
    public void add(String phase, int items, long nanos) {
        Sums sums =
                phases.computeIfAbsent(
                        phase, p -> new Sums(new LongAdder(), new LongAdder(), new LongAdder()));
        sums.calls().increment();
        sums.items().add(items);
        sums.nanos().add(nanos);
    }

    /** The sums so far, by phase name. */
    public Map<String, Phase> snapshot() {
        Map<String, Phase> copy = new TreeMap<>();
        phases.forEach(
                (name, s) ->
                        copy.put(
                                name,
                                new Phase(s.calls().sum(), s.items().sum(), s.nanos().sum())));
        return copy;
    }

    /** What was added between {@code earlier} (a snapshot) and now. */
    public Map<String, Phase> since(Map<String, Phase> earlier) {
        Map<String, Phase> delta = new TreeMap<>();
        snapshot().forEach((name, now) -> delta.put(name, now.minus(earlier.get(name))));
        return delta;
    }
}
