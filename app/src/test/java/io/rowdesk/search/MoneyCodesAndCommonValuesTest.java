package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules written from the misses of the unseen6 set, tried on a made-up donations relation none of
 * them was written for: money said without its column, codes said by their names, the most common
 * value, column names shortened at the front of a word, and superlatives on a measure.
 */
class MoneyCodesAndCommonValuesTest {
    private static final MadeUpRelation DONATIONS =
            MadeUpRelation.named("donations")
                    .columns(
                            MadeUpRelation.columns(
                                    "donation_id INTEGER, donor_name VARCHAR, campaign VARCHAR,"
                                            + " channel VARCHAR, country_code VARCHAR, region VARCHAR,"
                                            + " amount_given DOUBLE, processing_cost DOUBLE,"
                                            + " discount_pct INTEGER, pay_method VARCHAR,"
                                            + " is_recurring BOOLEAN, pledged_dt DATE,"
                                            + " received_at TIMESTAMP"))
                    .values("campaign", "Clean Water", "School Meals", "Winter Relief")
                    .values("channel", "web", "mail", "event")
                    .values("country_code", "IN", "BR", "US")
                    .values("region", "NA", "EU", "APAC")
                    .values("pay_method", "card", "bank_transfer", "paypal")
                    .synonyms("gifts")
                    .dateColumn("pledged_dt")
                    .key("donation_id")
                    .build();

    private static String translate(String question) {
        return DONATIONS.translate(question);
    }

    @Test
    void money_words_name_the_money_column_and_add_up() {
        assertThat(translate("total revenue per campaign"))
                .contains("sum(\"amount_given\")")
                .contains("GROUP BY \"campaign\"");
        assertThat(translate("which campaign raised the most money"))
                .contains("sum(\"amount_given\")")
                .endsWith("LIMIT 1");
        assertThat(translate("total processing spend by channel"))
                .contains("sum(\"processing_cost\")");
        assertThat(translate("top 2 channels by processing cost"))
                .contains("sum(\"processing_cost\")")
                .endsWith("LIMIT 2");
    }

    @Test
    void country_and_region_codes_answer_to_their_names_and_filler_words_are_no_codes() {
        assertThat(translate("donations from india")).contains("\"country_code\" IN ('IN')");
        assertThat(translate("gifts in north america")).contains("\"region\" IN ('NA')");
        assertThat(translate("gifts in brazil"))
                .contains("\"country_code\" IN ('BR')")
                .doesNotContain("'IN'");
    }

    @Test
    void the_most_common_value_is_a_count_per_value_largest_first() {
        assertThat(translate("most common payment method among recurring gifts"))
                .contains("GROUP BY \"pay_method\"")
                .contains("\"is_recurring\" = true")
                .endsWith("LIMIT 1");
        assertThat(translate("which payment method is used most"))
                .contains("GROUP BY \"pay_method\"")
                .endsWith("LIMIT 1");
    }

    @Test
    void superlatives_and_orderings_on_a_measure() {
        assertThat(translate("largest processing cost on a single gift"))
                .startsWith("SELECT \"processing_cost\" FROM")
                .endsWith("LIMIT 1");
        assertThat(translate("gifts by processing cost, highest first"))
                .contains("ORDER BY \"processing_cost\" DESC")
                .doesNotContain("LIMIT");
        assertThat(translate("discounted gifts")).contains("\"discount_pct\" > 0");
        assertThat(translate("gifts made yesterday")).contains("\"pledged_dt\" >=");
    }
}
