package io.rowdesk.search;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link QuerySpec} into one SELECT over its relation. Identifiers come only from the
 * relation's catalog columns (an unknown one is refused); values are always bound parameters. Lists
 * are ordered with the relation's key as a tie-breaker, so "top 10" is one fixed answer.
 */
public final class SqlRenderer {

    /** A spec that names something the relation does not have. */
    public static final class InvalidSpecException extends UserFacingException {
        public InvalidSpecException(String message) {
            super(ErrorKind.NOT_UNDERSTOOD, message);
        }
    }

    public RenderedSql render(QuerySpec spec, RelationInfo relation, String keyColumn) {
        Objects.requireNonNull(spec, "spec is null");
        if (!spec.relation().equals(relation.name())) {
            throw new InvalidSpecException(
                    "the query is over '" + spec.relation() + "', not '" + relation.name() + "'");
        }
        Set<String> columns =
                relation.columns().stream().map(Column::name).collect(Collectors.toSet());
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> outputs = new ArrayList<>();
        if (spec.isAggregate()) {
            for (QuerySpec.Group group : spec.groupBy()) {
                outputs.add(
                        groupExpression(group, columns)
                                + " AS "
                                + SqlIdentifiers.quoteIdentifier(groupAlias(group)));
            }
            for (QuerySpec.Aggregate aggregate : spec.aggregates()) {
                outputs.add(
                        aggregateExpression(aggregate, columns)
                                + " AS "
                                + SqlIdentifiers.quoteIdentifier(aggregate.alias()));
            }
            if (spec.aggregates().isEmpty()) {
                outputs.add("count(*) AS \"count\"");
            }
            sql.append(String.join(", ", outputs));
        } else if (!spec.columns().isEmpty()) {
            if (spec.distinct()) {
                sql.append("DISTINCT ");
            }
            sql.append(
                    spec.columns().stream()
                            .map(c -> column(c, columns))
                            .collect(Collectors.joining(", ")));
        } else {
            sql.append('*');
        }
        sql.append(" FROM ").append(SqlIdentifiers.quoteIdentifier(relation.name()));
        RenderedSql where = where(spec.conditions(), relation);
        if (!where.sql().isEmpty()) {
            sql.append(' ').append(where.sql());
            params.addAll(where.params());
        }
        if (spec.isAggregate() && !spec.groupBy().isEmpty()) {
            sql.append(" GROUP BY ")
                    .append(
                            spec.groupBy().stream()
                                    .map(g -> groupExpression(g, columns))
                                    .collect(Collectors.joining(", ")));
        }
        if (spec.isAggregate() && !spec.having().isEmpty()) {
            if (spec.groupBy().isEmpty()) {
                throw new InvalidSpecException("a condition on a total needs groups to compare");
            }
            List<String> having = new ArrayList<>();
            for (QuerySpec.Having h : spec.having()) {
                having.add(
                        aggregateExpression(h.aggregate(), columns)
                                + " "
                                + h.operator().sql
                                + " ?");
                params.add(h.value());
            }
            sql.append(" HAVING ").append(String.join(" AND ", having));
        }
        List<String> order = new ArrayList<>();
        Set<String> outputNames =
                spec.isAggregate()
                        ? aggregateOutputNames(spec)
                        : spec.distinct() ? Set.copyOf(spec.columns()) : columns;
        for (QuerySpec.Sort sort : spec.sort()) {
            if (!outputNames.contains(sort.column())) {
                throw new InvalidSpecException(
                        "I cannot sort this answer by '"
                                + sort.column()
                                + "': it is not one of its columns ("
                                + String.join(", ", new java.util.TreeSet<>(outputNames))
                                + ").");
            }
            order.add(
                    SqlIdentifiers.quoteIdentifier(sort.column())
                            + (sort.descending() ? " DESC" : " ASC")
                            + " NULLS LAST");
        }
        if (!spec.isAggregate()
                && !spec.distinct()
                && !order.isEmpty()
                && keyColumn != null
                && columns.contains(keyColumn)
                && spec.sort().stream().noneMatch(s -> s.column().equals(keyColumn))) {
            order.add(SqlIdentifiers.quoteIdentifier(keyColumn));
        }
        if (spec.isAggregate() && order.isEmpty() && !spec.groupBy().isEmpty()) {
            // groups by a date grain read in time order; other groups largest first
            if (spec.groupBy().stream().anyMatch(g -> g.grain() != null)) {
                for (int i = 1; i <= spec.groupBy().size(); i++) {
                    order.add(String.valueOf(i));
                }
            } else {
                order.add((spec.groupBy().size() + 1) + " DESC NULLS LAST");
                for (int i = 1; i <= spec.groupBy().size(); i++) {
                    order.add(String.valueOf(i));
                }
            }
        }
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        if (spec.limit() != null) {
            sql.append(" LIMIT ?");
            params.add(spec.limit());
        }
        return new RenderedSql(sql.toString(), params);
    }

