package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.rowdesk.action.http.DestinationRefusedException;
import io.rowdesk.action.http.EgressPolicy;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.cli.FaultyReceiver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outbound HTTP against a local test receiver (a stand-in for a webhook receiver). */
class OutboundHttpTest {
    private static final Map<String, String> HEADERS =
            Map.of("webhook-id", "k1", "Idempotency-Key", "k1");

    @Test
    void a_listed_loopback_host_port_is_reached_and_an_unlisted_one_is_refused() throws Exception {
        try (FaultyReceiver receiver = new FaultyReceiver(0, Duration.ofSeconds(1), null, 1);
                FaultyReceiver other = new FaultyReceiver(0, Duration.ofSeconds(1), null, 2);
                OutboundHttp http =
                        new OutboundHttp(
                                EgressPolicy.parse(List.of("127.0.0.1:" + receiver.port())),
                                Clock.systemUTC())) {
            OutboundHttp.Response ok =
                    http.send(
                            "POST",
                            URI.create(receiver.url()),
                            HEADERS,
                            "{}".getBytes(),
                            Duration.ofSeconds(5));
            assertThat(ok.status()).isEqualTo(200);
            assertThatThrownBy(
                            () ->
                                    http.send(
                                            "POST",
                                            URI.create(other.url()),
                                            HEADERS,
                                            "{}".getBytes(),
                                            Duration.ofSeconds(5)))
                    .isInstanceOf(DestinationRefusedException.class);
            assertThat(other.deliveries()).isZero();
        }
    }

    @Test
    void a_name_that_resolves_to_a_private_address_is_refused_at_resolution() throws Exception {
        try (FaultyReceiver receiver = new FaultyReceiver(0, Duration.ofSeconds(1), null, 1);
                OutboundHttp http =
                        new OutboundHttp(EgressPolicy.publicOnly(), Clock.systemUTC())) {
            // https to a name passes the URL check; the resolver sees 127.0.0.1 and refuses it
            assertThatThrownBy(
                            () ->
                                    http.send(
                                            "POST",
                                            URI.create(
                                                    "https://localhost:"
                                                            + receiver.port()
                                                            + "/hook"),
                                            HEADERS,
                                            "{}".getBytes(),
                                            Duration.ofSeconds(5)))
                    .isInstanceOf(DestinationRefusedException.class)
                    .hasMessageContaining("private address");
            assertThat(receiver.deliveries()).isZero();
        }
    }

    @Test
    void
            loopback_in_every_spelling_and_the_metadata_address_are_refused_and_the_canary_hears_nothing()
                    throws Exception {
        try (FaultyReceiver canary = new FaultyReceiver(0, Duration.ofSeconds(1), null, 1);
                OutboundHttp http =
                        new OutboundHttp(EgressPolicy.publicOnly(), Clock.systemUTC())) {
            int port = canary.port();
            for (String url :
                    List.of(
                            "https://127.0.0.1:" + port + "/hook",
                            "https://[::1]:" + port + "/hook",
                            "https://2130706433:" + port + "/hook",
                            "https://169.254.169.254/latest/meta-data/",
                            "http://127.0.0.1:" + port + "/hook")) {
                assertThatThrownBy(
                                () ->
                                        http.send(
                                                "POST",
                                                URI.create(url),
                                                HEADERS,
                                                "{}".getBytes(),
                                                Duration.ofSeconds(2)))
                        .as(url)
                        .isInstanceOf(DestinationRefusedException.class);
            }
            assertThat(canary.deliveries()).isZero();
        }
    }

    @Test
    void a_redirect_to_loopback_from_an_allowed_address_is_not_followed() throws Exception {
        try (FaultyReceiver canary = new FaultyReceiver(0, Duration.ofSeconds(1), null, 1)) {
            // an allowed private receiver (a test server) that answers 302 to the canary
            HttpServer redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            redirector.createContext(
                    "/",
                    exchange -> {
                        exchange.getRequestBody().readAllBytes();
                        exchange.getResponseHeaders().add("Location", canary.url());
                        exchange.sendResponseHeaders(302, -1);
                        exchange.close();
                    });
            redirector.start();
            int port = redirector.getAddress().getPort();
            try (OutboundHttp http =
                    new OutboundHttp(
                            EgressPolicy.parse(List.of("127.0.0.1:" + port)), Clock.systemUTC())) {
                OutboundHttp.Response answer =
                        http.send(
                                "POST",
                                URI.create("http://127.0.0.1:" + port + "/hook"),
                                HEADERS,
                                "{}".getBytes(),
                                Duration.ofSeconds(5));
                assertThat(answer.status()).isEqualTo(302);
                assertThat(canary.deliveries()).isZero();
            } finally {
                redirector.stop(0);
            }
        }
    }

    @Test
    void redirects_are_not_followed_and_a_stalled_answer_times_out() throws Exception {
        try (FaultyReceiver receiver = new FaultyReceiver(0, Duration.ofSeconds(3), null, 1);
                OutboundHttp http =
                        new OutboundHttp(
                                EgressPolicy.parse(List.of("127.0.0.1:" + receiver.port())),
                                Clock.systemUTC())) {
            receiver.force(FaultyReceiver.Fault.TIMEOUT_AFTER_RECEIVING);
            long t0 = System.nanoTime();
            assertThatThrownBy(
                            () ->
                                    http.send(
                                            "POST",
                                            URI.create(receiver.url()),
                                            HEADERS,
                                            "{}".getBytes(),
                                            Duration.ofMillis(300)))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            receiver.force(FaultyReceiver.Fault.TOO_MANY_429);
            OutboundHttp.Response slow =
                    http.send(
                            "POST",
                            URI.create(receiver.url()),
                            HEADERS,
                            "{}".getBytes(),
                            Duration.ofSeconds(5));
            assertThat(slow.status()).isEqualTo(429);
            assertThat(slow.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(Delivery.ofStatus(302, "", java.util.Optional.empty()).kind())
                    .isEqualTo(Delivery.Kind.FAILED);
            assertThat(Delivery.ofStatus(503, "", java.util.Optional.empty()).kind())
                    .isEqualTo(Delivery.Kind.RETRY);
            assertThat(Delivery.ofStatus(404, "", java.util.Optional.empty()).kind())
                    .isEqualTo(Delivery.Kind.FAILED);
        }
    }

    @Test
    void standard_webhooks_signature_matches_the_spec_example() {
        // the example of the Standard Webhooks specification
        String signature =
                StandardWebhooks.signature(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void retry_delays_double_with_jitter_up_to_the_cap_and_honour_retry_after() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofSeconds(60));
        var random = java.util.random.RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayAfter(1, java.util.Optional.empty(), random))
                    .isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
            assertThat(policy.delayAfter(3, java.util.Optional.empty(), random))
                    .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
            assertThat(policy.delayAfter(7, java.util.Optional.empty(), random))
                    .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
        assertThat(policy.delayAfter(1, java.util.Optional.of(Duration.ofSeconds(90)), random))
                .isEqualTo(Duration.ofSeconds(90));
    }
}
