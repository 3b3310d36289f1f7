package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginFlowTest extends DemoAppTest {
    @Test
    void login_page_shows_the_form_fields() {
        HttpResponse<String> page = http.get(AuthController.LOGIN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"email\"", "name=\"password\"", "action=\"/login\"");
    }

    @Test
    void login_sets_an_http_only_same_site_session_cookie_and_redirects_to_next() {
        HttpResponse<String> response =
                http.postLogin(
                        Map.of(
                                "email",
                                "viewer@example.com",
                                "password",
                                TestApp.PASSWORD,
                                "next",
                                "/relations/payouts"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/relations/payouts");
        String cookie =
                response.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(AccessControl.SESSION_COOKIE))
                        .findFirst()
                        .orElseThrow();
        assertThat(cookie)
                .startsWith(AccessControl.SESSION_COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    @Test
    void login_never_redirects_to_another_site() {
        HttpResponse<String> response =
                http.postLogin(
                        Map.of(
                                "email",
                                "viewer@example.com",
                                "password",
                                TestApp.PASSWORD,
                                "next",
                                "//evil.example/x"));
        assertThat(response.headers().firstValue("Location")).contains("/");
    }

    @Test
    void wrong_password_is_refused_with_a_clear_message_and_audited() {
        HttpResponse<String> response =
                http.postLogin(Map.of("email", "viewer@example.com", "password", "guess"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.sessionCookie(response)).isEmpty();
        assertThat(response.body()).contains("do not match");
        List<AuditEntry> recent = app.rowdesk().audit().recent(5);
        assertThat(recent)
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("auth.login");
                            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
                            assertThat(e.target()).isEqualTo("viewer@example.com");
                        });
        assertThat(recent.toString()).doesNotContain("guess");
    }

    @Test
    void session_cookie_opens_pages_and_logout_ends_it() {
        String cookie = http.login("builder@example.com", TestApp.PASSWORD);
        HttpResponse<String> home = http.getWithCookie(RelationController.HOME, cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("builder@example.com", "payout_review", "lead_events");

        HttpResponse<String> logout = http.postForm(AuthController.LOGOUT, Map.of(), cookie, true);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(http.getWithCookie(RelationController.HOME, cookie).statusCode()).isEqualTo(302);
        assertThat(app.rowdesk().audit().recent(10))
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("auth.logout");
                            assertThat(e.actor()).isEqualTo("builder@example.com");
                        });
    }

    @Test
    void a_cookie_authenticated_post_from_another_origin_is_refused() {
        String cookie = http.login("viewer@example.com", TestApp.PASSWORD);
        HttpResponse<String> response =
                http.send(
                        http.request(AuthController.LOGOUT)
                                .header("Cookie", cookie)
                                .header("Origin", "https://evil.example")
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.getWithCookie(RelationController.HOME, cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void admin_token_from_the_environment_works_for_the_api() {
        HttpResponse<String> response =
                http.getWithToken(ApiController.RELATIONS, TestApp.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(app.token(Role.ADMIN)).isEqualTo(TestApp.ADMIN_TOKEN);
    }
}
