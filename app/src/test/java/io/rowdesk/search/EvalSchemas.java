package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.search.eval.EvalQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shared harness of the per-schema evaluation sets under {@code search/<folder>/<schema>/}:
 * each schema's CSVs in {@code data/}, its questions in {@code questions.jsonl}, and one {@code
 * rowdesk.yaml} for the folder.
 */
final class EvalSchemas {
    private EvalSchemas() {}

    /** An app over the schemas' CSVs, each schema a folder of {@code dataDir}. */
    static TestApp start(Path dataDir, String folder, Collection<String> schemas)
            throws IOException {
        for (String schema : schemas) {
            Path target = Files.createDirectories(dataDir.resolve(schema));
            try (Stream<Path> csvs =
                    Files.list(UnseenSchemaTest.resource(folder + "/" + schema + "/data"))) {
                for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Files.copy(csv, target.resolve(csv.getFileName()));
                }
            }
        }
        return TestApp.start(dataDir, UnseenSchemaTest.resource(folder + "/rowdesk.yaml"));
    }

    static List<EvalQuestion> questions(String folder, String schema) {
        return EvalQuestion.load(folder + "/" + schema + "/questions.jsonl");
    }

    /**
     * Scores the local translator per schema, then on all of them together (per phrase class, as
     * printed by {@link LocalTranslatorEvalTest#score}), and holds each share at its floor.
     */
    static void assertScoresHold(
            TestApp app,
            String folder,
            Collection<String> schemas,
            String label,
            Map<String, Double> floors,
            double totalFloor) {
        List<EvalQuestion> all = new java.util.ArrayList<>();
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        for (String schema : schemas) {
            List<EvalQuestion> questions = questions(folder, schema);
            all.addAll(questions);
            shares.put(schema, LocalTranslatorEvalTest.score(app, questions, schema).share());
        }
        double total = LocalTranslatorEvalTest.score(app, all, label).share();
        shares.forEach(
                (schema, share) ->
                        assertThat(share).as(schema).isGreaterThanOrEqualTo(floors.get(schema)));
        assertThat(total).as(label).isGreaterThanOrEqualTo(totalFloor);
    }

    /** Every relation of every schema is in the catalog with its number of rows. */
    static void assertRelationsLoad(TestApp app, Map<String, Map<String, Long>> schemas) {
        Map<String, io.rowdesk.query.RelationInfo> loaded =
                app.rowdesk().catalog().all().stream()
                        .collect(
                                java.util.stream.Collectors.toMap(
                                        io.rowdesk.query.RelationInfo::name, r -> r));
        for (Map<String, Long> relations : schemas.values()) {
            relations.forEach(
                    (relation, rows) -> {
                        assertThat(loaded).as(relation).containsKey(relation);
                        assertThat(loaded.get(relation).rowCount()).as(relation).isEqualTo(rows);
                    });
        }
    }

    /**
     * Gold sanity, without the translator: every gold of {@code schemas} runs on the loaded data
     * and returns at least one row, and one row is not all NULL (an aggregate over nothing).
     */
    static void assertEveryGoldReturnsRows(
            TestApp app, String folder, Collection<String> schemas, int atLeast) {
        List<String> failures = new java.util.ArrayList<>();
        int checked = 0;
        for (String schema : schemas) {
            for (EvalQuestion q : questions(folder, schema)) {
                checked++;
                try {
                    io.rowdesk.query.QueryResult result = EvalSetTest.run(app, q.gold());
                    if (result.rows().isEmpty()) {
                        failures.add(q.id() + " " + q.question() + ": no rows");
                    } else if (result.rows().size() == 1
                            && result.rows().get(0).stream().allMatch(v -> v == null)) {
                        failures.add(q.id() + " " + q.question() + ": only NULL");
                    }
                } catch (RuntimeException e) {
                    failures.add(q.id() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(atLeast);
    }

    /** Each schema's relation names, from a map of schema to relation to row count. */
    static Map<String, Set<String>> keysOf(Map<String, Map<String, Long>> schemas) {
        Map<String, Set<String>> relations = new java.util.LinkedHashMap<>();
        schemas.forEach((schema, rows) -> relations.put(schema, rows.keySet()));
        return relations;
    }

    /**
     * Every schema has at least forty questions with unique ids, known classes and date meanings, a
     * gold query over one of its relations, and at least half of them analyst-style.
     */
    static void assertWellFormed(String folder, Map<String, ? extends Collection<String>> schemas) {
        Set<String> ids = new HashSet<>();
        Set<String> classes = new HashSet<>(EvalQuestion.CLASSES);
        classes.addAll(EvalQuestion.ANALYST_CLASSES);
        for (var schema : schemas.entrySet()) {
            List<EvalQuestion> questions = questions(folder, schema.getKey());
            assertThat(questions).as(schema.getKey()).hasSizeGreaterThanOrEqualTo(40);
            long analyst =
                    questions.stream()
                            .filter(
                                    q ->
                                            q.classes().stream()
                                                    .anyMatch(
                                                            EvalQuestion.ANALYST_CLASSES::contains))
                            .count();
            assertThat(2 * analyst).as(schema.getKey()).isGreaterThanOrEqualTo(questions.size());
            for (EvalQuestion q : questions) {
                assertThat(ids.add(q.id())).as(q.id()).isTrue();
                assertThat(schema.getValue()).as(q.id()).contains(q.relation());
                assertThat(classes).as(q.id()).containsAll(q.classes());
                assertThat(EvalQuestion.DATE_MEANINGS).as(q.id()).containsAll(q.dates());
                assertThat(q.gold())
                        .as(q.id())
                        .containsPattern("(?i)\\bFROM " + q.relation() + "\\b");
            }
        }
    }
}
