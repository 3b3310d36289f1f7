package io.rowdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.action.RequestState;
import io.rowdesk.auth.Role;
import io.rowdesk.source.postgres.PostgresFixture;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Postgres demo end to end: {@code rowdesk demo postgres} loads the app tables and writes a
 * config; the app started on it approves and rejects payouts by writing back to Postgres, and the
 * review grid shows the new status as soon as the request succeeded.
 */
class DemoPostgresActionsTest {
    static final String DB = "rowdesk_writeback_demo";
    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() {
        PostgresFixture.recreate(DB);
        Path config = dataDir.resolve("demo-postgres.yaml");
        DemoCommand.Postgres command = new DemoCommand.Postgres();
        command.env = Map.of();
        int exit =
                new CommandLine(command)
                        .execute(
                                "--database",
                                DB,
                                "--data-dir",
                                dataDir.toString(),
                                "--demo-scale",
                                String.valueOf(TestApp.SCALE),
                                "--as-of",
                                TestApp.AS_OF.toString(),
                                "--write-config",
                                config.toString());
        assertThat(exit).isZero();
        app = TestApp.start(dataDir, config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static List<Long> pendingPayouts(int n) {
        return app
                .rowdesk()
                .engine()
                .query(
                        "SELECT payout_id FROM payout_review WHERE status = 'pending'"
                                + " ORDER BY payout_id LIMIT "
                                + n,
                        List.of(),
                        n,
                        Duration.ofSeconds(10))
                .rows()
                .stream()
                .map(r -> ((Number) r.get(0)).longValue())
                .toList();
    }

    static String run(String action, String body) {
        HttpResponse<String> response =
                http.send(
                        http.request("/api/v1/actions/" + action + "/run")
                                .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode request = TestHttp.json(response).path("requests").get(0);
        assertThat(request.path("existing").asBoolean()).isFalse();
        return request.path("id").asText();
    }

    static JsonNode awaitDone(String id, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode request;
        do {
            Thread.sleep(20);
            request =
                    TestHttp.json(
                            http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
        } while (!(List.of("succeeded", "failed").contains(request.path("state").asText())
                        && request.path("attempts").size() >= attempts)
                && System.nanoTime() < deadline);
        assertThat(request.path("state").asText()).as(request.toString()).isEqualTo("succeeded");
        return request;
    }

    /** The review grid's row of one payout, through the API, as column → value. */
    static JsonNode reviewRow(long payoutId) {
        String filters =
                URLEncoder.encode(
                        "[{\"column\": \"payout_id\", \"op\": \"in\", \"values\": ["
                                + payoutId
                                + "]}]",
                        StandardCharsets.UTF_8);
        JsonNode page =
                TestHttp.json(
                        http.getWithToken(
                                "/api/v1/relations/payout_review/rows?filters=" + filters,
                                app.token(Role.VIEWER)));
        assertThat(page.path("rows")).as(page.toString()).hasSize(1);
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        JsonNode columns = page.path("columns");
        for (int i = 0; i < columns.size(); i++) {
            row.set(columns.get(i).path("name").asText(), page.path("rows").get(0).get(i));
        }
        return row;
    }

    static Map<String, Object> atSource(String sql, Object param) throws SQLException {
        try (Connection connection = PostgresFixture.connect(DB);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, param);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    @Test
    void the_written_config_makes_approve_and_reject_postgres_write_backs_and_keeps_send_spiff() {
        Map<String, String> kinds = new HashMap<>();
        JsonNode list =
                TestHttp.json(
                        http.getWithToken(
                                "/api/v1/actions?relation=payout_review", app.token(Role.BUILDER)));
        for (JsonNode action : list.path("actions")) {
            kinds.put(
                    action.path("name").asText(),
                    action.path("definition").path("destination").path("kind").asText());
        }
        assertThat(kinds)
                .containsEntry("approve_payout", "postgres")
                .containsEntry("reject_payout", "postgres")
                .containsEntry("send_spiff", "webhook");
        assertThat(app.rowdesk().catalog().all())
                .filteredOn(r -> r.name().equals("payouts"))
                .extracting(r -> r.source())
                .containsExactly("app");
    }

    @Test
    void approving_a_pending_payout_shows_approved_in_the_review_grid_once_the_request_succeeded()
            throws Exception {
        long payout = pendingPayouts(1).get(0);
        assertThat(reviewRow(payout).path("status").asText()).isEqualTo("pending");

        String id = run("approve_payout", "{\"keys\": [" + payout + "]}");
        awaitDone(id, 1);

        JsonNode row = reviewRow(payout);
        assertThat(row.path("status").asText()).isEqualTo("approved");
        assertThat(row.path("decided_by").asText()).isEqualTo("viewer@example.com");
        assertThat(row.path("decided_at").isNull()).isFalse();
        Map<String, Object> source =
                atSource(
                        "SELECT status, decided_by, decided_at FROM payouts WHERE payout_id = ?",
                        payout);
        assertThat(source).containsEntry("status", "approved");

        // the attempt repeated, as when a process stops between the commit and recording it:
        // the worker delivers it again and the write-back is not applied a second time
        assertThat(
                        app.rowdesk()
                                .outbox()
                                .transition(
                                        id,
                                        EnumSet.of(RequestState.SUCCEEDED),
                                        RequestState.QUEUED,
                                        Instant.now(),
                                        false))
                .isTrue();
        app.rowdesk().outboxWorker().wake();
        JsonNode again = awaitDone(id, 2);
        List<String> answers = new ArrayList<>();
        again.path("attempts").forEach(a -> answers.add(a.path("response").asText()));
        assertThat(answers)
                .containsExactly("1 row(s) changed", "already applied by an earlier attempt");
        assertThat(
                        atSource(
                                "SELECT count(*) AS n FROM rowdesk_applied_actions WHERE"
                                        + " request_id = ?",
                                id))
                .containsEntry("n", 1L);
        assertThat(
                        atSource(
                                "SELECT status, decided_by, decided_at FROM payouts WHERE"
                                        + " payout_id = ?",
                                payout))
                .isEqualTo(source);
        assertThat(reviewRow(payout).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void rejecting_asks_a_reason_and_writes_it_back() throws Exception {
        long payout = pendingPayouts(2).get(1);
        String id =
                run(
                        "reject_payout",
                        "{\"keys\": [" + payout + "], \"inputs\": {\"reason\": \"duplicate\"}}");
        awaitDone(id, 1);
        assertThat(reviewRow(payout).path("status").asText()).isEqualTo("rejected");
        assertThat(
                        app.rowdesk()
                                .engine()
                                .query(
                                        "SELECT note FROM payouts WHERE payout_id = ?",
                                        List.of(payout),
                                        1,
                                        Duration.ofSeconds(5))
                                .rows()
                                .get(0))
                .containsExactly("duplicate");
    }
}
