package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.source.postgres.PostgresFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A postgres write-back previewed and tested by a builder: the statement shows with its bound
 * parameters, and a test runs it in a transaction that is rolled back, reporting the row count.
 */
class ActionDraftsPostgresTest {
    static final String DB = "rowdesk_builder_drafts";
    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE TABLE bd_payouts (payout_id integer PRIMARY KEY, amount numeric NOT NULL,"
                        + " status text NOT NULL, decided_by text)",
                "INSERT INTO bd_payouts (payout_id, amount, status) SELECT g, g * 10,"
                        + " CASE WHEN g % 2 = 0 THEN 'pending' ELSE 'paid' END FROM"
                        + " generate_series(1, 20) g");
        Path config = dataDir.resolve("pg.yaml");
        Files.writeString(
                config,
                "sources:\n"
                        + PostgresFixture.sourceYaml("app_pg", DB, "[bd_payouts]")
                        + "relations:\n  bd_payouts:\n    key_column: payout_id\n");
        app = TestApp.withoutDemo(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static final String DEFINITION =
            """
            {"name": "mark_paid", "label": "Mark paid", "relation": "bd_payouts", "key": "payout_id",
             "when": "status = 'pending'",
             "destination": {"kind": "postgres", "source": "app_pg",
               "statement": "UPDATE bd_payouts SET status = 'paid', decided_by = {{user.email}} WHERE payout_id = {{row.payout_id}}%s"}}""";

    static HttpResponse<String> post(String path, String body) {
        return http.postJson(path, body, app.token(Role.ADMIN));
    }

    static String status(int id) throws SQLException {
        try (Connection c = PostgresFixture.connect(DB);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT status FROM bd_payouts WHERE payout_id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void the_preview_shows_the_statement_with_its_bound_parameters() {
        HttpResponse<String> response =
                post(
                        "/api/v1/actions/preview",
                        "{\"definition\": " + DEFINITION.formatted("") + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = TestHttp.json(response);
        assertThat(preview.path("problems")).as(preview.toString()).isEmpty();
        assertThat(preview.path("statement").asText())
                .isEqualTo(
                        "UPDATE bd_payouts SET status = 'paid', decided_by = ? WHERE payout_id = ?");
        int key = preview.path("row_key").asInt();
        assertThat(key % 2).as("the first row where when holds: a pending one").isZero();
        assertThat(preview.path("params").get(0).asText()).isEqualTo(TestApp.email(Role.ADMIN));
        assertThat(preview.path("params").get(1).asInt()).isEqualTo(key);
    }

    @Test
    void a_test_runs_the_statement_and_rolls_it_back() throws Exception {
        HttpResponse<String> response =
                post(
                        "/api/v1/actions/test",
                        "{\"definition\": " + DEFINITION.formatted("") + ", \"key\": 4}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode test = TestHttp.json(response);
        assertThat(test.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(test.path("response").asText())
                .contains("1 row(s) would change")
                .contains("rolled back");
        assertThat(test.path("id").asText()).startsWith("test_");
        assertThat(status(4)).as("rolled back").isEqualTo("pending");
        try (Connection c = PostgresFixture.connect(DB);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT to_regclass('rowdesk_applied_actions') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("a test marks nothing applied").isTrue();
        }
    }

    @Test
    void a_test_of_several_statements_is_refused_so_none_can_commit() throws Exception {
        HttpResponse<String> response =
                post(
                        "/api/v1/actions/test",
                        "{\"definition\": "
                                + DEFINITION.formatted(
                                        "; COMMIT; UPDATE bd_payouts SET status = 'gone'")
                                + ", \"key\": 6}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode test = TestHttp.json(response);
        assertThat(test.path("outcome").asText()).isEqualTo("failed");
        assertThat(test.path("response").asText()).contains("one statement");
        assertThat(status(6)).isEqualTo("pending");
        assertThat(status(7)).isEqualTo("paid");
    }
}
