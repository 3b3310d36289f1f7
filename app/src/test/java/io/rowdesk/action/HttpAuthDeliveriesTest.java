package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.action.http.EgressPolicy;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.auth.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authentication schemes of an {@code http} destination, sent by {@link Deliveries} to a local
 * test server ({@link AuthTestServer}) with a clock the test moves, so expiry needs no waiting.
 */
class HttpAuthDeliveriesTest {
    static final class MovingClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-20T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    AuthTestServer server;
    OutboundHttp http;
    Deliveries deliveries;

    @BeforeEach
    void start() throws Exception {
        server = new AuthTestServer();
        http = new OutboundHttp(EgressPolicy.parse(List.of("127.0.0.1:" + server.port())), clock);
        deliveries = new Deliveries(http, () -> "", clock);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    ActionDefinition definition(HttpAuth auth) {
        Destination.Http destination =
                new Destination.Http(
                        "POST",
                        PayloadTemplate.parse(server.url("/api"), List.of()),
                        Map.of(),
                        auth,
                        Duration.ofSeconds(5),
                        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100)),
                        4,
                        0);
        return new ActionDefinition(
                "call_api",
                "Call the API",
                "payouts",
                "payout_id",
                null,
                Set.of(Role.BUILDER),
                null,
                null,
                PayloadTemplate.parse("{\"payout_id\": {{row.payout_id}}}", List.of()),
                destination,
                List.of(),
                Map.of());
    }

    ActionRequest request() {
        Instant now = clock.instant();
        return new ActionRequest(
                UUID.randomUUID().toString(),
                "call_api",
                "payouts",
                "7",
                RequestState.SENDING,
                "{\"payout_id\": 7}",
                server.url("/api"),
                null,
                "builder@example.com",
                2,
                null,
                0,
                now,
                now,
                now,
                "worker",
                now.plusSeconds(300),
                0,
                0,
                0,
                null,
                null,
                null);
    }

    HttpAuth.OAuth2ClientCredentials oauth() {
        return new HttpAuth.OAuth2ClientCredentials(
                server.url("/token"),
                AuthTestServer.CLIENT_ID,
                server.clientSecret,
                "payouts:write");
    }

    @Test
    void a_bearer_destination_sends_its_token() {
        Delivery delivery =
                deliveries.deliver(definition(new HttpAuth.Bearer("static-token-1")), request());
        assertThat(delivery.kind()).isEqualTo(Delivery.Kind.SUCCEEDED);
        assertThat(server.authorizations()).containsExactly("Bearer static-token-1");
    }

    @Test
    void a_basic_destination_sends_user_and_password_encoded() {
        Delivery delivery =
                deliveries.deliver(
                        definition(new HttpAuth.Basic("api-user", "pa:ss wörd")), request());
        assertThat(delivery.kind()).isEqualTo(Delivery.Kind.SUCCEEDED);
        assertThat(server.authorizations())
                .containsExactly(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "api-user:pa:ss wörd"
                                                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_oauth2_token_is_fetched_once_and_used_until_shortly_before_it_expires() {
        server.expiresIn(300);
        ActionDefinition definition = definition(oauth());
        assertThat(deliveries.deliver(definition, request()).kind())
                .isEqualTo(Delivery.Kind.SUCCEEDED);
        assertThat(server.tokenRequests()).isEqualTo(1);
        assertThat(server.tokenForms().get(0))
                .isEqualTo("grant_type=client_credentials&scope=payouts%3Awrite");
        String first = server.tokensIssued().get(0);

        clock.advance(Duration.ofSeconds(260));
        assertThat(deliveries.deliver(definition, request()).kind())
                .isEqualTo(Delivery.Kind.SUCCEEDED);
        assertThat(server.tokenRequests()).as("cached across deliveries").isEqualTo(1);

        // within 30 s of expiry the token is fetched again
        clock.advance(Duration.ofSeconds(15));
        assertThat(deliveries.deliver(definition, request()).kind())
                .isEqualTo(Delivery.Kind.SUCCEEDED);
        assertThat(server.tokenRequests()).isEqualTo(2);
        String second = server.tokensIssued().get(1);
        assertThat(second).isNotEqualTo(first);
        assertThat(server.authorizations())
                .containsExactly("Bearer " + first, "Bearer " + first, "Bearer " + second);
    }

    @Test
    void a_401_drops_the_token_and_the_next_attempt_fetches_a_new_one() {
        ActionDefinition definition = definition(oauth());
        assertThat(deliveries.deliver(definition, request()).kind())
                .isEqualTo(Delivery.Kind.SUCCEEDED);
        server.revokeAll();

        Delivery refused = deliveries.deliver(definition, request());
        assertThat(refused.kind()).isEqualTo(Delivery.Kind.RETRY);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(server.tokenRequests()).isEqualTo(1);

        Delivery retried = deliveries.deliver(definition, request());
        assertThat(retried.kind()).isEqualTo(Delivery.Kind.SUCCEEDED);
        assertThat(server.tokenRequests()).isEqualTo(2);
        List<String> tokens = server.tokensIssued();
        assertThat(server.authorizations())
                .containsExactly(
                        "Bearer " + tokens.get(0),
                        "Bearer " + tokens.get(0),
                        "Bearer " + tokens.get(1));
        for (Delivery delivery : List.of(refused, retried)) {
            assertThat(String.valueOf(delivery.response())).doesNotContain("canary_token");
        }
    }

    @Test
    void a_token_endpoint_that_answers_no_json_is_retried_without_its_answer_in_the_record() {
        for (AuthTestServer.TokenFormat format :
                List.of(AuthTestServer.TokenFormat.FORM, AuthTestServer.TokenFormat.BROKEN_JSON)) {
            server.tokenFormat(format);
            Delivery delivery = deliveries.deliver(definition(oauth()), request());
            assertThat(delivery.kind()).isEqualTo(Delivery.Kind.RETRY);
            assertThat(delivery.errorClass()).isEqualTo("oauth2 token");
            assertThat(String.valueOf(delivery.response()))
                    .as(format.name())
                    .doesNotContain("canary_token");
        }
        assertThat(server.tokensIssued()).hasSize(2);
        assertThat(server.authorizations()).isEmpty();
    }

    @Test
    void wrong_client_credentials_are_retried_and_the_secret_is_not_in_the_record() {
        HttpAuth.OAuth2ClientCredentials wrong =
                new HttpAuth.OAuth2ClientCredentials(
                        server.url("/token"), AuthTestServer.CLIENT_ID, "not-the-secret-9", null);
        Delivery delivery = deliveries.deliver(definition(wrong), request());
        assertThat(delivery.kind()).isEqualTo(Delivery.Kind.RETRY);
        assertThat(delivery.response()).contains("401").doesNotContain("not-the-secret-9");
        assertThat(wrong.toString()).doesNotContain("not-the-secret-9");
        assertThat(server.authorizations()).isEmpty();
    }
}
