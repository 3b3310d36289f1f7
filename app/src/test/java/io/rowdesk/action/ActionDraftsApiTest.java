package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.json.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder's side of row actions through the API: a draft previewed on a real row (secrets
 * masked), a test send to a local receiver (marked, never a request), and masked secrets that
 * survive a round trip without following a changed address.
 */
class ActionDraftsApiTest {
    static final String SECRET = "whsec_dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NQ==";
    static final String TOKEN = "tok-real-4f9d2c";
    @TempDir static Path dataDir;
    static HttpServer receiver;
    static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext(
                "/",
                exchange -> {
                    Map<String, String> seen = new java.util.HashMap<>();
                    exchange.getRequestHeaders()
                            .forEach(
                                    (k, v) ->
                                            seen.put(
                                                    k.toLowerCase(java.util.Locale.ROOT),
                                                    v.get(0)));
                    seen.put(
                            ":body",
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    seen.put(":path", exchange.getRequestURI().toString());
                    received.add(seen);
                    byte[] answer = "{\"accepted\": true}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(202, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                });
        receiver.start();
        // a CSV source next to the demo with one relation only admins may see
        Path extra = Files.createDirectories(dataDir.resolve("extra"));
        Files.writeString(extra.resolve("salaries.csv"), "name,salary\nAda,100\nGrace,120\n");
        Path config = dataDir.resolve("drafts.yaml");
        Files.writeString(
                config,
                """
                server:
                  allow_private_destinations: ["127.0.0.1:%d"]
                sources:
                  - {name: hr, kind: files, path: %s}
                relations:
                  salaries:
                    roles: [admin]
                """
                        .formatted(receiver.getAddress().getPort(), extra));
        app = TestApp.start(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @BeforeEach
    void forget() {
        received.clear();
    }

    static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static ObjectNode webhook(String name) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("name", name);
        d.put("label", "Tell finance");
        d.put("relation", "payout_review");
        d.put("key", "payout_id");
        d.put("when", "status = 'approved'");
        ObjectNode destination = d.putObject("destination");
        destination.put("kind", "webhook");
        destination.put("url", receiverUrl("/hook"));
        destination.put("signing_secret", SECRET);
        destination.put("timeout", "2s");
        d.put(
                "payload",
                "{\"payout_id\": {{row.payout_id}}, \"amount\": {{row.amount}}, \"by\":"
                        + " {{user.email}}}");
        return d;
    }

    static ObjectNode api(String name) {
        ObjectNode d = webhook(name);
        ObjectNode destination = d.putObject("destination");
        destination.put("kind", "http");
        destination.put("method", "POST");
        destination.put("url", receiverUrl("/payouts/{{row.payout_id}}"));
        destination.putObject("headers").put("X-Api-Key", "key-hidden-77").put("X-Team", "finance");
        destination.putObject("auth").put("kind", "bearer").put("token", TOKEN);
        return d;
    }

    static HttpResponse<String> send(String method, String path, Object body, Role role) {
        return http.send(
                http.request(path)
                        .header("Authorization", "Bearer " + app.token(role))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s
                                                ? s
                                                : Json.MAPPER.valueToTree(body).toString()))
                        .build());
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return TestHttp.json(response);
    }

    static Map<String, Object> draft(JsonNode definition, Object key) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("definition", definition);
        if (key != null) {
            body.put("key", key);
        }
        return body;
    }

    static String statusOf(long payoutId) {
        return app.rowdesk()
                .engine()
                .query(
                        "SELECT status FROM payout_review WHERE payout_id = " + payoutId,
                        List.of(),
                        1,
                        Duration.ofSeconds(10))
                .rows()
                .get(0)
                .get(0)
                .toString();
    }

    static long firstPayout(String where) {
        return ((Number)
                        app.rowdesk()
                                .engine()
                                .query(
                                        "SELECT payout_id FROM payout_review WHERE "
                                                + where
                                                + " ORDER BY payout_id LIMIT 1",
                                        List.of(),
                                        1,
                                        Duration.ofSeconds(10))
                                .rows()
                                .get(0)
                                .get(0))
                .longValue();
    }

    @Test
    void a_preview_renders_on_the_first_row_where_when_holds_with_every_secret_masked() {
        JsonNode preview =
                ok(
                        send(
                                "POST",
                                "/api/v1/actions/preview",
                                draft(api("draft_api"), null),
                                Role.BUILDER));
        assertThat(preview.path("problems")).isEmpty();
        long key = preview.path("row_key").asLong();
        assertThat(statusOf(key)).isEqualTo("approved");
        assertThat(preview.path("when_holds").asBoolean()).isTrue();
        assertThat(preview.path("payload").path("payout_id").asLong()).isEqualTo(key);
        assertThat(preview.path("payload").path("by").asText())
                .isEqualTo(TestApp.email(Role.BUILDER));
        assertThat(preview.path("method").asText()).isEqualTo("POST");
        assertThat(preview.path("url").asText()).isEqualTo(receiverUrl("/payouts/" + key));
        assertThat(preview.path("headers").path("Authorization").asText())
                .isEqualTo("Bearer ********");
        assertThat(preview.path("headers").path("X-Api-Key").asText()).isEqualTo("********");
        assertThat(preview.path("headers").path("X-Team").asText()).isEqualTo("finance");
        assertThat(preview.toString()).doesNotContain(TOKEN).doesNotContain("key-hidden-77");

        long pending = firstPayout("status = 'pending'");
        JsonNode onPending =
                ok(
                        send(
                                "POST",
                                "/api/v1/actions/preview",
                                draft(api("draft_api"), pending),
                                Role.BUILDER));
        assertThat(onPending.path("row_key").asLong()).isEqualTo(pending);
        assertThat(onPending.path("when_holds").asBoolean()).isFalse();
        assertThat(received).as("a preview sends nothing").isEmpty();
    }

