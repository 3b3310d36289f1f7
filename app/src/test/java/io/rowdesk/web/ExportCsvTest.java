package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.DemoAppTest;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportCsvTest extends DemoAppTest {
    @Test
    void export_streams_every_row_in_the_grid_order_as_csv() {
        HttpResponse<String> response =
                http.getWithToken(
                        GridController.exportPath("payouts") + "?sort=-amount",
                        app.token(Role.VIEWER));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .contains("payouts.csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(1 + 600);
        assertThat(lines.get(0))
                .startsWith("payout_id,referral_id,referrer_id,amount,method,status");
        double previous = Double.MAX_VALUE;
        for (String line : lines.subList(1, lines.size())) {
            double amount = Double.parseDouble(line.split(",")[3]);
            assertThat(amount).isLessThanOrEqualTo(previous);
            previous = amount;
        }
    }

    @Test
    void nulls_are_empty_fields_and_text_with_commas_is_quoted() {
        String body =
                http.getWithToken(
                                GridController.exportPath("payouts") + "?sort=payout_id",
                                app.token(Role.VIEWER))
                        .body();
        assertThat(body.lines().skip(1)).anyMatch(line -> line.endsWith(","));
        assertThat(body).doesNotContain("null");
    }

    @Test
    void a_bad_sort_column_is_a_400() {
        HttpResponse<String> response =
                http.getWithToken(
                        GridController.exportPath("payouts") + "?sort=nope",
                        app.token(Role.VIEWER));
        assertThat(response.statusCode()).isEqualTo(400);
    }
}
