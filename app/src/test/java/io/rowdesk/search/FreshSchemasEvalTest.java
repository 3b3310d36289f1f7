package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.search.eval.EvalQuestion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three once-fresh schemas (search/unseen3/: hotel reservations, freight shipments, gym memberships
 * and class bookings), each with at least 40 questions, half of them analyst-style. Schemas and
 * questions were written blind (without reading the translator, its prompts or the earlier question
 * files) and committed before the translator was ever run on them; their misses were then read to
 * write schema-agnostic rules (2026-11-30), so they are no longer an unseen measure
 * (docs/search-eval.md).
 */
class FreshSchemasEvalTest {
    static final String FOLDER = "search/unseen3";

    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("hotel", Map.of("hotels", 30L, "reservations", 2200L));
        SCHEMAS.put("freight", Map.of("shipments", 3000L));
        SCHEMAS.put("gym", Map.of("memberships", 900L, "class_bookings", 2600L));
    }

    @TempDir static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        app = EvalSchemas.start(dataDir, FOLDER, SCHEMAS.keySet());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static List<EvalQuestion> questions(String schema) {
        return EvalSchemas.questions(FOLDER, schema);
    }

    @Test
    void relations_load_with_their_rows_and_settings() {
        EvalSchemas.assertRelationsLoad(app, SCHEMAS);
        assertThat(app.rowdesk().catalog().settings("reservations").dateColumn())
                .isEqualTo("check_in_date");
        assertThat(app.rowdesk().catalog().settings("shipments").keyColumn())
                .isEqualTo("shipment_id");
        assertThat(app.rowdesk().catalog().settings("class_bookings").dateColumn())
                .isEqualTo("class_start");
    }

    @Test
    void every_schema_has_forty_well_formed_questions_half_of_them_analyst_style() {
        EvalSchemas.assertWellFormed(FOLDER, EvalSchemas.keysOf(SCHEMAS));
    }

    /**
     * Gold sanity, without the translator: every gold runs on the loaded data and returns at least
     * one row, and an aggregate without groups returns a value, not NULL.
     */
    @Test
    void every_gold_runs_and_returns_rows() {
        EvalSchemas.assertEveryGoldReturnsRows(app, FOLDER, SCHEMAS.keySet(), 150);
    }

    /**
     * Scored (tuned to since rules2): per schema, then all three together (per phrase class). Print
     * the misses with {@code -Dsearch.eval.misses=hotel,freight,gym}.
     */
    @Test
    void local_translator_execution_match_on_the_fresh_schemas() {
        EvalSchemas.assertScoresHold(
                app, FOLDER, SCHEMAS.keySet(), "fresh schemas", FLOORS, TOTAL_FLOOR);
    }

    // Two or three questions under the measure after the rules read off this set's misses
    // (2026-11-30, branch rules2): hotel 74.1%, freight 83.0%, gym 84.6%, all 80.5%. Before them
    // 66.7% / 79.2% / 69.2% (71.7%), and 61.0% before the schema rules. Tuned to since: no longer
    // an unseen measure (docs/search-eval.md).
    static final Map<String, Double> FLOORS = Map.of("hotel", 0.68, "freight", 0.77, "gym", 0.78);
    static final double TOTAL_FLOOR = 0.78;
}
