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
 * Rules written from the misses of the unseen8 set, tried on a made-up boat-hire relation none of
 * them was written for: a reason column holding categories, lists of one column's values, verbs
 * that tell two measures apart, and function words inside a column's name.
 */
class ReasonsListsAndVerbsTest {
    static final List<Column> COLUMNS =
            List.of(
                    new Column("hire_id", "INTEGER"),
                    new Column("skipper_name", "VARCHAR"),
                    new Column("harbour", "VARCHAR"),
                    new Column("trip_reason", "VARCHAR"),
                    new Column("voucher_cd", "VARCHAR"),
                    new Column("fuel_loaded", "DOUBLE"),
                    new Column("fuel_returned", "DOUBLE"),
                    new Column("total_chg_usd", "DOUBLE"),
                    new Column("hired_at", "TIMESTAMP"));

    private static ColumnProfile values(String column, String... values) {
        return new ColumnProfile(
                "boat_hires",
                COLUMNS.stream().map(Column::name).toList().indexOf(column),
                column,
                "VARCHAR",
                600,
                0,
                values.length,
                null,
                null,
                Arrays.stream(values).map(v -> new ColumnProfile.ValueCount(v, 10)).toList());
    }

    private static final List<ColumnProfile> PROFILES =
            List.of(
                    values("harbour", "North Quay", "Old Port"),
                    values("trip_reason", "fishing", "sightseeing", "diving"));

    private static final RelationInfo RELATION =
            new RelationInfo("boat_hires", "files", COLUMNS, 600, false);

    private static String translate(String question) {
        RelationConfig settings =
                new RelationConfig(
                        Set.of(Role.assignable()),
                        List.of("hires", "trips"),
                        Map.of("total_chg_usd", List.of("total charge")),
                        Map.of(),
                        "hired_at",
                        "hire_id");
        Vocabulary vocabulary = new Vocabulary(RELATION, settings, PROFILES);
        LocalTranslator.Translation t =
                new LocalTranslator().translate(question, vocabulary, LocalDate.of(2026, 11, 20));
        assertThat(t.unmatched()).as(question).isEmpty();
        return new SqlRenderer().render(t.spec(), RELATION, "hire_id").display();
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
