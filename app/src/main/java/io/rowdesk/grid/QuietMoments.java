package io.rowdesk.grid;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When people are waiting on the query instance: windows answered by a seek or a top-N mark
 * themselves busy, and the background build of a sorted copy waits for a quiet moment before it
 * takes both cores for tens of seconds. A user who sorts and drags the scrollbar gets seeks without
 * a 50M-row sort competing with them; the copy follows once they pause, or after {@code longest}
 * whatever happens, so that a steady stream of seeks never starves it.
 */
final class QuietMoments {
    private final long gapNanos;
    private final long longestNanos;
    private int busy;
    private long lastBusyEnd = Long.MIN_VALUE;

    QuietMoments(Duration gap, Duration longest) {
        this.gapNanos = gap.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /** Marks interactive work until the returned handle is closed. */
    Busy busy() {
        synchronized (this) {
            busy++;
        }
        return () -> {
            synchronized (this) {
                busy--;
                lastBusyEnd = System.nanoTime();
                notifyAll();
            }
        };
    }

    /**
     * Waits until no interactive work has run for the gap, or for {@code longest} at most.
     *
     * @return how long it waited, in milliseconds
     */
    synchronized long awaitQuiet() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + longestNanos;
        while (true) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                break;
            }
            long quietFor = busy > 0 ? 0 : now - lastBusyEnd;
            if (busy == 0 && (lastBusyEnd == Long.MIN_VALUE || quietFor >= gapNanos)) {
                break;
            }
            long wait = Math.min(deadline - now, busy > 0 ? gapNanos : gapNanos - quietFor);
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, wait));
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** The end of a piece of interactive work. */
    interface Busy extends AutoCloseable {
        @Override
        void close();
    }
}
