package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.eval.EvalQuestion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unseen help-desk schema (search/unseen/) loads through the app as configured sources and its
 * gold SQL runs. The translator is scored on it without ever being tuned to it.
 */
class UnseenSchemaTest {
    static final Set<String> RELATIONS = Set.of("tickets", "agents", "customers");

    @TempDir static Path dataDir;
    static TestApp app;
    static List<EvalQuestion> questions;

    static Path resource(String name) {
        try {
            return Path.of(UnseenSchemaTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        // The config's files source points at <data_dir>/helpdesk: copy the committed CSVs there.
        Path target = Files.createDirectories(dataDir.resolve("helpdesk"));
        try (Stream<Path> csvs = Files.list(resource("search/unseen/data"))) {
            for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(csv, target.resolve(csv.getFileName()));
            }
        }
        app = TestApp.start(dataDir, resource("search/unseen/rowdesk.yaml"));
        questions = EvalQuestion.load("search/unseen/questions.jsonl");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void relationsLoadWithTheirSettings() {
        Map<String, RelationInfo> loaded =
                app.rowdesk().catalog().all().stream()
                        .collect(Collectors.toMap(RelationInfo::name, r -> r));
        assertThat(loaded.keySet()).containsAll(RELATIONS);
        assertThat(loaded.get("tickets").rowCount()).isEqualTo(2400);
        assertThat(loaded.get("customers").rowCount()).isEqualTo(300);
        assertThat(loaded.get("agents").rowCount()).isEqualTo(24);
        assertThat(app.rowdesk().catalog().settings("tickets").keyColumn()).isEqualTo("ticket_id");
        assertThat(app.rowdesk().catalog().settings("tickets").dateColumn())
                .isEqualTo("created_at");
        assertThat(app.rowdesk().catalog().settings("customers").dateColumn())
                .isEqualTo("created_at");
        assertThat(app.rowdesk().catalog().settings("agents").dateColumn()).isEqualTo("hired_at");
    }

    @Test
    void questionsAreWellFormed() {
        assertThat(questions).hasSizeGreaterThanOrEqualTo(40);
        Set<String> ids = new HashSet<>();
        for (EvalQuestion q : questions) {
            assertThat(ids.add(q.id())).as(q.id()).isTrue();
            assertThat(RELATIONS).as(q.id()).contains(q.relation());
            assertThat(EvalQuestion.CLASSES).as(q.id()).containsAll(q.classes());
            assertThat(EvalQuestion.DATE_MEANINGS).as(q.id()).containsAll(q.dates());
            assertThat(q.gold()).as(q.id()).containsPattern("(?i)\\bFROM " + q.relation() + "\\b");
        }
        assertThat(questions.stream().map(EvalQuestion::relation).collect(Collectors.toSet()))
                .isEqualTo(RELATIONS);
        assertThat(
                        questions.stream()
                                .flatMap(q -> q.classes().stream())
                                .collect(Collectors.toSet()))
                .isEqualTo(EvalQuestion.CLASSES);
    }

    @Test
    void everyGoldRunsAndMostReturnRows() {
        List<String> failures = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (EvalQuestion q : questions) {
            try {
                QueryResult result = EvalSetTest.run(app, q.gold());
                if (result.rows().isEmpty()) {
                    empty.add(q.id() + " " + q.question());
                }
            } catch (RuntimeException e) {
                failures.add(q.id() + ": " + e.getMessage());
            }
        }
        empty.forEach(e -> System.out.println("empty unseen gold: " + e));
        assertThat(failures).isEmpty();
        assertThat(empty.size())
                .as("empty golds: %s", empty)
                .isLessThanOrEqualTo(questions.size() / 10);
    }

    /** Scored, never tuned: a schema and wording the translator was not written for. */
    @Test
    void local_translator_execution_match_on_the_unseen_schema() {
        var score = LocalTranslatorEvalTest.score(app, questions, "unseen");
        assertThat(score.share()).isGreaterThanOrEqualTo(UNSEEN_FLOOR);
    }

    // Measured 90% on 2026-11-24, 92% on 2026-11-30; a drop below this fails.
    static final double UNSEEN_FLOOR = 0.88;
}
