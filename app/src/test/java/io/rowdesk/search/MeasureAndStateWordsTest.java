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
 * The rules that read a schema from its column names alone, on a made-up relation none of them was
 * written for (parcel deliveries): units and measure words, comparatives, ages and years, counts,
 * negated verbs and state phrases, entities named by a word, and "which X ..." questions.
 */
class MeasureAndStateWordsTest {
    static final List<Column> COLUMNS =
            List.of(
                    new Column("delivery_id", "INTEGER"),
                    new Column("courier_id", "INTEGER"),
                    new Column("courier_name", "VARCHAR"),
                    new Column("courier_age", "INTEGER"),
                    new Column("city", "VARCHAR"),
                    new Column("origin_depot", "VARCHAR"),
                    new Column("destination_depot", "VARCHAR"),
                    new Column("service", "VARCHAR"),
                    new Column("status", "VARCHAR"),
                    new Column("weight_kg", "DOUBLE"),
                    new Column("distance_km", "DOUBLE"),
                    new Column("delay_minutes", "INTEGER"),
                    new Column("weekly_stops", "INTEGER"),
                    new Column("handling_minutes", "INTEGER"),
                    new Column("price", "DECIMAL(10,2)"),
                    new Column("attempts", "INTEGER"),
                    new Column("customer_rating", "INTEGER"),
                    new Column("tracking_code", "VARCHAR"),
                    new Column("van_year", "INTEGER"),
                    new Column("courier_birth_year", "INTEGER"),
                    new Column("is_insured", "BOOLEAN"),
                    new Column("requires_signature", "BOOLEAN"),
                    new Column("ordered_at", "TIMESTAMP"),
                    new Column("delivered_at", "TIMESTAMP"),
                    new Column("cancelled_at", "TIMESTAMP"));

    private static ColumnProfile values(String column, String... values) {
        return new ColumnProfile(
                "deliveries",
                COLUMNS.stream().map(Column::name).toList().indexOf(column),
                column,
                "VARCHAR",
                500,
                0,
                values.length,
                null,
                null,
                Arrays.stream(values).map(v -> new ColumnProfile.ValueCount(v, 10)).toList());
    }

    static final List<ColumnProfile> PROFILES =
            List.of(
                    values("city", "Porto", "Leeds", "Graz"),
                    values("origin_depot", "North", "South"),
                    values("destination_depot", "North", "South"),
                    values("service", "same day", "next day", "courrier"),
                    values("status", "delivered", "returned", "in transit"));

    private static LocalTranslator.Translation translation(String question) {
        RelationInfo relation = new RelationInfo("deliveries", "files", COLUMNS, 500, false);
        RelationConfig settings =
                new RelationConfig(
                        Set.of(Role.assignable()),
                        List.of("parcels"),
                        Map.of(),
                        Map.of(),
                        "ordered_at",
                        "delivery_id");
        Vocabulary vocabulary = new Vocabulary(relation, settings, PROFILES);
        return new LocalTranslator().translate(question, vocabulary, LocalDate.of(2026, 11, 20));
    }

    /** The SQL with its values written in; every word of the question placed. */
    private static String translate(String question) {
        LocalTranslator.Translation translation = translation(question);
        assertThat(translation.unmatched()).as(question).isEmpty();
        RelationInfo relation = new RelationInfo("deliveries", "files", COLUMNS, 500, false);
        return new SqlRenderer().render(translation.spec(), relation, "delivery_id").display();
    }

    @Test
    void comparatives_and_units_name_the_measure() {
        assertThat(translate("deliveries heavier than 2 kg")).contains("\"weight_kg\" > 2");
        assertThat(translate("deliveries heavier than 2 kilograms")).contains("\"weight_kg\" > 2");
        assertThat(translate("deliveries longer than 10 km")).contains("\"distance_km\" > 10");
        assertThat(translate("deliveries cheaper than 15")).contains("\"price\" < 15");
        assertThat(translate("deliveries where the delay was longer than 30 minutes"))
                .contains("\"delay_minutes\" > 30");
        assertThat(translate("deliveries delayed more than 2 hours"))
                .contains("\"delay_minutes\" > 120");
        assertThat(translate("deliveries with fewer than 3 attempts")).contains("\"attempts\" < 3");
    }

    @Test
    void active_and_current_mean_not_ended_when_no_flag_or_value_says_so() {
        assertThat(translate("active deliveries to leeds"))
                .contains("\"cancelled_at\" IS NULL")
                .contains("\"city\" IN ('Leeds')");
        assertThat(translate("current deliveries")).contains("\"cancelled_at\" IS NULL");
    }

