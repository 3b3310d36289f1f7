package io.rowdesk.search.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.TestLlmServer;
import io.rowdesk.auth.Role;
import io.rowdesk.search.GuardFixture;
import io.rowdesk.web.SearchController;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The language model path of POST /api/v1/search, end to end: a real Rowdesk whose {@code llm:}
 * section points langchain4j's real OpenAI client at {@link TestLlmServer}, a local test server.
 */
class LlmSearchTest {
    private static final String API_KEY = "sk-test-7f3a9c-SECRET-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPENDY_SPEC =
            """
            {"spec": {"conditions": [{"op": "ge", "column": "amount", "value": 1000, "label": "amount ≥ 1000 (spendy)"}],
                      "sort": [{"column": "amount", "descending": true}]}}""";

    @TempDir static Path dir;
    static TestLlmServer llm;
    static TestApp app;
    static TestHttp http;
    static ListAppender<ILoggingEvent> logs;
    static final List<String> bodies = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        llm = new TestLlmServer();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        Path config = dir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                GuardFixture.HIDDEN_VIEW_YAML
                        + """
                llm:
                  provider: openai
                  model: test
                  base_url: %s
                  api_key: %s
                  timeout_seconds: 1
                """
                                .formatted(llm.baseUrl(), API_KEY));
        app = TestApp.start(dir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
        // Warm up the client's classes so that the first real test is not measured against the 1 s
        // deadline.
        llm.answer(SPENDY_SPEC);
        search("warm up the spendy payouts", Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        app.close();
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.reset();
    }

    private static HttpResponse<String> search(String q, Role role) {
        return search(q, role, null);
    }

    private static HttpResponse<String> search(String q, Role role, String engine) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("relation", "payouts");
        body.put("today", "2026-11-20");
        if (engine != null) {
            body.put("engine", engine);
        }
        try {
            HttpResponse<String> response =
                    http.send(
                            http.request(SearchController.SEARCH)
                                    .header("Authorization", "Bearer " + app.token(role))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    JSON.writeValueAsString(body)))
                                    .build());
            synchronized (bodies) {
                bodies.add(response.body());
            }
            return response;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static long payoutCount() {
        JsonNode body = TestHttp.json(search("payouts", Role.VIEWER, "local"));
        return body.get("total").asLong();
    }

    @Test
    void a_question_the_local_translator_cannot_place_is_answered_by_the_models_spec() {
        llm.answer(SPENDY_SPEC);
        HttpResponse<String> response = search("spendy payouts", Role.VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("engine").asText()).isEqualTo("llm");
        assertThat(body.get("sql").asText())
                .contains("\"amount\" >= 1000", "ORDER BY \"amount\" DESC");
        assertThat(body.get("chips").findValuesAsText("label"))
                .containsExactly("amount ≥ 1000 (spendy)", "sorted by amount ↓");
        assertThat(body.get("rows")).isNotEmpty();
        int amount = columnIndex(body, "amount");
        for (JsonNode row : body.get("rows")) {
            assertThat(row.get(amount).asDouble()).isGreaterThanOrEqualTo(1000);
        }
        assertThat(body.get("total").asLong()).isEqualTo(body.get("rows").size());
        assertThat(llm.requests())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.authorization()).isEqualTo("Bearer " + API_KEY);
                            assertThat(r.body().path("model").asText()).isEqualTo("test");
                        });
    }

    @Test
    void the_prompt_carries_the_columns_their_profiles_and_low_cardinality_values() {
        llm.answer(SPENDY_SPEC);
        search("spendy payouts for the prompt", Role.VIEWER);

        TestLlmServer.Request request = llm.requests().get(0);
        assertThat(request.roles()).containsExactly("system", "user");
        assertThat(request.lastUser()).isEqualTo("spendy payouts for the prompt");
        assertThat(request.system())
                .contains(
                        "Table: payouts (600 rows)",
                        "- amount DECIMAL(10,2); NULL 0%",
                        "- status VARCHAR",
                        "'pending' (",
                        "'paid' (",
                        "'visa_gift_card' (",
                        "- decided_at TIMESTAMP; NULL ",
                        "Key column: payout_id",
                        "Date column (",
                        "requested_at",
                        "Today is 2026-11-20 (Friday)",
                        "{\"spec\": {",
                        "{\"sql\": \"SELECT ...\"}");
        assertThat(request.system()).doesNotContain("{{");
    }

    @Test
    void a_fenced_sql_block_instead_of_json_is_accepted_through_the_guard() {
        llm.answer(
                "Here is the query:\n```sql\nSELECT payout_id, amount FROM payouts WHERE amount >= 1000\n```\nIt lists the spendy ones.");
        HttpResponse<String> response = search("spendy payouts fenced", Role.VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("engine").asText()).isEqualTo("llm");
        assertThat(body.get("sql").asText())
                .isEqualTo("SELECT payout_id, amount FROM payouts WHERE amount >= 1000");
        for (JsonNode row : body.get("rows")) {
            assertThat(row.get(1).asDouble()).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void a_bare_select_answer_is_accepted_and_a_bare_delete_is_still_refused() {
        llm.answer("SELECT count(*) FROM payouts WHERE amount >= 1000;");
        HttpResponse<String> ok = search("spendy payouts bare", Role.VIEWER);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(TestHttp.json(ok).get("rows").get(0).get(0).asLong()).isPositive();

        llm.reset();
        long before = payoutCount();
        llm.answer("```sql\nDELETE FROM payouts\n```");
        HttpResponse<String> refused = search("spendy payouts deleted", Role.VIEWER);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(payoutCount()).isEqualTo(before);
    }

    @Test
    void a_partial_local_reading_goes_to_the_model_with_the_unplaced_words() {
        llm.answer(SPENDY_SPEC);
        search("pending spendy payouts", Role.VIEWER);

        String system = llm.requests().get(0).system();
        assertThat(system)
                .contains("- understood: status is pending", "- could not place: 'spendy'")
                .contains("- as SQL: SELECT * FROM \"payouts\" WHERE \"status\" IN ('pending')");
    }

    @Test
    void a_refused_answer_and_the_local_advice_read_as_separate_sentences() {
        llm.answer("I think you want the big ones.", "Still no idea, sorry.");
        HttpResponse<String> response = search("spendy payouts twice unusable", Role.VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        String error = TestHttp.json(response).get("error").asText();
        assertThat(error)
                .startsWith(
                        "The language model's answer could not be used: the answer was neither a JSON object nor a single SELECT statement. I could not match 'spendy'");
    }

    @Test
    void asking_for_the_model_uses_it_even_when_the_local_translator_understood() {
        llm.answer(
                """
                {"spec": {"conditions": [{"op": "in", "column": "status", "values": ["pending"], "label": "status is pending"}],
                          "limit": 5}}""");
        JsonNode body = TestHttp.json(search("pending payouts", Role.VIEWER, "llm"));
        assertThat(body.get("engine").asText()).isEqualTo("llm");
        assertThat(body.get("rows")).hasSize(5);
        assertThat(body.get("chips").findValuesAsText("label"))
                .containsExactly("status is pending", "first 5");
        assertThat(llm.requests()).hasSize(1);

        llm.reset();
        JsonNode local = TestHttp.json(search("pending payouts", Role.VIEWER));
        assertThat(local.get("engine").asText()).isEqualTo("local");
        assertThat(llm.requests())
                .as("a question understood locally costs no model call")
                .isEmpty();
    }

    @Test
    void a_raw_sql_answer_runs_through_the_guard() {
        llm.answer(
                "{\"sql\": \"SELECT status, count(*) AS n FROM payouts GROUP BY status ORDER BY status\"}");
        HttpResponse<String> response = search("spendy tally of payouts per state", Role.VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("engine").asText()).isEqualTo("llm");
        assertThat(body.get("sql").asText())
                .isEqualTo(
                        "SELECT status, count(*) AS n FROM payouts GROUP BY status ORDER BY status");
        assertThat(body.get("chips").findValuesAsText("label"))
                .containsExactly("SQL written by the model");
        assertThat(body.get("columns").findValuesAsText("name")).containsExactly("status", "n");
        long sum = 0;
        for (JsonNode row : body.get("rows")) {
            sum += row.get(1).asLong();
        }
        assertThat(sum).isEqualTo(600);
    }

    @Test
    void hostile_answers_are_all_refused_and_nothing_runs() throws Exception {
        Path leak = dir.resolve("data").resolve("cache").resolve("leak.csv");
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("drop", "DROP VIEW payouts");
        hostile.put("delete", "DELETE FROM payouts");
        hostile.put(
                "copy",
                "COPY (SELECT * FROM payouts) TO '" + leak.toString().replace("'", "''") + "'");
        hostile.put("passwd", "SELECT * FROM read_csv('/etc/passwd')");
        hostile.put("two", "SELECT * FROM payouts; DROP VIEW payouts");
        hostile.put("attach", "ATTACH '" + dir.resolve("other.db") + "' AS other");
        hostile.put("set", "SET memory_limit = '100GB'");
        hostile.put("install", "INSTALL httpfs");
        hostile.put("hidden", "SELECT * FROM payout_secrets");
        hostile.put(
                "hidden-join", "SELECT p.* FROM payouts p JOIN payout_secrets s USING (payout_id)");
        for (Map.Entry<String, String> entry : hostile.entrySet()) {
            llm.reset();
            llm.answer(JSON.createObjectNode().put("sql", entry.getValue()).toString());
            HttpResponse<String> response = search("sneaky payouts " + entry.getKey(), Role.VIEWER);

            assertThat(response.statusCode())
                    .as(entry.getKey() + ": " + response.body())
                    .isEqualTo(422);
            JsonNode body = TestHttp.json(response);
            assertThat(body.get("kind").asText()).isEqualTo("not_understood");
            assertThat(body.get("error").asText())
                    .as(entry.getKey())
                    .startsWith("The language model's answer could not be used: ")
                    .contains("I could not match 'sneaky'");
            assertThat(llm.requests())
                    .as(entry.getKey() + ": the first answer and exactly one repair")
                    .hasSize(2);
            assertThat(llm.requests().get(1).lastUser())
                    .startsWith("Your answer could not be used.");
        }
        // A spec cannot smuggle SQL in a column name either.
        llm.reset();
        llm.answer(
                "{\"spec\": {\"conditions\": [{\"op\": \"eq\", \"column\": \"amount\\\" > 0; DROP VIEW payouts; --\", \"value\": 1}]}}");
        HttpResponse<String> smuggled = search("sneaky payouts spec", Role.VIEWER);
        assertThat(smuggled.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(smuggled).get("error").asText()).contains("unknown column");

        assertThat(Files.exists(leak)).as("COPY wrote nothing").isFalse();
        assertThat(payoutCount()).as("payouts is intact").isEqualTo(600);
        JsonNode admin = TestHttp.json(search("payout secrets", Role.ADMIN, "local"));
        assertThat(admin.has("error") && admin.get("error").asText().contains("no relation"))
                .isFalse();
    }

    @Test
    void a_failing_first_answer_gets_exactly_one_repair_round_with_the_error() {
        llm.answer(
                """
                {"spec": {"conditions": [{"op": "ge", "column": "amout", "value": 1000, "label": "amount ≥ 1000"}]}}""",
                SPENDY_SPEC);
        HttpResponse<String> response = search("spendy payouts after a typo", Role.VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("engine").asText()).isEqualTo("llm");
        assertThat(body.get("chips").findValuesAsText("label")).contains("amount ≥ 1000 (spendy)");
        assertThat(llm.requests()).hasSize(2);
        TestLlmServer.Request repair = llm.requests().get(1);
        assertThat(repair.roles()).containsExactly("system", "user", "assistant", "user");
        assertThat(repair.contents().get(2)).contains("\"amout\"");
        assertThat(repair.lastUser()).contains("unknown column 'amout'", "amount");
    }

    @Test
    void a_duckdb_error_is_sent_back_for_repair() {
        llm.answer(
                "{\"sql\": \"SELECT * FROM payouts WHERE amount > 'lots'\"}",
                "{\"sql\": \"SELECT * FROM payouts WHERE amount > 2000\"}");
        HttpResponse<String> response = search("spendy payouts with a conversion", Role.VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(llm.requests()).hasSize(2);
        assertThat(llm.requests().get(1).lastUser()).containsIgnoringCase("lots");
        assertThat(TestHttp.json(response).get("sql").asText()).endsWith("amount > 2000");
    }

    @Test
    void a_repair_that_fails_too_gives_up_with_a_clear_message() {
        llm.answer(
                "{\"spec\": {\"conditions\": [{\"op\": \"gt\", \"column\": \"size\", \"value\": 1}]}}");
        HttpResponse<String> response = search("spendy payouts twice wrong", Role.VIEWER);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(response).get("error").asText())
                .startsWith("The language model's answer could not be used: unknown column 'size'");
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void a_slow_model_times_out_with_a_clear_message_instead_of_hanging() {
        llm.answer(SPENDY_SPEC);
        llm.delay(Duration.ofSeconds(4));
        long started = System.nanoTime();
        HttpResponse<String> response = search("spendy payouts but slowly", Role.VIEWER);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).isLessThan(3_000);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(response).get("error").asText())
                .startsWith("The language model did not answer in 1 s. I could not match 'spendy'");

        // A question the local translator understood falls back to it, saying so.
        HttpResponse<String> fallback = search("paid payouts", Role.VIEWER, "llm");
        assertThat(fallback.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(fallback);
        assertThat(body.get("engine").asText()).isEqualTo("local");
        assertThat(body.get("notice").asText())
                .isEqualTo(
                        "The language model did not answer in 1 s; showing what I understood locally.");
        assertThat(body.get("chips").findValuesAsText("label")).containsExactly("status is paid");
    }

    @Test
    void the_same_question_twice_is_answered_from_the_cache() {
        llm.answer(SPENDY_SPEC);
        JsonNode first = TestHttp.json(search("spendy payouts, cached", Role.VIEWER));
        JsonNode second = TestHttp.json(search("  Spendy payouts,   cached ", Role.VIEWER));

        assertThat(llm.requests()).hasSize(1);
        assertThat(second.get("engine").asText()).isEqualTo("llm");
        assertThat(second.get("rows")).isEqualTo(first.get("rows"));
    }

    @Test
    void a_model_that_says_it_cannot_answer_is_reported() {
        llm.answer("{\"error\": \"payouts has no column about customer satisfaction\"}");
        HttpResponse<String> response = search("spendy payouts from happy customers", Role.VIEWER);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(response).get("error").asText())
                .startsWith(
                        "The language model could not answer this from payouts: payouts has no column about customer satisfaction");
        assertThat(llm.requests()).as("no repair for an honest refusal").hasSize(1);
    }

    @Test
    void the_api_key_never_appears_in_error_bodies_or_logs() {
        // As OpenAI does, the provider echoes part of the key in its 401 body.
        llm.respond(
                request ->
                        TestLlmServer.Reply.error(
                                401,
                                "{\"error\": {\"message\": \"Incorrect API key provided: "
                                        + API_KEY
                                        + "\", \"type\": \"invalid_request_error\"}}"));
        HttpResponse<String> response = search("spendy payouts with a bad key", Role.VIEWER);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(response).get("error").asText())
                .startsWith("The language model could not be reached or answered with an error");

        synchronized (bodies) {
            assertThat(bodies).isNotEmpty().noneMatch(b -> b.contains(API_KEY));
        }
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            assertThat(event.getFormattedMessage()).doesNotContain(API_KEY);
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY);
            }
        }
        assertThat(logs.list)
                .as("the failure is logged")
                .anyMatch(e -> e.getFormattedMessage().contains("LLM call"));
    }

    private static int columnIndex(JsonNode body, String name) {
        return body.get("columns").findValuesAsText("name").indexOf(name);
    }
}
