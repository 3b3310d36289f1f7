package io.rowdesk.action;

import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: a dispatcher claims due requests in batches (a lease with an expiry), a pool
 * of workers sends them, and a recorder writes outcomes and their audit entries in batches. A
 * request claimed but never recorded (the process died mid-attempt) is claimed again when its lease
 * expires, with the same key: the only way a receiver can see a request twice.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /** Pool size, batch sizes and the idle poll. */
    public record Settings(int workers, int claimBatch, Duration idlePoll) {
        public static final Settings DEFAULT = new Settings(64, 512, Duration.ofMillis(200));

        /** Claimed requests held at once: a few claim batches queue for the workers. */
        public int maxHeld() {
            return Math.max(workers, claimBatch) * 2;
        }
    }

    private final Outbox outbox;
    private final Function<String, Optional<ActionDefinition>> definitions;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Settings settings;
    private final String owner = "worker-" + UUID.randomUUID();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final ExecutorService pool;
    private final BlockingQueue<Outbox.Outcome> outcomes = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Semaphore> concurrency = new ConcurrentHashMap<>();
    private final Map<String, RateGate> rates = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final PhaseTimes times = new PhaseTimes();
    private volatile boolean running;
    private Thread dispatcher;
    private Thread recorder;

    public OutboxWorker(
            Outbox outbox,
            Function<String, Optional<ActionDefinition>> definitions,
            Deliveries deliveries,
            Clock clock,
            Settings settings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox is null");
        this.definitions = Objects.requireNonNull(definitions, "definitions is null");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        AtomicInteger n = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        settings.workers(),
                        r -> {
                            Thread thread = new Thread(r, "outbox-send-" + n.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Resumes what a previous process left open, then starts delivering. */
    public synchronized OutboxWorker start() {
        if (running) {
            return this;
        }
        int resumed = outbox.expireAllLeases(clock.instant());
        if (resumed > 0) {
            LOG.info("Resuming {} request(s) whose attempt was cut off by a stop", resumed);
        }
        running = true;
        dispatcher = new Thread(this::dispatch, "outbox-dispatcher");
        dispatcher.setDaemon(true);
        recorder = new Thread(this::record, "outbox-recorder");
        recorder.setDaemon(true);
        dispatcher.start();
        recorder.start();
        return this;
    }

    /** New or re-queued requests: look now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                int free = settings.maxHeld() - inFlight.get();
                List<ActionRequest> claimed = List.of();
                if (free > 0) {
                    Instant now = clock.instant();
                    long t0 = System.nanoTime();
                    claimed =
                            outbox.claim(
                                    owner,
                                    now,
                                    now.plus(lease()),
                                    Math.min(free, settings.claimBatch()));
                    times.since("claim", claimed.size(), t0);
                    for (ActionRequest request : claimed) {
                        inFlight.incrementAndGet();
                        pool.execute(() -> attempt(request));
                    }
                }
                if (claimed.isEmpty()) {
                    synchronized (signal) {
                        signal.wait(settings.idlePoll().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Claiming requests failed; trying again", e);
                sleep(settings.idlePoll());
            }
        }
    }

    /** Long enough for the slowest destination twice over: a lease must outlive its attempt. */
    private Duration lease() {
        return Duration.ofMinutes(5);
    }

    private void attempt(ActionRequest request) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Optional<ActionDefinition> definition = definitions.apply(request.action());
        Delivery delivery;
        RetryPolicy retry = RetryPolicy.DEFAULT;
        if (definition.isEmpty()) {
            delivery =
                    Delivery.of(
                            Delivery.Kind.FAILED,
                            null,
                            "undefined",
                            "the action " + request.action() + " is no longer defined");
        } else {
            Destination destination = definition.get().destination();
            retry = destination.retry();
            Semaphore permits =
                    concurrency.computeIfAbsent(
                            request.action(), a -> new Semaphore(destination.concurrency()));
            permits.acquireUninterruptibly();
            try {
                if (destination.ratePerSecond() > 0) {
                    rates.computeIfAbsent(
                                    request.action(),
                                    a -> new RateGate(destination.ratePerSecond()))
                            .await();
                }
                started = clock.instant();
                t0 = System.nanoTime();
                delivery = deliveries.deliver(definition.get(), request);
                times.since("send", 1, t0);
            } catch (RuntimeException e) {
                LOG.error("Delivering request {} failed unexpectedly", request.id(), e);
                delivery =
                        Delivery.of(
                                Delivery.Kind.RETRY,
                                null,
                                "internal: " + e.getClass().getSimpleName(),
                                e.getMessage());
            } finally {
                permits.release();
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        RequestState next;
        Instant nextAt = null;
        String outcome;
        switch (delivery.kind()) {
            case SUCCEEDED -> {
                next = RequestState.SUCCEEDED;
                outcome = "succeeded";
            }
            case FAILED -> {
                next = RequestState.FAILED;
                outcome = "failed";
            }
            default -> {
                int failed = request.cycleAttempts() + 1;
                if (failed >= retry.attempts()) {
                    next = RequestState.FAILED;
                    outcome = "failed";
                } else {
                    next = RequestState.QUEUED;
                    outcome = "retry";
                    nextAt =
                            clock.instant()
                                    .plus(retry.delayAfter(failed, delivery.retryAfter(), random));
                }
            }
        }
        String error =
                delivery.errorClass() != null
                        ? delivery.errorClass()
                        : delivery.kind() == Delivery.Kind.SUCCEEDED
                                ? null
                                : "status " + delivery.status();
        Attempt attempt =
                new Attempt(
                        request.id(),
                        request.attempts() + 1,
                        started,
                        millis,
                        delivery.status(),
                        delivery.errorClass(),
                        delivery.response(),
                        outcome,
                        request.resends() > 0);
        outcomes.add(new Outbox.Outcome(request, attempt, next, nextAt, error));
    }

    private void record() {
        List<Outbox.Outcome> batch = new ArrayList<>();
        while (running || !outcomes.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Outbox.Outcome first = outcomes.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    outcomes.drainTo(batch, 2047);
                }
                long t0 = System.nanoTime();
                outbox.record(
                        owner,
                        batch,
                        clock.instant(),
                        batch.stream().map(OutboxWorker::auditEntry).toList());
                times.since("record", batch.size(), t0);
                inFlight.addAndGet(-batch.size());
                batch.clear();
                wake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // keep the batch: the failed transaction left nothing, so recording it again is
                // safe
                LOG.error("Recording {} outcome(s) failed; trying again", batch.size(), e);
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private static AuditLog.Pending auditEntry(Outbox.Outcome o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", o.request().action());
        details.put("row_key", o.request().rowKey());
        details.put("attempt", o.attempt().attempt());
        details.put("status_code", o.attempt().statusCode());
        details.put("error", o.attempt().errorClass());
        details.put("duration_ms", o.attempt().durationMillis());
        details.put("state", o.next().label());
        if (o.attempt().manual()) {
            details.put("manual", true);
        }
        return new AuditLog.Pending(
                "system",
                "action.attempt",
                o.request().id(),
                o.next() == RequestState.SUCCEEDED
                        ? AuditEntry.Outcome.SUCCESS
                        : AuditEntry.Outcome.FAILURE,
                details);
    }

    /** Where delivery spent its time (claim, send, record). */
    public PhaseTimes phaseTimes() {
        return times;
    }

    /** Attempts sent but not yet recorded. */
    public int inFlight() {
        return inFlight.get();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            pool.shutdownNow();
            return;
        }
        running = false;
        wake();
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            if (recorder != null) {
                recorder.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spaces sends to one destination at most {@code perSecond} apart. */
    private static final class RateGate {
        private final long intervalNanos;
        private long next = System.nanoTime();

        RateGate(double perSecond) {
            this.intervalNanos = (long) (1_000_000_000L / perSecond);
        }

        void await() {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long slot = Math.max(now, next);
                next = slot + intervalNanos;
                wait = slot - now;
            }
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