    @Test
    void a_preview_of_a_bad_template_names_its_problem_and_still_shows_the_row() {
        ObjectNode bad = webhook("draft_bad");
        bad.put("payload", "{\"id\": {{row.payout_id}}, \"x\": {{bogus}}}");
        JsonNode preview =
                ok(send("POST", "/api/v1/actions/preview", draft(bad, null), Role.BUILDER));
        assertThat(preview.path("problems").toString())
                .contains("action.payload: unknown token {{bogus}}");
        assertThat(preview.path("row_key").isNull()).isFalse();

        ObjectNode column = webhook("draft_bad");
        column.put("payload", "{\"id\": {{row.payout_idd}}}");
        assertThat(
                        ok(send(
                                        "POST",
                                        "/api/v1/actions/preview",
                                        draft(column, null),
                                        Role.BUILDER))
                                .path("problems")
                                .toString())
                .contains("{{row.payout_idd}}")
                .contains("has no column 'payout_idd'");

        ObjectNode noUrl = webhook("draft_bad");
        ((ObjectNode) noUrl.path("destination")).remove("url");
        JsonNode half =
                ok(send("POST", "/api/v1/actions/preview", draft(noUrl, null), Role.BUILDER));
        assertThat(half.path("problems").toString())
                .contains("action.destination.url: is required");
        assertThat(half.path("payload").path("payout_id").asLong())
                .as("the payload renders while the destination is half typed")
                .isEqualTo(half.path("row_key").asLong());
    }