    @Test
    void a_negated_verb_before_a_value_negates_the_value() {
        assertThat(translate("deliveries not ordered via same day"))
                .contains("\"service\" NOT IN ('same day')")
                .doesNotContain("IS NULL");
        assertThat(translate("deliveries not going to leeds"))
                .contains("\"city\" NOT IN ('Leeds')");
    }

    @Test
    void a_number_before_a_columns_first_word_is_its_value() {
        assertThat(translate("4 customer deliveries")).contains("\"customer_rating\" = 4");
        assertThat(translate("deliveries in leeds with a 5-customer rating"))
                .contains("\"customer_rating\" = 5");
        assertThat(translation("top 5 customer deliveries").spec().conditions())
                .noneMatch(c -> c.toString().contains("customer_rating"));
    }

    @Test
    void the_head_noun_of_a_compound_relation_name_names_its_rows_not_a_value() {
        RelationInfo relation =
                new RelationInfo("express_deliveries", "files", COLUMNS, 500, false);
        RelationConfig settings =
                new RelationConfig(
                        Set.of(Role.assignable()), List.of(), Map.of(), Map.of(), null, null);
        LocalTranslator.Translation t =
                new LocalTranslator()
                        .translate(
                                "deliveries per city",
                                new Vocabulary(relation, settings, PROFILES),
                                LocalDate.of(2026, 11, 20));
        assertThat(t.unmatched()).isEmpty();
        assertThat(t.spec().conditions()).isEmpty();
        assertThat(t.spec().groupBy()).containsExactly(new QuerySpec.Group("city", null));
    }

    @Test
    void dont_have_is_without() {
        assertThat(translate("deliveries that don't have a tracking code"))
                .contains("\"tracking_code\" IS NULL");
        assertThat(translate("deliveries that don't have insurance"))
                .contains("\"is_insured\" = false");
    }

    @Test
    void a_grain_adverb_that_begins_a_columns_name_is_that_column() {
        LocalTranslator.Translation t = translation("average weekly stops by city");
        assertThat(t.unmatched()).isEmpty();
        assertThat(t.spec().groupBy()).containsExactly(new QuerySpec.Group("city", null));
        assertThat(translate("average weekly stops by city")).contains("avg(\"weekly_stops\")");
    }

    @Test
    void money_verbs_and_superlatives_read_the_money_column() {
        assertThat(translate("deliveries costing more than 40")).contains("\"price\" > 40");
        assertThat(translate("most expensive delivery")).contains("ORDER BY \"price\" DESC");
        assertThat(translate("deliveries paid over €40")).contains("\"price\" > 40");
        assertThat(translate("deliveries spending under £1,200")).contains("\"price\" < 1200");
    }

    @Test
    void oldest_means_the_highest_age_and_the_earliest_year() {
        assertThat(translate("oldest courier")).contains("ORDER BY \"courier_age\" DESC");
        assertThat(translate("oldest delivery")).contains("ORDER BY \"ordered_at\" ASC");
        assertThat(translate("couriers over 60")).contains("\"courier_age\" > 60");
        assertThat(translate("deliveries with a van year before 2010"))
                .contains("\"van_year\" < 2010");
        assertThat(translate("deliveries by couriers born before 1980"))
                .contains("\"courier_birth_year\" < 1980");
    }

    @Test
    void best_and_worst_read_a_rating_or_score() {
        assertThat(translate("the 3 best deliveries"))
                .contains("ORDER BY \"customer_rating\" DESC")
                .contains("LIMIT 3");
    }

    @Test
    void state_words_of_flags_read_prefixes_and_several_words() {
        assertThat(translate("uninsured deliveries")).contains("\"is_insured\" = false");
        assertThat(translate("deliveries with insurance")).contains("\"is_insured\" = true");
        assertThat(translate("deliveries without insurance")).contains("\"is_insured\" = false");
        assertThat(translate("deliveries requiring signature"))
                .contains("\"requires_signature\" = true");
    }

    @Test
    void negated_verbs_are_kept() {
        assertThat(translate("parcels that weren't delivered"))
                .contains("\"status\" NOT IN ('delivered')");
        assertThat(translate("parcels that have not been delivered yet"))
                .contains("\"status\" NOT IN ('delivered')");
        assertThat(translate("deliveries never attempted")).contains("\"attempts\" = 0");
        assertThat(translate("deliveries the customer didn't rate"))
                .contains("\"customer_rating\" IS NULL");
        assertThat(translate("deliveries where a tracking code was given"))
                .contains("\"tracking_code\" IS NOT NULL");
        assertThat(translate("deliveries that were cancelled"))
                .contains("\"cancelled_at\" IS NOT NULL");
        assertThat(translate("cancelled deliveries")).contains("\"cancelled_at\" IS NOT NULL");
        assertThat(translate("uncancelled deliveries")).contains("\"cancelled_at\" IS NULL");
        assertThat(translate("deliveries that haven't cancelled"))
                .contains("\"cancelled_at\" IS NULL");
    }

