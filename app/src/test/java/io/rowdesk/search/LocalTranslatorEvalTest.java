package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores the local translator by execution match on the evaluation set (docs/search-eval.md).
 * dev.jsonl may guide work on the translator; heldout.jsonl is only ever scored. The floors below
 * guard against regressions; the target is 90% on each.
 */
class LocalTranslatorEvalTest {
    @TempDir
    static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dataDir, null, EvalSetTest.EVAL_SCALE);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** The share of questions answered exactly, per class and overall; failures printed for reading. */
    static Score score(TestApp app, List<EvalQuestion> questions, String name) {
        LocalTranslator translator = new LocalTranslator();
        SqlRenderer renderer = new SqlRenderer();
        Map<String, int[]> byClass = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (EvalQuestion q : questions) {
            RelationInfo relation = app.rowdesk().catalog().find(q.relation(), Role.ADMIN).orElseThrow();
            Vocabulary vocabulary = new Vocabulary(relation, app.rowdesk().catalog().settings(q.relation()),
                    app.rowdesk().profiles().forRelation(q.relation()));
            boolean ok;
            String detail;
            try {
                LocalTranslator.Translation t = translator.translate(q.question(), vocabulary, q.today());
                RenderedSql sql = renderer.render(t.spec(), relation, vocabulary.keyColumn());
                QueryResult actual = app.rowdesk().engine().query(sql.sql(), sql.params(), 1_000_000, Duration.ofSeconds(60));
                QueryResult gold = app.rowdesk().engine().query(q.gold(), List.of(), 1_000_000, Duration.ofSeconds(60));
                ok = t.complete() && ExecutionMatch.matches(gold, actual, q.gold());
                detail = sql.sql() + " " + sql.params() + (t.complete() ? "" : " unmatched=" + t.unmatched());
            } catch (RuntimeException e) {
                ok = false;
                detail = "error: " + e.getMessage();
            }
            if (ok) {
                passed++;
            } else {
                failures.add(q.id() + " [" + q.relation() + "] " + q.question() + "\n      got:  " + detail + "\n      gold: " + q.gold());
            }
            for (String c : q.classes()) {
                int[] counts = byClass.computeIfAbsent(c, k -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%n== local translator on %s: %d/%d = %.1f%%%n",
                name, passed, questions.size(), 100.0 * passed / questions.size()));
        byClass.forEach((c, n) -> report.append(String.format(Locale.ROOT, "   %-14s %3d/%3d  %5.1f%%%n", c, n[0], n[1], 100.0 * n[0] / n[1])));
        if (name.equals("dev")) {
            failures.forEach(f -> report.append("   MISS ").append(f).append('\n'));
        }
        System.out.println(report);
        return new Score(passed, questions.size());
    }

    record Score(int passed, int total) {
        double share() {
            return (double) passed / total;
        }
    }

    @Test
    void dev_set_execution_match() {
        Score score = score(app, EvalQuestion.load("search/dev.jsonl"), "dev");
        assertThat(score.share()).isGreaterThanOrEqualTo(DEV_FLOOR);
    }

    @Test
    void heldout_set_execution_match() {
        Score score = score(app, EvalQuestion.load("search/heldout.jsonl"), "heldout");
        assertThat(score.share()).isGreaterThanOrEqualTo(HELDOUT_FLOOR);
    }

    // Floors a little under the scores measured on 2026-11-24 (dev 97.7%, held-out 88%): a drop fails.
    static final double DEV_FLOOR = 0.95;
    static final double HELDOUT_FLOOR = 0.85;
}
