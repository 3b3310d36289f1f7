package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.action.http.EgressPolicy;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A postgres write-back against the local Postgres: applied once, even when an attempt repeats. */
class PostgresWriteBackTest {
    static final String DB = "rowdesk_act_writeback";
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DB);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Postgres must be reachable under CI", e);
            }
            System.err.println(
                    "!!! PostgresWriteBackTest SKIPPED: no Postgres at 127.0.0.1:5432 ("
                            + e.getMessage()
                            + ")");
            Assumptions.abort("no local Postgres");
        }
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE wb_payouts (payout_id integer PRIMARY KEY, amount numeric NOT NULL,"
                            + " status text NOT NULL, decided_by text, times_decided integer NOT NULL DEFAULT 0)");
            st.execute(
                    "INSERT INTO wb_payouts (payout_id, amount, status) SELECT g, g * 10, 'pending' FROM generate_series(1, 20) g");
        }
        Path config = dataDir.resolve("pg.yaml");
        Files.writeString(
                config,
                """
                sources:
                  - name: app_pg
                    kind: postgres
                    host: 127.0.0.1
                    port: 5432
                    database: %s
                    user: postgres
                    sslmode: disable
                    tables: [wb_payouts]
                relations:
                  wb_payouts:
                    key_column: payout_id
                actions:
                  - name: approve_wb
                    label: Approve
                    relation: wb_payouts
                    key: payout_id
                    when: "status = 'pending'"
                    roles: [viewer]
                    destination:
                      kind: postgres
                      source: app_pg
                      timeout: 5s
                      retry: {attempts: 3, initial: 100ms, max: 1s}
                      statement: "UPDATE wb_payouts SET status = 'approved', decided_by = {{user.email}}, times_decided = times_decided + 1 WHERE payout_id = {{row.payout_id}}"
                """
                        .formatted(DB));
        app = TestApp.start(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static int timesDecided(int id) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT times_decided FROM wb_payouts WHERE payout_id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void the_write_back_applies_once_even_when_its_attempt_is_repeated() throws Exception {
        var response =
                http.send(
                        http.request("/api/v1/actions/approve_wb/run")
                                .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"keys\": [7]}"))
                                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = TestHttp.json(response).path("requests").get(0).path("id").asText();
        JsonNode done;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            Thread.sleep(50);
            done =
                    TestHttp.json(
                            http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
        } while (!done.path("state").asText().equals("succeeded") && System.nanoTime() < deadline);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(timesDecided(7)).isEqualTo(1);
        // the statement's values were bound: the approver's email arrived as a value
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT decided_by, (SELECT count(*) FROM rowdesk_applied_actions WHERE request_id = '"
                                        + id
                                        + "') FROM wb_payouts WHERE payout_id = 7")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("viewer@example.com");
            assertThat(rs.getInt(2)).isEqualTo(1);
        }

        // the same attempt again, as after a crash between commit and recording the outcome
        ActionRequest request = app.rowdesk().outbox().find(id).orElseThrow();
        ActionDefinition definition =
                app.rowdesk().actions().definition("approve_wb").orElseThrow();
        try (OutboundHttp outbound =
                new OutboundHttp(EgressPolicy.publicOnly(), Clock.systemUTC())) {
            Delivery again =
                    new Deliveries(outbound, () -> "", Clock.systemUTC())
                            .deliver(definition, request);
            assertThat(again.kind()).isEqualTo(Delivery.Kind.SUCCEEDED);
            assertThat(again.response()).contains("already applied");
        }
        assertThat(timesDecided(7)).isEqualTo(1);
    }
}
