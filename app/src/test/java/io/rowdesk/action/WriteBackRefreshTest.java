package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.action.http.EgressPolicy;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.source.postgres.PostgresFixture;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a postgres write-back the cache re-reads the written row (refresh by key), so the synced
 * table and a view over it show the new value as soon as the request has succeeded: no full sync,
 * no waiting for a schedule.
 */
class WriteBackRefreshTest {
    static final String DB = "rowdesk_writeback_refresh";
    @TempDir static Path dir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE TABLE wb_people (person_id integer PRIMARY KEY, name text NOT NULL,"
                        + " decisions integer NOT NULL DEFAULT 0)",
                "INSERT INTO wb_people SELECT g, 'person ' || g FROM generate_series(1, 5) g",
                "CREATE TABLE wb_payouts (payout_id integer PRIMARY KEY, person_id integer NOT"
                        + " NULL, amount numeric(10,2) NOT NULL, status text NOT NULL, decided_by"
                        + " text)",
                "INSERT INTO wb_payouts SELECT g, 1 + g % 5, g * 10, 'pending', NULL"
                        + " FROM generate_series(1, 40) g");
        Path config = dir.resolve("refresh.yaml");
        Files.writeString(
                config,
                "sources:\n"
                        + PostgresFixture.sourceYaml(
                                "app_pg",
                                DB,
                                "[{name: wb_payouts, key: payout_id},"
                                        + " {name: wb_people, key: person_id}]")
                        + """
                        views:
                          - name: wb_review
                            sql: "SELECT p.payout_id, p.amount, p.status, p.decided_by, h.name, h.decisions FROM wb_payouts p JOIN wb_people h USING (person_id)"
                        relations:
                          wb_review:
                            key_column: payout_id
                        actions:
                          - name: approve_wb
                            label: Approve
                            relation: wb_review
                            key: payout_id
                            when: "status = 'pending'"
                            roles: [viewer]
                            destination:
                              kind: postgres
                              source: app_pg
                              timeout: 5s
                              retry: {attempts: 3, initial: 100ms, max: 1s}
                              statement: "UPDATE public.wb_payouts SET status = 'approved', decided_by = {{user.email}} WHERE payout_id = {{row.payout_id}}"
                          - name: count_decision
                            label: Count a decision
                            relation: wb_review
                            key: payout_id
                            roles: [viewer]
                            destination:
                              kind: postgres
                              source: app_pg
                              timeout: 5s
                              retry: {attempts: 3, initial: 100ms, max: 1s}
                              statement: "UPDATE wb_people SET decisions = decisions + 1 WHERE person_id = (SELECT person_id FROM wb_payouts WHERE payout_id = {{row.payout_id}})"
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

    static JsonNode runAndAwait(String action, int key) throws InterruptedException {
        HttpResponse<String> response =
                http.send(
                        http.request("/api/v1/actions/" + action + "/run")
                                .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"keys\": [" + key + "]}"))
                                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = TestHttp.json(response).path("requests").get(0).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode request;
        do {
            Thread.sleep(20);
            request =
                    TestHttp.json(
                            http.getWithToken("/api/v1/requests/" + id, app.token(Role.ADMIN)));
        } while (!List.of("succeeded", "failed").contains(request.path("state").asText())
                && System.nanoTime() < deadline);
        assertThat(request.path("state").asText()).as(request.toString()).isEqualTo("succeeded");
        return request;
    }

    static List<Object> cached(String sql) {
        return app.rowdesk()
                .engine()
                .query(sql, List.of(), 10, Duration.ofSeconds(10))
                .rows()
                .get(0);
    }

    /** The view's row through the grid API, by its key. */
    static JsonNode gridRow(String relation, int key) {
        String filters =
                URLEncoder.encode(
                        "[{\"column\": \"payout_id\", \"op\": \"in\", \"values\": [" + key + "]}]",
                        StandardCharsets.UTF_8);
        JsonNode page =
                TestHttp.json(
                        http.getWithToken(
                                "/api/v1/relations/" + relation + "/rows?filters=" + filters,
                                app.token(Role.VIEWER)));
        assertThat(page.path("rows")).as(page.toString()).hasSize(1);
        JsonNode columns = page.path("columns");
        var row = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            row.set(columns.get(i).path("name").asText(), page.path("rows").get(0).get(i));
        }
        return row;
    }

    @Test
    void a_write_back_shows_in_the_cached_table_and_a_view_over_it_once_the_request_succeeded()
            throws Exception {
        // a row added at the source behind the cache's back: a full sync would bring it in
        PostgresFixture.execute(
                DB, "INSERT INTO wb_payouts VALUES (1000, 1, 5.00, 'pending', NULL)");
        assertThat(gridRow("wb_review", 7).path("status").asText()).isEqualTo("pending");

        JsonNode request = runAndAwait("approve_wb", 7);

        assertThat(cached("SELECT status, decided_by FROM wb_payouts WHERE payout_id = 7"))
                .containsExactly("approved", "viewer@example.com");
        JsonNode row = gridRow("wb_review", 7);
        assertThat(row.path("status").asText()).isEqualTo("approved");
        assertThat(row.path("decided_by").asText()).isEqualTo("viewer@example.com");
        assertThat(request.path("attempts").get(0).path("response").asText())
                .isEqualTo("1 row(s) changed");
        // only the written key was read again: the row added meanwhile is not in the cache yet
        assertThat(cached("SELECT count(*) FROM wb_payouts WHERE payout_id = 1000"))
                .containsExactly(0L);
        assertThat(cached("SELECT count(*) FROM wb_payouts")).containsExactly(40L);
        // other rows are untouched
        assertThat(gridRow("wb_review", 8).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void a_bulk_run_gathers_its_writes_into_fewer_refreshes_and_the_cache_shows_every_row()
            throws Exception {
        ch.qos.logback.classic.Logger writer =
                (ch.qos.logback.classic.Logger)
                        org.slf4j.LoggerFactory.getLogger(io.rowdesk.cache.SnapshotWriter.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> loads =
                new ch.qos.logback.core.read.ListAppender<>();
        loads.start();
        writer.addAppender(loads);
        List<Integer> keys = java.util.stream.IntStream.rangeClosed(31, 40).boxed().toList();
        List<String> ids = new java.util.ArrayList<>();
        try {
            HttpResponse<String> response =
                    http.send(
                            http.request("/api/v1/actions/approve_wb/run")
                                    .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"keys\": " + keys + "}"))
                                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            TestHttp.json(response).path("requests").forEach(r -> ids.add(r.path("id").asText()));
            assertThat(ids).hasSize(keys.size());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (String id : ids) {
                JsonNode request;
                do {
                    Thread.sleep(20);
                    request =
                            TestHttp.json(
                                    http.getWithToken(
                                            "/api/v1/requests/" + id, app.token(Role.ADMIN)));
                } while (!List.of("succeeded", "failed").contains(request.path("state").asText())
                        && System.nanoTime() < deadline);
                assertThat(request.path("state").asText()).isEqualTo("succeeded");
            }
        } finally {
            writer.detachAppender(loads);
        }
        assertThat(
                        cached(
                                "SELECT count(*) FROM wb_payouts WHERE payout_id BETWEEN 31 AND 40"
                                        + " AND status = 'approved'"))
                .containsExactly(10L);
        List<String> refreshes =
                loads.list.stream()
                        .map(e -> e.getFormattedMessage())
                        .filter(m -> m.matches("wb_payouts: \\d+ rows read and loaded.*"))
                        .toList();
        long rowsRead = refreshes.stream().mapToLong(m -> Long.parseLong(m.split(" ")[1])).sum();
        System.out.println(
                "bulk run of " + keys.size() + " write-backs: " + refreshes.size() + " refreshes");
        // every written row was read again, and never one refresh per row
        assertThat(rowsRead).isGreaterThanOrEqualTo(keys.size());
        assertThat(refreshes.size()).isLessThan(keys.size());
    }

    @Test
    void a_write_to_a_table_keyed_by_another_column_syncs_that_table_in_full() throws Exception {
        int before =
                ((Number) cached("SELECT decisions FROM wb_people WHERE person_id = 3").get(0))
                        .intValue();
        // payout 12 belongs to person 1 + 12 % 5 = 3
        runAndAwait("count_decision", 12);
        assertThat(cached("SELECT decisions FROM wb_people WHERE person_id = 3"))
                .containsExactly(before + 1);
        assertThat(gridRow("wb_review", 12).path("decisions").asInt()).isEqualTo(before + 1);
    }

    @Test
    void an_attempt_that_finds_its_request_applied_still_refreshes_the_cache() throws Exception {
        JsonNode done = runAndAwait("approve_wb", 21);
        String id = done.path("id").asText();
        List<WriteBackRefresh.Written> told = new CopyOnWriteArrayList<>();
        ActionRequest request = app.rowdesk().outbox().find(id).orElseThrow();
        ActionDefinition definition =
                app.rowdesk().actions().definition("approve_wb").orElseThrow();
        try (OutboundHttp outbound =
                new OutboundHttp(EgressPolicy.publicOnly(), Clock.systemUTC())) {
            Delivery again =
                    new Deliveries(
                                    outbound,
                                    () -> "",
                                    Clock.systemUTC(),
                                    written -> {
                                        told.add(written);
                                        return CompletableFuture.completedFuture(null);
                                    })
                            .deliver(definition, request);
            assertThat(again.kind()).isEqualTo(Delivery.Kind.SUCCEEDED);
            assertThat(again.response()).isEqualTo("already applied by an earlier attempt");
        }
        assertThat(told)
                .containsExactly(
                        new WriteBackRefresh.Written(
                                "app_pg", Optional.of("wb_payouts"), "payout_id", List.of("21")));
    }

    @Test
    void a_refresh_that_fails_leaves_the_write_succeeded_and_says_so_in_the_attempt()
            throws Exception {
        JsonNode done = runAndAwait("approve_wb", 30);
        ActionRequest request = app.rowdesk().outbox().find(done.path("id").asText()).orElseThrow();
        ActionDefinition definition =
                app.rowdesk().actions().definition("approve_wb").orElseThrow();
        try (OutboundHttp outbound =
                new OutboundHttp(EgressPolicy.publicOnly(), Clock.systemUTC())) {
            Delivery again =
                    new Deliveries(
                                    outbound,
                                    () -> "",
                                    Clock.systemUTC(),
                                    written ->
                                            CompletableFuture.failedFuture(
                                                    new IllegalStateException("source is down")))
                            .deliver(definition, request);
            assertThat(again.kind()).isEqualTo(Delivery.Kind.SUCCEEDED);
            assertThat(again.response()).endsWith("the cache refresh failed: source is down");
        }
    }

    @Test
    void the_target_table_is_read_from_the_statement() {
        assertThat(WriteBackRefresh.targetTable("UPDATE payouts SET a = ?")).contains("payouts");
        assertThat(WriteBackRefresh.targetTable("  update ONLY public.Payouts set a = ?"))
                .contains("payouts");
        assertThat(WriteBackRefresh.targetTable("INSERT INTO \"App\".\"Pay\"\"outs\" VALUES (?)"))
                .contains("Pay\"outs");
        assertThat(WriteBackRefresh.targetTable("DELETE FROM payouts WHERE id = ?"))
                .contains("payouts");
        assertThat(WriteBackRefresh.targetTable("WITH x AS (SELECT 1) UPDATE payouts SET a = 1"))
                .isEmpty();
        assertThat(WriteBackRefresh.targetTable("SELECT approve(?)")).isEmpty();
    }
}
