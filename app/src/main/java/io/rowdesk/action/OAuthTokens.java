package io.rowdesk.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 client-credentials tokens, fetched on first use, cached until shortly before they expire
 * and fetched again then (or when a destination answers 401). Tokens and secrets are never logged
 * or recorded: attempts store the destination's answer, not ours.
 */
public final class OAuthTokens {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration EARLY = Duration.ofSeconds(30);

    private record Cached(String token, Instant expiresAt) {}

    private final OutboundHttp http;
    private final Clock clock;
    private final Map<HttpAuth.OAuth2ClientCredentials, Cached> cache = new ConcurrentHashMap<>();

    public OAuthTokens(OutboundHttp http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public String token(HttpAuth.OAuth2ClientCredentials auth, Duration timeout)
            throws IOException {
        Cached cached = cache.get(auth);
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return cached.token();
        }
        synchronized (this) {
            cached = cache.get(auth);
            if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
                return cached.token();
            }
            StringBuilder form = new StringBuilder("grant_type=client_credentials");
            if (auth.scope() != null) {
                form.append("&scope=")
                        .append(URLEncoder.encode(auth.scope(), StandardCharsets.UTF_8));
            }
            String basic =
                    Base64.getEncoder()
                            .encodeToString(
                                    (URLEncoder.encode(auth.clientId(), StandardCharsets.UTF_8)
                                                    + ":"
                                                    + URLEncoder.encode(
                                                            auth.clientSecret(),
                                                            StandardCharsets.UTF_8))
                                            .getBytes(StandardCharsets.UTF_8));
            OutboundHttp.Response response =
                    http.send(
                            "POST",
                            URI.create(auth.tokenUrl()),
                            Map.of(
                                    "Content-Type", "application/x-www-form-urlencoded",
                                    "Accept", "application/json",
                                    "Authorization", "Basic " + basic),
                            form.toString().getBytes(StandardCharsets.UTF_8),
                            timeout);
            if (response.status() != 200) {
                throw new IOException(
                        "the token endpoint answered "
                                + response.status()
                                + " (token not fetched)");
            }
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                // the parser's message quotes the answer, which may hold the token: not recorded
                throw new IOException("the token endpoint answered something other than JSON");
            }
            if (json == null || !json.isObject()) {
                throw new IOException("the token endpoint answered something other than JSON");
            }
            String token = json.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new IOException("the token endpoint answered no access_token");
            }
            long expiresIn = json.path("expires_in").asLong(300);
            Instant expiresAt = clock.instant().plusSeconds(expiresIn).minus(EARLY);
            cache.put(auth, new Cached(token, expiresAt));
            return token;
        }
    }

    /** Forgets a token that a destination refused (401), so the next attempt fetches a new one. */
    public void invalidate(HttpAuth.OAuth2ClientCredentials auth) {
        cache.remove(auth);
    }
}
