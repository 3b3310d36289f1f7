package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One mapping from failure to answer: the same failure answers the same kind on every route, and
 * the inputs that used to answer 500 answer 400 or 422 with a sentence.
 */
class ErrorMappingTest extends DemoAppTest {
    @Test
    void a_guard_refusal_is_kind_refused_on_sql_and_on_search_alike() {
        HttpResponse<String> sql =
                post(SqlController.SQL, "{\"sql\": \"COPY payouts TO 'x.csv'\"}", Role.BUILDER);
        assertThat(sql.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(sql).get("kind").asText()).isEqualTo("refused");
        HttpResponse<String> rows =
                http.getWithToken(
                        GridController.ROWS.replace("{relation}", "payouts") + "?limit=ten",
                        app.token(Role.VIEWER));
        assertThat(rows.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(rows).get("kind").asText()).isEqualTo("bad_request");
        assertThat(TestHttp.json(rows).get("error").asText())
                .isEqualTo("limit must be a whole number from 1 to 1000, got 'ten'.");
    }

    @Test
    void a_chip_removed_twice_is_not_a_500() {
        HttpResponse<String> response =
                http.getWithToken(
                        GridController.ROWS.replace("{relation}", "payouts")
                                + "?q="
                                + encode("pending payouts over $500")
                                + "&removed=c0,c0",
                        app.token(Role.VIEWER));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("rows").get(0).get(3).asDouble())
                .as("the amount chip c1 still applies")
                .isGreaterThan(500);
    }

    @Test
    void an_impossible_date_is_not_a_500() {
        HttpResponse<String> response = search("payouts requested on feb 31 2024", "payouts");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(response).get("kind").asText()).isEqualTo("not_understood");
        assertThat(TestHttp.json(response).get("error").asText())
                .endsWith(
                        "feb 31 2024' is not a date on the calendar; check the day and the month.");
    }

    @Test
    void a_sort_the_renderer_refuses_is_not_understood_rather_than_a_500() {
        HttpResponse<String> response =
                search("top 10 referrers by total payout amount", "payout_review");
        assertThat(response.statusCode()).isIn(200, 422);
        if (response.statusCode() == 422) {
            JsonNode body = TestHttp.json(response);
            assertThat(body.get("kind").asText()).isEqualTo("not_understood");
            assertThat(body.get("error").asText()).doesNotContain("Exception");
        }
    }

    @Test
    void a_question_of_only_filler_words_is_not_sent_empty_to_the_embedding_model() {
        for (String q : new String[] {"the of and", "???", "'", "   the   "}) {
            HttpResponse<String> response = search(q, "payouts");
            assertThat(response.statusCode()).as(q).isIn(200, 422);
        }
    }

    @Test
    void an_htmx_request_that_fails_gets_a_toast_fragment_not_a_page() {
        HttpResponse<String> response =
                http.send(
                        http.request(RelationController.RELATION.replace("{relation}", "nope"))
                                .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                .header(Htmx.REQUEST, "true")
                                .GET()
                                .build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .startsWith("<div class=\"toast toast-not_found\" role=\"alert\">")
                .doesNotContain("<html");
    }

    @Test
    void an_unknown_body_field_is_named_in_the_message() {
        HttpResponse<String> response =
                post(SqlController.SQL, "{\"sql\": \"SELECT 1\", \"limt\": 5}", Role.BUILDER);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").asText())
                .isEqualTo("Unknown field \"limt\"; the fields are \"limit\", \"sql\".");
    }

    private static HttpResponse<String> search(String q, String relation) {
        return post(
                SearchController.SEARCH,
                "{\"q\": \"" + q.replace("\"", "\\\"") + "\", \"relation\": \"" + relation + "\"}",
                Role.VIEWER);
    }

    private static HttpResponse<String> post(String path, String json, Role role) {
        return http.postJson(path, json, app.token(role));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
