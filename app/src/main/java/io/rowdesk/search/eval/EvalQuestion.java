package io.rowdesk.search.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of an evaluation file (see docs/search-eval.md): an English question over one relation
 * with its gold SQL, the phrase classes it exercises, the date meanings it uses and the day it is
 * asked on.
 */
public record EvalQuestion(
        String id,
        String relation,
        String question,
        String gold,
        List<String> classes,
        List<String> dates,
        LocalDate today,
        String file) {

    public static final Set<String> CLASSES =
            Set.of(
                    "category",
                    "number",
                    "date",
                    "text",
                    "null",
                    "negation",
                    "sort_limit",
                    "aggregate",
                    "boolean_logic");

    /**
     * The analyst classes of the public-style schemas (search/schemas/): asked columns, the extreme
     * row, grouped answers with HAVING. Kept apart from {@link #CLASSES}, which every demo set must
     * exercise.
     */
    public static final Set<String> ANALYST_CLASSES = Set.of("projection", "superlative", "group");

    /**
     * The date meanings of the search issue, each a half-open range (or bound) over one date
     * column.
     */
    public static final List<String> DATE_MEANINGS =
            List.of(
                    "today",
                    "yesterday",
                    "this_week",
                    "last_week",
                    "this_month",
                    "last_month",
                    "this_year",
                    "last_year",
                    "last_n_days",
                    "older_than",
                    "before",
                    "since",
                    "quarter",
                    "month",
                    "year");

    private static final ObjectMapper JSON = Json.MAPPER;

    /** Reads a JSONL resource from the classpath, e.g. {@code search/dev.jsonl}. */
    public static List<EvalQuestion> load(String resource) {
        try (InputStream in = EvalQuestion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSONL file from disk. */
    public static List<EvalQuestion> read(java.nio.file.Path file) {
        try {
            return parse(java.nio.file.Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One question per line; a missing field names its line. */
    public static List<EvalQuestion> parse(String text, String origin) {
        List<EvalQuestion> questions = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(origin + ":" + lineNumber + ": not JSON");
            }
            for (String field : List.of("id", "relation", "question", "gold", "classes", "today")) {
                if (!node.hasNonNull(field)) {
                    throw new IllegalArgumentException(
                            origin + ":" + lineNumber + ": missing " + field);
                }
            }
            questions.add(
                    new EvalQuestion(
                            node.get("id").asText(),
                            node.get("relation").asText(),
                            node.get("question").asText(),
                            node.get("gold").asText(),
                            strings(node.get("classes")),
                            strings(node.path("dates")),
                            LocalDate.parse(node.get("today").asText()),
                            origin));
        }
        return questions;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** True when rows must match in order: the gold sorts and keeps the first N. */
    public boolean ordered() {
        return ExecutionMatch.isOrderedLimit(gold);
    }
}
