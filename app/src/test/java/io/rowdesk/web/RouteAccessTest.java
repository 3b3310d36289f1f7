package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Table-driven over every registered route: a new route without a role check fails here. */
class RouteAccessTest extends DemoAppTest {
    private static final Set<HandlerType> HTTP_METHODS =
            Set.of(
                    HandlerType.GET,
                    HandlerType.POST,
                    HandlerType.PUT,
                    HandlerType.PATCH,
                    HandlerType.DELETE,
                    HandlerType.OPTIONS);

    @Test
    void every_javalin_endpoint_is_a_declared_route_with_a_role() {
        Set<String> declared =
                app.rowdesk().routes().stream()
                        .map(r -> r.method() + " " + r.path())
                        .collect(Collectors.toSet());
        var endpoints = app.rowdesk().web().registeredEndpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(declared.size());
        for (WebServer.RegisteredEndpoint endpoint : endpoints) {
            if (!HTTP_METHODS.contains(endpoint.method())) {
                continue; // before/after filters, and HEAD which Javalin adds for GET routes
            }
            assertThat(declared)
                    .as("route %s %s is in Routes.all()", endpoint.method(), endpoint.path())
                    .contains(endpoint.method() + " " + endpoint.path());
            assertThat(endpoint.role())
                    .as("role of %s %s", endpoint.method(), endpoint.path())
                    .isNotNull();
        }
    }

    @Test
    void every_route_refuses_anonymous_callers_and_lower_roles() {
        for (Route route : app.rowdesk().routes()) {
            String path =
                    route.path()
                            .replace("{relation}", "partners")
                            .replace("{source}", "app")
                            .replace("{id}", "999999")
                            .replace("{token}", "not-an-invite")
                            .replace("{name}", "nothing")
                            .replace("{batch}", "nothing");
            String label = route.method() + " " + route.path();
            HttpResponse<String> anonymous = call(route.method(), path, null);
            if (route.path().equals(MetricsController.METRICS)) {
                // public to the router so a scraper's token (not a user) can pass; the handler
                // itself admits only admins and that token
                assertThat(anonymous.statusCode()).as(label).isEqualTo(401);
                for (Role role : Role.assignable()) {
                    assertThat(call(route.method(), path, app.token(role)).statusCode())
                            .as("%s as %s", label, role)
                            .isEqualTo(role == Role.ADMIN ? 200 : 403);
                }
                continue;
            }
            if (route.role() == Role.PUBLIC) {
                if (route.method() == HandlerType.GET) {
                    assertThat(anonymous.statusCode()).as(label).isNotIn(401, 403);
                } else if (route.path().equals(ActionController.DEMO_RECEIVER)) {
                    // a machine endpoint (the demo's webhook receiver): no session to forge
                    assertThat(anonymous.statusCode()).as(label).isNotIn(401, 403);
                } else {
                    // a form post without its CSRF token and Origin (login CSRF)
                    assertThat(anonymous.statusCode()).as(label).isEqualTo(403);
                }
                continue;
            }
            if (path.startsWith("/api/")) {
                assertThat(anonymous.statusCode()).as(label).isEqualTo(401);
                assertThat(TestHttp.json(anonymous).get("kind").asText())
                        .isEqualTo("unauthenticated");
            } else {
                assertThat(anonymous.statusCode()).as(label).isEqualTo(302);
                assertThat(anonymous.headers().firstValue("Location"))
                        .get()
                        .asString()
                        .startsWith("/login");
            }
            for (Role role : Role.assignable()) {
                HttpResponse<String> response = call(route.method(), path, app.token(role));
                if (role.includes(route.role())) {
                    assertThat(response.statusCode()).as("%s as %s", label, role).isNotIn(401, 403);
                } else {
                    assertThat(response.statusCode()).as("%s as %s", label, role).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void every_answer_carries_the_security_headers() {
        HttpResponse<String> response = http.get(ApiController.HEALTH);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void an_unknown_token_is_not_a_login() {
        HttpResponse<String> response = http.getWithToken(ApiController.RELATIONS, "not-a-token");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unknown_api_paths_answer_json_404() {
        HttpResponse<String> response =
                http.getWithToken("/api/v1/nothing-here", app.token(Role.ADMIN));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(response).get("kind").asText()).isEqualTo("not_found");
    }

    @Test
    void static_assets_and_htmx_are_served_without_login() {
        assertThat(http.get(Assets.CSS).statusCode()).isEqualTo(200);
        HttpResponse<String> htmx = http.get(Assets.HTMX);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    private static HttpResponse<String> call(HandlerType method, String path, String token) {
        HttpRequest.Builder builder = http.request(path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (method == HandlerType.GET) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method.name(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build());
    }
}
