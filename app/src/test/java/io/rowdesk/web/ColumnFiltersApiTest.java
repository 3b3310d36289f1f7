package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rows and export API's {@code filters} parameter: the filter panel's filters as bound SQL. */
class ColumnFiltersApiTest extends DemoAppTest {
    private static HttpResponse<String> get(String relation, String query) {
        return http.getWithToken(
                "/api/v1/relations/" + relation + "/" + query, app.token(Role.VIEWER));
    }

    private static String filters(String json) {
        return "filters=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static long count(String sql) {
        JsonNode body =
                TestHttp.json(
                        http.send(
                                http.request(SqlController.SQL)
                                        .header("Authorization", "Bearer " + app.token(Role.ADMIN))
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                                        "{\"sql\": \"" + sql + "\"}"))
                                        .build()));
        return body.get("rows").get(0).get(0).asLong();
    }

    @Test
    void values_ranges_and_contains_filter_the_rows_like_the_same_sql() {
        JsonNode body =
                TestHttp.json(
                        get(
                                "payouts",
                                "rows?"
                                        + filters(
                                                "[{\"column\":\"status\",\"op\":\"in\",\"values\":[\"pending\",\"failed\"]},"
                                                        + "{\"column\":\"amount\",\"op\":\"between\",\"min\":\"50\",\"max\":\"250\"},"
                                                        + "{\"column\":\"requested_at\",\"op\":\"between\",\"max\":\"2026-11-01\"}]")));
        long expected =
                count(
                        "SELECT count(*) FROM payouts WHERE status IN ('pending','failed') AND amount BETWEEN 50 AND 250"
                                + " AND requested_at < DATE '2026-11-02'");
        assertThat(expected).isPositive();
        assertThat(body.get("total").asLong()).isEqualTo(expected);

        JsonNode named =
                TestHttp.json(
                        get(
                                "referrers",
                                "rows?"
                                        + filters(
                                                "[{\"column\":\"email\",\"op\":\"contains\",\"value\":\"GMAIL\"}]")));
        assertThat(named.get("total").asLong())
                .isEqualTo(count("SELECT count(*) FROM referrers WHERE email ILIKE '%gmail%'"));
        JsonNode empty =
                TestHttp.json(
                        get(
                                "payouts",
                                "rows?"
                                        + filters(
                                                "[{\"column\":\"decided_at\",\"op\":\"empty\"}]")));
        assertThat(empty.get("total").asLong())
                .isEqualTo(count("SELECT count(*) FROM payouts WHERE decided_at IS NULL"));
    }

    @Test
    void filters_combine_with_an_english_search() {
        JsonNode both =
                TestHttp.json(
                        get(
                                "payouts",
                                "rows?q=paid&"
                                        + filters(
                                                "[{\"column\":\"method\",\"op\":\"in\",\"values\":[\"venmo\"]}]")));
        assertThat(both.get("total").asLong())
                .isEqualTo(
                        count(
                                "SELECT count(*) FROM payouts WHERE status = 'paid' AND method = 'venmo'"));
    }

    @Test
    void a_value_is_bound_never_spliced_and_an_unknown_column_or_op_is_a_400() {
        HttpResponse<String> injected =
                get(
                        "payouts",
                        "rows?"
                                + filters(
                                        "[{\"column\":\"status\",\"op\":\"in\",\"values\":[\"x') OR 1=1 --\"]}]"));
        assertThat(TestHttp.json(injected).get("total").asLong()).isZero();

        HttpResponse<String> unknown =
                get(
                        "payouts",
                        "rows?"
                                + filters(
                                        "[{\"column\":\"status\\\" OR 1=1 --\",\"op\":\"empty\"}]"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(unknown).get("error").asText()).contains("unknown column");
        HttpResponse<String> op =
                get("payouts", "rows?" + filters("[{\"column\":\"status\",\"op\":\"like\"}]"));
        assertThat(op.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(op).get("kind").asText()).isEqualTo("bad_request");
        assertThat(get("payouts", "rows?filters=nope").statusCode()).isEqualTo(400);
        HttpResponse<String> badValue =
                get(
                        "payouts",
                        "rows?"
                                + filters(
                                        "[{\"column\":\"amount\",\"op\":\"between\",\"min\":\"lots\"}]"));
        assertThat(badValue.statusCode()).isLessThan(500);
    }

    @Test
    void the_export_keeps_raw_values_and_can_name_columns_by_their_labels() {
        String filter =
                filters("[{\"column\":\"method\",\"op\":\"in\",\"values\":[\"visa_gift_card\"]}]");
        String raw = get("payout_review", "export.csv?" + filter).body();
        assertThat(raw.lines().findFirst().orElseThrow()).startsWith("payout_id,amount,method,");
        assertThat(raw.lines().skip(1).findFirst().orElseThrow()).contains(",visa_gift_card,");
        String labelled = get("payout_review", "export.csv?header=labels&" + filter).body();
        assertThat(labelled.lines().findFirst().orElseThrow())
                .startsWith("Payout,Amount,\"Paid by\",");
        assertThat(labelled.lines().skip(1).findFirst().orElseThrow()).contains(",visa_gift_card,");
    }
}
