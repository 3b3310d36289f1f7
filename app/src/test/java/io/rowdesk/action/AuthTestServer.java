package io.rowdesk.action;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test server on 127.0.0.1 standing in for an HTTP API and its OAuth2 token endpoint (real ones
 * cannot be reached here). {@code POST /token} checks the client's credentials (HTTP Basic, as RFC
 * 6749 section 2.3.1 prefers) and the client-credentials grant, and issues a new random token each
 * time; {@code /api} records the {@code Authorization} header of every call and answers 200, or 401
 * to a token it did not issue or has revoked. It never echoes a header back.
 */
final class AuthTestServer implements AutoCloseable {
    static final String CLIENT_ID = "rowdesk-client";

    /** What the token endpoint answers besides a token: JSON (normal) or a form-encoded body. */
    enum TokenFormat {
        JSON,
        FORM,
        /** JSON with the token unquoted: a broken answer whose parse error quotes the token. */
        BROKEN_JSON
    }

    final String clientSecret = "client-secret-" + UUID.randomUUID();
    private final HttpServer server;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> tokensIssued = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> tokenForms = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 3600;
    private volatile TokenFormat format = TokenFormat.JSON;

    AuthTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/api", this::api);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    void tokenFormat(TokenFormat format) {
        this.format = format;
    }

    /** The destination stops accepting every token issued so far (as after a key rotation). */
    void revokeAll() {
        revoked.addAll(tokensIssued);
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    List<String> tokensIssued() {
        return new ArrayList<>(tokensIssued);
    }

    List<String> tokenForms() {
        return new ArrayList<>(tokenForms);
    }

    /** The {@code Authorization} header of every call of {@code /api}, in order. */
    List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenForms.add(form);
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (CLIENT_ID + ":" + clientSecret)
                                                .getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        String token = "canary_token_" + UUID.randomUUID().toString().replace("-", "");
        tokensIssued.add(token);
        if (format == TokenFormat.FORM) {
            answer(exchange, 200, "access_token=" + token + "&token_type=bearer");
        } else if (format == TokenFormat.BROKEN_JSON) {
            answer(exchange, 200, "{\"access_token\": " + token + "}");
        } else {
            answer(
                    exchange,
                    200,
                    "{\"access_token\": \""
                            + token
                            + "\", \"token_type\": \"Bearer\", \"expires_in\": "
                            + expiresIn
                            + "}");
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        if (authorization != null && authorization.startsWith("Bearer canary_token_")) {
            String token = authorization.substring("Bearer ".length());
            if (!tokensIssued.contains(token) || revoked.contains(token)) {
                answer(exchange, 401, "{\"error\": \"invalid_token\"}");
                return;
            }
        }
        answer(exchange, 200, "{\"ok\": true}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
