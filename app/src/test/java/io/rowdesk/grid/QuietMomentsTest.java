package io.rowdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuietMomentsTest {
    @Test
    void a_build_starts_at_once_when_nobody_is_waiting_on_a_seek() throws Exception {
        QuietMoments quiet = new QuietMoments(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(quiet.awaitQuiet()).isLessThan(1_000);
    }

    @Test
    void a_build_waits_for_running_seeks_and_then_for_the_gap() throws Exception {
        QuietMoments quiet = new QuietMoments(Duration.ofMillis(300), Duration.ofSeconds(30));
        QuietMoments.Busy seek = quiet.busy();
        CompletableFuture<Long> waited =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return quiet.awaitQuiet();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        Thread.sleep(400);
        assertThat(waited).as("still waiting while the seek runs").isNotDone();
        long ended = System.nanoTime();
        seek.close();
        waited.get(10, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ended))
                .as("waited for the gap after the seek")
                .isGreaterThanOrEqualTo(290);
    }

    @Test
    void a_steady_stream_of_seeks_never_holds_a_build_past_the_longest_wait() throws Exception {
        QuietMoments quiet = new QuietMoments(Duration.ofSeconds(60), Duration.ofMillis(500));
        try (QuietMoments.Busy seek = quiet.busy()) {
            long waited = quiet.awaitQuiet();
            assertThat(waited).isBetween(450L, 30_000L);
        }
    }
}
