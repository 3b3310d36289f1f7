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

/** The grid's rows endpoint with {@code q=}: an English search filters the rows at any depth. */
class GridSearchTest extends DemoAppTest {
    private static HttpResponse<String> rows(String relation, String query) {
        return http.getWithToken(
                GridController.rowsPath(relation) + "?" + query, app.token(Role.VIEWER));
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long count(String sql) {
        return ((Number)
                        app.rowdesk()
                                .engine()
                                .query(
                                        sql,
                                        java.util.List.of(),
                                        1,
                                        java.time.Duration.ofSeconds(10))
                                .rows()
                                .get(0)
                                .get(0))
                .longValue();
    }

    @Test
    void a_search_filters_every_window_and_the_total() {
        long expected =
                count(
                        "SELECT count(*) FROM lead_events WHERE channel = 'sms' AND event_type = 'order_placed'");
        JsonNode first =
                TestHttp.json(rows("lead_events", q("sms orders") + "&limit=1000&sort=event_id"));
        assertThat(first.get("total").asLong()).isEqualTo(expected);
        assertThat(first.get("rows")).hasSize((int) Math.min(1000, expected));
        for (JsonNode row : first.get("rows")) {
            assertThat(row.get(2).asText()).isEqualTo("order_placed");
            assertThat(row.get(3).asText()).isEqualTo("sms");
        }
        JsonNode last =
                TestHttp.json(
                        rows(
                                "lead_events",
                                q("sms orders")
                                        + "&limit=10&sort=event_id&offset="
                                        + (expected - 1)));
        assertThat(last.get("rows")).hasSize(1);
    }

    @Test
    void top_n_sorts_and_limits_the_grid_unless_a_header_sort_is_given() {
        JsonNode body = TestHttp.json(rows("payouts", q("top 5 by amount") + "&limit=100"));
        assertThat(body.get("total").asLong()).isEqualTo(5);
        assertThat(body.get("rows")).hasSize(5);
        double previous = Double.MAX_VALUE;
        for (JsonNode row : body.get("rows")) {
            assertThat(row.get(3).asDouble()).isLessThanOrEqualTo(previous);
            previous = row.get(3).asDouble();
        }
    }

    @Test
    void a_removed_chip_widens_the_rows() {
        long pending = TestHttp.json(rows("payouts", q("pending payouts"))).get("total").asLong();
        long all =
                TestHttp.json(rows("payouts", q("pending payouts") + "&removed=c0"))
                        .get("total")
                        .asLong();
        assertThat(all).isEqualTo(600).isGreaterThan(pending);
    }

    @Test
    void words_it_cannot_place_and_aggregates_are_422_not_an_empty_grid() {
        assertThat(rows("payouts", q("spendy payouts")).statusCode()).isEqualTo(422);
        HttpResponse<String> aggregate = rows("payouts", q("how many payouts by status"));
        assertThat(aggregate.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(aggregate).get("error").asText()).contains("shows as a table");
    }

    @Test
    void the_csv_export_follows_the_search() {
        String csv =
                http.getWithToken(
                                GridController.exportPath("payouts")
                                        + "?"
                                        + q("paid payouts over $1k"),
                                app.token(Role.VIEWER))
                        .body();
        long expected =
                count("SELECT count(*) FROM payouts WHERE status = 'paid' AND amount > 1000");
        assertThat(csv.lines().count()).isEqualTo(1 + expected);
    }
}
