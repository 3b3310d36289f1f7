package io.rowdesk.action.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Every outbound HTTP call of the app: Apache HttpClient 5 with a {@link CheckingDnsResolver}, no
 * redirects followed, no automatic retries (the outbox decides, and records every attempt), no
 * cookies, no system proxy, and a hard deadline per call so that a body trickling in cannot hold a
 * worker past the destination's timeout.
 */
public final class OutboundHttp implements AutoCloseable {
    /** At most this much of a response body is read. */
    public static final int MAX_BODY = 64 * 1024;

    /** What came back. */
    public record Response(
            int status, String body, Optional<Duration> retryAfter, Map<String, String> headers) {}

    private final EgressPolicy policy;
    private final Clock clock;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "outbound-http-deadlines");
                        thread.setDaemon(true);
                        return thread;
                    });

    public OutboundHttp(EgressPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        connections =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingDnsResolver(policy))
                        .setMaxConnTotal(256)
                        .setMaxConnPerRoute(128)
                        .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                        .setConnectTimeout(Timeout.ofSeconds(10))
                                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                        .build())
                        .build();
        client =
                HttpClients.custom()
                        .setConnectionManager(connections)
                        .disableRedirectHandling()
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .evictExpiredConnections()
                        .evictIdleConnections(TimeValue.ofSeconds(30))
                        .build();
    }

    public EgressPolicy policy() {
        return policy;
    }

    /**
     * Sends one request and reads up to {@link #MAX_BODY} of the answer.
     *
     * @throws DestinationRefusedException when the policy refuses the URL or an address it resolves
     *     to
     * @throws IOException on a connection error or timeout
     */
    public Response send(
            String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        Optional<String> problem = policy.checkUrl(uri);
        if (problem.isPresent()) {
            throw new DestinationRefusedException(problem.get());
        }
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::setHeader);
        if (body != null) {
            String type = headers.getOrDefault("Content-Type", "application/json");
            request.setEntity(new ByteArrayEntity(body, ContentType.parse(type)));
        }
        Timeout limit = Timeout.of(timeout);
        request.setConfig(
                RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build());
        ScheduledFuture<?> deadline =
                deadlines.schedule(request::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        CheckingDnsResolver.target(uri);
        java.util.concurrent.atomic.AtomicReference<Response> answered =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return client.execute(
                    request,
                    response -> {
                        String text = read(response.getEntity());
                        Response r =
                                new Response(
                                        response.getCode(),
                                        text,
                                        retryAfter(response),
                                        headerMap(response));
                        answered.set(r);
                        return r;
                    });
        } catch (IOException | IllegalStateException e) {
            // the deadline may fire while a complete answer is being released: the answer counts
            if (answered.get() != null) {
                return answered.get();
            }
            if (e instanceof IllegalStateException ise) {
                throw new java.net.SocketTimeoutException(
                        "no complete answer within "
                                + timeout.toMillis()
                                + " ms ("
                                + ise.getMessage()
                                + ")");
            }
            if (request.isCancelled()) {
                throw new java.net.SocketTimeoutException(
                        "no complete answer within " + timeout.toMillis() + " ms");
            }
            throw (IOException) e;
        } finally {
            CheckingDnsResolver.target(null);
            deadline.cancel(false);
        }
    }

    private static String read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> headerMap(ClassicHttpResponse response) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            map.putIfAbsent(header.getName().toLowerCase(java.util.Locale.ROOT), header.getValue());
        }
        return map;
    }

    private Optional<Duration> retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
