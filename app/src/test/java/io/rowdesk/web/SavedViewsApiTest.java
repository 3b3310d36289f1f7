package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/saved-views}: private and shared views, who may change them, the audit. */
class SavedViewsApiTest extends DemoAppTest {
    private static final String QUEUE =
            """
            {"name": "%s", "relation": "payouts", "q": "pending over $100",
             "filters": [{"column": "method", "op": "in", "values": ["venmo"]}],
             "sort": "-requested_at", "columns": {"hidden": ["referral_id"], "widths": {"amount": 140}},
             "shared": %s}""";

    private static HttpResponse<String> send(String method, String path, Role role, String body) {
        HttpRequest.Builder request =
                http.request(path)
                        .header("Authorization", "Bearer " + app.token(role))
                        .header("Content-Type", "application/json");
        return http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private static List<String> names(Role role) {
        JsonNode list = TestHttp.json(send("GET", SavedViewController.SAVED_VIEWS, role, null));
        return StreamSupport.stream(list.spliterator(), false)
                .map(v -> v.get("name").asText())
                .toList();
    }

    @Test
    void a_private_view_is_its_owners_and_a_shared_one_everyones() {
        HttpResponse<String> mine =
                send(
                        "POST",
                        SavedViewController.SAVED_VIEWS,
                        Role.VIEWER,
                        QUEUE.formatted("My pending queue", false));
        assertThat(mine.statusCode()).isEqualTo(201);
        JsonNode saved = TestHttp.json(mine);
        assertThat(saved.get("mine").asBoolean()).isTrue();
        assertThat(saved.get("link").asText())
                .startsWith("/relations/payouts?q=pending+over+%24100&filters=")
                .contains("&sort=-requested_at&hide=referral_id&w=amount%3A140&view=");

        HttpResponse<String> shared =
                send(
                        "POST",
                        SavedViewController.SAVED_VIEWS,
                        Role.BUILDER,
                        QUEUE.formatted("Team venmo queue", true));
        assertThat(shared.statusCode()).isEqualTo(201);

        assertThat(names(Role.VIEWER)).contains("My pending queue", "Team venmo queue");
        assertThat(names(Role.BUILDER))
                .contains("Team venmo queue")
                .doesNotContain("My pending queue");
        long id = saved.get("id").asLong();
        assertThat(
                        send("GET", SavedViewController.SAVED_VIEWS + "/" + id, Role.BUILDER, null)
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void sharing_needs_the_builder_role_and_only_the_owner_or_an_admin_changes_a_view() {
        HttpResponse<String> refused =
                send(
                        "POST",
                        SavedViewController.SAVED_VIEWS,
                        Role.VIEWER,
                        QUEUE.formatted("Everyone's", true));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(refused).get("kind").asText()).isEqualTo("forbidden");

        long id =
                TestHttp.json(
                                send(
                                        "POST",
                                        SavedViewController.SAVED_VIEWS,
                                        Role.BUILDER,
                                        QUEUE.formatted("Shared to keep", true)))
                        .get("id")
                        .asLong();
        String path = SavedViewController.SAVED_VIEWS + "/" + id;
        assertThat(
                        send("PUT", path, Role.VIEWER, QUEUE.formatted("Taken over", false))
                                .statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", path, Role.VIEWER, null).statusCode()).isEqualTo(403);
        HttpResponse<String> renamed =
                send("PUT", path, Role.BUILDER, QUEUE.formatted("Shared, renamed", true));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(renamed).get("name").asText()).isEqualTo("Shared, renamed");
        assertThat(send("DELETE", path, Role.ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", path, Role.BUILDER, null).statusCode()).isEqualTo(404);

        JsonNode audit =
                TestHttp.json(
                        http.getWithToken(
                                ApiController.AUDIT + "?limit=50", app.token(Role.ADMIN)));
        String trail = audit.toString();
        assertThat(trail)
                .contains(
                        "saved_view.create",
                        "saved_view.update",
                        "saved_view.delete",
                        "saved_view:" + id)
                .contains("denied");
    }

    @Test
    void a_name_is_unique_per_owner_and_a_bad_view_names_its_field() {
        assertThat(
                        send(
                                        "POST",
                                        SavedViewController.SAVED_VIEWS,
                                        Role.BUILDER,
                                        QUEUE.formatted("Twice", false))
                                .statusCode())
                .isEqualTo(201);
        HttpResponse<String> again =
                send(
                        "POST",
                        SavedViewController.SAVED_VIEWS,
                        Role.BUILDER,
                        QUEUE.formatted("Twice", false));
        assertThat(again.statusCode()).isEqualTo(409);

        String unknownColumn =
                "{\"name\": \"x\", \"relation\": \"payouts\", \"filters\": [{\"column\": \"nope\", \"op\": \"empty\"}]}";
        HttpResponse<String> bad =
                send("POST", SavedViewController.SAVED_VIEWS, Role.VIEWER, unknownColumn);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(bad).get("error").asText()).contains("unknown column 'nope'");
        assertThat(
                        send(
                                        "POST",
                                        SavedViewController.SAVED_VIEWS,
                                        Role.VIEWER,
                                        "{\"name\": \"x\", \"relation\": \"payouts\", \"sort\": \"-nope\"}")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        send(
                                        "POST",
                                        SavedViewController.SAVED_VIEWS,
                                        Role.VIEWER,
                                        "{\"name\": \"\", \"relation\": \"payouts\"}")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        send("POST", SavedViewController.SAVED_VIEWS, Role.VIEWER, "not json")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        send(
                                        "POST",
                                        SavedViewController.SAVED_VIEWS,
                                        Role.VIEWER,
                                        "{\"name\": \"x\", \"relation\": \"nope\"}")
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        send("GET", SavedViewController.SAVED_VIEWS + "/abc", Role.VIEWER, null)
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_view_keeps_the_chips_removed_from_its_search_and_reopens_with_the_same_rows() {
        String body =
                """
                {"name": "Pending, any amount", "relation": "payouts", "q": "pending over $100",
                 "removed": ["c1"], "sort": "payout_id", "shared": false}""";
        HttpResponse<String> created =
                send("POST", SavedViewController.SAVED_VIEWS, Role.VIEWER, body);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode saved = TestHttp.json(created);
        assertThat(saved.get("removed").toString()).isEqualTo("[\"c1\"]");
        String link = saved.get("link").asText();
        assertThat(link).contains("&removed=c1&");

        String query = link.substring(link.indexOf('?') + 1);
        long opened = total("/api/v1/relations/payouts/rows?" + query);
        long whole = total("/api/v1/relations/payouts/rows?q=pending+over+%24100&sort=payout_id");
        long pending = total("/api/v1/relations/payouts/rows?q=pending&sort=payout_id");
        assertThat(whole).isLessThan(pending);
        assertThat(opened).as("the amount chip stays removed").isEqualTo(pending);

        HttpResponse<String> withoutQ =
                send(
                        "POST",
                        SavedViewController.SAVED_VIEWS,
                        Role.VIEWER,
                        "{\"name\": \"y\", \"relation\": \"payouts\", \"removed\": [\"c0\"]}");
        assertThat(withoutQ.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(withoutQ).get("error").asText()).startsWith("removed:");
        HttpResponse<String> notAChip =
                send(
                        "POST",
                        SavedViewController.SAVED_VIEWS,
                        Role.VIEWER,
                        "{\"name\": \"z\", \"relation\": \"payouts\", \"q\": \"pending\","
                                + " \"removed\": [\"drop table\"]}");
        assertThat(notAChip.statusCode()).isEqualTo(400);
    }

    private static long total(String path) {
        return TestHttp.json(http.getWithToken(path, app.token(Role.VIEWER))).get("total").asLong();
    }
}
