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
 * Rules written from the misses of the unseen7 set, tried on a made-up volunteer-shifts relation
 * none of them was written for: units after a number, people named by a shortened column or by
 * "who", events that did not happen yet or ended, and a relation synonym that is also a value.
 */
class UnitsPeopleAndEventsTest {
    static final List<Column> COLUMNS =
            List.of(
                    new Column("shift_id", "INTEGER"),
                    new Column("vol_name", "VARCHAR"),
                    new Column("site", "VARCHAR"),
                    new Column("shift_type", "VARCHAR"),
                    new Column("hrs_worked", "DOUBLE"),
                    new Column("travel_mi", "DOUBLE"),
                    new Column("bonus_usd", "DOUBLE"),
                    new Column("coordinator_notes", "VARCHAR"),
                    new Column("started_at", "TIMESTAMP"),
                    new Column("cancelled_dt", "DATE"),
                    new Column("booked_at", "TIMESTAMP"));

    private static ColumnProfile values(String column, String... values) {
        return new ColumnProfile(
                "shifts",
                COLUMNS.stream().map(Column::name).toList().indexOf(column),
                column,
                "VARCHAR",
                700,
                0,
                values.length,
                null,
                null,
                Arrays.stream(values).map(v -> new ColumnProfile.ValueCount(v, 10)).toList());
    }

    private static final List<ColumnProfile> PROFILES =
            List.of(
                    values("site", "Riverside", "Old Mill", "Harbor Hall"),
                    values("shift_type", "setup", "cleanup", "staff"));

    private static final RelationInfo RELATION =
            new RelationInfo("shifts", "files", COLUMNS, 700, false);

    private static String translate(String question) {
        RelationConfig settings =
                new RelationConfig(
                        Set.of(Role.assignable()),
                        List.of("staff", "rota"),
                        Map.of(),
                        Map.of(),
                        "booked_at",
                        "shift_id");
        Vocabulary vocabulary = new Vocabulary(RELATION, settings, PROFILES);
        LocalTranslator.Translation t =
                new LocalTranslator().translate(question, vocabulary, LocalDate.of(2026, 11, 20));
        assertThat(t.unmatched()).as(question).isEmpty();
        return new SqlRenderer().render(t.spec(), RELATION, "shift_id").display();
    }

    @Test
    void a_unit_after_a_number_names_the_column_that_ends_in_it() {
        assertThat(translate("shifts over 3 miles")).contains("\"travel_mi\" > 3");
        assertThat(translate("shifts under 2 hours")).contains("\"hrs_worked\" < 2");
    }

    @Test
    void people_are_named_by_a_shortened_column_or_asked_for_with_who() {
        assertThat(translate("which volunteer worked the most hours"))
                .contains("GROUP BY \"vol_name\"")
                .contains("sum(\"hrs_worked\")")
                .endsWith("LIMIT 1");
        assertThat(translate("who worked the most hours"))
                .contains("GROUP BY \"vol_name\"")
                .endsWith("LIMIT 1");
    }

    @Test
    void events_not_happened_yet_or_ended_and_things_included() {
        assertThat(translate("shifts not started yet")).contains("\"started_at\" IS NULL");
        assertThat(translate("staff who left in 2026"))
                .contains("\"cancelled_dt\" >= TIMESTAMP '2026-01-01");
        assertThat(translate("shifts that include a bonus")).contains("\"bonus_usd\" IS NOT NULL");
        assertThat(translate("shifts where the notes mention a ladder"))
                .contains("\"coordinator_notes\" ILIKE '%ladder%'");
        assertThat(translate("which sites have been used"))
                .startsWith("SELECT DISTINCT \"site\"")
                .contains("\"site\" IS NOT NULL");
    }

    @Test
    void a_synonym_that_is_also_a_value_names_the_rows_unless_it_qualifies_them() {
        assertThat(translate("staff at riverside"))
                .contains("\"site\" IN ('Riverside')")
                .doesNotContain("shift_type");
        assertThat(translate("staff shifts")).contains("\"shift_type\" IN ('staff')");
    }
}
