package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.auth.Role;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions as an attacker sees them: redirects, CSRF, rotation, revocation and throttling. */
class SessionSecurityTest extends DemoAppTest {
    static final List<String> OPEN_REDIRECTS =
            List.of(
                    "/\t/evil.example/phish",
                    "/\n/evil.example/phish",
                    "/\r/evil.example",
                    "//evil.example/phish",
                    "/\\evil.example",
                    "\\\\evil.example",
                    "/%09/evil.example/phish",
                    "/%2F/evil.example",
                    "/%5Cevil.example",
                    "https://evil.example/",
                    "https:evil.example",
                    "javascript:alert(document.cookie)",
                    "evil.example",
                    " /relations",
                    "/relations\r\nSet-Cookie: x=y",
                    "/\u200b/evil.example");

    @Test
    void next_after_login_never_leaves_the_site() {
        for (String next : OPEN_REDIRECTS) {
            assertThat(AuthController.safeNext(next)).as(next).isEqualTo("/");
        }
        assertThat(AuthController.safeNext("/relations/payouts?q=big%20payouts"))
                .isEqualTo("/relations/payouts?q=big%20payouts");
    }

    @Test
    void the_open_redirect_corpus_is_refused_by_the_login_form_and_the_logged_in_login_page() {
        for (String next : OPEN_REDIRECTS) {
            HttpResponse<String> response =
                    http.postLogin(
                            Map.of(
                                    "email",
                                    "viewer@example.com",
                                    "password",
                                    TestApp.PASSWORD,
                                    "next",
                                    next));
            assertThat(response.statusCode()).as(next).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(next).contains("/");
        }
        String cookie = http.login("viewer@example.com", TestApp.PASSWORD);
        for (String next : OPEN_REDIRECTS) {
            HttpResponse<String> response =
                    http.getWithCookie(
                            "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                            cookie);
            assertThat(response.headers().firstValue("Location")).as(next).contains("/");
        }
    }

    @Test
    void cookie_authenticated_writes_need_the_csrf_token_and_our_origin() {
        String cookie = http.login("viewer@example.com", TestApp.PASSWORD);
        String token = TestHttp.csrfFor(cookie).orElseThrow();
        // no token
        assertThat(logout(cookie, app.baseUrl(), null, null).statusCode()).isEqualTo(403);
        // wrong token
        assertThat(logout(cookie, app.baseUrl(), "not-the-token", null).statusCode())
                .isEqualTo(403);
        // right token, foreign Origin
        assertThat(logout(cookie, "https://evil.example", token, null).statusCode()).isEqualTo(403);
        // right token and Origin, but the browser says the request is cross-site
        assertThat(logout(cookie, app.baseUrl(), token, "cross-site").statusCode()).isEqualTo(403);
        // the session survived all of them
        assertThat(http.getWithCookie(RelationController.HOME, cookie).statusCode()).isEqualTo(200);
        assertThat(logout(cookie, app.baseUrl(), token, "same-origin").statusCode()).isEqualTo(302);
        assertThat(http.getWithCookie(RelationController.HOME, cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void login_itself_needs_the_form_token_that_matches_its_cookie() {
        Map<String, String> fields =
                Map.of("email", "viewer@example.com", "password", TestApp.PASSWORD);
        // a login form posted from another site carries no matching cookie
        HttpResponse<String> noToken = http.postForm(AuthController.LOGIN, fields, null, true);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(TestHttp.sessionCookie(noToken)).isEmpty();
        TestHttp.LoginForm form = http.loginForm();
        Map<String, String> forged = new java.util.HashMap<>(fields);
        forged.put(AccessControl.CSRF_FIELD, "attacker-chosen");
        assertThat(http.postForm(AuthController.LOGIN, forged, form.cookie(), true).statusCode())
                .isEqualTo(403);
        forged.put(AccessControl.CSRF_FIELD, form.token());
        assertThat(http.postForm(AuthController.LOGIN, forged, form.cookie(), false).statusCode())
                .as("right token, no Origin")
                .isEqualTo(403);
    }

    @Test
    void requests_with_a_bearer_token_need_no_csrf_token() {
        HttpResponse<String> response =
                http.send(
                        http.request(AccountController.TOKENS_API)
                                .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ci\"}"))
                                .build());
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void login_rotates_the_session_and_the_old_cookie_stops_working() {
        String first = http.login("builder@example.com", TestApp.PASSWORD);
        TestHttp.LoginForm form = http.loginForm();
        HttpResponse<String> again =
                http.postForm(
                        AuthController.LOGIN,
                        Map.of(
                                "email",
                                "builder@example.com",
                                "password",
                                TestApp.PASSWORD,
                                AccessControl.CSRF_FIELD,
                                form.token()),
                        first + "; " + form.cookie(),
                        true);
        String second = TestHttp.sessionCookie(again).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(http.getWithCookie(RelationController.HOME, first).statusCode()).isEqualTo(302);
        assertThat(http.getWithCookie(RelationController.HOME, second).statusCode()).isEqualTo(200);
    }

    @Test
    void a_disabled_user_loses_sessions_and_tokens_on_the_next_request() {
        String email = "leaver@example.com";
        long id = createUser(email, "builder");
        String cookie = http.login(email, TestApp.PASSWORD);
        var user = app.rowdesk().auth().findUser(email).orElseThrow();
        String token = app.rowdesk().auth().createApiToken(user, "script");
        assertThat(http.getWithCookie(RelationController.HOME, cookie).statusCode()).isEqualTo(200);
        assertThat(http.getWithToken(ApiController.RELATIONS, token).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = patchUser(id, "{\"disabled\": true}");
        assertThat(disabled.statusCode()).isEqualTo(200);

        // no cache expiry to wait for: the very next request is refused
        assertThat(http.getWithCookie(RelationController.HOME, cookie).statusCode()).isEqualTo(302);
        assertThat(http.getWithToken(ApiController.RELATIONS, token).statusCode()).isEqualTo(401);
        assertThat(app.rowdesk().audit().recent(5))
                .anySatisfy(
                        e -> {
                            assertThat(e.action()).isEqualTo("user.update");
                            assertThat(e.target()).isEqualTo(email);
                        });
    }

    @Test
    void a_role_change_applies_on_the_next_request() {
        String email = "mover@example.com";
        long id = createUser(email, "builder");
        var user = app.rowdesk().auth().findUser(email).orElseThrow();
        String token = app.rowdesk().auth().createApiToken(user, "script");
        HttpResponse<String> sql = sql(token);
        assertThat(sql.statusCode()).isEqualTo(200);
        assertThat(patchUser(id, "{\"role\": \"viewer\"}").statusCode()).isEqualTo(200);
        assertThat(sql(token).statusCode()).isEqualTo(403);
    }

    @Test
    void changing_the_password_ends_the_other_sessions_at_once() {
        String email = "changer@example.com";
        createUser(email, "viewer");
        String here = http.login(email, TestApp.PASSWORD);
        String elsewhere = http.login(email, TestApp.PASSWORD);
        String newPassword = "Another-sturdy-passphrase-55";
        HttpResponse<String> changed =
                http.postForm(
                        AccountController.PASSWORD,
                        Map.of(
                                "current_password",
                                TestApp.PASSWORD,
                                "new_password",
                                newPassword,
                                "confirm",
                                newPassword),
                        here,
                        true);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(http.getWithCookie(RelationController.HOME, elsewhere).statusCode())
                .isEqualTo(302);
        assertThat(http.getWithCookie(RelationController.HOME, here).statusCode()).isEqualTo(200);
        http.login(email, newPassword);
    }

    @Test
    void a_weak_new_password_is_refused_with_the_reason() {
        String cookie = http.login("viewer@example.com", TestApp.PASSWORD);
        HttpResponse<String> response =
                http.postForm(
                        AccountController.PASSWORD,
                        Map.of(
                                "current_password",
                                TestApp.PASSWORD,
                                "new_password",
                                "password1234",
                                "confirm",
                                "password1234"),
                        cookie,
                        true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("too easy to guess");
    }

    @Test
    void repeated_failed_logins_are_throttled_with_retry_after_and_audited_without_flooding() {
        String email = "target@example.com";
        createUser(email, "viewer");
        int refused = 0;
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 12 && throttled == null; i++) {
            HttpResponse<String> response =
                    http.postLogin(Map.of("email", email, "password", "wrong guess " + i));
            if (response.statusCode() == 429) {
                throttled = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
                refused++;
            }
        }
        assertThat(throttled).as("a 429 after repeated failures").isNotNull();
        assertThat(refused).isGreaterThanOrEqualTo(5);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many failed logins");
        // the right password does not get through while the account waits
        HttpResponse<String> right =
                http.postLogin(Map.of("email", email, "password", TestApp.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(429);

        app.rowdesk().auth().flushAudit();
        List<AuditEntry> entries =
                app.rowdesk().audit().recent(200).stream()
                        .filter(e -> email.equals(e.target()))
                        .filter(e -> e.action().startsWith("auth.login"))
                        .toList();
        // one entry per kind of refusal plus one summary each, not one per attempt
        assertThat(entries.size()).isLessThan(refused);
        assertThat(entries)
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("auth.login.repeated"));
    }

    private static HttpResponse<String> logout(
            String cookie, String origin, String token, String fetchSite) {
        HttpRequest.Builder builder =
                http.request(AuthController.LOGOUT)
                        .header("Cookie", cookie)
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            builder.header(AccessControl.CSRF_HEADER, token);
        }
        if (fetchSite != null) {
            builder.header("Sec-Fetch-Site", fetchSite);
        }
        return http.send(builder.build());
    }

    static long createUser(String email, String role) {
        HttpResponse<String> response =
                http.send(
                        http.request(UsersController.USERS_API)
                                .header("Authorization", "Bearer " + app.token(Role.ADMIN))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"email\":\""
                                                        + email
                                                        + "\",\"role\":\""
                                                        + role
                                                        + "\",\"password\":\""
                                                        + TestApp.PASSWORD
                                                        + "\"}"))
                                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).get("id").asLong();
    }

    private static HttpResponse<String> patchUser(long id, String body) {
        return http.send(
                http.request(UsersController.USER_API.replace("{id}", Long.toString(id)))
                        .header("Authorization", "Bearer " + app.token(Role.ADMIN))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private static HttpResponse<String> sql(String token) {
        return http.send(
                http.request(SqlController.SQL)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}"))
                        .build());
    }
}
