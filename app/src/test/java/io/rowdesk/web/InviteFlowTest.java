package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin invites through the users page, the invitee sets a password on the invite page. */
class InviteFlowTest extends DemoAppTest {
    @Test
    void an_invite_from_the_users_page_creates_a_user_with_its_role_once() {
        String admin = http.login(TestApp.email(Role.ADMIN), TestApp.ADMIN_PASSWORD);
        HttpResponse<String> users = http.getWithCookie(UsersController.USERS, admin);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("viewer@example.com", "Create invite link");

        HttpResponse<String> created =
                http.postForm(
                        UsersController.USERS_INVITE,
                        Map.of("email", "invitee@example.com", "role", "builder"),
                        admin,
                        true);
        assertThat(created.statusCode()).isEqualTo(200);
        String link = created.body().replaceAll("(?s).*value=\"([^\"]*/invite/[^\"]+)\".*", "$1");
        String path = URI.create(link).getPath();
        assertThat(path).startsWith("/invite/");

        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("builder", "invitee@example.com");

        assertThat(accept(path, "password1234").statusCode()).isEqualTo(400);
        HttpResponse<String> accepted = accept(path, TestApp.PASSWORD);
        assertThat(accepted.statusCode()).isEqualTo(302);
        String cookie = http.login("invitee@example.com", TestApp.PASSWORD);
        assertThat(http.getWithCookie(RelationController.HOME, cookie).body()).contains("builder");

        assertThat(accept(path, TestApp.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get(path).body()).contains("not valid any more");
    }

    @Test
    void the_users_page_changes_a_role_and_disables_a_user() {
        var user =
                app.rowdesk()
                        .auth()
                        .createUser("pagetest@example.com", Role.VIEWER, TestApp.PASSWORD, "test");
        String target = http.login("pagetest@example.com", TestApp.PASSWORD);
        String admin = http.login(TestApp.email(Role.ADMIN), TestApp.ADMIN_PASSWORD);
        String path = UsersController.USER_UPDATE.replace("{id}", Long.toString(user.id()));
        assertThat(http.postForm(path, Map.of("role", "builder"), admin, true).statusCode())
                .isEqualTo(302);
        assertThat(http.getWithCookie(RelationController.HOME, target).body()).contains("builder");
        assertThat(http.postForm(path, Map.of("disabled", "true"), admin, true).statusCode())
                .isEqualTo(302);
        assertThat(http.getWithCookie(RelationController.HOME, target).statusCode()).isEqualTo(302);
        assertThat(http.getWithCookie(UsersController.USERS, admin).body())
                .contains("pagetest@example.com", "disabled");
        // a viewer cannot use the page's form
        String viewer = http.login("viewer@example.com", TestApp.PASSWORD);
        assertThat(http.postForm(path, Map.of("disabled", "false"), viewer, true).statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_tokens_api_shows_a_token_once_and_never_again() {
        String viewer = app.token(Role.VIEWER);
        HttpResponse<String> created =
                http.send(
                        http.request(AccountController.TOKENS_API)
                                .header("Authorization", "Bearer " + viewer)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cron\"}"))
                                .build());
        assertThat(created.statusCode()).isEqualTo(201);
        String token = TestHttp.json(created).get("token").asText();
        long id = TestHttp.json(created).get("id").asLong();
        assertThat(http.getWithToken(ApiController.RELATIONS, token).statusCode()).isEqualTo(200);
        HttpResponse<String> list = http.getWithToken(AccountController.TOKENS_API, viewer);
        assertThat(list.body()).contains("cron").doesNotContain(token);
        HttpResponse<String> revoked =
                http.send(
                        http.request(AccountController.TOKEN_API.replace("{id}", Long.toString(id)))
                                .header("Authorization", "Bearer " + viewer)
                                .DELETE()
                                .build());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(http.getWithToken(ApiController.RELATIONS, token).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> accept(String path, String password) {
        TestHttp.LoginForm form = http.loginForm();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("password", password);
        fields.put("confirm", password);
        fields.put(AccessControl.CSRF_FIELD, form.token());
        return http.postForm(path, fields, form.cookie(), true);
    }
}
