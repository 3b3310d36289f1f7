package io.rowdesk.search.eval;

import io.rowdesk.auth.Role;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.SearchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores the translator on a question file by execution match: the rows of the translated query
 * against the rows of the gold SQL (multisets; in order when the gold sorts and limits). A question
 * with words the translator could not place counts as a miss.
 */
public final class EvalRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ROWS = 1_000_000;

    /** The outcome of one file. */
    public record Report(
            String name,
            int passed,
            int total,
            Map<String, int[]> byClass,
            List<String> misses,
            List<Long> translationNanos) {
        public double share() {
            return total == 0 ? 0 : (double) passed / total;
        }

        public String format(boolean withMisses) {
            StringBuilder out =
                    new StringBuilder(
                            String.format(
                                    Locale.ROOT,
                                    "%s: %d/%d = %.1f%% execution match%n",
                                    name,
                                    passed,
                                    total,
                                    100.0 * share()));
            byClass.forEach(
                    (c, n) ->
                            out.append(
                                    String.format(
                                            Locale.ROOT,
                                            "  %-14s %3d/%3d  %5.1f%%%n",
                                            c,
                                            n[0],
                                            n[1],
                                            100.0 * n[0] / n[1])));
            if (withMisses) {
                misses.forEach(m -> out.append("  MISS ").append(m).append('\n'));
            }
            return out.toString();
        }
    }

    private final RelationCatalog catalog;
    private final SearchService search;
    private final QueryEngine engine;

    public EvalRunner(RelationCatalog catalog, SearchService search, QueryEngine engine) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.search = Objects.requireNonNull(search, "search is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
    }

    public Report score(String name, List<EvalQuestion> questions) {
        search.awaitSemantic(java.time.Duration.ofMinutes(2));
        Map<String, int[]> byClass = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        int passed = 0;
        for (EvalQuestion q : questions) {
            boolean ok;
            String detail;
            try {
                RelationInfo relation =
                        catalog.find(q.relation(), Role.ADMIN)
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "no relation " + q.relation()));
                long started = System.nanoTime();
                SearchService.Interpretation translation =
                        search.interpret(q.question(), relation, q.today(), java.util.Set.of());
                nanos.add(System.nanoTime() - started);
                QueryResult actual =
                        engine.query(
                                translation.sql().sql(),
                                translation.sql().params(),
                                MAX_ROWS,
                                TIMEOUT);
                QueryResult gold = engine.query(q.gold(), List.of(), MAX_ROWS, TIMEOUT);
                ok = translation.complete() && ExecutionMatch.matches(gold, actual, q.gold());
                detail =
                        translation.sql().sql()
                                + " "
                                + translation.sql().params()
                                + (translation.complete()
                                        ? ""
                                        : " unmatched=" + translation.unmatched());
            } catch (RuntimeException e) {
                ok = false;
                detail = "error: " + e.getMessage();
            }
            if (ok) {
                passed++;
            } else {
                misses.add(
                        q.id()
                                + " ["
                                + q.relation()
                                + "] "
                                + q.question()
                                + "\n      got:  "
                                + detail
                                + "\n      gold: "
                                + q.gold());
            }
            for (String c : q.classes()) {
                int[] counts = byClass.computeIfAbsent(c, k -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
            }
        }
        return new Report(name, passed, questions.size(), byClass, misses, nanos);
    }
}
