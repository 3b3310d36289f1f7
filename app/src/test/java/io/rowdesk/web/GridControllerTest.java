package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridControllerTest {
    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;
    static long events;

    @BeforeAll
    static void start() throws java.io.IOException {
        // One extra relation that only admins may see.
        Path secrets = java.nio.file.Files.createDirectories(dataDir.resolve("secrets"));
        java.nio.file.Files.writeString(
                secrets.resolve("secret_notes.csv"), "note_id,text\n1,alpha\n2,beta\n");
        Path config = dataDir.resolve("extra.yaml");
        java.nio.file.Files.writeString(
                config,
                """
                sources:
                  - name: secrets
                    kind: files
                    path: %s
                relations:
                  secret_notes:
                    key_column: note_id
                    roles: [admin]
                """
                        .formatted(secrets.toAbsolutePath()));
        app = TestApp.start(dataDir, config);
        http = new TestHttp(app.baseUrl());
        events = app.rowdesk().catalog().find("lead_events", Role.ADMIN).orElseThrow().rowCount();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> rows(String relation, String query) {
        return http.getWithToken(
                GridController.ROWS.replace("{relation}", relation) + query,
                app.token(Role.VIEWER));
    }

    @Test
    void a_window_answers_columns_rows_total_and_offset() {
        HttpResponse<String> response =
                rows("lead_events", "?sort=-occurred_at,event_id&offset=0&limit=5");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = TestHttp.json(response);
        assertThat(json.get("columns").get(0).get("name").asText()).isEqualTo("event_id");
        assertThat(json.get("columns").get(0).get("type").asText()).isEqualTo("BIGINT");
        assertThat(json.get("total").asLong()).isEqualTo(events);
        assertThat(json.get("offset").asLong()).isZero();
        assertThat(json.get("rows")).hasSize(5);
        JsonNode first = json.get("rows").get(0);
        assertThat(first).hasSize(json.get("columns").size());
        assertThat(first.get(4).asText())
                .as("timestamps are ISO-8601")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?.*");
        String newest =
                app.rowdesk()
                        .engine()
                        .query(
                                "SELECT max(occurred_at)::VARCHAR FROM lead_events",
                                List.of(),
                                1,
                                Duration.ofSeconds(10))
                        .rows()
                        .get(0)
                        .get(0)
                        .toString();
        assertThat(first.get(4).asText().replace('T', ' ')).startsWith(newest.substring(0, 16));
    }

    @Test
    void deep_windows_through_the_api_equal_a_plain_order_by() {
        long offset = events - 150;
        JsonNode json =
                TestHttp.json(
                        rows(
                                "lead_events",
                                "?sort=channel,revenue&offset=" + offset + "&limit=100"));
        List<List<Object>> expected =
                app.rowdesk()
                        .engine()
                        .query(
                                "SELECT event_id FROM lead_events ORDER BY channel NULLS LAST, revenue NULLS LAST, event_id LIMIT 100 OFFSET ?",
                                List.of(offset),
                                100,
                                Duration.ofSeconds(30))
                        .rows();
        assertThat(json.get("rows")).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(json.get("rows").get(i).get(0).asLong())
                    .isEqualTo(((Number) expected.get(i).get(0)).longValue());
        }
        JsonNode last =
                TestHttp.json(
                        rows(
                                "lead_events",
                                "?sort=channel,revenue&offset=" + (events - 10) + "&limit=100"));
        assertThat(last.get("rows")).hasSize(10);
    }

    @Test
    void decimals_and_nulls_follow_the_json_value_rules() {
        JsonNode json =
                TestHttp.json(
                        rows("lead_events", "?sort=revenue&offset=" + (events - 1) + "&limit=1"));
        assertThat(json.get("rows").get(0).get(5).isNull())
                .as("NULL revenue sorts last and is null")
                .isTrue();
        JsonNode top = TestHttp.json(rows("lead_events", "?sort=-revenue&limit=1"));
        assertThat(top.get("rows").get(0).get(5).isNumber()).isTrue();
    }

    @Test
    void limit_defaults_to_100_and_may_not_exceed_1000() {
        assertThat(TestHttp.json(rows("lead_events", "")).get("rows")).hasSize(100);
        assertThat(TestHttp.json(rows("lead_events", "?limit=1000")).get("rows")).hasSize(1000);
        HttpResponse<String> tooMany = rows("lead_events", "?limit=1001");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(tooMany).get("error").asText()).contains("limit", "1 to 1000");
        assertThat(rows("lead_events", "?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void a_bad_offset_is_a_400_that_says_what_is_allowed() {
        for (String offset : List.of("-1", "ten", "1.5")) {
            HttpResponse<String> response = rows("lead_events", "?offset=" + offset);
            assertThat(response.statusCode()).as(offset).isEqualTo(400);
            JsonNode json = TestHttp.json(response);
            assertThat(json.get("kind").asText()).isEqualTo("bad_request");
            assertThat(json.get("error").asText()).contains("offset must be a whole number from 0");
        }
    }

    @Test
    void an_unknown_sort_column_is_a_400_that_lists_the_columns() {
        HttpResponse<String> response = rows("lead_events", "?sort=-foo");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").asText())
                .isEqualTo(
                        "sort: unknown column 'foo'; columns are: event_id, referral_id, event_type, channel, occurred_at, revenue");
        assertThat(rows("lead_events", "?sort=channel,,revenue").statusCode()).isEqualTo(400);
        assertThat(rows("lead_events", "?sort=channel,-channel").statusCode()).isEqualTo(400);
    }

    @Test
    void an_unknown_relation_is_a_404_with_the_api_error_body() {
        HttpResponse<String> response = rows("no_such_table", "");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode json = TestHttp.json(response);
        assertThat(json.get("kind").asText()).isEqualTo("not_found");
        assertThat(json.get("error").asText()).contains("no_such_table");
    }

    @Test
    void a_relation_hidden_from_the_callers_role_is_a_404_like_a_missing_one() {
        HttpResponse<String> hidden = rows("secret_notes", "");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(hidden).get("kind").asText()).isEqualTo("not_found");
        HttpResponse<String> asAdmin =
                http.getWithToken(
                        GridController.ROWS.replace("{relation}", "secret_notes")
                                + "?sort=-note_id",
                        app.token(Role.ADMIN));
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(asAdmin).get("rows").get(0).get(1).asText()).isEqualTo("beta");
        assertThat(TestHttp.json(asAdmin).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void a_view_is_served_too() {
        HttpResponse<String> response = rows("payout_review", "?sort=-amount&offset=300&limit=20");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = TestHttp.json(response);
        assertThat(json.get("rows")).hasSize(20);
        assertThat(json.get("columns").get(0).get("name").asText()).isEqualTo("payout_id");
    }
}
