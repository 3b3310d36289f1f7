package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.query.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * (Rules written from the misses of the unseen4 and unseen5 sets, each tried here on a relation
 * none of them was written for.) Column names as teams write them (units, is_ prefixes,
 * abbreviations, words in another order) said the way people say them, stored values counted by
 * another form of their word, and a value asked for by a superlative: on a made-up building-permits
 * relation none of the rules was written for.
 */
class ShortNamesAndCountedValuesTest {
    private static final String COLUMNS =
            "permit_id INTEGER, applicant_name VARCHAR, district VARCHAR, status VARCHAR,"
                    + " inspector VARCHAR, fee_usd DOUBLE, area_min_sqm INTEGER, area_max_sqm"
                    + " INTEGER, review_score DOUBLE, is_safety_checked BOOLEAN, denial_reason"
                    + " VARCHAR, work_description VARCHAR, filed_at TIMESTAMP, issued_at TIMESTAMP,"
                    + " reinspection_cnt INTEGER, est_hrs DOUBLE, is_expedited BOOLEAN, assignee"
                    + " VARCHAR, permit_title VARCHAR";

    /** The permits relation with these columns. */
    private static MadeUpRelation permits(List<Column> columns) {
        return MadeUpRelation.named("permits")
                .columns(columns)
                .values("district", "Northside", "Harbor", "Old Town")
                .values("status", "pending", "approved", "denied")
                .values("inspector", "R. Okafor", "L. Brandt", "M. Silva")
                .values(
                        "permit_title",
                        "Replace the roof over the rear porch",
                        "Add a second bathroom on the upper floor",
                        "Convert the garage into a home office")
                .dateColumn("filed_at")
                .key("permit_id")
                .build();
    }

    private static final MadeUpRelation PERMITS = permits(MadeUpRelation.columns(COLUMNS));

    private static String translate(String question) {
        return PERMITS.translate(question);
    }

    @Test
    void a_column_is_named_without_its_unit_prefix_or_abbreviation_in_either_order() {
        assertThat(translate("average fee per district"))
                .contains("avg(\"fee_usd\")")
                .contains("GROUP BY \"district\"");
        assertThat(translate("permits with the highest max area"))
                .contains("ORDER BY \"area_max_sqm\" DESC");
        assertThat(translate("average minimum area per district"))
                .contains("avg(\"area_min_sqm\")")
                .doesNotContain("min(");
        assertThat(translate("permits with a maximum area over 500"))
                .contains("\"area_max_sqm\" > 500");
        assertThat(translate("permits not checked for safety"))
                .contains("\"is_safety_checked\" = false");
        assertThat(translate("safety checked permits")).contains("\"is_safety_checked\" = true");
    }

    @Test
    void another_form_of_a_stored_value_is_what_groups_are_counted_by() {
        assertThat(translate("which inspector has the most approvals"))
                .contains("\"status\" IN ('approved')")
                .contains("GROUP BY \"inspector\"")
                .contains("ORDER BY \"count\" DESC")
                .contains("LIMIT 1");
        assertThat(translate("districts with more than 10 approvals"))
                .contains("\"status\" IN ('approved')")
                .contains("HAVING count(*) > 10");
        assertThat(translate("districts with an average fee over $1k"))
                .contains("HAVING avg(\"fee_usd\") > 1000");
    }

    @Test
    void which_values_had_some_rows_are_those_values_once() {
        assertThat(translate("which districts had pending permits this month"))
                .startsWith("SELECT DISTINCT \"district\"")
                .contains("\"status\" IN ('pending')");
    }

    @Test
    void a_superlative_that_opens_on_a_measured_attribute_asks_for_the_value() {
        assertThat(translate("highest review score"))
                .startsWith("SELECT \"review_score\" FROM")
                .endsWith("LIMIT 1");
        assertThat(translate("lowest fee among harbor permits"))
                .startsWith("SELECT \"fee_usd\" FROM")
                .contains("\"district\" IN ('Harbor')")
                .endsWith("LIMIT 1");
        // a thing named after the measure is a row
        assertThat(translate("highest fee permit")).startsWith("SELECT * FROM");
    }

    @Test
    void a_count_after_of_limits_the_rows_of_a_projection() {
        assertThat(translate("inspector and fee of the 3 permits with the highest fee"))
                .startsWith("SELECT \"inspector\", \"fee_usd\" FROM")
                .contains("ORDER BY \"fee_usd\" DESC")
                .endsWith("LIMIT 3");
    }

