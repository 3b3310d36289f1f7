package io.rowdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.auth.AuthService;
import io.rowdesk.web.AccessControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for tests: no redirects followed, cookies and tokens set by hand. */
public final class TestHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> getWithToken(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    /** POSTs a JSON body with a bearer token. */
    public HttpResponse<String> postJson(String path, String json, String token) {
        return send(
                request(path)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public HttpResponse<String> getWithCookie(String path, String cookie) {
        return send(request(path).header("Cookie", cookie).GET().build());
    }

    public HttpResponse<String> postForm(
            String path, Map<String, String> form, String cookie, boolean sameOrigin) {
        HttpRequest.Builder builder =
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (sameOrigin) {
            builder.header("Origin", baseUrl);
            csrfFor(cookie).ifPresent(token -> builder.header(AccessControl.CSRF_HEADER, token));
        }
        return send(builder.build());
    }

    /** The CSRF token our pages would hold for this session cookie ("name=value"). */
    public static java.util.Optional<String> csrfFor(String cookie) {
        if (cookie == null || !cookie.contains(AccessControl.SESSION_COOKIE + "=")) {
            return java.util.Optional.empty();
        }
        for (String part : cookie.split(";\\s*")) {
            if (part.startsWith(AccessControl.SESSION_COOKIE + "=")) {
                return java.util.Optional.of(
                        AuthService.csrfTokenFor(part.substring(part.indexOf('=') + 1)));
            }
        }
        return java.util.Optional.empty();
    }

    /** The login form's pre-session CSRF cookie ("name=value") and its token. */
    public record LoginForm(String cookie, String token) {}

    public LoginForm loginForm() {
        HttpResponse<String> page = get("/login");
        String cookie =
                page.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.contains(AccessControl.LOGIN_CSRF_COOKIE + "="))
                        .map(c -> c.substring(0, c.indexOf(';')))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no CSRF cookie on the login page"));
        return new LoginForm(cookie, cookie.substring(cookie.indexOf('=') + 1));
    }

    /** Posts the login form as a browser would: its CSRF cookie and token, our Origin. */
    public HttpResponse<String> postLogin(Map<String, String> fields) {
        LoginForm form = loginForm();
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put(AccessControl.CSRF_FIELD, form.token());
        return postForm("/login", withToken, form.cookie(), true);
    }

    /** The session cookie ("name=value") a response set, if any. */
    public static java.util.Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.contains(AccessControl.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .filter(c -> !c.endsWith("="))
                .findFirst();
    }

    /** Logs in through the form and returns the session cookie ("name=value"). */
    public String login(String email, String password) {
        HttpResponse<String> response = postLogin(Map.of("email", email, "password", password));
        return sessionCookie(response)
                .orElseThrow(
                        () -> new AssertionError("login failed with " + response.statusCode()));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