    @Test
    void a_test_send_is_marked_audited_and_creates_no_request_and_a_viewer_may_not() {
        long key = firstPayout("status = 'approved'");
        JsonNode test =
                ok(
                        send(
                                "POST",
                                "/api/v1/actions/test",
                                draft(webhook("draft_hook"), key),
                                Role.BUILDER));
        assertThat(test.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(test.path("status_code").asInt()).isEqualTo(202);
        assertThat(test.path("response").asText()).contains("accepted");
        assertThat(test.path("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        String id = test.path("id").asText();
        assertThat(id).startsWith("test_");
        assertThat(UUID.fromString(id.substring(5)).version()).isEqualTo(7);

        assertThat(received).hasSize(1);
        Map<String, String> got = received.get(0);
        assertThat(got.get("rowdesk-test")).isEqualTo("true");
        assertThat(got.get("webhook-id")).isEqualTo(id);
        assertThat(got.get("idempotency-key")).isEqualTo(id);
        assertThat(got.get("webhook-signature")).startsWith("v1,");
        assertThat(got.get(":body")).contains("\"payout_id\": " + key);

        assertThat(
                        TestHttp.json(
                                        http.getWithToken(
                                                "/api/v1/requests?action=draft_hook",
                                                app.token(Role.ADMIN)))
                                .path("requests"))
                .as("a test is not a request")
                .isEmpty();
        JsonNode audit =
                TestHttp.json(http.getWithToken("/api/v1/audit?limit=200", app.token(Role.ADMIN)));
        boolean audited = false;
        for (JsonNode e : audit.path("entries")) {
            if (e.path("action").asText().equals("action.test")
                    && e.path("target").asText().equals("draft_hook")
                    && e.toString().contains(id)) {
                audited = true;
            }
        }
        assertThat(audited).as(audit.toString()).isTrue();

        HttpResponse<String> viewer =
                send(
                        "POST",
                        "/api/v1/actions/test",
                        draft(webhook("draft_hook"), key),
                        Role.VIEWER);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(
                        send(
                                        "POST",
                                        "/api/v1/actions/preview",
                                        draft(webhook("x"), null),
                                        Role.VIEWER)
                                .statusCode())
                .isEqualTo(403);
        assertThat(received).hasSize(1);
    }

    @Test
    void a_masked_secret_is_kept_on_save_but_never_follows_a_changed_address_or_becomes_one() {
        JsonNode created = ok(send("POST", "/api/v1/actions", api("keep_token"), Role.BUILDER));
        JsonNode masked = created.path("definition");
        assertThat(masked.path("destination").path("auth").path("token").asText())
                .isEqualTo("********");
        assertThat(created.toString()).doesNotContain(TOKEN);

        // the page sends the masked definition back with a changed label: the token stays
        ObjectNode edited = masked.deepCopy();
        edited.put("label", "Tell finance now");
        ok(send("PUT", "/api/v1/actions/keep_token", edited, Role.BUILDER));
        ok(send("POST", "/api/v1/actions/test", draft(edited, null), Role.BUILDER));
        assertThat(received.get(received.size() - 1).get("authorization"))
                .isEqualTo("Bearer " + TOKEN);

        // the same masked token may not go to another host
        ObjectNode moved = edited.deepCopy();
        ((ObjectNode) moved.path("destination")).put("url", "https://collector.example.net/x");
        HttpResponse<String> refused =
                send("PUT", "/api/v1/actions/keep_token", moved, Role.BUILDER);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("action.destination.auth.token")
                .contains("type the secret again");
        HttpResponse<String> testMoved =
                send("POST", "/api/v1/actions/test", draft(moved, null), Role.BUILDER);
        assertThat(testMoved.statusCode()).isEqualTo(400);

        // the mask where nothing is stored is refused, not saved as the secret
        ObjectNode basic = edited.deepCopy();
        ((ObjectNode) basic.path("destination"))
                .putObject("auth")
                .put("kind", "basic")
                .put("user", "finance")
                .put("password", "********");
        HttpResponse<String> noSecret =
                send("PUT", "/api/v1/actions/keep_token", basic, Role.BUILDER);
        assertThat(noSecret.statusCode()).isEqualTo(400);
        assertThat(noSecret.body())
                .contains("action.destination.auth.password")
                .contains("type the secret");
        ObjectNode fresh = api("fresh_masked");
        ((ObjectNode) fresh.path("destination").path("auth")).put("token", "********");
        assertThat(send("POST", "/api/v1/actions", fresh, Role.BUILDER).statusCode())
                .isEqualTo(400);

        // and what is stored is still the real token
        ok(send("POST", "/api/v1/actions/test", draft(edited, null), Role.BUILDER));
        assertThat(received.get(received.size() - 1).get("authorization"))
                .isEqualTo("Bearer " + TOKEN);
        assertThat(send("DELETE", "/api/v1/actions/keep_token", "", Role.BUILDER).statusCode())
                .isEqualTo(204);
    }

    @Test
    void a_relation_hidden_from_builders_is_not_there_for_their_drafts() {
        ObjectNode hidden = webhook("peek");
        hidden.put("relation", "salaries");
        hidden.put("key", "name");
        hidden.remove("when");
        hidden.put("payload", "{\"x\": {{row.nope}}}");
        JsonNode preview =
                ok(send("POST", "/api/v1/actions/preview", draft(hidden, null), Role.BUILDER));
        assertThat(preview.path("problems").toString())
                .contains("there is no relation called 'salaries'")
                .doesNotContain("salary")
                .doesNotContain("nope");
        assertThat(preview.path("row_key").isNull()).isTrue();
        HttpResponse<String> test =
                send("POST", "/api/v1/actions/test", draft(hidden, null), Role.BUILDER);
        assertThat(test.statusCode()).isEqualTo(400);
        assertThat(test.body()).doesNotContain("Ada").doesNotContain("salary");
        HttpResponse<String> save = send("POST", "/api/v1/actions", hidden, Role.BUILDER);
        assertThat(save.statusCode()).isEqualTo(400);
        assertThat(save.body()).contains("there is no relation called 'salaries'");
        assertThat(received).isEmpty();
        // an admin sees it: the draft's own problem shows
        assertThat(
                        ok(send("POST", "/api/v1/actions/preview", draft(hidden, null), Role.ADMIN))
                                .path("problems")
                                .toString())
                .contains("has no column 'nope'");
    }

    @Test
    void malformed_bodies_answer_bad_request_naming_what_to_fix() {
        HttpResponse<String> keys =
                send("POST", "/api/v1/actions/send_spiff/run", "{\"keys\": 5}", Role.VIEWER);
        assertThat(keys.statusCode()).isEqualTo(400);
        assertThat(keys.body()).contains("bad_request").contains("keys");
        HttpResponse<String> unknown =
                send("POST", "/api/v1/actions/send_spiff/run", "{\"key\": [1]}", Role.VIEWER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown field \\\"key\\\"");
        HttpResponse<String> preview =
                send("POST", "/api/v1/actions/preview", "{\"definition\": 3}", Role.BUILDER);
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(preview.body()).contains("definition");
        HttpResponse<String> create = send("POST", "/api/v1/actions", "[]", Role.BUILDER);
        assertThat(create.statusCode()).isEqualTo(400);
        assertThat(create.body()).contains("Send a JSON object");
        HttpResponse<String> comment =
                send(
                        "POST",
                        "/api/v1/requests/0190b6a0-0000-7000-8000-000000000000/approve",
                        "{\"comment\": 5}",
                        Role.ADMIN);
        assertThat(comment.statusCode()).isEqualTo(400);
        assertThat(comment.body()).contains("comment");
    }
}