    @Test
    void entities_named_by_a_word_group_and_count() {
        assertThat(translate("couriers with more than 5 deliveries"))
                .contains("GROUP BY \"courier_name\"")
                .contains("HAVING count(*) > 5");
        assertThat(translate("average delay minutes for each courier"))
                .contains("GROUP BY \"courier_name\"");
        assertThat(translation("deliveries by couriers younger than 25").spec().groupBy())
                .isEmpty();
        assertThat(translate("cities where the average delivery price is above 20"))
                .contains("HAVING avg(\"price\") > 20");
    }

    @Test
    void to_and_from_pick_the_column_of_ends_and_starts() {
        assertThat(translate("deliveries to the north"))
                .contains("\"destination_depot\" IN ('North')");
        assertThat(translate("deliveries from south")).contains("\"origin_depot\" IN ('South')");
    }

    @Test
    void a_group_word_before_the_relations_name_is_no_group() {
        assertThat(translation("city deliveries with a total price over 30").spec().groupBy())
                .isEmpty();
    }

    @Test
    void which_group_has_the_most_shows_the_group_and_its_measure() {
        assertThat(translate("which city has the most insured deliveries"))
                .startsWith("SELECT \"city\" AS \"city\", count(*) AS \"count\" FROM")
                .contains("\"is_insured\" = true")
                .contains("GROUP BY \"city\" ORDER BY \"count\" DESC");
        assertThat(translate("which courier has the highest customer rating"))
                .startsWith("SELECT \"courier_name\" AS \"courier_name\", avg(\"customer_rating\")")
                .contains("ORDER BY \"avg_customer_rating\" DESC");
        assertThat(translate("which city has the highest price"))
                .contains("ORDER BY \"sum_price\" DESC");
    }

    @Test
    void group_with_the_most_counted_things_is_a_grouped_superlative() {
        assertThat(translate("city with the most returned deliveries"))
                .startsWith("SELECT \"city\" AS \"city\", count(*) AS \"count\" FROM")
                .contains("\"status\" IN ('returned')")
                .contains("LIMIT 1");
        assertThat(translate("service with the fewest returned"))
                .startsWith("SELECT \"service\" AS \"service\", count(*)")
                .contains("ORDER BY \"count\" ASC");
        assertThat(translation("courier with the most attempts").spec().groupBy()).isEmpty();
    }

    @Test
    void which_questions_list_the_values_that_occur() {
        assertThat(translate("which cities appear on deliveries"))
                .startsWith("SELECT DISTINCT \"city\"");
        assertThat(translate("which services do couriers use"))
                .startsWith("SELECT DISTINCT \"service\"");
        assertThat(translate("which cities have insured deliveries"))
                .startsWith("SELECT DISTINCT \"city\"")
                .contains("\"is_insured\" = true");
        assertThat(translate("which cities do couriers deliver to"))
                .startsWith("SELECT DISTINCT \"city\"");
        assertThat(translate("which services ship to the north"))
                .startsWith("SELECT DISTINCT \"service\"")
                .contains("\"destination_depot\" IN ('North')");
    }

    @Test
    void how_many_of_a_number_a_row_holds_asks_for_that_number() {
        assertThat(translate("how many attempts does the heaviest delivery have"))
                .startsWith("SELECT \"attempts\"")
                .contains("ORDER BY \"weight_kg\" DESC");
    }

    @Test
    void ages_and_the_people_the_rows_are_about() {
        assertThat(translate("deliveries for couriers over 50 years old"))
                .contains("\"courier_age\" > 50");
        assertThat(translate("porto couriers")).contains("\"city\" IN ('Porto')");
        assertThat(translate("couriers with a tracking code"))
                .contains("\"tracking_code\" IS NOT NULL");
    }

    @Test
    void a_word_naming_columns_is_no_misspelt_value() {
        LocalTranslator.Translation translation = translation("deliveries for a courier in porto");
        assertThat(translation.spec().conditions().toString()).doesNotContain("courrier");
        assertThat(translation.unmatched()).containsExactly("courier");
    }

    @Test
    void words_no_rule_places_are_still_reported() {
        assertThat(translation("deliveries for toddlers").unmatched()).containsExactly("toddlers");
    }
}
