package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class JoinSuggestionsTest extends DemoAppTest {

    private static JsonNode suggestions(String left, String right) {
        HttpResponse<String> response =
                http.getWithToken(
                        JoinsController.SUGGESTIONS + "?left=" + left + "&right=" + right,
                        app.token(Role.BUILDER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("suggestions");
    }

    private static HttpResponse<String> save(String body) {
        return post(JoinsController.SAVE, body);
    }

    @Test
    void the_true_keys_of_the_demo_come_first_with_their_overlap_figures() {
        JsonNode payouts = suggestions("payouts", "referrals").get(0);
        assertThat(payouts.get("left_column").asText()).isEqualTo("referral_id");
        assertThat(payouts.get("right_column").asText()).isEqualTo("referral_id");
        assertThat(payouts.get("left_coverage").asDouble()).isEqualTo(1.0);
        assertThat(payouts.get("right_unique").asBoolean()).isTrue();
        assertThat(payouts.get("matched_values").asLong()).isPositive();

        JsonNode referrers = suggestions("referrals", "referrers").get(0);
        assertThat(referrers.get("left_column").asText()).isEqualTo("referrer_id");
        assertThat(referrers.get("right_column").asText()).isEqualTo("referrer_id");

        JsonNode partners = suggestions("referrers", "partners").get(0);
        assertThat(partners.get("left_column").asText()).isEqualTo("partner_id");
    }

    @Test
    void a_suggestion_becomes_a_saved_view_usable_by_the_grid_at_once() {
        HttpResponse<String> created =
                save(
                        "{\"name\": \"payouts_with_referrals\", \"left\": \"payouts\", \"right\": \"referrals\","
                                + " \"left_column\": \"referral_id\", \"right_column\": \"referral_id\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long payouts = app.rowdesk().engine().count("payouts");
        HttpResponse<String> rows =
                http.getWithToken(
                        GridController.rowsPath("payouts_with_referrals"), app.token(Role.VIEWER));
        assertThat(rows.statusCode()).isEqualTo(200);
        JsonNode json = TestHttp.json(rows);
        assertThat(json.get("total").asLong()).isEqualTo(payouts);
        assertThat(json.get("columns").findValuesAsText("name"))
                .contains("payout_id", "brand_name", "referrals_referrer_id");
        assertThat(app.rowdesk().audit().recent(5))
                .extracting(e -> e.action() + " " + e.target())
                .contains("view.create payouts_with_referrals");
        assertThat(
                        save("{\"name\": \"payouts\", \"left\": \"payouts\", \"right\": \"referrals\","
                                        + " \"left_column\": \"referral_id\", \"right_column\": \"referral_id\"}")
                                .statusCode())
                .isEqualTo(409);
    }

    private static HttpResponse<String> post(String path, String body) {
        return http.postJson(path, body, app.token(Role.BUILDER));
    }

    @Test
    void without_a_model_the_proposal_is_left_with_right_and_a_picked_set_of_columns_is_kept() {
        String pair =
                "\"left\": \"referrals\", \"right\": \"referrers\", \"left_column\":"
                        + " \"referrer_id\", \"right_column\": \"referrer_id\"";
        HttpResponse<String> proposed = post(JoinsController.PROPOSAL, "{" + pair + "}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        JsonNode proposal = TestHttp.json(proposed);
        assertThat(proposal.get("name").asText()).isEqualTo("referrals_with_referrers");
        assertThat(proposal.get("by").asText()).isEqualTo("rule");
        assertThat(proposal.get("columns")).isEmpty();

        HttpResponse<String> created =
                save(
                        "{\"name\": \"referrals_with_referrers\", "
                                + pair
                                + ", \"columns\": [\"referrals.referral_id\","
                                + " \"referrers.email\", \"referrals.referrer_id\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestHttp.json(created).get("link").asText())
                .isEqualTo("/relations/referrals_with_referrers");
        JsonNode rows =
                TestHttp.json(
                        http.getWithToken(
                                GridController.rowsPath("referrals_with_referrers") + "?limit=1",
                                app.token(Role.VIEWER)));
        assertThat(rows.get("columns").findValuesAsText("name"))
                .containsExactly("referral_id", "email", "referrer_id");

        // the name is taken now: the next proposal for the same pair says so with a suffix
        JsonNode again = TestHttp.json(post(JoinsController.PROPOSAL, "{" + pair + "}"));
        assertThat(again.get("name").asText()).isEqualTo("referrals_with_referrers_2");

        HttpResponse<String> badColumn =
                save("{\"name\": \"x_view\", " + pair + ", \"columns\": [\"referrers.nope\"]}");
        assertThat(badColumn.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(badColumn).get("error").asText())
                .contains("'referrers.nope' is not a column");
        assertThat(save("{\"name\": 42}").statusCode()).isEqualTo(400);
    }
}
