package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules written from the misses of the unseen7 set, tried on a made-up volunteer-shifts relation
 * none of them was written for: units after a number, people named by a shortened column or by
 * "who", events that did not happen yet or ended, and a relation synonym that is also a value.
 */
class UnitsPeopleAndEventsTest {
    private static final MadeUpRelation SHIFTS =
            MadeUpRelation.named("shifts")
                    .columns(
                            MadeUpRelation.columns(
                                    "shift_id INTEGER, vol_name VARCHAR, site VARCHAR,"
                                            + " shift_type VARCHAR, hrs_worked DOUBLE,"
                                            + " travel_mi DOUBLE, bonus_usd DOUBLE,"
                                            + " coordinator_notes VARCHAR, started_at TIMESTAMP,"
                                            + " cancelled_dt DATE, booked_at TIMESTAMP"))
                    .values("site", "Riverside", "Old Mill", "Harbor Hall")
                    .values("shift_type", "setup", "cleanup", "staff")
                    .synonyms("staff", "rota")
                    .dateColumn("booked_at")
                    .key("shift_id")
                    .build();

    private static String translate(String question) {
        return SHIFTS.translate(question);
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
