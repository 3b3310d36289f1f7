package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationsApiTest {
    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        // A CSV source next to the demo, with one relation only admins may see.
        Path extra = Files.createDirectories(dataDir.resolve("extra"));
        Files.writeString(extra.resolve("salaries.csv"), "name,salary\nAda,100\nGrace,120\n");
        Path config = dataDir.resolve("extra.yaml");
        Files.writeString(
                config,
                "sources:\n  - {name: hr, kind: files, path: "
                        + extra
                        + "}\n"
                        + "relations:\n  salaries:\n    roles: [admin]\n");
        app = TestApp.start(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void relations_lists_the_six_demo_relations_with_exact_row_counts() {
        JsonNode body =
                TestHttp.json(http.getWithToken(ApiController.RELATIONS, app.token(Role.ADMIN)));
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (JsonNode relation : body.get("relations")) {
            counts.put(relation.get("name").asText(), relation.get("row_count").asLong());
            sources.put(relation.get("name").asText(), relation.get("source").asText());
        }
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "partners",
                                20L,
                                "referrers",
                                200L,
                                "payouts",
                                600L,
                                "referrals",
                                2000L,
                                "lead_events",
                                50_000L,
                                "payout_review",
                                600L,
                                "salaries",
                                2L));
        assertThat(sources)
                .containsEntry("partners", "app")
                .containsEntry("lead_events", "warehouse")
                .containsEntry("payout_review", "view");
    }

    @Test
    void a_relation_hidden_from_a_role_is_neither_listed_nor_reachable() {
        for (Role role : List.of(Role.VIEWER, Role.BUILDER)) {
            JsonNode body =
                    TestHttp.json(http.getWithToken(ApiController.RELATIONS, app.token(role)));
            List<String> names =
                    StreamSupport.stream(body.get("relations").spliterator(), false)
                            .map(r -> r.get("name").asText())
                            .toList();
            assertThat(names).hasSize(6).doesNotContain("salaries");
            HttpResponse<String> page =
                    http.getWithToken(RelationController.relationPath("salaries"), app.token(role));
            assertThat(page.statusCode()).isEqualTo(404);
        }
        assertThat(
                        http.getWithToken(
                                        RelationController.relationPath("salaries"),
                                        app.token(Role.ADMIN))
                                .statusCode())
                .isEqualTo(200);
        for (Role role : List.of(Role.VIEWER, Role.BUILDER)) {
            HttpResponse<String> search =
                    http.send(
                            http.request(SearchController.SEARCH)
                                    .header("Authorization", "Bearer " + app.token(role))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                                    "{\"q\": \"ada\", \"relation\": \"salaries\"}"))
                                    .build());
            assertThat(search.statusCode()).as("search as %s", role).isEqualTo(404);
            assertThat(
                            http.getWithToken(GridController.rowsPath("salaries"), app.token(role))
                                    .statusCode())
                    .isEqualTo(404);
            assertThat(
                            http.getWithToken(
                                            GridController.exportPath("salaries"), app.token(role))
                                    .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void relation_columns_carry_the_demo_types() {
        JsonNode body =
                TestHttp.json(http.getWithToken(ApiController.RELATIONS, app.token(Role.VIEWER)));
        JsonNode payouts =
                StreamSupport.stream(body.get("relations").spliterator(), false)
                        .filter(r -> r.get("name").asText().equals("payouts"))
                        .findFirst()
                        .orElseThrow();
        Map<String, String> types = new HashMap<>();
        payouts.get("columns")
                .forEach(c -> types.put(c.get("name").asText(), c.get("type").asText()));
        assertThat(types)
                .containsEntry("amount", "DECIMAL(10,2)")
                .containsEntry("requested_at", "TIMESTAMP")
                .containsEntry("payout_id", "INTEGER")
                .containsEntry("note", "VARCHAR");
        List<String> reviewColumns =
                StreamSupport.stream(body.get("relations").spliterator(), false)
                        .filter(r -> r.get("name").asText().equals("payout_review"))
                        .findFirst()
                        .orElseThrow()
                        .get("columns")
                        .findValuesAsText("name"); // columns have no nested names
        assertThat(reviewColumns)
                .containsExactly(
                        "payout_id",
                        "amount",
                        "method",
                        "status",
                        "requested_at",
                        "decided_at",
                        "decided_by",
                        "referrer_name",
                        "referrer_email",
                        "program_status",
                        "partner_name",
                        "partner_tier",
                        "partner_country",
                        "brand_name",
                        "vertical",
                        "stage",
                        "mrr");
    }

    @Test
    void a_relation_page_hands_the_grid_its_columns_and_rows_url() {
        String cookie = http.login(TestApp.email(Role.VIEWER), TestApp.PASSWORD);
        HttpResponse<String> page =
                http.getWithCookie(RelationController.relationPath("payouts"), cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "data-grid",
                        "data-rows-url=\"/api/v1/relations/payouts/rows\"",
                        "data-total=\"600\"",
                        "&#34;amount&#34;",
                        "DECIMAL(10,2)",
                        "/static/grid.js");
    }

    @Test
    void an_unknown_relation_page_is_a_404_that_says_so() {
        String cookie = http.login(TestApp.email(Role.VIEWER), TestApp.PASSWORD);
        HttpResponse<String> page = http.getWithCookie("/relations/nope", cookie);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no relation called 'nope'");
    }

    @Test
    void bad_parameters_get_a_400_with_what_is_allowed() {
        HttpResponse<String> response =
                http.getWithToken(ApiController.AUDIT + "?limit=lots", app.token(Role.ADMIN));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").asText())
                .contains("limit must be a whole number from 1 to 1000");
    }
}
