package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.cli.FaultyReceiver;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row actions through the API against a real app on the small demo, delivering to a local receiver
 * that injects faults (a test server standing in for Zapier and other webhook receivers).
 */
class ActionsApiTest {
    static final String SECRET = "whsec_dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NQ==";
    @TempDir static Path dataDir;
    static FaultyReceiver receiver;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        receiver = new FaultyReceiver(0, Duration.ofMillis(1500), SECRET, 7);
        Path config = dataDir.resolve("actions.yaml");
        Files.writeString(
                config,
                """
                server:
                  allow_private_destinations: ["127.0.0.1:%d"]
                actions:
                  - name: test_hook
                    label: Test hook
                    relation: payout_review
                    key: payout_id
                    roles: [builder]
                    destination:
                      kind: webhook
                      url: %s
                      signing_secret: %s
                      timeout: 500ms
                      retry: {attempts: 8, initial: 50ms, max: 300ms}
                    payload: '{"payout_id": {{row.payout_id}}, "amount": {{row.amount}}, "request": {{request.id}}}'
                """
                        .formatted(receiver.port(), receiver.url(), SECRET));
        app = TestApp.start(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void noForcedFault() {
        receiver.force(null);
    }

    static List<Long> payouts(String where, int limit) {
        return app
                .rowdesk()
                .engine()
                .query(
                        "SELECT payout_id FROM payout_review WHERE "
                                + where
                                + " ORDER BY payout_id LIMIT "
                                + limit,
                        List.of(),
                        limit,
                        Duration.ofSeconds(10))
                .rows()
                .stream()
                .map(r -> ((Number) r.get(0)).longValue())
                .toList();
    }

    static HttpResponse<String> post(String path, String body, Role role) {
        return http.postJson(path, body, app.token(role));
    }

    static JsonNode get(String path, Role role) {
        HttpResponse<String> response = http.getWithToken(path, app.token(role));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    static JsonNode awaitState(String id, Set<String> states) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode request = get("/api/v1/requests/" + id, Role.ADMIN);
            if (states.contains(request.path("state").asText()) || System.nanoTime() > deadline) {
                return request;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void every_request_of_a_bulk_run_ends_succeeded_with_one_stable_key_despite_injected_faults()
            throws Exception {
        receiver.force(null);
        FaultyReceiver faulty = receiver;
        List<Long> keys = payouts("true", 120);
        // 30% of deliveries fail in one of five ways
        faulty.faultRate(0.3);
        try {
            HttpResponse<String> response =
                    post("/api/v1/actions/test_hook/run", "{\"keys\": " + keys + "}", Role.BUILDER);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode requests = TestHttp.json(response).path("requests");
            assertThat(requests).hasSize(keys.size());
            Set<String> ids = new HashSet<>();
            for (JsonNode r : requests) {
                ids.add(r.path("id").asText());
            }
            for (String id : ids) {
                JsonNode done = awaitState(id, Set.of("succeeded", "failed"));
                assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
            }
            assertThat(faulty.keys().keySet()).containsAll(ids);
            assertThat(faulty.keyMismatches()).isZero();
            assertThat(faulty.badSignatures()).isZero();
            assertThat(faulty.withoutKey()).isZero();
            assertThat(faulty.faults().keySet()).contains(FaultyReceiver.Fault.ERROR_500);
        } finally {
            faulty.faultRate(0);
        }
    }

    @Test
    void a_4xx_answer_fails_at_once_and_a_resend_keeps_the_id_and_is_recorded_as_manual()
            throws Exception {
        long key = payouts("true", 300).get(250);
        receiver.force(FaultyReceiver.Fault.REJECT_422);
        JsonNode created =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": [" + key + "]}",
                                Role.BUILDER));
        String id = created.path("requests").get(0).path("id").asText();
        JsonNode failed = awaitState(id, Set.of("failed", "succeeded"));
        assertThat(failed.path("state").asText()).isEqualTo("failed");
        assertThat(failed.path("attempts")).hasSize(1);
        assertThat(failed.path("attempts").get(0).path("status_code").asInt()).isEqualTo(422);

        receiver.force(null);
        assertThat(post("/api/v1/requests/" + id + "/resend", "{}", Role.VIEWER).statusCode())
                .isEqualTo(403);
        HttpResponse<String> resent =
                post("/api/v1/requests/" + id + "/resend", "{}", Role.BUILDER);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        JsonNode done = awaitState(id, Set.of("succeeded", "failed"));
        assertThat(done.path("state").asText()).isEqualTo("succeeded");
        assertThat(done.path("id").asText()).isEqualTo(id);
        assertThat(done.path("attempts").get(1).path("manual").asBoolean()).isTrue();
        assertThat(receiver.keys().get(id).deliveries.get()).isEqualTo(2);
    }

    @Test
    void a_second_click_returns_the_same_request_and_again_creates_a_new_one() throws Exception {
        long key = payouts("true", 300).get(200);
        String body = "{\"keys\": [" + key + "]}";
        JsonNode first = TestHttp.json(post("/api/v1/actions/test_hook/run", body, Role.BUILDER));
        String id = first.path("requests").get(0).path("id").asText();
        JsonNode second = TestHttp.json(post("/api/v1/actions/test_hook/run", body, Role.BUILDER));
        assertThat(second.path("requests").get(0).path("id").asText()).isEqualTo(id);
        assertThat(second.path("requests").get(0).path("existing").asBoolean()).isTrue();
        awaitState(id, Set.of("succeeded"));
        JsonNode afterSuccess =
                TestHttp.json(post("/api/v1/actions/test_hook/run", body, Role.BUILDER));
        assertThat(afterSuccess.path("requests").get(0).path("id").asText()).isEqualTo(id);
        JsonNode again =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": [" + key + "], \"again\": true}",
                                Role.BUILDER));
        String newId = again.path("requests").get(0).path("id").asText();
        assertThat(newId).isNotEqualTo(id).isGreaterThan(id);
        assertThat(again.path("requests").get(0).path("key").asLong()).isEqualTo(key);
    }

    @Test
    void a_viewer_cannot_run_a_builder_only_action() {
        long key = payouts("true", 1).get(0);
        HttpResponse<String> response =
                post("/api/v1/actions/test_hook/run", "{\"keys\": [" + key + "]}", Role.VIEWER);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).path("kind").asText()).isEqualTo("forbidden");
    }

    @Test
    void the_requester_cannot_approve_their_own_request_and_another_approver_can()
            throws Exception {
        long key = payouts("status = 'approved' AND amount > 500", 1).get(0);
        JsonNode created =
                TestHttp.json(
                        post(
                                "/api/v1/actions/send_spiff/run",
                                "{\"keys\": [" + key + "]}",
                                Role.VIEWER));
        JsonNode request = created.path("requests").get(0);
        assertThat(request.path("state").asText()).isEqualTo("pending_approval");
        String id = request.path("id").asText();
        HttpResponse<String> own =
                post("/api/v1/requests/" + id + "/approve", "{\"comment\": \"mine\"}", Role.VIEWER);
        assertThat(own.statusCode()).isEqualTo(403);
        // approval roles default to admin: a builder may not approve either
        assertThat(post("/api/v1/requests/" + id + "/approve", "{}", Role.BUILDER).statusCode())
                .isEqualTo(403);
        HttpResponse<String> approved =
                post("/api/v1/requests/" + id + "/approve", "{\"comment\": \"ok\"}", Role.ADMIN);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode done = awaitState(id, Set.of("succeeded", "failed"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("approvals").get(0).path("by").asText()).isEqualTo("admin@localhost");
        JsonNode received = get("/api/v1/demo/receiver", Role.VIEWER);
        List<String> receivedIds = new ArrayList<>();
        received.path("received").forEach(r -> receivedIds.add(r.path("id").asText()));
        assertThat(receivedIds).containsOnlyOnce(id);
    }

    @Test
    void a_small_spiff_needs_no_approval_and_a_row_outside_when_is_skipped() {
        long small = payouts("status = 'approved' AND amount <= 500", 1).get(0);
        long pending = payouts("status = 'pending'", 1).get(0);
        JsonNode created =
                TestHttp.json(
                        post(
                                "/api/v1/actions/send_spiff/run",
                                "{\"keys\": [" + small + ", " + pending + "]}",
                                Role.VIEWER));
        assertThat(created.path("requests")).hasSize(1);
        assertThat(created.path("requests").get(0).path("state").asText()).isEqualTo("queued");
        assertThat(created.path("skipped").get(0).path("key").asLong()).isEqualTo(pending);
        assertThat(created.path("skipped").get(0).path("reason").asText())
                .contains("status = 'approved'");
    }

    @Test
    void when_is_checked_again_when_the_last_approval_arrives() throws Exception {
        long key = payouts("status = 'approved' AND amount > 500", 2).get(1);
        JsonNode created =
                TestHttp.json(
                        post(
                                "/api/v1/actions/send_spiff/run",
                                "{\"keys\": [" + key + "]}",
                                Role.VIEWER));
        String id = created.path("requests").get(0).path("id").asText();
        // while the request waits, the action's condition changes so that the row no longer fits
        JsonNode definition = get("/api/v1/actions?relation=payout_review", Role.BUILDER);
        JsonNode spiff = null;
        for (JsonNode a : definition.path("actions")) {
            if (a.path("name").asText().equals("send_spiff")) {
                spiff = a.path("definition");
            }
        }
        assertThat(spiff).isNotNull();
        String original = spiff.toString();
        String changed =
                original.replace(
                        "status = 'approved'", "status = 'approved' AND payout_id <> " + key);
        assertThat(
                        http.send(
                                        http.request("/api/v1/actions/send_spiff")
                                                .header(
                                                        "Authorization",
                                                        "Bearer " + app.token(Role.BUILDER))
                                                .header("Content-Type", "application/json")
                                                .PUT(HttpRequest.BodyPublishers.ofString(changed))
                                                .build())
                                .statusCode())
                .isEqualTo(200);
        try {
            JsonNode after =
                    TestHttp.json(post("/api/v1/requests/" + id + "/approve", "{}", Role.ADMIN));
            assertThat(after.path("state").asText()).isEqualTo("cancelled");
            assertThat(receiver.keys()).doesNotContainKey(id);
        } finally {
            http.send(
                    http.request("/api/v1/actions/send_spiff")
                            .header("Authorization", "Bearer " + app.token(Role.BUILDER))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(original))
                            .build());
        }
    }

    @Test
    void a_dry_run_shows_payloads_and_creates_nothing() {
        List<Long> keys = payouts("true", 3);
        int before =
                get("/api/v1/requests?action=test_hook&limit=1000", Role.ADMIN)
                        .path("requests")
                        .size();
        JsonNode dry =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": " + keys + ", \"dry_run\": true}",
                                Role.BUILDER));
        assertThat(dry.path("dry_run")).hasSize(3);
        assertThat(dry.path("dry_run").get(0).path("payload").path("payout_id").asLong())
                .isEqualTo(keys.get(0));
        assertThat(dry.path("requests")).isEmpty();
        int after =
                get("/api/v1/requests?action=test_hook&limit=1000", Role.ADMIN)
                        .path("requests")
                        .size();
        assertThat(after).isEqualTo(before);
    }

    static JsonNode readTree(String json) {
        try {
            return io.rowdesk.json.Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<Long> keysOf(JsonNode list) {
        Set<Long> keys = new HashSet<>();
        list.forEach(item -> keys.add(item.path("key").asLong()));
        return keys;
    }

    @Test
    void a_run_on_all_rows_takes_the_grids_search_less_its_removed_chips_and_its_column_filters() {
        String filters = "[{\"column\":\"method\",\"op\":\"in\",\"values\":[\"venmo\"]}]";
        JsonNode view =
                get(
                        "/api/v1/relations/payout_review/rows?limit=1000&q=paid&filters="
                                + java.net.URLEncoder.encode(
                                        filters, java.nio.charset.StandardCharsets.UTF_8),
                        Role.BUILDER);
        Set<Long> shown = new HashSet<>();
        view.path("rows").forEach(r -> shown.add(r.get(0).asLong()));
        assertThat(shown).isNotEmpty().hasSize(view.path("total").asInt());

        // filters as a JSON list, or as the text of the rows API's parameter
        com.fasterxml.jackson.databind.node.ObjectNode body =
                io.rowdesk.json.Json.MAPPER
                        .createObjectNode()
                        .put("q", "paid")
                        .put("all", true)
                        .put("dry_run", true);
        body.set("filters", readTree(filters));
        for (JsonNode given :
                List.<JsonNode>of(
                        body.get("filters"),
                        io.rowdesk.json.Json.MAPPER.getNodeFactory().textNode(filters))) {
            body.set("filters", given);
            JsonNode dry =
                    TestHttp.json(
                            post("/api/v1/actions/test_hook/run", body.toString(), Role.BUILDER));
            assertThat(keysOf(dry.path("dry_run"))).as(given.toString()).isEqualTo(shown);
        }

        // "paid venmo" less its venmo chip (c1) is "paid": the filter makes it venmo again
        JsonNode removed =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"q\": \"paid venmo\", \"removed\": [\"c1\"], \"all\": true,"
                                        + " \"dry_run\": true}",
                                Role.BUILDER));
        JsonNode paid =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"q\": \"paid\", \"all\": true, \"dry_run\": true}",
                                Role.BUILDER));
        assertThat(keysOf(removed.path("dry_run")))
                .isEqualTo(keysOf(paid.path("dry_run")))
                .hasSizeGreaterThan(shown.size())
                .containsAll(shown);

        // a filter on a column the relation does not have is refused, naming the columns
        HttpResponse<String> unknown =
                post(
                        "/api/v1/actions/test_hook/run",
                        "{\"all\": true, \"dry_run\": true, \"filters\": [{\"column\": \"nope\","
                                + " \"op\": \"empty\"}]}",
                        Role.BUILDER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nope").contains("payout_id");
    }

    @Test
    void a_run_on_all_rows_of_a_top_n_search_is_refused_rather_than_taking_every_match() {
        HttpResponse<String> top =
                post(
                        "/api/v1/actions/test_hook/run",
                        "{\"q\": \"top 5 by amount\", \"all\": true, \"dry_run\": true}",
                        Role.BUILDER);
        assertThat(top.statusCode()).as(top.body()).isEqualTo(400);
        assertThat(top.body()).contains("first 5 rows").contains("selection");
    }

    @Test
    void a_dry_run_says_which_rows_have_a_request_already() throws Exception {
        List<Long> keys = payouts("true", 400).subList(380, 383);
        JsonNode created =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": [" + keys.get(0) + "]}",
                                Role.BUILDER));
        awaitState(created.path("requests").get(0).path("id").asText(), Set.of("succeeded"));
        JsonNode dry =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": " + keys + ", \"dry_run\": true}",
                                Role.BUILDER));
        assertThat(dry.path("dry_run")).hasSize(3);
        for (JsonNode preview : dry.path("dry_run")) {
            if (preview.path("key").asLong() == keys.get(0)) {
                assertThat(preview.path("existing").asText()).isEqualTo("succeeded");
            } else {
                assertThat(preview.has("existing")).as(preview.toString()).isFalse();
            }
        }
        JsonNode again =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": " + keys + ", \"dry_run\": true, \"again\": true}",
                                Role.BUILDER));
        again.path("dry_run").forEach(p -> assertThat(p.has("existing")).isFalse());
    }

    @Test
    void a_definition_with_an_unlisted_private_target_or_an_unknown_token_is_refused() {
        String unlisted =
                """
                {"name": "sneaky", "relation": "payout_review", "key": "payout_id",
                 "destination": {"kind": "webhook", "url": "http://127.0.0.1:5432/x"},
                 "payload": "{\\"id\\": {{row.payout_id}}}"}""";
        HttpResponse<String> response = post("/api/v1/actions", unlisted, Role.BUILDER);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("destination.url")
                .contains("allow_private_destinations");
        String badToken =
                unlisted.replace("127.0.0.1:5432", "127.0.0.1:" + receiver.port())
                        .replace("row.payout_id", "row.nope");
        HttpResponse<String> second = post("/api/v1/actions", badToken, Role.BUILDER);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("nope");
        assertThat(post("/api/v1/actions", unlisted, Role.VIEWER).statusCode()).isEqualTo(403);
    }

    @Test
    void requests_page_newest_first_with_before() {
        JsonNode first = get("/api/v1/requests?limit=2", Role.ADMIN);
        List<String> ids = new ArrayList<>();
        first.path("requests").forEach(r -> ids.add(r.path("id").asText()));
        if (ids.size() == 2) {
            assertThat(ids.get(0)).isGreaterThan(ids.get(1));
            JsonNode next = get("/api/v1/requests?limit=2&before=" + ids.get(1), Role.ADMIN);
            next.path("requests")
                    .forEach(r -> assertThat(r.path("id").asText()).isLessThan(ids.get(1)));
        }
        assertThat(
                        http.getWithToken("/api/v1/requests?state=nope", app.token(Role.ADMIN))
                                .statusCode())
                .isEqualTo(400);
    }

    @Test
    void every_request_and_attempt_is_audited() throws Exception {
        long key = payouts("true", 300).get(150);
        JsonNode created =
                TestHttp.json(
                        post(
                                "/api/v1/actions/test_hook/run",
                                "{\"keys\": [" + key + "]}",
                                Role.BUILDER));
        String id = created.path("requests").get(0).path("id").asText();
        awaitState(id, Set.of("succeeded"));
        Thread.sleep(200);
        JsonNode audit = get("/api/v1/audit?limit=1000", Role.ADMIN);
        Set<String> actions = new HashSet<>();
        audit.path("entries")
                .forEach(
                        e -> {
                            if (e.path("target").asText().equals(id)) {
                                actions.add(e.path("action").asText());
                            }
                        });
        assertThat(actions).contains("action.request", "action.attempt");
        assertThat(receiver.keys().keySet().stream().collect(Collectors.toSet())).contains(id);
    }

    @Test
    void the_rows_api_with_actions_answers_per_row_the_actions_whose_when_holds() {
        JsonNode rows = get("/api/v1/relations/payout_review/rows?limit=50&actions=1", Role.VIEWER);
        JsonNode columns = rows.path("columns");
        int status = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).path("name").asText().equals("status")) {
                status = i;
            }
        }
        assertThat(rows.path("actions")).hasSize(rows.path("rows").size());
        for (int r = 0; r < rows.path("rows").size(); r++) {
            String rowStatus = rows.path("rows").get(r).get(status).asText();
            Set<String> names = new HashSet<>();
            rows.path("actions").get(r).forEach(a -> names.add(a.path("name").asText()));
            // test_hook is builder-only: a viewer is not offered it
            assertThat(names).doesNotContain("test_hook");
            if (rowStatus.equals("pending")) {
                assertThat(names)
                        .contains("approve_payout", "reject_payout")
                        .doesNotContain("send_spiff");
            } else if (rowStatus.equals("approved")) {
                assertThat(names).containsExactly("send_spiff");
            } else {
                assertThat(names).isEmpty();
            }
        }
    }

    @Test
    void the_requests_approvals_actions_and_receiver_pages_render() {
        String cookie = http.login(TestApp.email(Role.VIEWER), TestApp.password(Role.VIEWER));
        for (String page : List.of("/requests", "/approvals", "/actions", "/demo/receiver")) {
            HttpResponse<String> response = http.getWithCookie(page, cookie);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
        }
        assertThat(http.getWithCookie("/demo/receiver", cookie).body())
                .contains("stand-in for Zapier");
        assertThat(http.getWithCookie("/actions", cookie).body())
                .contains("send_spiff")
                .doesNotContain("whsec_");
    }
}
