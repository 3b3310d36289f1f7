package io.rowdesk.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.action.http.DestinationRefusedException;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.json.Json;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one attempt of a request to its destination and classifies what came back. The request id
 * goes as {@code Idempotency-Key} and {@code webhook-id} on every attempt and never changes.
 */
public final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    static final String APPLIED_TABLE = "rowdesk_applied_actions";

    private final OutboundHttp http;
    private final OAuthTokens tokens;
    private final Supplier<String> selfBaseUrl;
    private final Clock clock;
    private final Set<String> appliedTableReady = ConcurrentHashMap.newKeySet();
    private final WriteBackRefresh refresh;

    /** How long a write-back's attempt waits for the cache to show its rows before it is done. */
    static final Duration REFRESH_WAIT = Duration.ofSeconds(30);

    /**
     * @param selfBaseUrl this server's own address, for destinations written as a path (the demo
     *     receiver)
     */
    public Deliveries(OutboundHttp http, Supplier<String> selfBaseUrl, Clock clock) {
        this(http, selfBaseUrl, clock, WriteBackRefresh.NONE);
    }

    /**
     * @param refresh told after each postgres write-back, so the cache re-reads the written rows
     *     before the attempt counts as succeeded
     */
    public Deliveries(
            OutboundHttp http,
            Supplier<String> selfBaseUrl,
            Clock clock,
            WriteBackRefresh refresh) {
        this.refresh = Objects.requireNonNull(refresh, "refresh is null");
        this.http = Objects.requireNonNull(http, "http is null");
        this.selfBaseUrl = Objects.requireNonNull(selfBaseUrl, "selfBaseUrl is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.tokens = new OAuthTokens(http, clock);
    }

    public Delivery deliver(ActionDefinition definition, ActionRequest request) {
        Destination destination = definition.destination();
        try {
            if (destination instanceof Destination.Webhook webhook) {
                return webhook(webhook, request);
            }
            if (destination instanceof Destination.Http api) {
                return api(api, request);
            }
            return postgres((Destination.Postgres) destination, definition, request);
        } catch (DestinationRefusedException e) {
            return Delivery.of(Delivery.Kind.FAILED, null, "refused", e.getMessage());
        } catch (SocketTimeoutException e) {
            return Delivery.of(Delivery.Kind.RETRY, null, "timeout", e.getMessage());
        } catch (IOException e) {
            return Delivery.of(
                    Delivery.Kind.RETRY,
                    null,
                    "connection: " + e.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    private Delivery webhook(Destination.Webhook webhook, ActionRequest request)
            throws IOException {
        String body = request.payload();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Rowdesk");
        headers.put("Idempotency-Key", request.id());
        headers.putAll(
                StandardWebhooks.headers(
                        webhook.signingSecret(),
                        request.id(),
                        clock.instant().getEpochSecond(),
                        body));
        OutboundHttp.Response response =
                http.send(
                        "POST",
                        uri(webhook.url()),
                        headers,
                        body.getBytes(StandardCharsets.UTF_8),
                        webhook.timeout());
        return Delivery.ofStatus(response.status(), response.body(), response.retryAfter());
    }

    private Delivery api(Destination.Http api, ActionRequest request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Rowdesk");
        headers.put("Content-Type", "application/json");
        headers.putAll(api.headers());
        headers.put("Idempotency-Key", request.id());
        headers.put(StandardWebhooks.ID, request.id());
        HttpAuth auth = api.auth();
        if (auth instanceof HttpAuth.Bearer bearer) {
            headers.put("Authorization", "Bearer " + bearer.token());
        } else if (auth instanceof HttpAuth.Basic basic) {
            headers.put(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (basic.user() + ":" + basic.password())
                                                    .getBytes(StandardCharsets.UTF_8)));
        } else if (auth instanceof HttpAuth.OAuth2ClientCredentials oauth) {
            try {
                headers.put("Authorization", "Bearer " + tokens.token(oauth, api.timeout()));
            } catch (DestinationRefusedException refused) {
                throw refused;
            } catch (IOException e) {
                return Delivery.of(Delivery.Kind.RETRY, null, "oauth2 token", e.getMessage());
            }
        }
        boolean withBody = !api.method().equals("GET") && !api.method().equals("DELETE");
        OutboundHttp.Response response =
                http.send(
                        api.method(),
                        uri(request.target()),
                        headers,
                        withBody && request.payload() != null
                                ? request.payload().getBytes(StandardCharsets.UTF_8)
                                : null,
                        api.timeout());
        if (response.status() == 401 && auth instanceof HttpAuth.OAuth2ClientCredentials oauth) {
            // an expired or revoked token: fetch a new one on the next attempt
            tokens.invalidate(oauth);
            return new Delivery(
                    Delivery.Kind.RETRY,
                    401,
                    "token refused",
                    Delivery.truncate(response.body()),
                    java.util.Optional.empty());
        }
        return Delivery.ofStatus(response.status(), response.body(), response.retryAfter());
    }

    private URI uri(String url) {
        return URI.create(url.startsWith("/") ? selfBaseUrl.get() + url : url);
    }

    /**
     * One transaction: the request id into {@code rowdesk_applied_actions} (unique) and the
     * statement. A retry after an unknown outcome finds the id there and changes nothing.
     */
    private Delivery postgres(
            Destination.Postgres postgres, ActionDefinition definition, ActionRequest request) {
        JsonNode stored;
        try {
            stored = JSON.readTree(request.payload());
        } catch (IOException e) {
            return Delivery.of(Delivery.Kind.FAILED, null, "bad payload", e.getMessage());
        }
        String sql = stored.path("sql").asText();
        List<Object> params = new ArrayList<>();
        stored.path("params").forEach(node -> params.add(jdbcValue(node)));
        Properties properties = new Properties();
        if (postgres.user() != null) {
            properties.setProperty("user", postgres.user());
        }
        if (postgres.password() != null) {
            properties.setProperty("password", postgres.password());
        }
        long seconds = Math.max(1, postgres.timeout().toSeconds());
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("socketTimeout", Long.toString(seconds + 5));
        properties.setProperty("ApplicationName", "rowdesk-actions");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), properties)) {
            ensureAppliedTable(connection, postgres.jdbcUrl());
            connection.setAutoCommit(false);
            try {
                int marked;
                try (PreparedStatement mark =
                        connection.prepareStatement(
                                "INSERT INTO "
                                        + APPLIED_TABLE
                                        + " (request_id, action) VALUES (?, ?) ON CONFLICT"
                                        + " (request_id) DO NOTHING")) {
                    mark.setString(1, request.id());
                    mark.setString(2, definition.name());
                    marked = mark.executeUpdate();
                }
                if (marked == 0) {
                    connection.rollback();
                    // the earlier attempt may have ended before the cache was refreshed
                    return Delivery.of(
                            Delivery.Kind.SUCCEEDED,
                            null,
                            null,
                            "already applied by an earlier attempt"
                                    + refreshCache(postgres, definition, sql, request));
                }
                int changed;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setQueryTimeout((int) seconds);
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    changed = statement.executeUpdate();
                }
                connection.commit();
                return Delivery.of(
                        Delivery.Kind.SUCCEEDED,
                        null,
                        null,
                        changed
                                + " row(s) changed"
                                + refreshCache(postgres, definition, sql, request));
            } catch (SQLException e) {
                safeRollback(connection);
                throw e;
            }
        } catch (SQLTimeoutException e) {
            return Delivery.of(Delivery.Kind.RETRY, null, "timeout", e.getMessage());
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            boolean transientFailure =
                    state.startsWith("08")
                            || state.equals("40001")
                            || state.equals("40P01")
                            || state.startsWith("53")
                            || state.startsWith("57");
            return Delivery.of(
                    transientFailure ? Delivery.Kind.RETRY : Delivery.Kind.FAILED,
                    null,
                    "sql " + state,
                    e.getMessage());
        }
    }

    /**
     * Re-reads the written row into the cache and waits (up to {@link #REFRESH_WAIT}) until the
     * grid shows it. The write is committed whatever happens here: a refresh that fails or takes
     * longer is noted in the attempt's answer, never retried as a delivery.
     */
    private String refreshCache(
            Destination.Postgres postgres,
            ActionDefinition definition,
            String sql,
            ActionRequest request) {
        String key;
        try {
            JsonNode node = JSON.readTree(request.rowKey());
            key = node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asText();
        } catch (IOException e) {
            key = request.rowKey();
        }
        WriteBackRefresh.Written written =
                new WriteBackRefresh.Written(
                        postgres.source(),
                        WriteBackRefresh.targetTable(sql),
                        definition.key(),
                        List.of(key));
        try {
            refresh.refresh(written).get(REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return "";
        } catch (TimeoutException e) {
            LOG.warn(
                    "The cache refresh after request {} is still running after {}",
                    request.id(),
                    REFRESH_WAIT);
            return "; the cache refresh is still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "; the cache refresh was interrupted";
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn(
                    "The cache refresh after request {} failed: {}",
                    request.id(),
                    cause.getMessage());
            return "; the cache refresh failed: " + cause.getMessage();
        }
    }

    private void ensureAppliedTable(Connection connection, String jdbcUrl) throws SQLException {
        if (appliedTableReady.contains(jdbcUrl)) {
            return;
        }
        try (var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS "
                            + APPLIED_TABLE
                            + " (request_id text PRIMARY KEY, action text NOT NULL, applied_at"
                            + " timestamptz NOT NULL DEFAULT now())");
        }
        appliedTableReady.add(jdbcUrl);
    }

    private static void safeRollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is going away anyway
        }
    }

    private static Object jdbcValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
