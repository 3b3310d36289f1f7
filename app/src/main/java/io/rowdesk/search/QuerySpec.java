package io.rowdesk.search;

import java.util.List;

/**
 * A search over one relation as a typed query: what the local translator produces and what the LLM
 * is asked to answer in JSON. {@link SqlRenderer} turns it into SQL with bound values, so no text
 * from a person or a model is ever spliced into SQL.
 *
 * @param conditions all must hold (an {@link Condition.AnyOf} expresses "or")
 * @param limit null for no limit
 * @param columns the asked columns of a row list ("the name and price of ..."); empty for all; in a
 *     grouped answer, unused: groups are shown with their measures ("which branch has the most
 *     loans": the branch and its count)
 * @param distinct each combination of the asked columns once ("all the different brands")
 * @param having conditions on the aggregates of a grouped answer ("brands with more than 10")
 */
public record QuerySpec(
        String relation,
        List<Condition> conditions,
        List<Sort> sort,
        Integer limit,
        List<Group> groupBy,
        List<Aggregate> aggregates,
        List<String> columns,
        boolean distinct,
        List<Having> having) {

    public QuerySpec {
        conditions = List.copyOf(conditions);
        sort = List.copyOf(sort);
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
        columns = List.copyOf(columns);
        having = List.copyOf(having);
    }

    /** A row list of all columns, or a grouped answer without HAVING. */
    public QuerySpec(
            String relation,
            List<Condition> conditions,
            List<Sort> sort,
            Integer limit,
            List<Group> groupBy,
            List<Aggregate> aggregates) {
        this(relation, conditions, sort, limit, groupBy, aggregates, List.of(), false, List.of());
    }

    public static QuerySpec all(String relation) {
        return new QuerySpec(relation, List.of(), List.of(), null, List.of(), List.of());
    }

    /** {@code aggregate <op> value} over each group, e.g. {@code count(*) > 10}. */
    public record Having(Aggregate aggregate, Condition.Operator operator, Object value) {}

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
