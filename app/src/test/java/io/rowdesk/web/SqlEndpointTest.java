package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.search.GuardFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/sql} with {@code payout_secrets}, a view over payouts only admins may see.
 */
class SqlEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        Path config = dir.resolve("hidden.yaml");
        Files.writeString(config, GuardFixture.HIDDEN_VIEW_YAML);
        app = TestApp.start(dir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_builder_gets_columns_rows_and_a_total() {
        HttpResponse<String> response =
                sql(
                        Role.BUILDER,
                        Map.of(
                                "sql",
                                "SELECT tier, count(*) AS n, sum(partner_id) AS s FROM partners GROUP BY tier ORDER BY tier",
                                "limit",
                                2));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("columns").get(0).get("name").asText()).isEqualTo("tier");
        assertThat(body.get("columns").get(1).get("type").asText()).isEqualTo("BIGINT");
        assertThat(body.get("rows")).hasSizeLessThanOrEqualTo(2);
        assertThat(body.get("rows").get(0).get(1).isNumber()).isTrue();
        assertThat(body.get("total").asInt()).isEqualTo(body.get("rows").size());
        assertThat(body.has("truncated")).isTrue();
    }

    @Test
    void the_limit_truncates_and_says_so() {
        JsonNode body =
                TestHttp.json(
                        sql(Role.ADMIN, Map.of("sql", "SELECT * FROM lead_events", "limit", 3)));
        assertThat(body.get("rows")).hasSize(3);
        assertThat(body.get("total").asInt()).isEqualTo(3);
        assertThat(body.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void a_hidden_relation_cannot_be_reached_directly_or_through_joins_subqueries_or_name_tricks() {
        List<String> attempts =
                List.of(
                        "SELECT * FROM payout_secrets",
                        "SELECT * FROM PAYOUT_SECRETS",
                        "SELECT * FROM \"Payout_Secrets\"",
                        "SELECT * FROM main.payout_secrets",
                        "SELECT * FROM memory.main.payout_secrets",
                        "SELECT * FROM partners p JOIN payout_secrets s ON true",
                        "SELECT * FROM partners WHERE partner_id IN (SELECT referrer_id FROM payout_secrets)",
                        "SELECT (SELECT sum(amount) FROM payout_secrets) AS leak",
                        "SELECT * FROM partners WHERE EXISTS (SELECT 1 FROM payout_secrets WHERE amount > 100)",
                        "WITH s AS (SELECT * FROM payout_secrets) SELECT * FROM s",
                        "WITH payout_secrets AS (SELECT * FROM payout_secrets) SELECT * FROM payout_secrets",
                        "SELECT * FROM partners UNION ALL SELECT * FROM payout_secrets",
                        "SELECT * FROM query_table('payout_secrets')",
                        "SELECT * FROM query('SELECT * FROM payout_secrets')",
                        "SELECT * FROM duckdb_views()",
                        "SELECT sql FROM duckdb_views",
                        "DESCRIBE payout_secrets");
        for (String sql : attempts) {
            HttpResponse<String> response = sql(Role.BUILDER, Map.of("sql", sql));
            assertThat(response.statusCode()).as("%s -> %s", sql, response.body()).isEqualTo(422);
            JsonNode body = TestHttp.json(response);
            assertThat(body.get("kind").asText()).as(sql).isEqualTo("refused");
            assertThat(body.get("error").asText()).as(sql).doesNotContain("Exception");
        }
        HttpResponse<String> admin =
                sql(Role.ADMIN, Map.of("sql", "SELECT count(*) AS n FROM payout_secrets"));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    }

    @Test
    void a_hidden_relation_is_refused_in_the_same_words_as_a_missing_one() {
        JsonNode hidden =
                TestHttp.json(sql(Role.BUILDER, Map.of("sql", "SELECT * FROM payout_secrets")));
        JsonNode missing =
                TestHttp.json(sql(Role.BUILDER, Map.of("sql", "SELECT * FROM no_such_thing")));
        assertThat(hidden.get("error").asText()).isEqualTo("Unknown relation 'payout_secrets'.");
        assertThat(missing.get("error").asText()).isEqualTo("Unknown relation 'no_such_thing'.");
    }

    @Test
    void non_select_statements_are_refused_with_a_plain_message() {
        JsonNode body = TestHttp.json(sql(Role.ADMIN, Map.of("sql", "COPY partners TO 'x.csv'")));
        assertThat(body.get("error").asText()).isEqualTo("Only a single SELECT can run here.");
        assertThat(body.get("kind").asText()).isEqualTo("refused");
    }

    @Test
    void a_query_duckdb_rejects_is_a_422_failure_not_a_500() {
        HttpResponse<String> response =
                sql(Role.BUILDER, Map.of("sql", "SELECT no_such_column FROM partners"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(response).get("kind").asText()).isEqualTo("refused");
    }

    @Test
    void malformed_bodies_are_400() {
        for (String body :
                List.of(
                        "",
                        "not json",
                        "[]",
                        "{}",
                        "{\"sql\": 3}",
                        "{\"sql\": \"  \"}",
                        "{\"sql\": \"SELECT 1\", \"limit\": 0}",
                        "{\"sql\": \"SELECT 1\", \"limit\": \"many\"}",
                        "{\"sql\": \"SELECT 1\", \"limit\": 1.5}",
                        "{\"sql\": \"SELECT 1\", \"limit\": 100001}")) {
            HttpResponse<String> response = post(Role.BUILDER, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(TestHttp.json(response).get("kind").asText()).isEqualTo("bad_request");
        }
    }

    @Test
    void viewers_may_not_use_raw_sql() {
        assertThat(sql(Role.VIEWER, Map.of("sql", "SELECT 1")).statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> sql(Role role, Map<String, Object> body) {
        try {
            return post(role, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> post(Role role, String body) {
        return http.send(
                http.request(SqlController.SQL)
                        .header("Authorization", "Bearer " + app.token(role))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }
}
