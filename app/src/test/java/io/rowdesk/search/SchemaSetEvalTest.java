package io.rowdesk.search;

import io.rowdesk.TestApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests every per-schema evaluation set runs (search/&lt;folder&gt;/&lt;schema&gt;/): its
 * relations load, its questions are well formed, every gold answers on the data, and the local
 * translator's execution match holds the set's floors. A subclass says which set and which relation
 * settings it relies on. Print a set's misses with {@code -Dsearch.eval.misses=<schemas>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaSetEvalTest {
    /**
     * One set: its folder, schema → relation → rows, the fewest questions it has, and the floors of
     * its execution match (per schema and all together).
     */
    record EvalSet(
            String folder,
            Map<String, Map<String, Long>> schemas,
            int questions,
            String label,
            Map<String, Double> floors,
            double totalFloor) {}

    abstract EvalSet set();

    /** The relation settings (date and key columns) of the set's config that its golds rely on. */
    abstract void assertSettings(TestApp app);

    TestApp app;

    @BeforeAll
    void start(@TempDir Path dataDir) throws IOException {
        app = EvalSchemas.start(dataDir, set().folder(), set().schemas().keySet());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void relations_load_with_their_rows_and_settings() {
        EvalSchemas.assertRelationsLoad(app, set().schemas());
        assertSettings(app);
    }

    @Test
    void every_schema_has_forty_well_formed_questions_half_of_them_analyst_style() {
        EvalSchemas.assertWellFormed(set().folder(), EvalSchemas.keysOf(set().schemas()));
    }

    /**
     * Gold sanity, without the translator: every gold runs on the loaded data and returns at least
     * one row, and an aggregate without groups returns a value, not NULL.
     */
    @Test
    void every_gold_runs_and_returns_rows() {
        EvalSchemas.assertEveryGoldReturnsRows(
                app, set().folder(), set().schemas().keySet(), set().questions());
    }

    /** Per schema, then all of them together (per phrase class). */
    @Test
    void local_translator_execution_match_holds_the_floors() {
        EvalSchemas.assertScoresHold(
                app,
                set().folder(),
                set().schemas().keySet(),
                set().label(),
                set().floors(),
                set().totalFloor());
    }
}
