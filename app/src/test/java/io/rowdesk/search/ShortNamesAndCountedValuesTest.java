package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.auth.Role;
import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Column names as teams write them (units, is_ prefixes, abbreviations, words in another order)
 * said the way people say them, stored values counted by another form of their word, and a value
 * asked for by a superlative: on a made-up building-permits relation none of the rules was written
 * for.
 */
class ShortNamesAndCountedValuesTest {
    static final List<Column> COLUMNS =
            List.of(
                    new Column("permit_id", "INTEGER"),
                    new Column("applicant_name", "VARCHAR"),
                    new Column("district", "VARCHAR"),
                    new Column("status", "VARCHAR"),
                    new Column("inspector", "VARCHAR"),
                    new Column("fee_usd", "DOUBLE"),
                    new Column("area_min_sqm", "INTEGER"),
                    new Column("area_max_sqm", "INTEGER"),
                    new Column("review_score", "DOUBLE"),
                    new Column("is_safety_checked", "BOOLEAN"),
                    new Column("denial_reason", "VARCHAR"),
                    new Column("work_description", "VARCHAR"),
                    new Column("filed_at", "TIMESTAMP"),
                    new Column("issued_at", "TIMESTAMP"));

    private static ColumnProfile values(String column, String... values) {
        return new ColumnProfile(
                "permits",
                COLUMNS.stream().map(Column::name).toList().indexOf(column),
                column,
                "VARCHAR",
                900,
                0,
                values.length,
                null,
                null,
                Arrays.stream(values).map(v -> new ColumnProfile.ValueCount(v, 10)).toList());
    }

    private static final List<ColumnProfile> PROFILES =
            List.of(
                    values("district", "Northside", "Harbor", "Old Town"),
                    values("status", "pending", "approved", "denied"),
                    values("inspector", "R. Okafor", "L. Brandt", "M. Silva"));

    private static final RelationInfo RELATION =
            new RelationInfo("permits", "files", COLUMNS, 900, false);

    private static LocalTranslator.Translation translation(String question) {
        RelationConfig settings =
                new RelationConfig(
                        Set.of(Role.assignable()),
                        List.of(),
                        Map.of(),
                        Map.of(),
                        "filed_at",
                        "permit_id");
        Vocabulary vocabulary = new Vocabulary(RELATION, settings, PROFILES);
        return new LocalTranslator().translate(question, vocabulary, LocalDate.of(2026, 11, 20));
    }

    /** The SQL with its values written in; every word of the question placed. */
    private static String translate(String question) {
        LocalTranslator.Translation translation = translation(question);
        assertThat(translation.unmatched()).as(question).isEmpty();
        return new SqlRenderer().render(translation.spec(), RELATION, "permit_id").display();
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
}
