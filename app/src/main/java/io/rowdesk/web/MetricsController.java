package io.rowdesk.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rowdesk.auth.Role;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.metrics.AppMetrics;
import io.rowdesk.secret.SecretBox;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /metrics} for Prometheus: readable by admins, or by a scraper that sends {@code
 * Authorization: Bearer <ROWDESK_METRICS_TOKEN>}. Also times every route.
 */
public final class MetricsController {
    public static final String METRICS = "/metrics";
    public static final String TOKEN_ENV = "ROWDESK_METRICS_TOKEN";

    private final AppMetrics metrics;
    private final String token;

    /** {@code token}: the scrapers' token, or null for admins only. */
    public MetricsController(AppMetrics metrics, String token) {
        this.metrics = Objects.requireNonNull(metrics, "metrics is null");
        this.token = token == null || token.isBlank() ? null : token;
    }

    public void scrape(Context ctx) {
        boolean admin =
                AccessControl.optionalUser(ctx).map(u -> u.role() == Role.ADMIN).orElse(false);
        String authorization = ctx.header("Authorization");
        boolean scraper =
                token != null
                        && authorization != null
                        && authorization.startsWith("Bearer ")
                        && SecretBox.constantTimeEquals(authorization.substring(7).trim(), token);
        if (!admin && !scraper) {
            // A plain answer, not the login redirect pages get: scrapers read status codes.
            ErrorKind kind =
                    AccessControl.optionalUser(ctx).isPresent()
                            ? ErrorKind.FORBIDDEN
                            : ErrorKind.UNAUTHENTICATED;
            ctx.status(kind.status())
                    .contentType("text/plain; charset=utf-8")
                    .result("Metrics are for admins and for the metrics token.\n");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    /** Every route's handler timed as {@code http.server.requests{method,route,outcome}}. */
    public static List<Route> timed(List<Route> routes, MeterRegistry registry) {
        return routes.stream()
                .map(r -> new Route(r.method(), r.path(), r.role(), timed(r, registry)))
                .toList();
    }

    private static Handler timed(Route route, MeterRegistry registry) {
        Handler handler = route.handler();
        return ctx -> {
            Timer.Sample sample = Timer.start(registry);
            String outcome = "error";
            try {
                handler.handle(ctx);
                outcome = "ok";
            } finally {
                sample.stop(
                        Timer.builder("http.server.requests")
                                .tag("method", route.method().name())
                                .tag("route", route.path())
                                .tag("outcome", outcome)
                                .register(registry));
            }
        };
    }
}
