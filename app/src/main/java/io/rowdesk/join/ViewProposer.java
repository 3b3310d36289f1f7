package io.rowdesk.join;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.json.Json;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.template.ClasspathTemplates;
import io.rowdesk.template.TextTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes a name and columns for a view made from a join suggestion. With a language model
 * configured it asks the model ({@code prompts/joins/name-view.txt}) and checks the answer: a
 * valid, free name and real columns, or the whole answer is set aside. Without a model, or when the
 * model fails, a rule answers: {@code <left>_with_<right>} and every column.
 */
public final class ViewProposer {
    private static final Logger LOG = LoggerFactory.getLogger(ViewProposer.class);
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final Optional<TextModel> model;
    private final TextTemplate prompt;

    public ViewProposer(Optional<TextModel> model) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.prompt = ClasspathTemplates.prompts().get("joins/name-view.txt");
    }

    /**
     * @param taken whether a relation of that name exists already
     */
    public ViewProposal propose(
            RelationInfo left,
            String leftColumn,
            RelationInfo right,
            String rightColumn,
            Predicate<String> taken) {
        if (model.isPresent()) {
            try {
                Optional<ViewProposal> asked =
                        ask(model.get(), left, leftColumn, right, rightColumn, taken);
                if (asked.isPresent()) {
                    return asked.get();
                }
            } catch (RuntimeException e) {
                // the model is optional here: a failure means the rule answers
                LOG.info("No view name from the language model ({})", e.getClass().getSimpleName());
            }
        }
        return byRule(left, right, taken);
    }

    static ViewProposal byRule(RelationInfo left, RelationInfo right, Predicate<String> taken) {
        String base = left.name() + "_with_" + right.name();
        base = base.length() > 36 ? base.substring(0, 36) : base;
        String name = base;
        for (int i = 2; taken.test(name); i++) {
            name = base + "_" + i;
        }
        return new ViewProposal(name, List.of(), "rule");
    }

    private Optional<ViewProposal> ask(
            TextModel model,
            RelationInfo left,
            String leftColumn,
            RelationInfo right,
            String rightColumn,
            Predicate<String> taken) {
        String system =
                prompt.render(
                        Map.of(
                                "left", left.name(),
                                "left_rows", String.valueOf(left.rowCount()),
                                "left_columns", columnList(left),
                                "right", right.name(),
                                "right_rows", String.valueOf(right.rowCount()),
                                "right_columns", columnList(right),
                                "left_column", leftColumn,
                                "right_column", rightColumn));
        String answer = model.complete(system, "Propose the view's name and columns.");
        JsonNode json = parse(answer);
        if (json == null) {
            LOG.info("The language model's view proposal was not a JSON object; using the rule");
            return Optional.empty();
        }
        String name = json.path("name").asText("");
        if (!NAME.matcher(name).matches()
                || name.equals(left.name())
                || name.equals(right.name())
                || taken.test(name)) {
            LOG.info("The language model proposed an unusable view name; using the rule");
            return Optional.empty();
        }
        Set<String> known = new LinkedHashSet<>();
        left.columns().forEach(c -> known.add(left.name() + "." + c.name()));
        right.columns().forEach(c -> known.add(right.name() + "." + c.name()));
        List<String> columns = new ArrayList<>();
        columns.add(left.name() + "." + leftColumn);
        for (JsonNode c : json.path("columns")) {
            String qualified = c.asText("");
            if (!known.contains(qualified)) {
                LOG.info("The language model named a column that does not exist; using the rule");
                return Optional.empty();
            }
            if (!columns.contains(qualified)) {
                columns.add(qualified);
            }
        }
        return Optional.of(new ViewProposal(name, columns.size() > 1 ? columns : List.of(), "llm"));
    }

    private static String columnList(RelationInfo relation) {
        return relation.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The first JSON object in the answer, fenced or not; null when there is none. */
    private static JsonNode parse(String answer) {
        if (answer == null) {
            return null;
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(answer.substring(start, end + 1));
            return node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
