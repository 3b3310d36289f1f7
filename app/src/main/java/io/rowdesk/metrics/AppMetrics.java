package io.rowdesk.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rowdesk.query.QueryWatchdog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The app's Micrometer registry, scraped by Prometheus at {@code /metrics}: JVM memory, GC,
 * threads, CPU and uptime, request latency by route (web), and the query engine's counts and time.
 * Other parts add their own meters to {@link #registry()} (sync and delivery counters).
 */
public final class AppMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public AppMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Queries run under the watchdog: how many, for how long, how many it stopped. */
    public void watch(QueryWatchdog watchdog) {
        FunctionCounter.builder("rowdesk.queries", watchdog, QueryWatchdog::completed)
                .description("queries run on the query instance")
                .register(registry);
        FunctionCounter.builder(
                        "rowdesk.query.time",
                        watchdog,
                        w -> w.nanos() / (double) TimeUnit.SECONDS.toNanos(1))
                .baseUnit("seconds")
                .description("time spent in queries")
                .register(registry);
        FunctionCounter.builder("rowdesk.queries.stopped", watchdog, QueryWatchdog::stopped)
                .description("queries stopped at their time limit")
                .register(registry);
        Gauge.builder("rowdesk.queries.runaway", watchdog, QueryWatchdog::runaways)
                .description("queries past their limit whose DuckDB call has not returned")
                .register(registry);
    }

    /**
     * One gauge per state, e.g. {@code rowdesk_sync_tables{state="failed"}}: how many things are in
     * each state now, read from {@code counts} at every scrape.
     */
    public void gaugesByState(
            String name,
            String description,
            List<String> states,
            Supplier<Map<String, Long>> counts) {
        for (String state : states) {
            Gauge.builder(name, counts, c -> c.get().getOrDefault(state, 0L))
                    // the supplier lives only here: a gauge's default weak reference would lose it
                    .strongReference(true)
                    .tag("state", state)
                    .description(description)
                    .register(registry);
        }
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