    /** {@code WHERE a AND b ...} with bound values, or an empty text when there is no condition. */
    public RenderedSql where(List<Condition> conditions, RelationInfo relation) {
        if (conditions.isEmpty()) {
            return new RenderedSql("", List.of());
        }
        Set<String> columns =
                relation.columns().stream().map(Column::name).collect(Collectors.toSet());
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Condition condition : conditions) {
            parts.add(condition(condition, columns, params));
        }
        return new RenderedSql("WHERE " + String.join(" AND ", parts), params);
    }

    static String groupAlias(QuerySpec.Group group) {
        return group.grain() == null
                ? group.column()
                : group.grain().name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> aggregateOutputNames(QuerySpec spec) {
        Set<String> names =
                spec.groupBy().stream().map(SqlRenderer::groupAlias).collect(Collectors.toSet());
        spec.aggregates().forEach(a -> names.add(a.alias()));
        if (spec.aggregates().isEmpty()) {
            names.add("count");
        }
        return names;
    }

    private static String groupExpression(QuerySpec.Group group, Set<String> columns) {
        String column = column(group.column(), columns);
        if (group.grain() == null) {
            return column;
        }
        return "date_trunc('"
                + group.grain().name().toLowerCase(Locale.ROOT)
                + "', "
                + column
                + ")";
    }

    private static String aggregateExpression(QuerySpec.Aggregate aggregate, Set<String> columns) {
        if (aggregate.column() == null) {
            if (aggregate.function() != QuerySpec.Aggregate.Function.COUNT) {
                throw new InvalidSpecException(
                        aggregate.function().name().toLowerCase(Locale.ROOT) + " needs a column");
            }
            return "count(*)";
        }
        String column = column(aggregate.column(), columns);
        return switch (aggregate.function()) {
            case COUNT -> "count(" + column + ")";
            case COUNT_DISTINCT -> "count(DISTINCT " + column + ")";
            case SUM -> "sum(" + column + ")";
            case AVG -> "avg(" + column + ")";
            case MIN -> "min(" + column + ")";
            case MAX -> "max(" + column + ")";
        };
    }

    private static String condition(Condition condition, Set<String> columns, List<Object> params) {
        if (condition instanceof Condition.Compare c) {
            params.add(c.value());
            return column(c.column(), columns) + " " + c.operator().sql + " ?";
        }
        if (condition instanceof Condition.Range r) {
            String column = column(r.column(), columns);
            List<String> parts = new ArrayList<>();
            if (r.from() != null) {
                parts.add(column + " >= ?");
                params.add(r.from());
            }
            if (r.to() != null) {
                parts.add(column + (r.inclusive() ? " <= ?" : " < ?"));
                params.add(r.to());
            }
            if (parts.isEmpty()) {
                throw new InvalidSpecException(
                        "a range on '" + r.column() + "' needs a start or an end");
            }
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
        }
        if (condition instanceof Condition.InSet in) {
            if (in.values().isEmpty()) {
                throw new InvalidSpecException("a value list on '" + in.column() + "' is empty");
            }
            params.addAll(in.values());
            String marks = in.values().stream().map(v -> "?").collect(Collectors.joining(", "));
            return column(in.column(), columns)
                    + (in.negated() ? " NOT IN (" : " IN (")
                    + marks
                    + ")";
        }
        if (condition instanceof Condition.Text t) {
            String pattern =
                    switch (t.mode()) {
                        case CONTAINS -> "%" + escapeLike(t.text()) + "%";
                        case STARTS_WITH -> escapeLike(t.text()) + "%";
                        case ENDS_WITH -> "%" + escapeLike(t.text());
                        case EQUALS -> escapeLike(t.text());
                    };
            params.add(pattern);
            return column(t.column(), columns)
                    + (t.negated() ? " NOT ILIKE ?" : " ILIKE ?")
                    + " ESCAPE '\\'";
        }
        if (condition instanceof Condition.IsNull n) {
            return column(n.column(), columns) + (n.isNull() ? " IS NULL" : " IS NOT NULL");
        }
        if (condition instanceof Condition.AnyOf any) {
            List<String> parts = new ArrayList<>();
            for (Condition alternative : any.alternatives()) {
                parts.add(condition(alternative, columns, params));
            }
            return "(" + String.join(" OR ", parts) + ")";
        }
        throw new IllegalArgumentException("unknown condition " + condition);
    }

    private static String column(String name, Set<String> columns) {
        if (!columns.contains(name)) {
            throw new InvalidSpecException("unknown column '" + name + "'");
        }
        return SqlIdentifiers.quoteIdentifier(name);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
