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
 * Two more fresh schemas nobody tuned the translator to (search/unseen4/: recruiting job postings
 * and applications, insurance claims), each with at least 40 questions, half of them analyst-style.
 * Schemas and questions were written blind (without reading the translator, its prompts or the
 * earlier question files) and committed before the translator was ever run on them; no rule may be
 * written from their misses without this set losing its meaning (then say so in
 * docs/search-eval.md).
 */
class Unseen4SchemasEvalTest {
    static final String FOLDER = "search/unseen4";

    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("recruiting", Map.of("job_postings", 60L, "applications", 2000L));
        SCHEMAS.put("claims", Map.of("insurance_claims", 2500L));
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
        assertThat(app.rowdesk().catalog().settings("job_postings").dateColumn())
                .isEqualTo("opened_on");
        assertThat(app.rowdesk().catalog().settings("applications").dateColumn())
                .isEqualTo("applied_at");
        assertThat(app.rowdesk().catalog().settings("insurance_claims").keyColumn())
                .isEqualTo("claim_id");
        assertThat(app.rowdesk().catalog().settings("insurance_claims").dateColumn())
                .isEqualTo("filed_at");
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
        EvalSchemas.assertEveryGoldReturnsRows(app, FOLDER, SCHEMAS.keySet(), 100);
    }

    /**
     * Scored, never tuned: per schema, then both together (per phrase class). Print the misses with
     * {@code -Dsearch.eval.misses=recruiting,claims}.
     */
    @Test
    void local_translator_execution_match_on_the_unseen4_schemas() {
        EvalSchemas.assertScoresHold(
                app, FOLDER, SCHEMAS.keySet(), "unseen4 schemas", FLOORS, TOTAL_FLOOR);
    }

    // Written blind 2026-11-30 and scored with scores only, never the misses: 66.9% (recruiting
    // 66.1%, claims 67.7%) with the rules of the first round, 76.6% (recruiting 50/62 = 80.6%,
    // claims 45/62 = 72.6%, all 95/124) with the rules written from unseen3's misses. The floors
    // sit two or three questions under the latter. Reading the misses ends it as an unseen measure.
    static final Map<String, Double> FLOORS = Map.of("recruiting", 0.75, "claims", 0.67);
    static final double TOTAL_FLOOR = 0.74;
}
