package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.eval.EvalQuestion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search evaluation set (docs/search-eval.md) is well formed and meaningful on the demo at
 * scale 0.1, seed 42, as of 2026-11-20: every gold SQL runs, nearly all return rows, and the phrase
 * classes and date meanings of the search issue are all covered. heldout.jsonl is checked here,
 * never used to tune the translator.
 */
class EvalSetTest {
    static final double EVAL_SCALE = 0.1;
    static final List<String> FILES = List.of("search/heldout.jsonl", "search/dev.jsonl");
    static final Set<String> DEMO_RELATIONS =
            Set.of("partners", "referrers", "payouts", "referrals", "lead_events", "payout_review");

    @TempDir static Path dataDir;
    static TestApp app;
    static List<EvalQuestion> heldout;
    static List<EvalQuestion> dev;
    static List<EvalQuestion> all;

    @BeforeAll
    static void start() {
        app = TestApp.start(dataDir, null, EVAL_SCALE);
        heldout = EvalQuestion.load(FILES.get(0));
        dev = EvalQuestion.load(FILES.get(1));
        all = Stream.concat(heldout.stream(), dev.stream()).toList();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static QueryResult run(TestApp app, String sql) {
        return app.rowdesk().engine().query(sql, List.of(), 1_000_000, Duration.ofSeconds(60));
    }

    @Test
    void sizes() {
        assertThat(heldout).hasSize(50);
        assertThat(dev).hasSizeGreaterThanOrEqualTo(160);
        assertThat(heldout).allMatch(q -> q.id().startsWith("h"));
        assertThat(dev).allMatch(q -> q.id().startsWith("d"));
    }

    @Test
    void demoIsTheOneTheGoldWasWrittenFor() {
        assertThat(app.rowdesk().startup().demo().settings().seed()).isEqualTo(42);
        assertThat(app.rowdesk().startup().demo().settings().scale()).isEqualTo(EVAL_SCALE);
        assertThat(app.rowdesk().startup().demo().settings().asOf())
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void idsAndQuestionsAreUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> questions = new HashSet<>();
        for (EvalQuestion q : all) {
            assertThat(ids.add(q.id())).as("duplicate id %s", q.id()).isTrue();
            assertThat(questions.add(q.question()))
                    .as("duplicate question %s", q.question())
                    .isTrue();
        }
    }

    @Test
    void relationsExistAndGoldUsesOnlyItsRelation() {
        Set<String> known =
                app.rowdesk().catalog().all().stream()
                        .map(RelationInfo::name)
                        .collect(Collectors.toSet());
        assertThat(known).containsAll(DEMO_RELATIONS);
        for (EvalQuestion q : all) {
            assertThat(DEMO_RELATIONS).as(q.id()).contains(q.relation());
            assertThat(q.gold()).as(q.id()).containsPattern("(?i)\\bFROM " + q.relation() + "\\b");
            for (String other : DEMO_RELATIONS) {
                if (!other.equals(q.relation())) {
                    assertThat(q.gold())
                            .as(q.id() + " mentions " + other)
                            .doesNotContainPattern("(?i)\\b" + other + "\\b");
                }
            }
            assertThat(q.gold()).as(q.id()).doesNotContainPattern("(?i)\\bJOIN\\b");
        }
    }

    @Test
    void classesAndDateMeaningsAreKnown() {
        for (EvalQuestion q : all) {
            assertThat(q.classes()).as(q.id()).isNotEmpty();
            assertThat(EvalQuestion.CLASSES).as(q.id()).containsAll(q.classes());
            assertThat(EvalQuestion.DATE_MEANINGS).as(q.id()).containsAll(q.dates());
            assertThat(q.classes().contains("date"))
                    .as(q.id() + ": date class iff date meanings")
                    .isEqualTo(!q.dates().isEmpty());
        }
    }

    @Test
    void everyGoldRunsAndNearlyAllReturnRows() {
        List<String> failures = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (EvalQuestion q : all) {
            try {
                QueryResult result = run(app, q.gold());
                if (result.rows().isEmpty()) {
                    empty.add(q.id() + " " + q.question());
                }
            } catch (RuntimeException e) {
                failures.add(q.id() + ": " + e.getMessage());
            }
        }
        empty.forEach(e -> System.out.println("empty gold: " + e));
        assertThat(failures).isEmpty();
        assertThat(empty.size()).as("empty golds: %s", empty).isLessThanOrEqualTo(all.size() / 10);
    }

    @Test
    void everyClassAppearsTenTimes() {
        Map<String, Long> counts =
                new TreeMap<>(
                        all.stream()
                                .flatMap(q -> q.classes().stream())
                                .collect(Collectors.groupingBy(c -> c, Collectors.counting())));
        System.out.println("classes: " + counts);
        for (String c : EvalQuestion.CLASSES) {
            assertThat(counts.getOrDefault(c, 0L)).as(c).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void everyDateMeaningAppearsTwice() {
        Map<String, Long> counts =
                new TreeMap<>(
                        all.stream()
                                .flatMap(q -> q.dates().stream())
                                .collect(Collectors.groupingBy(c -> c, Collectors.counting())));
        System.out.println("date meanings: " + counts);
        for (String meaning : EvalQuestion.DATE_MEANINGS) {
            assertThat(counts.getOrDefault(meaning, 0L)).as(meaning).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyRelationIsAsked() {
        Map<String, Long> counts =
                new TreeMap<>(
                        all.stream()
                                .collect(
                                        Collectors.groupingBy(
                                                EvalQuestion::relation, Collectors.counting())));
        System.out.println("relations: " + counts);
        assertThat(counts.keySet()).containsAll(DEMO_RELATIONS);
        assertThat(heldout.stream().map(EvalQuestion::relation).collect(Collectors.toSet()))
                .containsAll(DEMO_RELATIONS);
    }

    @Test
    void goldFollowsTheConventions() {
        Map<String, String> keys =
                Map.of(
                        "partners",
                        "partner_id",
                        "referrers",
                        "referrer_id",
                        "payouts",
                        "payout_id",
                        "referrals",
                        "referral_id",
                        "lead_events",
                        "event_id",
                        "payout_review",
                        "payout_id");
        for (EvalQuestion q : all) {
            String gold = q.gold();
            assertThat(gold).as(q.id()).startsWith("SELECT ");
            if (gold.matches("(?is).*\\bORDER BY\\b.*")) {
                // tie-breaker: the relation's key column last in the ORDER BY
                assertThat(gold)
                        .as(q.id())
                        .containsPattern(
                                "(?i)ORDER BY .*, "
                                        + keys.get(q.relation())
                                        + "(\\s+LIMIT \\d+)?$");
            }
            if (q.classes().contains("sort_limit")) {
                assertThat(gold).as(q.id()).contains("ORDER BY");
            }
            if (q.classes().contains("aggregate")) {
                assertThat(gold).as(q.id()).doesNotStartWith("SELECT *");
            } else {
                assertThat(gold).as(q.id()).startsWith("SELECT * FROM " + q.relation());
            }
            // today's range: the questions asked "today" are asked on a day with data
            assertThat(q.today()).as(q.id()).isBefore(LocalDate.of(2026, 11, 21));
        }
    }
}
