package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the audit log records, the admins' page over it, and secrets that never reach it. */
class AuditLogPageTest extends DemoAppTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    static HttpResponse<String> post(String path, String token, String json) {
        return http.send(
                http.request(path)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    static HttpResponse<String> admin(String path) {
        return http.getWithToken(path, app.token(Role.ADMIN));
    }

    @Test
    void sql_runs_guard_refusals_searches_exports_and_denials_are_audited() {
        String builder = app.token(Role.BUILDER);
        assertThat(
                        post(
                                        SqlController.SQL,
                                        builder,
                                        "{\"sql\":\"SELECT count(*) FROM partners\"}")
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        post(SqlController.SQL, builder, "{\"sql\":\"DELETE FROM partners\"}")
                                .statusCode())
                .isIn(400, 422);
        post(
                SearchController.SEARCH,
                builder,
                "{\"q\":\"partners in germany\",\"relation\":\"partners\"}");
        assertThat(http.getWithToken(GridController.exportPath("partners"), builder).statusCode())
                .isEqualTo(200);
        assertThat(http.getWithToken(AuditController.LOG, app.token(Role.VIEWER)).statusCode())
                .isEqualTo(403);

        List<AuditEntry> recent = app.rowdesk().audit().recent(50);
        assertThat(recent)
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("sql.run");
                            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
                            assertThat(e.details().get("sql"))
                                    .isEqualTo("SELECT count(*) FROM partners");
                            assertThat(e.actor()).isEqualTo("builder@example.com");
                        })
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("sql.run.refused");
                            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
                        })
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("search"))
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("export");
                            assertThat(e.target()).isEqualTo("partners");
                        })
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("access.denied");
                            assertThat(e.actor()).isEqualTo("viewer@example.com");
                            assertThat(e.target()).isEqualTo("GET /audit");
                        });
    }

    @Test
    void the_log_page_filters_by_action_outcome_and_text_and_answers_htmx_with_rows_only() {
        post(SqlController.SQL, app.token(Role.BUILDER), "{\"sql\":\"SELECT 'needle-7731' AS x\"}");
        HttpResponse<String> page = admin(AuditController.LOG + "?action=sql.run&q=needle-7731");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Audit log", "needle-7731", "Verify");
        assertThat(page.body()).doesNotContain("auth.login</td>");
        HttpResponse<String> fragment =
                http.send(
                        http.request(AuditController.LOG + "?outcome=denied")
                                .header("Authorization", "Bearer " + app.token(Role.ADMIN))
                                .header(Htmx.REQUEST, "true")
                                .GET()
                                .build());
        assertThat(fragment.body()).doesNotContain("<html").contains("<table class=\"audit\">");
        assertThat(fragment.body()).doesNotContain("<td>success</td>");
        assertThat(admin(AuditController.LOG + "?outcome=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void exports_stream_the_filtered_range_as_csv_and_jsonl() throws Exception {
        post(SqlController.SQL, app.token(Role.BUILDER), "{\"sql\":\"SELECT '=cmd|x' AS y\"}");
        HttpResponse<String> jsonl = admin(AuditController.EXPORT_JSONL + "?action=sql.run");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("action").asText()).startsWith("sql.run");
        }
        HttpResponse<String> csv = admin(AuditController.EXPORT_CSV + "?action=sql.run");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst())
                .contains("seq,at,actor,action,target,outcome,details,hash");
        assertThat(csv.body()).doesNotContain("auth.login");
    }

    @Test
    void the_verify_button_reports_an_intact_chain() {
        HttpResponse<String> verified = post(AuditController.VERIFY, app.token(Role.ADMIN), "");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Intact");
    }

    @Test
    void canary_secrets_in_requests_never_reach_logs_pages_the_audit_log_or_its_export() {
        String canary = "Canary-Secret-4242-zebra";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            HttpResponse<String> login =
                    http.postLogin(Map.of("email", "viewer@example.com", "password", canary));
            assertThat(login.body()).doesNotContain(canary);
            HttpResponse<String> token = http.getWithToken(ApiController.RELATIONS, canary);
            assertThat(token.body()).doesNotContain(canary);
            String cookie = http.login("builder@example.com", TestApp.PASSWORD);
            HttpResponse<String> change =
                    http.postForm(
                            AccountController.PASSWORD,
                            Map.of(
                                    "current_password",
                                    canary,
                                    "new_password",
                                    canary + "-new",
                                    "confirm",
                                    canary + "-new"),
                            cookie,
                            true);
            assertThat(change.body()).doesNotContain(canary);
            HttpResponse<String> user =
                    post(
                            UsersController.USERS_API,
                            app.token(Role.ADMIN),
                            "{\"email\":\"weak@example.com\",\"role\":\"viewer\",\"password\":\""
                                    + canary.substring(0, 8)
                                    + "\"}");
            assertThat(user.body()).doesNotContain(canary.substring(0, 8));
        } finally {
            root.detachAppender(logs);
        }
        app.rowdesk().auth().flushAudit();
        assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString())
                .doesNotContain(canary);
        assertThat(app.rowdesk().audit().recent(500).toString()).doesNotContain(canary);
        assertThat(admin(AuditController.EXPORT_JSONL).body()).doesNotContain(canary);
        assertThat(admin(AuditController.EXPORT_CSV).body()).doesNotContain(canary);
        assertThat(admin(AuditController.LOG + "?q=Canary").body()).doesNotContain(canary);
    }
}
