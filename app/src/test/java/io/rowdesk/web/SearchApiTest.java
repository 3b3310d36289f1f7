package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SearchApiTest extends DemoAppTest {
    private static HttpResponse<String> search(String json, Role role) {
        return http.send(
                http.request(SearchController.SEARCH)
                        .header("Authorization", "Bearer " + app.token(role))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    @Test
    void a_search_answers_sql_chips_and_rows() {
        HttpResponse<String> response =
                search(
                        "{\"q\": \"pending payouts over $500 from last month\", \"relation\": \"payouts\", \"today\": \"2026-11-20\"}",
                        Role.VIEWER);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("engine").asText()).isEqualTo("local");
        assertThat(body.get("understood").asDouble()).isEqualTo(1.0);
        assertThat(body.get("unmatched")).isEmpty();
        assertThat(body.get("sql").asText())
                .contains(
                        "\"status\" IN ('pending')",
                        "\"amount\" > 500",
                        "\"requested_at\" >= TIMESTAMP '2026-10-01 00:00:00'");
        assertThat(body.get("chips").findValuesAsText("label"))
                .containsExactly(
                        "status is pending", "amount > 500", "requested last month (Oct 2026)");
        assertThat(body.get("total").asLong()).isEqualTo(body.get("rows").size());
        for (JsonNode row : body.get("rows")) {
            assertThat(row.get(5).asText()).isEqualTo("pending");
            assertThat(row.get(3).asDouble()).isGreaterThan(500);
            assertThat(row.get(6).asText()).startsWith("2026-10");
        }
    }

    @Test
    void a_removed_chip_is_no_longer_applied() {
        JsonNode all =
                TestHttp.json(
                        search(
                                "{\"q\": \"pending payouts\", \"relation\": \"payouts\"}",
                                Role.VIEWER));
        JsonNode without =
                TestHttp.json(
                        search(
                                "{\"q\": \"pending payouts\", \"relation\": \"payouts\", \"removed\": [\"c0\"]}",
                                Role.VIEWER));
        assertThat(without.get("chips")).isEmpty();
        assertThat(without.get("total").asLong())
                .isEqualTo(600)
                .isGreaterThan(all.get("total").asLong());
    }

    @Test
    void aggregates_answer_one_row_per_group() {
        JsonNode body =
                TestHttp.json(
                        search(
                                "{\"q\": \"how many payouts by status\", \"relation\": \"payouts\"}",
                                Role.VIEWER));
        assertThat(body.get("columns").findValuesAsText("name")).containsExactly("status", "count");
        long sum = 0;
        for (JsonNode row : body.get("rows")) {
            sum += row.get(1).asLong();
        }
        assertThat(sum).isEqualTo(600);
    }

    @Test
    void words_it_cannot_place_are_a_422_with_suggestions_not_an_empty_grid() {
        HttpResponse<String> response =
                search("{\"q\": \"spendy payouts\", \"relation\": \"payouts\"}", Role.VIEWER);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("kind").asText()).isEqualTo("not_understood");
        assertThat(body.get("error").asText()).contains("I could not match 'spendy'", "amount");
        assertThat(body.get("unmatched").get(0).asText()).isEqualTo("spendy");
        assertThat(body.get("suggestions")).isNotEmpty();
    }

    @Test
    void bad_requests_say_what_to_fix() {
        assertThat(search("{\"relation\": \"payouts\"}", Role.VIEWER).statusCode()).isEqualTo(400);
        assertThat(
                        search(
                                        "{\"q\": \"x\", \"relation\": \"payouts\", \"today\": \"yesterday\"}",
                                        Role.VIEWER)
                                .body())
                .contains("YYYY-MM-DD");
        HttpResponse<String> unknown =
                search("{\"q\": \"pending\", \"relation\": \"nope\"}", Role.VIEWER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(unknown).get("kind").asText()).isEqualTo("not_found");
    }
}
