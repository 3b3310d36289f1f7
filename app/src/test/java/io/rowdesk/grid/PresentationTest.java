package io.rowdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.auth.Role;
import io.rowdesk.config.ColumnFormat;
import io.rowdesk.config.ColumnFormat.Kind;
import io.rowdesk.config.ColumnPresentation;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresentationTest {
    private static final RelationInfo PAYOUTS =
            new RelationInfo(
                    "payouts",
                    "app",
                    List.of(
                            new Column("payout_id", "INTEGER"),
                            new Column("amount", "DECIMAL(10,2)"),
                            new Column("fee_usd", "DOUBLE"),
                            new Column("requested_at", "TIMESTAMP"),
                            new Column("due_on", "DATE"),
                            new Column("partner_country", "VARCHAR"),
                            new Column("referrer_email", "VARCHAR"),
                            new Column("mrr", "DECIMAL(12,2)"),
                            new Column("wait_seconds", "BIGINT"),
                            new Column("clicks", "BIGINT")),
                    10,
                    false);

    private static RelationConfig config(
            String currency, Map<String, ColumnPresentation> columns, String sort, String title) {
        return new RelationConfig(
                Set.of(Role.VIEWER),
                List.of(),
                Map.of(),
                Map.of(),
                null,
                "payout_id",
                columns,
                sort,
                title,
                currency);
    }

    private static ColumnView view(RelationConfig config, String name) {
        return Presentation.columns(PAYOUTS, config).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void defaults_come_from_type_and_name() {
        RelationConfig plain = config(null, Map.of(), null, null);
        assertThat(view(plain, "payout_id").format().kind()).isEqualTo(Kind.PLAIN);
        assertThat(view(plain, "payout_id").label()).isEqualTo("Payout ID");
        assertThat(view(plain, "requested_at").format().kind()).isEqualTo(Kind.DATETIME);
        assertThat(view(plain, "due_on").format().kind()).isEqualTo(Kind.DATE);
        assertThat(view(plain, "partner_country").label()).isEqualTo("Partner country");
        assertThat(view(plain, "referrer_email").format().kind()).isEqualTo(Kind.EMAIL);
        assertThat(view(plain, "wait_seconds").format().kind()).isEqualTo(Kind.DURATION);
        assertThat(view(plain, "clicks").format().kind()).isEqualTo(Kind.NUMBER);
        assertThat(view(plain, "mrr").label()).isEqualTo("MRR");
        // the name says dollars; "amount" alone does not say which currency
        assertThat(view(plain, "fee_usd").format())
                .isEqualTo(new ColumnFormat(Kind.MONEY, "USD", null, Map.of()));
        assertThat(view(plain, "amount").format())
                .isEqualTo(new ColumnFormat(Kind.NUMBER, null, 2, Map.of()));
    }

    @Test
    void amount_is_money_once_the_relation_names_its_currency() {
        RelationConfig usd = config("USD", Map.of(), null, null);
        assertThat(view(usd, "amount").format())
                .isEqualTo(new ColumnFormat(Kind.MONEY, "USD", 2, Map.of()));
        assertThat(view(usd, "mrr").format().kind()).isEqualTo(Kind.MONEY);
        assertThat(view(usd, "payout_id").format().kind()).isEqualTo(Kind.PLAIN);
    }

    @Test
    void configured_label_format_and_hidden_win_and_money_takes_the_relations_currency() {
        RelationConfig configured =
                config(
                        "EUR",
                        Map.of(
                                "clicks",
                                new ColumnPresentation(
                                        "Clicks (all)", ColumnFormat.of(Kind.MONEY), true)),
                        null,
                        null);
        ColumnView clicks = view(configured, "clicks");
        assertThat(clicks.label()).isEqualTo("Clicks (all)");
        assertThat(clicks.hidden()).isTrue();
        assertThat(clicks.format()).isEqualTo(new ColumnFormat(Kind.MONEY, "EUR", null, Map.of()));
    }

    @Test
    void default_sort_and_title_fall_back_when_they_name_no_column() {
        assertThat(Presentation.defaultSort(PAYOUTS, config(null, Map.of(), "-requested_at", null)))
                .containsExactly(new SortKey("requested_at", true));
        assertThat(Presentation.defaultSort(PAYOUTS, config(null, Map.of(), "-nope", null)))
                .isEmpty();
        assertThat(
                        Presentation.titleColumn(
                                PAYOUTS, config(null, Map.of(), null, "referrer_email")))
                .contains("referrer_email");
        assertThat(Presentation.titleColumn(PAYOUTS, config(null, Map.of(), null, "nope")))
                .contains("payout_id");
    }
}
