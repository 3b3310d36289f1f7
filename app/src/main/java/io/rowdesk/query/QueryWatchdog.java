package io.rowdesk.query;

import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Holds every query to its time limit, whatever DuckDB does inside it.
 *
 * <p>DuckDB checks its interrupt flag between chunks of rows, so the statement's own timeout does
 * not stop one long call of a scalar function, and constant expressions are folded while the
 * statement is <em>prepared</em>, where nothing can interrupt them ({@code levenshtein} on two
 * 100k-character literals runs a minute inside {@code prepareStatement}). So a query runs on a
 * worker thread: at its deadline the watchdog cancels the statement (DuckDB's connection interrupt,
 * through {@link Statement#cancel()}), and the caller stops waiting after a short grace whether or
 * not DuckDB listened. A query that ignores the interrupt keeps its worker until DuckDB returns (a
 * "runaway"); while {@link #MAX_RUNAWAYS} of them are still running, new queries are refused rather
 * than piled onto the two cores. The guard keeps the functions that cause runaways off its
 * allow-list, so only a bug in that list gets this far.
 */
public final class QueryWatchdog implements AutoCloseable {
    static final int MAX_RUNAWAYS = 2;
    static final Duration GRACE = Duration.ofMillis(1000);

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("rowdesk-query"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemon("rowdesk-query-watchdog"));
    // Statement.cancel() waits for DuckDB's connection lock, which a statement being prepared
    // holds: cancelling on the timer thread would stall every other deadline behind it.
    private final ExecutorService cancellers =
            Executors.newCachedThreadPool(daemon("rowdesk-query-cancel"));
    private final AtomicInteger runaways = new AtomicInteger();
    private final AtomicLong stopped = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder completed =
            new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder nanos =
            new java.util.concurrent.atomic.LongAdder();

    /** A query's hook for the watchdog: the statement to cancel once it exists. */
    public static final class Deadline implements AutoCloseable {
        private volatile Statement statement;
        private volatile ScheduledFuture<?> alarm;
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile boolean closed;

        /** Call as soon as the statement exists, before it runs. */
        public void watch(Statement statement) {
            this.statement = statement;
            if (fired.get()) {
                cancel(statement);
            }
        }

        /** Whether the watchdog stopped this query. */
        public boolean fired() {
            return fired.get();
        }

        /** Disarms the timer once the query has ended. */
        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> current = alarm;
            if (current != null) {
                current.cancel(false);
            }
        }

        private void fire() {
            // A pooled statement runs the next caller's query once this one has ended.
            if (!closed && fired.compareAndSet(false, true)) {
                Statement current = statement;
                if (current != null) {
                    cancel(current);
                }
            }
        }

        private static void cancel(Statement statement) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement already ended or closed: nothing left to stop
            }
        }
    }

    /** Work that runs under a deadline and may fail as JDBC does. */
    public interface Work<T> {
        T run(Deadline deadline) throws SQLException;
    }

    /**
     * Runs {@code work} on a worker thread and answers within {@code timeout} plus a short grace.
     * {@code onTimeout} turns the cause (null when DuckDB ignored the interrupt) into the caller's
     * exception.
     */
    public <T> T run(Duration timeout, Work<T> work, Consumer<SQLException> onFailure) {
        Objects.requireNonNull(timeout, "timeout is null");
        if (runaways.get() >= MAX_RUNAWAYS) {
            throw new UserFacingException(
                    ErrorKind.UNAVAILABLE,
                    "Earlier queries that ran out of time are still being stopped; try again in a"
                            + " moment.");
        }
        Deadline deadline = new Deadline();
        AtomicBoolean abandoned = new AtomicBoolean();
        Callable<T> task =
                () -> {
                    long started = System.nanoTime();
                    try {
                        return work.run(deadline);
                    } finally {
                        completed.increment();
                        nanos.add(System.nanoTime() - started);
                        if (abandoned.get()) {
                            runaways.decrementAndGet();
                        }
                    }
                };
        Future<T> future = workers.submit(task);
        arm(deadline, timeout);
        try {
            return future.get(timeout.toMillis() + GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Counted before the worker can end: it decrements only when it sees the flag.
            runaways.incrementAndGet();
            abandoned.set(true);
            if (future.isDone()) {
                runaways.decrementAndGet();
            }
            stopped.incrementAndGet();
            throw QueryException.timedOut(timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                if (deadline.fired()) {
                    stopped.incrementAndGet();
                    throw QueryException.timedOut(timeout, sql);
                }
                onFailure.accept(sql);
                throw new IllegalStateException("onFailure must throw", sql);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            future.cancel(false);
            deadline.fire();
            Thread.currentThread().interrupt();
            throw QueryException.timedOut(timeout, e);
        } finally {
            deadline.close();
        }
    }

    /**
     * Cancels the statement at the deadline; for work that stays on the caller's thread (the app's
     * own statements, whose SQL is not typed by anyone). Close the deadline when the work ends.
     */
    public Deadline arm(Duration timeout) {
        Deadline deadline = new Deadline();
        arm(deadline, timeout);
        return deadline;
    }

    private void arm(Deadline deadline, Duration timeout) {
        deadline.alarm =
                timer.schedule(
                        () -> cancellers.execute(deadline::fire),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** Queries abandoned after their deadline whose DuckDB call has not returned yet. */
    public int runaways() {
        return runaways.get();
    }

    /** Queries run on worker threads since start. */
    public long completed() {
        return completed.sum();
    }

    /** Time those queries took, in nanoseconds. */
    public long nanos() {
        return nanos.sum();
    }

    /** Queries stopped at their deadline since start. */
    public long stopped() {
        return stopped.get();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        cancellers.shutdownNow();
        workers.shutdownNow();
    }
}
