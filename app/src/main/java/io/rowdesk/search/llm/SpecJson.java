package io.rowdesk.search.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.Condition;
import io.rowdesk.search.QuerySpec;
import io.rowdesk.search.SqlRenderer.InvalidSpecException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the JSON form of a {@link QuerySpec} that the model is asked for (documented in {@code
 * prompts/search/system.txt} and {@code docs/llm.md}). Values are converted to the Java type of
 * their column (BigDecimal, LocalDate, LocalDateTime, Boolean, String) so the renderer binds them
 * as DuckDB expects. Anything unexpected is an {@link InvalidSpecException} whose message is worded
 * for the repair round.
 */
final class SpecJson {
    private static final Set<String> SPEC_FIELDS =
            Set.of("conditions", "sort", "limit", "group_by", "aggregates");
    private static final int MAX_DEPTH = 4;
    private static final int MAX_LIMIT = 100_000;

    private final RelationInfo relation;
    private final Map<String, String> types;

    SpecJson(RelationInfo relation) {
        this.relation = relation;
        this.types =
                relation.columns().stream()
                        .collect(
                                Collectors.toMap(
                                        Column::name, c -> c.type().toUpperCase(Locale.ROOT)));
    }

    QuerySpec read(JsonNode spec) {
        if (!spec.isObject()) {
            throw invalid("\"spec\" must be a JSON object");
        }
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SPEC_FIELDS.contains(name)) {
                throw invalid(
                        "\"spec\" has an unknown field \""
                                + name
                                + "\"; allowed: "
                                + String.join(", ", SPEC_FIELDS));
            }
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode condition : array(spec, "conditions")) {
            conditions.add(condition(condition, 0));
        }
        List<QuerySpec.Sort> sort = new ArrayList<>();
        for (JsonNode node : array(spec, "sort")) {
            sort.add(
                    new QuerySpec.Sort(
                            text(node, "column"), node.path("descending").asBoolean(false)));
        }
        Integer limit = null;
        JsonNode limitNode = spec.path("limit");
        if (!limitNode.isMissingNode() && !limitNode.isNull()) {
            if (!limitNode.canConvertToInt()
                    || !limitNode.isIntegralNumber()
                    || limitNode.asInt() < 1
                    || limitNode.asInt() > MAX_LIMIT) {
                throw invalid("\"limit\" must be a whole number from 1 to " + MAX_LIMIT);
            }
            limit = limitNode.asInt();
        }
        List<QuerySpec.Group> groups = new ArrayList<>();
        for (JsonNode node : array(spec, "group_by")) {
            String column = column(node);
            QuerySpec.Group.DateGrain grain = null;
            String grainText = optionalText(node, "grain");
            if (grainText != null) {
                grain = choice(grainText, QuerySpec.Group.DateGrain.class, "grain");
                if (!temporal(types.get(column))) {
                    throw invalid(
                            "\"grain\" only applies to a date or timestamp column, not '"
                                    + column
                                    + "'");
                }
            }
            groups.add(new QuerySpec.Group(column, grain));
        }
        List<QuerySpec.Aggregate> aggregates = new ArrayList<>();
        for (JsonNode node : array(spec, "aggregates")) {
            QuerySpec.Aggregate.Function function =
                    choice(text(node, "function"), QuerySpec.Aggregate.Function.class, "function");
            String column = optionalText(node, "column");
            if (column != null) {
                known(column);
            }
            aggregates.add(new QuerySpec.Aggregate(function, column));
        }
        return new QuerySpec(relation.name(), conditions, sort, limit, groups, aggregates);
    }

    private Condition condition(JsonNode node, int depth) {
        if (!node.isObject()) {
            throw invalid("each condition must be a JSON object");
        }
        if (depth > MAX_DEPTH) {
            throw invalid("conditions are nested too deeply");
        }
        String op = text(node, "op").toLowerCase(Locale.ROOT);
        String label = optionalText(node, "label");
        if (op.equals("any_of")) {
            List<Condition> alternatives = new ArrayList<>();
            for (JsonNode alternative : array(node, "conditions")) {
                alternatives.add(condition(alternative, depth + 1));
            }
            if (alternatives.size() < 2) {
                throw invalid("\"any_of\" needs at least two conditions");
            }
            return new Condition.AnyOf(
                    alternatives,
                    label != null
                            ? label
                            : alternatives.stream()
                                    .map(Condition::label)
                                    .collect(Collectors.joining(" or ")));
        }
        String column = column(node);
        String words = column.replace('_', ' ');
        switch (op) {
            case "eq", "ne", "gt", "ge", "lt", "le" -> {
                Condition.Operator operator =
                        Condition.Operator.valueOf(op.toUpperCase(Locale.ROOT));
                Object value = value(column, required(node, "value"));
                return new Condition.Compare(
                        column,
                        operator,
                        value,
                        label != null
                                ? label
                                : words
                                        + " "
                                        + operator.sql.replace("<>", "≠")
                                        + " "
                                        + display(value));
            }
            case "between" -> {
                Object from = nullable(column, node.path("from"));
                Object to = nullable(column, node.path("to"));
                if (from == null && to == null) {
                    throw invalid("\"between\" on '" + column + "' needs \"from\" or \"to\"");
                }
                boolean inclusive = node.path("inclusive").asBoolean(false);
                return new Condition.Range(
                        column,
                        from,
                        to,
                        inclusive,
                        label != null
                                ? label
                                : words
                                        + " from "
                                        + (from == null ? "…" : display(from))
                                        + " to "
                                        + (to == null ? "…" : display(to)));
            }
            case "in", "not_in" -> {
                List<Object> values = new ArrayList<>();
                for (JsonNode value : array(node, "values")) {
                    values.add(value(column, value));
                }
                if (values.isEmpty()) {
                    throw invalid(
                            "\"" + op + "\" on '" + column + "' needs a non-empty \"values\" list");
                }
                boolean negated = op.equals("not_in");
                return new Condition.InSet(
                        column,
                        values,
                        negated,
                        label != null
                                ? label
                                : words
                                        + (negated ? " is not " : " is ")
                                        + values.stream()
                                                .map(SpecJson::display)
                                                .collect(Collectors.joining(" or ")));
            }
            case "contains", "starts_with", "ends_with", "equals_text" -> {
                Condition.Text.Mode mode =
                        op.equals("equals_text")
                                ? Condition.Text.Mode.EQUALS
                                : Condition.Text.Mode.valueOf(op.toUpperCase(Locale.ROOT));
                JsonNode value = required(node, "value");
                if (!value.isValueNode() || value.isNull()) {
                    throw invalid("\"" + op + "\" on '" + column + "' needs a text \"value\"");
                }
                boolean negated = node.path("negated").asBoolean(false);
                return new Condition.Text(
                        column,
                        mode,
                        value.asText(),
                        negated,
                        label != null
                                ? label
                                : words
                                        + (negated ? " does not " : " ")
                                        + op.replace('_', ' ')
                                        + " \""
                                        + value.asText()
                                        + "\"");
            }
            case "is_null", "is_not_null" -> {
                boolean isNull = op.equals("is_null");
                return new Condition.IsNull(
                        column,
                        isNull,
                        label != null ? label : words + (isNull ? " is empty" : " is set"));
            }
            default ->
                    throw invalid(
                            "unknown condition op \""
                                    + op
                                    + "\"; allowed: eq, ne, gt, ge, lt, le, between, in, "
                                    + "not_in, contains, starts_with, ends_with, equals_text, is_null, is_not_null, any_of");
        }
    }

    private Object nullable(String column, JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : value(column, node);
    }

    /** A JSON value as the Java type that DuckDB binds to the column's type. */
    private Object value(String column, JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            throw invalid(
                    "the value for '"
                            + column
                            + "' must be a single number, text, date or boolean (use is_null for NULL)");
        }
        String type = types.get(column);
        String text = node.asText().trim();
        try {
            if (numeric(type)) {
                return node.isNumber()
                        ? node.decimalValue()
                        : new BigDecimal(text.replace(",", ""));
            }
            if (type.equals("DATE")) {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            }
            if (type.startsWith("TIMESTAMP")) {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay();
                }
                return LocalDateTime.parse(
                        text.replace(' ', 'T').replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", ""));
            }
            if (type.equals("BOOLEAN")) {
                if (node.isBoolean()
                        || text.equalsIgnoreCase("true")
                        || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw invalid("'" + column + "' is BOOLEAN: use true or false, not '" + text + "'");
            }
        } catch (NumberFormatException | DateTimeException e) {
            throw invalid(
                    "'" + text + "' is not a valid value for '" + column + "' (" + type + ")");
        }
        return node.asText();
    }

    private String column(JsonNode node) {
        return known(text(node, "column"));
    }

    private String known(String column) {
        if (!types.containsKey(column)) {
            throw invalid(
                    "unknown column '"
                            + column
                            + "'; the columns are: "
                            + String.join(
                                    ", ", relation.columns().stream().map(Column::name).toList()));
        }
        return column;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("\"" + field + "\" must be a JSON array");
        }
        return value;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw invalid("a condition is missing \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw invalid("\"" + field + "\" is required in " + node);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type, String field) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(
                    "\""
                            + field
                            + "\" must be one of "
                            + java.util.Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))
                            + ", not '"
                            + text
                            + "'");
        }
    }

    static boolean numeric(String type) {
        return type.startsWith("DECIMAL")
                || type.startsWith("NUMERIC")
                || type.endsWith("INT")
                || type.equals("INTEGER")
                || type.equals("BIGINT")
                || type.equals("SMALLINT")
                || type.equals("TINYINT")
                || type.equals("HUGEINT")
                || type.equals("DOUBLE")
                || type.equals("FLOAT")
                || type.equals("REAL")
                || type.startsWith("UINTEGER")
                || type.startsWith("UBIGINT")
                || type.startsWith("USMALLINT")
                || type.startsWith("UTINYINT");
    }

    static boolean temporal(String type) {
        return type != null && (type.equals("DATE") || type.startsWith("TIMESTAMP"));
    }

    private static String display(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime time
                && time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return time.toLocalDate().toString();
        }
        return String.valueOf(value);
    }

    private static InvalidSpecException invalid(String message) {
        return new InvalidSpecException(message);
    }
}
