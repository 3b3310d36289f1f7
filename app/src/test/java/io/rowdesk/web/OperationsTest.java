package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Metrics for admins, and the security headers on every answer, Jetty's own included. */
class OperationsTest extends DemoAppTest {
    @Test
    void metrics_are_prometheus_text_for_admins_only() {
        http.getWithToken(ApiController.RELATIONS, app.token(Role.VIEWER));
        HttpResponse<String> metrics =
                http.getWithToken(MetricsController.METRICS, app.token(Role.ADMIN));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes")
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",outcome=\"ok\",route=\"/api/v1/relations\"}")
                .contains("rowdesk_queries_total")
                .contains("rowdesk_queries_runaway")
                .contains("rowdesk_sync_tables{state=\"failed\"} 0.0")
                .contains("rowdesk_action_requests{state=\"succeeded\"}");
        assertThat(metrics.body()).containsPattern("rowdesk_sync_tables\\{state=\"ok\"} [1-9]");
        assertThat(
                        http.getWithToken(MetricsController.METRICS, app.token(Role.BUILDER))
                                .statusCode())
                .isEqualTo(403);
        assertThat(http.get(MetricsController.METRICS).statusCode()).isEqualTo(401);
    }

    @Test
    void jettys_own_error_pages_carry_the_security_headers() throws Exception {
        for (String target : new String[] {"/%zz", "/a/../../etc/passwd", "/\\x"}) {
            String response =
                    raw(
                            "GET "
                                    + target
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response).as(target).startsWith("HTTP/1.1 4");
            assertThat(response).as(target).contains("Content-Security-Policy: default-src 'self'");
            assertThat(response).as(target).contains("X-Content-Type-Options: nosniff");
        }
    }

    @Test
    void our_own_error_pages_and_redirects_carry_them_too() {
        for (HttpResponse<String> response :
                java.util.List.of(
                        http.get("/nothing-here"),
                        http.get(RelationController.HOME),
                        http.getWithToken("/api/v1/nothing", app.token(Role.ADMIN)),
                        http.postLogin(
                                java.util.Map.of(
                                        "email", "x@example.com", "password", TestApp.PASSWORD)))) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(response.uri() + " " + response.statusCode())
                    .isPresent();
        }
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.rowdesk().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
