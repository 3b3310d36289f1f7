package io.rowdesk.search;

import java.util.List;

/**
 * A search over one relation as a typed query: what the local translator produces and what the LLM
 * is asked to answer in JSON. {@link SqlRenderer} turns it into SQL with bound values, so no text
 * from a person or a model is ever spliced into SQL.
 *
 * @param conditions all must hold (an {@link Condition.AnyOf} expresses "or")
 * @param limit null for no limit
 */
public record QuerySpec(
        String relation,
        List<Condition> conditions,
        List<Sort> sort,
        Integer limit,
        List<Group> groupBy,
        List<Aggregate> aggregates) {

    public QuerySpec {
        conditions = List.copyOf(conditions);
        sort = List.copyOf(sort);
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
    }

    public static QuerySpec all(String relation) {
        return new QuerySpec(relation, List.of(), List.of(), null, List.of(), List.of());
    }

    public boolean isAggregate() {
        return !aggregates.isEmpty() || !groupBy.isEmpty();
    }

    /**
     * One ordering key: a column, or an aggregate's output ({@code count}, {@code sum_amount},
     * ...).
     */
    public record Sort(String column, boolean descending) {}

    /** A group-by column, bucketed by a date grain when it is a date or timestamp. */
    public record Group(String column, DateGrain grain) {
        public enum DateGrain {
            DAY,
            WEEK,
            MONTH,
            QUARTER,
            YEAR
        }
    }

    /** An aggregate; {@code column} is null for {@code count(*)}. */
    public record Aggregate(Function function, String column) {
        public enum Function {
            COUNT,
            COUNT_DISTINCT,
            SUM,
            AVG,
            MIN,
            MAX
        }

        /** The output column's name: {@code count}, {@code sum_amount}, ... */
        public String alias() {
            String name = function.name().toLowerCase(java.util.Locale.ROOT);
            return column == null ? name : name + "_" + column;
        }
    }
}