    @Test
    void mentioning_searches_the_prose_column_for_all_the_words_that_follow() {
        assertThat(translate("permits mentioning asbestos removal last month"))
                .contains("\"work_description\" ILIKE '%asbestos removal%'")
                .doesNotContain("applicant_name");
        assertThat(translate("permits not yet issued")).contains("\"issued_at\" IS NULL");
    }

    @Test
    void a_verb_between_which_x_and_the_most_counts_rows_or_sums_money() {
        assertThat(translate("which inspector handled the most permits"))
                .contains("GROUP BY \"inspector\"")
                .contains("count(*)")
                .endsWith("LIMIT 1");
        assertThat(translate("which applicant paid the most"))
                .contains("sum(\"fee_usd\")")
                .contains("GROUP BY \"applicant_name\"");
        assertThat(translate("what is the highest fee")).startsWith("SELECT \"fee_usd\" FROM");
        assertThat(translate("what's the highest fee")).startsWith("SELECT \"fee_usd\" FROM");
    }

    @Test
    void amounts_and_counts_named_before_a_group_add_up() {
        assertThat(translate("reinspections per district"))
                .contains("sum(\"reinspection_cnt\")")
                .contains("GROUP BY \"district\"");
        assertThat(translate("average fee per permit by district"))
                .contains("avg(\"fee_usd\")")
                .contains("GROUP BY \"district\"");
        assertThat(translate("top 2 districts by approved permits"))
                .contains("\"status\" IN ('approved')")
                .contains("count(*)")
                .endsWith("LIMIT 2");
        assertThat(translate("top 2 inspectors by permits approved"))
                .contains("\"status\" IN ('approved')")
                .contains("GROUP BY \"inspector\"");
        assertThat(translate("status breakdown for harbor"))
                .contains("GROUP BY \"status\"")
                .contains("\"district\" IN ('Harbor')");
    }

    @Test
    void having_reads_an_amount_after_the_number_and_averaging() {
        assertThat(translate("districts with over 100 estimated hours on expedited permits"))
                .contains("HAVING sum(\"est_hrs\") > 100")
                .contains("\"is_expedited\" = true");
        assertThat(translate("districts averaging over 3 reinspections"))
                .contains("HAVING avg(\"reinspection_cnt\") > 3");
        assertThat(translate("permits with 3 or more reinspections"))
                .contains("\"reinspection_cnt\" >= 3");
    }

    @Test
    void verbs_people_and_dates_of_a_projection() {
        assertThat(translate("permits filed last month")).contains("\"filed_at\" >=");
        assertThat(translate("applicant and date of harbor permits"))
                .startsWith("SELECT \"applicant_name\", \"filed_at\" FROM");
        assertThat(translate("who inspected the harbor permits"))
                .startsWith("SELECT \"inspector\" FROM");
        assertThat(translate("unassigned permits")).contains("\"assignee\" IS NULL");
        assertThat(translate("what districts do we cover"))
                .startsWith("SELECT DISTINCT \"district\"");
    }

    @Test
    void sentences_are_no_category_values_but_what_mentioning_searches() {
        Vocabulary vocabulary = PERMITS.vocabulary();
        assertThat(vocabulary.values("roof")).isEmpty();
        assertThat(vocabulary.partialValues("garage")).isEmpty();
        assertThat(vocabulary.proseColumn()).isEqualTo("work_description");
        List<Column> noDescription =
                MadeUpRelation.columns(COLUMNS).stream()
                        .filter(c -> !Vocabulary.isFreeText(c.name()))
                        .toList();
        assertThat(permits(noDescription).vocabulary().proseColumn()).isEqualTo("permit_title");
    }

    @Test
    void vowel_less_abbreviations_and_flag_words_are_read() {
        MadeUpRelation orders =
                MadeUpRelation.named("orders")
                        .columns(
                                MadeUpRelation.columns(
                                        "order_id INTEGER, shpmt_cnt INTEGER, ord_qty INTEGER,"
                                                + " vip_flag BOOLEAN, can_rebook BOOLEAN,"
                                                + " placed_dt DATE"))
                        .key("order_id")
                        .build();
        java.util.function.Function<String, String> sql = orders::translate;
        assertThat(sql.apply("orders with more than 2 shipments")).contains("\"shpmt_cnt\" > 2");
        assertThat(sql.apply("orders with a quantity over 5")).contains("\"ord_qty\" > 5");
        assertThat(sql.apply("vip orders")).contains("\"vip_flag\" = true");
        assertThat(sql.apply("orders that can not rebook")).contains("\"can_rebook\" = false");
        assertThat(sql.apply("orders placed last month")).contains("\"placed_dt\" >=");
    }
}
