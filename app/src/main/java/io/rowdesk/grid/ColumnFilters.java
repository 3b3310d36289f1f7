package io.rowdesk.grid;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the filter panel's filters into one {@link GridFilter}: column names only from the
 * relation's catalog entry (quoted), every value bound and cast to the column's type, which also
 * comes from the catalog.
 */
public final class ColumnFilters {
    /** At most this many filters, and this many values in one {@code in}. */
    public static final int MAX_FILTERS = 20;

    public static final int MAX_VALUES = 200;

    private static final Pattern SCALAR_TYPE =
            Pattern.compile("[A-Z][A-Z0-9_ ]*(\\(\\d+(,\\s*\\d+)?\\))?");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ColumnFilters() {}

    public static GridFilter where(List<ColumnFilter> filters, RelationInfo relation) {
        if (filters.isEmpty()) {
            return GridFilter.NONE;
        }
        if (filters.size() > MAX_FILTERS) {
            throw invalid("at most " + MAX_FILTERS + " filters at once");
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (ColumnFilter filter : filters) {
            parts.add(predicate(filter, relation, params));
        }
        return new GridFilter("WHERE " + String.join(" AND ", parts), params);
    }

    private static String predicate(
            ColumnFilter filter, RelationInfo relation, List<Object> params) {
        Column column =
                find(filter.column(), relation)
                        .orElseThrow(
                                () ->
                                        invalid(
                                                "unknown column '"
                                                        + filter.column()
                                                        + "'; columns are: "
                                                        + String.join(
                                                                ", ",
                                                                relation.columns().stream()
                                                                        .map(Column::name)
                                                                        .toList())));
        String name = SqlIdentifiers.quoteIdentifier(column.name());
        String type = column.type().toUpperCase(Locale.ROOT);
        String op = filter.op() == null ? "" : filter.op();
        switch (op) {
            case "empty":
                return "(" + name + " IS NULL OR CAST(" + name + " AS VARCHAR) = '')";
            case "not_empty":
                return "(" + name + " IS NOT NULL AND CAST(" + name + " AS VARCHAR) <> '')";
            case "contains":
                if (filter.value() == null || filter.value().isEmpty()) {
                    throw invalid(column.name() + ": contains needs a value");
                }
                params.add(filter.value().toLowerCase(Locale.ROOT));
                return "contains(lower(CAST(" + name + " AS VARCHAR)), ?)";
            case "in":
                {
                    if (filter.values().isEmpty() || filter.values().size() > MAX_VALUES) {
                        throw invalid(column.name() + ": in needs 1 to " + MAX_VALUES + " values");
                    }
                    String cast = scalar(column, type);
                    List<String> marks = new ArrayList<>();
                    for (String value : filter.values()) {
                        if (value == null) {
                            throw invalid(column.name() + ": use op empty for missing values");
                        }
                        params.add(value);
                        marks.add("CAST(? AS " + cast + ")");
                    }
                    return name + " IN (" + String.join(", ", marks) + ")";
                }
            case "between":
                {
                    String cast = scalar(column, type);
                    List<String> bounds = new ArrayList<>();
                    if (filter.min() != null && !filter.min().isBlank()) {
                        params.add(filter.min().trim());
                        bounds.add(name + " >= CAST(? AS " + cast + ")");
                    }
                    if (filter.max() != null && !filter.max().isBlank()) {
                        String max = filter.max().trim();
                        params.add(max);
                        if (type.startsWith("TIMESTAMP") && DATE_ONLY.matcher(max).matches()) {
                            // "to Jan 31" keeps all of Jan 31
                            bounds.add(name + " < CAST(? AS DATE) + INTERVAL 1 DAY");
                        } else {
                            bounds.add(name + " <= CAST(? AS " + cast + ")");
                        }
                    }
                    if (bounds.isEmpty()) {
                        throw invalid(column.name() + ": between needs a min, a max or both");
                    }
                    return "(" + String.join(" AND ", bounds) + ")";
                }
            default:
                throw invalid(
                        column.name()
                                + ": unknown op '"
                                + op
                                + "'; ops are in, between, contains, empty, not_empty");
        }
    }

    /** The column's type for a CAST, when it is a plain scalar type (not a list, struct or map). */
    private static String scalar(Column column, String type) {
        if (!SCALAR_TYPE.matcher(type).matches()
                || type.startsWith("STRUCT")
                || type.startsWith("MAP")) {
            throw invalid(
                    column.name()
                            + ": values of type "
                            + column.type()
                            + " cannot be filtered by value");
        }
        return type;
    }

    private static Optional<Column> find(String name, RelationInfo relation) {
        return relation.columns().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static UserFacingException invalid(String message) {
        return new UserFacingException(ErrorKind.BAD_REQUEST, "filters: " + message);
    }
}
