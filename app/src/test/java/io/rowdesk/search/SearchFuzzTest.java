package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.web.SearchController;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never a 500 from a question: seeded random word salads, numbers, dates, unicode and SQL fragments
 * go to POST /api/v1/search over the demo, the public-style schemas and a relation with LIST and
 * STRUCT columns. Every answer is 200 or 422, and every 200's SQL passes the guard.
 */
class SearchFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261130L;
    private static final int CASES = 150;
    private static final List<String> RELATIONS =
            List.of(
                    "payouts",
                    "referrals",
                    "referrers",
                    "payout_review",
                    "products",
                    "sales",
                    "posts",
                    "members",
                    "readings",
                    "stations",
                    "events");
    private static final List<String> PIECES =
            List.of(
                    "top 10 referrers by total payout amount",
                    "feb 31 2024",
                    "in february 30 2025",
                    "before 2024-13-45",
                    "since month 0",
                    "last 99999999999 days",
                    "top 0",
                    "top 99999999999999999999",
                    "most expensive",
                    "cheapest",
                    "highest",
                    "lowest amount",
                    "sorted by year",
                    "sorted by amount desc",
                    "by month",
                    "per status",
                    "for each brand",
                    "with more than",
                    "with more than 5",
                    "average",
                    "how many",
                    "count of count of",
                    "sum of",
                    "not",
                    "except",
                    "or",
                    "and",
                    "between 5 and",
                    "between 9 and 1",
                    "over $",
                    "$1e308",
                    "-0",
                    "3.14.15",
                    "1,000,000,000,000,000",
                    "the",
                    "list the",
                    "what is the",
                    "all the different",
                    "of",
                    "distinct",
                    "'; DROP TABLE payouts; --",
                    "1=1 OR 1=1",
                    "UNION SELECT * FROM payout_secrets",
                    "\" OR \"\"=\"",
                    "/* comment */",
                    "{{relation}}",
                    "${jndi:ldap://x}",
                    "Zürich",
                    "東京",
                    "🚀",
                    "naïve café",
                    "\u0000",
                    "\t",
                    "ﬁnance",
                    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                    "pending",
                    "paid",
                    "approved by priya",
                    "for dovetail growth",
                    "laptops",
                    "open",
                    "closed",
                    "active",
                    "without",
                    "missing email",
                    "with a note",
                    "containing",
                    "starting with",
                    "ending in",
                    "named",
                    "\"quoted phrase\"",
                    "tags",
                    "meta",
                    "list the tags of",
                    "by tags",
                    "average meta",
                    "yesterday",
                    "this week",
                    "q5 2026",
                    "in 0",
                    "older than -3 days",
                    "2.5m",
                    "1k",
                    "1b",
                    "%",
                    "_",
                    "\\",
                    "first",
                    "last",
                    "newest 5",
                    "the 3",
                    "discontinued",
                    "not validated",
                    "outside good and moderate",
                    "top 3 cities by average pm10",
                    "monthly",
                    "each year");

    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws IOException, SQLException {
        for (String schema : List.of("shop", "forum", "air")) {
            Path target = Files.createDirectories(dataDir.resolve(schema));
            try (Stream<Path> csvs =
                    Files.list(UnseenSchemaTest.resource("search/schemas/" + schema + "/data"))) {
                for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Files.copy(csv, target.resolve(csv.getFileName()));
                }
            }
        }
        // events.parquet: a relation with LIST, STRUCT and MAP columns, made by DuckDB itself
        Path nested = dataDir.resolve("air").resolve("events.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute(
                    "COPY (SELECT i AS event_id, 'kind ' || (i % 3) AS kind,"
                            + " [i, i + 1] AS tags, {'score': i * 1.5, 'label': 'l' || i} AS meta,"
                            + " MAP {'k': i} AS attrs,"
                            + " CASE i % 3 WHEN 0 THEN ' ' WHEN 1 THEN '' ELSE 'blue' END AS colour, TIMESTAMP '2026-11-01' + INTERVAL (i) HOUR AS happened_at"
                            + " FROM range(200) t(i)) TO '"
                            + nested.toString().replace("'", "''")
                            + "' (FORMAT parquet)");
        }
        app = TestApp.start(dataDir, UnseenSchemaTest.resource("search/schemas/rowdesk.yaml"));
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static HttpResponse<String> search(String q, String relation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("relation", relation);
        body.put("today", "2026-11-20");
        try {
            return http.send(
                    http.request(SearchController.SEARCH)
                            .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            JSON.writeValueAsString(body)))
                            .build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A 200 whose SQL the guard accepts for the asking role, or a 422 that says what to try. */
    static void answersOrExplains(String q, String relation) {
        HttpResponse<String> response = search(q, relation);
        assertThat(response.statusCode())
                .as("%s on %s: %s", q, relation, response.body())
                .isIn(200, 422);
        JsonNode body = TestHttp.json(response);
        if (response.statusCode() == 200) {
            String sql = body.get("sql").asText();
            if (body.get("engine").asText().equals("local")) {
                assertThatCode(() -> app.rowdesk().guard().check(sql, Role.VIEWER))
                        .as("%s on %s: %s", q, relation, sql)
                        .doesNotThrowAnyException();
            }
        } else {
            assertThat(body.get("kind").asText()).as(q).isIn("not_understood", "refused");
            assertThat(body.get("error").asText()).as(q).isNotBlank();
        }
    }

    static List<String[]> cases() {
        Random random = new Random(SEED);
        List<String[]> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int words = 1 + random.nextInt(6);
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (q.length() > 0) {
                    q.append(' ');
                }
                switch (random.nextInt(10)) {
                    case 0 -> q.append(random.nextInt(100_000) - 50);
                    case 1 -> q.append(randomUnicode(random));
                    default -> q.append(PIECES.get(random.nextInt(PIECES.size())));
                }
            }
            String text = q.toString().isBlank() ? "x" : q.toString();
            cases.add(new String[] {text, RELATIONS.get(random.nextInt(RELATIONS.size()))});
        }
        return cases;
    }

    private static String randomUnicode(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int codePoint;
            do {
                codePoint = random.nextInt(0x2FFFF);
            } while (!Character.isDefined(codePoint) || Character.isSurrogate((char) codePoint));
            word.appendCodePoint(codePoint);
        }
        return word.toString();
    }

    @TestFactory
    Stream<DynamicTest> random_questions_answer_200_or_422_and_every_200_passes_the_guard() {
        return cases().stream()
                .map(
                        c ->
                                DynamicTest.dynamicTest(
                                        c[1] + ": " + c[0], () -> answersOrExplains(c[0], c[1])));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "top 10 referrers by total payout amount",
                "top 10 payouts sorted by year",
                "how many payouts by status sorted by amount",
                "feb 31 2024",
                "payouts on feb 31 2024",
                "the",
                "of the and or",
                "🚀",
                "approveds",
                "top 5 status by total amount"
            })
    void the_known_500s_of_the_payouts_relation_are_answers_or_explanations(String q) {
        answersOrExplains(q, "payouts");
    }

    @Test
    void a_relation_with_list_struct_and_map_columns_is_searchable() {
        assertThat(app.rowdesk().catalog().all().stream().map(r -> r.name())).contains("events");
        HttpResponse<String> response = search("kind 1 events", "events");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("rows")).isNotEmpty();
        answersOrExplains("list the tags and meta of the newest event", "events");
        // blank stored values never reach the embedding model ("text cannot be null or blank")
        assertThat(app.rowdesk().search().awaitSemantic(java.time.Duration.ofMinutes(2))).isTrue();
        answersOrExplains("reddish events", "events");
        answersOrExplains("azure coloured events", "events");
        answersOrExplains("events by tags", "events");
    }

    @Test
    void a_grouped_answer_cut_by_the_row_cap_says_so_and_shows_the_largest_groups_first() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", "how many posts per author");
        body.put("relation", "posts");
        body.put("limit", 5);
        try {
            HttpResponse<String> response =
                    http.send(
                            http.request(SearchController.SEARCH)
                                    .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    JSON.writeValueAsString(body)))
                                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode json = TestHttp.json(response);
            assertThat(json.get("rows")).hasSize(5);
            assertThat(json.get("notice").asText())
                    .contains("Showing the first 5 groups (largest first); there are more.");
            long previous = Long.MAX_VALUE;
            for (JsonNode row : json.get("rows")) {
                assertThat(row.get(1).asLong()).isLessThanOrEqualTo(previous);
                previous = row.get(1).asLong();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode searchJson(String q, String relation, List<String> removed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("relation", relation);
        body.put("removed", removed);
        try {
            HttpResponse<String> response =
                    http.send(
                            http.request(SearchController.SEARCH)
                                    .header("Authorization", "Bearer " + app.token(Role.VIEWER))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    JSON.writeValueAsString(body)))
                                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return TestHttp.json(response);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void asked_columns_and_group_conditions_are_chips_that_can_be_removed() {
        JsonNode asked =
                searchJson(
                        "list the name and price of all laptops made by northwind",
                        "products",
                        List.of());
        assertThat(asked.get("columns").findValuesAsText("name")).containsExactly("name", "price");
        assertThat(asked.get("chips").findValuesAsText("label")).contains("only name, price");
        JsonNode all =
                searchJson(
                        "list the name and price of all laptops made by northwind",
                        "products",
                        List.of("columns"));
        assertThat(all.get("columns").size()).isGreaterThan(2);
        assertThat(all.get("total").asLong()).isEqualTo(asked.get("total").asLong());

        JsonNode having = searchJson("authors with more than 20 posts", "posts", List.of());
        assertThat(having.get("chips").findValuesAsText("label"))
                .contains("groups whose count > 20");
        for (JsonNode row : having.get("rows")) {
            assertThat(row.get(1).asLong()).isGreaterThan(20);
        }
        JsonNode every = searchJson("authors with more than 20 posts", "posts", List.of("having"));
        assertThat(every.get("rows").size()).isGreaterThan(having.get("rows").size());
    }

    @Test
    void suggestions_name_real_columns_and_values_never_invented_plurals() {
        HttpResponse<String> response = search("pendingz payouts frobnicated", "payouts");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = TestHttp.json(response);
        var vocabulary =
                app.rowdesk()
                        .search()
                        .vocabulary(
                                app.rowdesk().catalog().find("payouts", Role.ADMIN).orElseThrow());
        List<String> real = new ArrayList<>(vocabulary.columns());
        vocabulary.allValues().forEach(v -> real.add(v.value().toLowerCase(java.util.Locale.ROOT)));
        for (JsonNode suggestion : body.get("suggestions")) {
            assertThat(real).as(body.toString()).contains(suggestion.asText());
        }
        assertThat(body.get("unmatched").toString()).contains("frobnicated");
        assertThat(body.get("error").asText()).doesNotContainPattern("[a-z]s's\\b|\\.coms\\b");
    }
}
