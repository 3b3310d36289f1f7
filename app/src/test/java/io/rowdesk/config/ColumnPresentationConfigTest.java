package io.rowdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code relations.<r>.columns}, {@code default_sort}, {@code title_column} and {@code currency}.
 */
class ColumnPresentationConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void labels_formats_hidden_columns_sort_and_title_are_read() {
        RelationConfig orders =
                loader.parse(
                                """
                                relations:
                                  orders:
                                    default_sort: -ordered_at
                                    title_column: customer
                                    currency: eur
                                    columns:
                                      total: {label: Order total, format: {kind: money, currency: USD, decimals: 0}}
                                      channel:
                                        format: {kind: enum, labels: {web_shop: Web shop}}
                                      margin: {format: percent}
                                      internal_note: {hidden: true}
                                """,
                                "f")
                        .relation("orders");
        assertThat(orders.defaultSort()).isEqualTo("-ordered_at");
        assertThat(orders.titleColumn()).isEqualTo("customer");
        assertThat(orders.currency()).isEqualTo("EUR");
        assertThat(orders.column("total").label()).isEqualTo("Order total");
        assertThat(orders.column("total").format())
                .isEqualTo(new ColumnFormat(ColumnFormat.Kind.MONEY, "USD", 0, Map.of()));
        assertThat(orders.column("channel").format().labels())
                .containsEntry("web_shop", "Web shop");
        assertThat(orders.column("margin").format().kind()).isEqualTo(ColumnFormat.Kind.PERCENT);
        assertThat(orders.column("internal_note").hidden()).isTrue();
        assertThat(orders.column("unconfigured")).isEqualTo(ColumnPresentation.DEFAULT);
    }

    @Test
    void a_wrong_format_names_the_key_and_what_is_allowed() {
        assertThatThrownBy(
                        () ->
                                loader.parse(
                                        """
                                        relations:
                                          orders:
                                            currency: dollars
                                            columns:
                                              total: {format: {kind: cash}}
                                              channel: {format: {kind: text, labels: {a: b}}, colour: red}
                                        """,
                                        "f"))
                .hasMessageContaining(
                        "relations.orders.currency (line 3): must be a three-letter currency code")
                .hasMessageContaining(
                        "relations.orders.columns.total.format.kind (line 5): must be one of")
                .hasMessageContaining("relations.orders.columns.channel.format.labels")
                .hasMessageContaining("labels are for kind: enum")
                .hasMessageContaining(
                        "relations.orders.columns.channel.colour (line 6): unknown key");
    }

    @Test
    void the_demo_opens_payout_review_newest_first_with_friendly_labels() {
        RelationConfig review = loader.demo().relation("payout_review");
        assertThat(review.defaultSort()).isEqualTo("-requested_at");
        assertThat(review.currency()).isEqualTo("USD");
        assertThat(review.column("method").format().labels())
                .containsEntry("visa_gift_card", "Visa gift card");
        assertThat(review.column("partner_country").label()).isEqualTo("Country");
    }
}
