package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * http destinations with bearer, basic and OAuth2 client-credentials authentication, run through
 * the app against a local test server ({@link AuthTestServer}): the credentials and the fetched
 * tokens reach the destination and nowhere else, neither the log, the attempt records, the audit
 * log, the API answers nor the pages.
 */
class HttpAuthSecretsTest {
    static final String BEARER = "static_bearer_canary_5150";
    static final String PASSWORD = "basic_password_canary_6160";
    @TempDir static Path dataDir;
    static AuthTestServer server;
    static TestApp app;
    static TestHttp http;
    static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    static final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        server = new AuthTestServer();
        Path config = dataDir.resolve("auth.yaml");
        String action =
                """
                  - name: %s
                    label: %s
                    relation: payout_review
                    key: payout_id
                    roles: [builder]
                    destination:
                      kind: http
                      method: POST
                      url: %s
                      timeout: 5s
                      retry: {attempts: 4, initial: 50ms, max: 200ms}
                      auth: %s
                    payload: '{"payout_id": {{row.payout_id}}}'
                """;
        Files.writeString(
                config,
                "server:\n  allow_private_destinations: [\"127.0.0.1:"
                        + server.port()
                        + "\"]\nactions:\n"
                        + action.formatted(
                                "call_bearer",
                                "Bearer",
                                server.url("/api"),
                                "{kind: bearer, token: " + BEARER + "}")
                        + action.formatted(
                                "call_basic",
                                "Basic",
                                server.url("/api"),
                                "{kind: basic, user: api-user, password: " + PASSWORD + "}")
                        + action.formatted(
                                "call_oauth",
                                "OAuth",
                                server.url("/api"),
                                "{kind: oauth2_client_credentials, token_url: "
                                        + server.url("/token")
                                        + ", client_id: "
                                        + AuthTestServer.CLIENT_ID
                                        + ", client_secret: "
                                        + server.clientSecret
                                        + "}"));
        app = TestApp.start(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        root.detachAppender(logs);
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static long payout(int index) {
        return ((Number)
                        app.rowdesk()
                                .engine()
                                .query(
                                        "SELECT payout_id FROM payout_review ORDER BY payout_id"
                                                + " LIMIT 1 OFFSET "
                                                + index,
                                        List.of(),
                                        1,
                                        Duration.ofSeconds(10))
                                .rows()
                                .get(0)
                                .get(0))
                .longValue();
    }

    static String run(String action, long key) {
        HttpResponse<String> response =
                http.send(
                        http.request("/api/v1/actions/" + action + "/run")
                                .header("Authorization", "Bearer " + app.token(Role.BUILDER))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"keys\": [" + key + "]}"))
                                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).path("requests").get(0).path("id").asText();
    }

    static JsonNode awaitSucceeded(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode request;
        do {
            Thread.sleep(20);
            request =
                    TestHttp.json(
                            http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
        } while (!Set.of("succeeded", "failed").contains(request.path("state").asText())
                && System.nanoTime() < deadline);
        assertThat(request.path("state").asText()).as(request.toString()).isEqualTo("succeeded");
        return request;
    }

    @Test
    void credentials_and_tokens_reach_the_destination_and_nothing_else() throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(run("call_bearer", payout(0)));
        ids.add(run("call_basic", payout(1)));
        String oauth = run("call_oauth", payout(2));
        ids.add(oauth);
        for (String id : ids) {
            awaitSucceeded(id);
        }
        // the token is revoked at the destination: the attempt answered 401 is retried with a new
        // token
        server.revokeAll();
        String afterRevoke = run("call_oauth", payout(3));
        ids.add(afterRevoke);
        JsonNode retried = awaitSucceeded(afterRevoke);
        assertThat(retried.path("attempts")).hasSize(2);
        assertThat(retried.path("attempts").get(0).path("status_code").asInt()).isEqualTo(401);
        assertThat(server.tokensIssued()).hasSize(2);
        assertThat(server.authorizations())
                .contains(
                        "Bearer " + BEARER,
                        "Bearer " + server.tokensIssued().get(0),
                        "Bearer " + server.tokensIssued().get(1));

        List<String> secrets = new ArrayList<>(server.tokensIssued());
        secrets.add(server.clientSecret);
        secrets.add(BEARER);
        secrets.add(PASSWORD);

        List<String> seen = new ArrayList<>();
        for (String id : ids) {
            seen.add(http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)).body());
        }
        seen.add(http.getWithToken("/api/v1/requests?limit=100", app.token(Role.ADMIN)).body());
        seen.add(
                http.getWithToken("/api/v1/actions?relation=payout_review", app.token(Role.ADMIN))
                        .body());
        seen.add(
                http.getWithToken(
                                "/api/v1/row-actions?relation=payout_review&key=" + payout(2),
                                app.token(Role.ADMIN))
                        .body());
        HttpResponse<String> audit =
                http.getWithToken("/audit/export.jsonl", app.token(Role.ADMIN));
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("action.attempt");
        seen.add(audit.body());
        String cookie = http.login(TestApp.email(Role.ADMIN), TestApp.password(Role.ADMIN));
        for (String page : List.of("/requests", "/actions", "/approvals")) {
            HttpResponse<String> html = http.getWithCookie(page, cookie);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            seen.add(html.body());
        }
        for (var attempt : app.rowdesk().actions().attempts(afterRevoke)) {
            seen.add(String.valueOf(attempt));
        }
        List<String> logged = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            logged.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                logged.add(String.valueOf(event.getThrowableProxy().getMessage()));
            }
        }
        assertThat(logged).isNotEmpty();
        for (String secret : secrets) {
            assertThat(seen).noneMatch(text -> text.contains(secret));
            assertThat(logged).noneMatch(text -> text.contains(secret));
        }
    }
}
