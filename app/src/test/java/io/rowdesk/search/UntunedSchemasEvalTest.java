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
 * Three more schemas (search/unseen2/: taxi rides, library loans, clinic appointments), each with
 * at least 40 questions, half of them analyst-style. Schemas and questions were written and
 * committed before the translator was ever run on them, without reading its rules, and scored once
 * (63.5%); their misses were then read to write the schema rules, so, like search/schemas/, they
 * are no longer an unseen measure (docs/search.md).
 */
class UntunedSchemasEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("taxi", Map.of("drivers", 80L, "rides", 1800L));
        SCHEMAS.put("library", Map.of("books", 300L, "loans", 1600L));
        SCHEMAS.put("clinic", Map.of("doctors", 40L, "appointments", 1600L));
    }

    @TempDir static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        app = EvalSchemas.start(dataDir, "search/unseen2", SCHEMAS.keySet());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static List<EvalQuestion> questions(String schema) {
        return EvalSchemas.questions("search/unseen2", schema);
    }

    @Test
    void relations_load_with_their_rows_and_settings() {
        EvalSchemas.assertRelationsLoad(app, SCHEMAS);
        assertThat(app.rowdesk().catalog().settings("rides").dateColumn())
                .isEqualTo("requested_at");
        assertThat(app.rowdesk().catalog().settings("loans").keyColumn()).isEqualTo("loan_id");
        assertThat(app.rowdesk().catalog().settings("appointments").dateColumn())
                .isEqualTo("scheduled_at");
    }

    @Test
    void every_schema_has_forty_well_formed_questions_half_of_them_analyst_style() {
        EvalSchemas.assertWellFormed("search/unseen2", EvalSchemas.keysOf(SCHEMAS));
    }

    @Test
    void every_gold_runs_and_returns_rows() {
        EvalSchemas.assertEveryGoldReturnsRows(app, "search/unseen2", SCHEMAS.keySet(), 148);
    }

    /**
     * Per schema, then all three together (per phrase class). Print the misses with {@code
     * -Dsearch.eval.misses=taxi,library,clinic}.
     */
    @Test
    void local_translator_execution_match_on_the_untuned_schemas() {
        EvalSchemas.assertScoresHold(
                app, "search/unseen2", SCHEMAS.keySet(), "untuned schemas", FLOORS, TOTAL_FLOOR);
    }

    // Before any rule was written from their misses (2026-11-30): taxi 37/52 (71.2%), library
    // 26/48 (54.2%), clinic 31/48 (64.6%), all 94/148 (63.5%). After the schema rules: taxi 51/52
    // (98.1%), library 48/48 (100%), clinic 45/48 (93.8%), all 144/148 (97.3%). The floors sit two
    // or three questions under the latter; a drop below them fails.
    static final Map<String, Double> FLOORS = Map.of("taxi", 0.94, "library", 0.95, "clinic", 0.89);
    static final double TOTAL_FLOOR = 0.95;
}
