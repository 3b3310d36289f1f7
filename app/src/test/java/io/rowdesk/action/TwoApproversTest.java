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
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An action that needs two approvals ({@code approval: {approvals: 2}}), writing back to the local
 * Postgres: who may decide, when it is sent, and that {@code when} is read again from the row as it
 * is when the last approval arrives (changed meanwhile by another write-back and its refresh).
 */
class TwoApproversTest {
    static final String DB = "rowdesk_writeback_approvals";
    @TempDir static Path dir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE TABLE ap_payouts (payout_id integer PRIMARY KEY, amount numeric(10,2) NOT"
                        + " NULL, status text NOT NULL, paid_by text)",
                "INSERT INTO ap_payouts SELECT g, 1000 + g, 'approved', NULL"
                        + " FROM generate_series(1, 20) g");
        Path config = dir.resolve("approvals.yaml");
        Files.writeString(
                config,
                "sources:\n"
                        + PostgresFixture.sourceYaml(
                                "app_pg", DB, "[{name: ap_payouts, key: payout_id}]")
                        + """
                        actions:
                          - name: pay_out
                            label: Pay out
                            relation: ap_payouts
                            key: payout_id
                            when: "status = 'approved'"
                            roles: [viewer]
                            approval: {approvals: 2, roles: [builder]}
                            destination:
                              kind: postgres
                              source: app_pg
                              timeout: 5s
                              retry: {attempts: 3, initial: 100ms, max: 1s}
                              statement: "UPDATE ap_payouts SET status = 'paid', paid_by = {{user.email}} WHERE payout_id = {{row.payout_id}}"
                          - name: hold
                            label: Hold
                            relation: ap_payouts
                            key: payout_id
                            roles: [viewer]
                            destination:
                              kind: postgres
                              source: app_pg
                              timeout: 5s
                              retry: {attempts: 3, initial: 100ms, max: 1s}
                              statement: "UPDATE ap_payouts SET status = 'on_hold' WHERE payout_id = {{row.payout_id}}"
                        """);
        app = TestApp.withoutDemo(dir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static HttpResponse<String> post(String path, String body, Role role) {
        return http.postJson(path, body, app.token(role));
    }

    static JsonNode run(String action, int key) {
        HttpResponse<String> response =
                post(
                        "/api/v1/actions/" + action + "/run",
                        "{\"keys\": [" + key + "]}",
                        Role.VIEWER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).path("requests").get(0);
    }

    static JsonNode decide(String id, String decision, Role role, int status) {
        HttpResponse<String> response =
                post(
                        "/api/v1/requests/" + id + "/" + decision,
                        "{\"comment\": \"" + role.label() + "\"}",
                        role);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return TestHttp.json(response);
    }

    static JsonNode awaitState(String id, Set<String> states) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode request;
        do {
            Thread.sleep(20);
            request =
                    TestHttp.json(
                            http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
        } while (!states.contains(request.path("state").asText()) && System.nanoTime() < deadline);
        return request;
    }

    static String statusAtSource(int key) throws Exception {
        try (Connection c = PostgresFixture.connect(DB);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT status FROM ap_payouts WHERE payout_id = " + key)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Object cachedStatus(int key) {
        return app.rowdesk()
                .engine()
                .query(
                        "SELECT status FROM ap_payouts WHERE payout_id = ?",
                        List.of(key),
                        1,
                        Duration.ofSeconds(5))
                .rows()
                .get(0)
                .get(0);
    }

    @Test
    void two_different_approvers_other_than_the_requester_are_needed_before_it_is_sent()
            throws Exception {
        JsonNode request = run("pay_out", 1);
        assertThat(request.path("state").asText()).isEqualTo("pending_approval");
        String id = request.path("id").asText();

        // the requester may not approve their own request
        assertThat(decide(id, "approve", Role.VIEWER, 403).path("kind").asText())
                .isEqualTo("forbidden");

        JsonNode first = decide(id, "approve", Role.ADMIN, 200);
        assertThat(first.path("state").asText()).isEqualTo("pending_approval");
        assertThat(statusAtSource(1)).isEqualTo("approved");

        // the same approver twice counts once
        assertThat(decide(id, "approve", Role.ADMIN, 409).path("kind").asText())
                .isEqualTo("conflict");
        assertThat(awaitState(id, Set.of("pending_approval")).path("state").asText())
                .isEqualTo("pending_approval");

        JsonNode second = decide(id, "approve", Role.BUILDER, 200);
        assertThat(second.path("state").asText()).isIn("queued", "sending", "succeeded");
        JsonNode done = awaitState(id, Set.of("succeeded", "failed"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("approvals")).hasSize(2);
        assertThat(statusAtSource(1)).isEqualTo("paid");
        assertThat(cachedStatus(1)).isEqualTo("paid");
    }

    @Test
    void a_reject_by_either_approver_rejects_the_request() throws Exception {
        // the second approver rejects after the first approved
        String afterApproval = run("pay_out", 2).path("id").asText();
        decide(afterApproval, "approve", Role.BUILDER, 200);
        assertThat(decide(afterApproval, "reject", Role.ADMIN, 200).path("state").asText())
                .isEqualTo("rejected");
        // the first approver rejects at once
        String atOnce = run("pay_out", 3).path("id").asText();
        assertThat(decide(atOnce, "reject", Role.BUILDER, 200).path("state").asText())
                .isEqualTo("rejected");
        // a rejected request takes no further decision and is never sent
        decide(atOnce, "approve", Role.ADMIN, 409);
        Thread.sleep(300);
        for (String id : List.of(afterApproval, atOnce)) {
            JsonNode request =
                    TestHttp.json(
                            http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
            assertThat(request.path("state").asText()).isEqualTo("rejected");
            assertThat(request.path("attempts")).isEmpty();
        }
        assertThat(statusAtSource(2)).isEqualTo("approved");
        assertThat(statusAtSource(3)).isEqualTo("approved");
    }

    @Test
    void a_row_that_no_longer_fits_when_the_last_approval_arrives_is_cancelled_not_sent()
            throws Exception {
        String id = run("pay_out", 4).path("id").asText();
        decide(id, "approve", Role.ADMIN, 200);

        // meanwhile the row changes: another write-back puts it on hold (refreshed by key)
        String hold = run("hold", 4).path("id").asText();
        assertThat(awaitState(hold, Set.of("succeeded", "failed")).path("state").asText())
                .isEqualTo("succeeded");
        assertThat(cachedStatus(4)).isEqualTo("on_hold");

        JsonNode last = decide(id, "approve", Role.BUILDER, 200);
        assertThat(last.path("state").asText()).isEqualTo("cancelled");
        Thread.sleep(300);
        JsonNode request =
                TestHttp.json(http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
        assertThat(request.path("state").asText()).isEqualTo("cancelled");
        assertThat(request.path("attempts")).isEmpty();
        assertThat(statusAtSource(4)).isEqualTo("on_hold");
    }
}
