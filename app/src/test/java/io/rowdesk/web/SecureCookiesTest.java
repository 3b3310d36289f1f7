package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behind a TLS-terminating proxy: server.public_url https makes cookies Secure and __Host-. */
class SecureCookiesTest {
    @TempDir Path dir;

    @Test
    void an_https_public_url_makes_the_session_cookie_secure_with_the_host_prefix()
            throws Exception {
        Path config = dir.resolve("https.yaml");
        Files.writeString(config, "server:\n  public_url: https://rowdesk.example.com\n");
        try (TestApp app = TestApp.start(dir.resolve("data"), config)) {
            TestHttp http = new TestHttp(app.baseUrl());
            HttpResponse<String> page = http.get(AuthController.LOGIN);
            String csrfCookie =
                    page.headers().allValues("Set-Cookie").stream()
                            .filter(
                                    c ->
                                            c.startsWith(
                                                    AccessControl.HOST_PREFIX
                                                            + AccessControl.LOGIN_CSRF_COOKIE))
                            .findFirst()
                            .orElseThrow();
            assertThat(csrfCookie).contains("Secure").contains("Path=/").doesNotContain("Domain");
            String pair = csrfCookie.substring(0, csrfCookie.indexOf(';'));
            String token = pair.substring(pair.indexOf('=') + 1);
            HttpResponse<String> login =
                    http.postForm(
                            AuthController.LOGIN,
                            Map.of(
                                    "email",
                                    "viewer@example.com",
                                    "password",
                                    TestApp.PASSWORD,
                                    AccessControl.CSRF_FIELD,
                                    token),
                            pair,
                            true);
            assertThat(login.statusCode()).isEqualTo(302);
            String session =
                    login.headers().allValues("Set-Cookie").stream()
                            .filter(
                                    c ->
                                            c.startsWith(
                                                    AccessControl.HOST_PREFIX
                                                            + AccessControl.SESSION_COOKIE
                                                            + "="))
                            .findFirst()
                            .orElseThrow();
            assertThat(session)
                    .contains("Secure")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/");
            // the invite link uses the public address
            HttpResponse<String> invite =
                    http.send(
                            http.request(UsersController.INVITES_API)
                                    .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                                    .POST(
                                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                                    "{\"email\":\"new@example.com\",\"role\":\"viewer\"}"))
                                    .build());
            assertThat(TestHttp.json(invite).get("url").asText())
                    .startsWith("https://rowdesk.example.com/invite/");
        }
    }

    @Test
    void over_plain_http_without_a_public_url_the_cookie_is_not_secure() throws Exception {
        try (TestApp app = TestApp.start(dir.resolve("data2"))) {
            TestHttp http = new TestHttp(app.baseUrl());
            HttpResponse<String> login =
                    http.postLogin(
                            Map.of("email", "viewer@example.com", "password", TestApp.PASSWORD));
            String session =
                    login.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith(AccessControl.SESSION_COOKIE + "="))
                            .findFirst()
                            .orElseThrow();
            assertThat(session).doesNotContain("Secure");
        }
    }
}
