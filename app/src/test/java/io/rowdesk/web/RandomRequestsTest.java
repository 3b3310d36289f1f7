package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.rowdesk.DemoAppTest;
import io.rowdesk.auth.Role;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded random and malformed query parameters, path parameters and bodies sent as an admin to
 * every registered route: whatever arrives, the answer is never a 500, and an API error is always
 * {@code {"error", "kind"}}.
 */
class RandomRequestsTest extends DemoAppTest {
    private static final long SEED = 20261130L;
    private static final int CASES_PER_ROUTE = 40;

    private static final List<String> NASTY =
            List.of(
                    "",
                    " ",
                    "-1",
                    "0",
                    "1.5",
                    "1e309",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "NaN",
                    "null",
                    "true",
                    "ten",
                    "c0,c0",
                    "c0,,c1",
                    ",",
                    "feb 31 2024",
                    "2024-02-31",
                    "top 10 referrers by total payout amount",
                    "pending payouts over $500",
                    "'; DROP TABLE users; --",
                    "SELECT * FROM read_csv('/etc/passwd')",
                    "{{row.amount}}",
                    "%00",
                    "\u0000",
                    "\t\n\r",
                    "é中文🙂",
                    "a".repeat(5000),
                    "-occurred_at,event_id",
                    "amount",
                    "-year",
                    "../../etc/passwd",
                    "[]",
                    "{}");

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    /** Values that exist in the demo, per path parameter, so that the handlers are reached. */
    private static final Map<String, List<String>> PLAUSIBLE =
            Map.of(
                    "relation", List.of("payouts", "lead_events", "payout_review"),
                    "source", List.of("app", "warehouse"),
                    "name", List.of("send_spiff", "approve_payout", "app"),
                    "id", List.of("1", "0190b6a0-0000-7000-8000-000000000000"));

    private static final List<String> PARAMS =
            List.of("offset", "limit", "sort", "q", "removed", "next", "relation", "today", "x");

    private static final List<String> BODIES =
            List.of(
                    "",
                    "not json",
                    "[]",
                    "null",
                    "42",
                    "{",
                    "{}",
                    "{\"q\": 3}",
                    "{\"q\": [], \"relation\": {}}",
                    "{\"q\": \"feb 31 2024\", \"relation\": \"payouts\"}",
                    "{\"q\": \"top 10 referrers by total payout amount\", \"relation\": \"payout_review\"}",
                    "{\"q\": \"the and of\", \"relation\": \"payouts\"}",
                    "{\"q\": \"   \", \"relation\": \"payouts\"}",
                    "{\"q\": \"x\", \"relation\": \"payouts\", \"limit\": 1.5}",
                    "{\"q\": \"x\", \"relation\": \"payouts\", \"removed\": [null, 1]}",
                    "{\"q\": \"x\", \"relation\": \"payouts\", \"today\": \"2024-02-31\"}",
                    "{\"q\": \"x\", \"relation\": \"payouts\", \"engine\": \"gpt\"}",
                    "{\"sql\": \"SELECT 1\", \"limit\": \"many\"}",
                    "{\"sql\": \"COPY payouts TO 'x.csv'\"}",
                    "{\"sql\": \"SELECT * FROM payouts\", \"unknown\": 1}",
                    "{\"sql\": null}");

    @TestFactory
    Stream<DynamicTest> no_route_answers_500_to_random_or_malformed_input() {
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : app.rowdesk().routes()) {
            if (route.path().equals(AuthController.LOGOUT)) {
                continue; // it would end the session the other cases use
            }
            List<HttpRequest> requests =
                    IntStream.range(0, CASES_PER_ROUTE)
                            .mapToObj(i -> randomRequest(route, random))
                            .toList();
            tests.add(
                    DynamicTest.dynamicTest(
                            route.method() + " " + route.path(),
                            () -> {
                                for (HttpRequest request : requests) {
                                    HttpResponse<String> response = send(request);
                                    assertThat(response.statusCode())
                                            .as("%s %s", request.method(), request.uri())
                                            .isLessThan(500);
                                    // Jetty refuses some requests (a NUL in the path, a URI too
                                    // long) before any route is matched, with its own page
                                    boolean refusedByJetty =
                                            response.statusCode() == 414
                                                    || response.statusCode() == 431
                                                    || response.body().contains("/badMessage");
                                    if (request.uri().getPath().startsWith("/api/")
                                            && response.statusCode() >= 400
                                            && !refusedByJetty) {
                                        var json = io.rowdesk.TestHttp.json(response);
                                        assertThat(json.has("error") && json.has("kind"))
                                                .as("error body of %s", request.uri())
                                                .isTrue();
                                        assertThat(json.get("error").asText())
                                                .as("no Java text in %s", request.uri())
                                                .doesNotContain("For input string", "Exception");
                                    }
                                }
                            }));
        }
        return tests.stream();
    }

    /**
     * Sends once more when a pooled keep-alive connection turns out to be closed by the server (the
     * JDK client reports "header parser received no bytes"): a transport race, not an answer.
     */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request);
        } catch (UncheckedIOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            return http.send(request);
        }
    }

    private static HttpRequest randomRequest(Route route, Random random) {
        Matcher m = PATH_PARAM.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            List<String> plausible = PLAUSIBLE.getOrDefault(m.group(1), List.of("1"));
            String value =
                    random.nextInt(3) == 0
                            ? encode(pick(NASTY, random))
                            : encode(pick(plausible, random));
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        StringBuilder query = new StringBuilder();
        int params = random.nextInt(4);
        for (int i = 0; i < params; i++) {
            query.append(i == 0 ? "?" : "&")
                    .append(pick(PARAMS, random))
                    .append('=')
                    .append(encode(pick(NASTY, random)));
        }
        HttpRequest.Builder builder =
                http.request(path.toString() + query)
                        .header("Authorization", "Bearer " + app.token(Role.ADMIN));
        if (route.method() == HandlerType.GET) {
            return builder.GET().build();
        }
        String body = pick(BODIES, random);
        return builder.header("Content-Type", "application/json")
                .method(route.method().name(), HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
