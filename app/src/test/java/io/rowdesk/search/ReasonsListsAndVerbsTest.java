package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules written from the misses of the unseen8 set, tried on a made-up boat-hire relation none of
 * them was written for: a reason column holding categories, lists of one column's values, verbs
 * that tell two measures apart, and function words inside a column's name.
 */
class ReasonsListsAndVerbsTest {
    private static final MadeUpRelation HIRES =
            MadeUpRelation.named("boat_hires")
                    .columns(
                            MadeUpRelation.columns(
                                    "hire_id INTEGER, skipper_name VARCHAR, harbour VARCHAR,"
                                            + " trip_reason VARCHAR, voucher_cd VARCHAR,"
                                            + " fuel_loaded DOUBLE, fuel_returned DOUBLE,"
                                            + " total_chg_usd DOUBLE, hired_at TIMESTAMP"))
                    .values("harbour", "North Quay", "Old Port")
                    .values("trip_reason", "fishing", "sightseeing", "diving")
                    .synonyms("hires", "trips")
                    .columnSynonyms(Map.of("total_chg_usd", List.of("total charge")))
                    .dateColumn("hired_at")
                    .key("hire_id")
                    .build();

    private static String translate(String question) {
        return HIRES.translate(question);
    }

    @Test
    void a_reason_column_with_few_short_values_holds_categories() {
        assertThat(translate("diving trips last month")).contains("\"trip_reason\" IN ('diving')");
    }

    @Test
    void lists_of_a_columns_values() {
        assertThat(translate("list the harbours")).startsWith("SELECT DISTINCT \"harbour\"");
        assertThat(translate("distinct skippers of diving trips"))
                .startsWith("SELECT DISTINCT \"skipper_name\"")
                .contains("\"trip_reason\" IN ('diving')");
    }

    @Test
    void verbs_and_function_words_inside_column_names() {
        assertThat(translate("which harbour returned the most fuel"))
                .contains("(\"fuel_returned\")")
                .doesNotContain("fuel_loaded")
                .endsWith("LIMIT 1");
        assertThat(translate("average total charge for fishing trips"))
                .contains("avg(\"total_chg_usd\")")
                .doesNotContain("sum(");
        assertThat(translate("trips with a voucher code")).contains("\"voucher_cd\" IS NOT NULL");
        assertThat(translate("trips taken today")).contains("\"hired_at\" >=");
    }
}
