package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.TestLlmServer;
import io.rowdesk.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an LLM configured (the OpenAI-compatible TEST SERVER {@link TestLlmServer}, reached through
 * langchain4j's real client), a join suggestion's view gets the model's name and columns when its
 * answer checks out, and the rule's otherwise.
 */
class JoinProposalWithModelTest {
    private static final String PAIR =
            "{\"left\": \"payouts\", \"right\": \"referrals\", \"left_column\": \"referral_id\","
                    + " \"right_column\": \"referral_id\"}";

    @TempDir static Path dir;
    static TestLlmServer llm;
    static TestApp app;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        llm = new TestLlmServer();
        Path config = dir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                "llm:\n  provider: openai\n  model: test\n  base_url: "
                        + llm.baseUrl()
                        + "\n  api_key: test-key\n  timeout_seconds: 10\n");
        app = TestApp.start(dir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @BeforeEach
    void newRound() {
        llm.reset();
    }

    private static JsonNode propose() {
        var response = http.postJson(JoinsController.PROPOSAL, PAIR, app.token(Role.BUILDER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    @Test
    void the_models_name_and_columns_are_used_when_they_check_out() {
        llm.answer(
                "```json\n{\"name\": \"payout_referrals\", \"columns\": [\"payouts.amount\","
                        + " \"referrals.lead_email\", \"payouts.status\"]}\n```");
        JsonNode proposal = propose();
        assertThat(proposal.get("by").asText()).isEqualTo("llm");
        assertThat(proposal.get("name").asText()).isEqualTo("payout_referrals");
        assertThat(proposal.get("columns").toString())
                .isEqualTo(
                        "[\"payouts.referral_id\",\"payouts.amount\",\"referrals.lead_email\","
                                + "\"payouts.status\"]");

        TestLlmServer.Request asked = llm.requests().get(0);
        assertThat(asked.system())
                .contains("Left table: payouts")
                .contains("payouts.referral_id = referrals.referral_id")
                .contains("lead_email");
        assertThat(asked.authorization()).isEqualTo("Bearer test-key");
    }

    @Test
    void an_answer_naming_a_missing_column_or_a_taken_name_falls_back_to_the_rule() {
        llm.answer("{\"name\": \"payout_referrals\", \"columns\": [\"payouts.nope\"]}");
        JsonNode missingColumn = propose();
        assertThat(missingColumn.get("by").asText()).isEqualTo("rule");
        assertThat(missingColumn.get("name").asText()).isEqualTo("payouts_with_referrals");

        llm.reset();
        llm.answer("{\"name\": \"payouts\", \"columns\": []}");
        assertThat(propose().get("by").asText()).isEqualTo("rule");

        llm.reset();
        llm.answer("I would call it payout referrals.");
        assertThat(propose().get("by").asText()).isEqualTo("rule");

        llm.reset();
        llm.respond(r -> TestLlmServer.Reply.error(500, "{\"error\": \"overloaded\"}"));
        assertThat(propose().get("by").asText()).isEqualTo("rule");
    }
}
