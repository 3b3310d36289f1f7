package io.rowdesk.search;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups kept by a condition on their aggregate: "brands with more than 10 products" (count),
 * "stores with an average basket over 50", "countries where the average total is above 1000" →
 * GROUP BY the group word's column, HAVING the aggregate against the number; the answer shows both.
 */
final class HavingRule implements PhraseRule {
    private static final Pattern HAVING =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|which|what|find|get|give me) )?(?:the |all )?(?<group>[a-z0-9_ ]+?) "
                            + "(?:with|where|having|that have|who have|whose) (?:an? |the )?"
                            + "(?:(?<function>average|avg|mean|total|sum of|maximum|max|minimum|min|number of) (?<measure>[a-z0-9_ ]+?) (?:is |are |of )?)?"
                            + "(?<comparison>more than|over|above|greater than|at least|fewer than|less than|under|below|at most) "
                            + "(?<number>\\d[\\d,]*(?:\\.\\d+)?)(?: (?<things>[a-z_ ]+))?$");

    @Override
    public void match(ParseState s) {
        Matcher m = HAVING.matcher(s.text);
        if (!m.find() || s.isUsed(m.start(), m.end())) {
            return;
        }
        String groupWords = m.group("group");
        if (s.vocabulary.isRelationWord(groupWords)) {
            return;
        }
        Optional<String> group = s.entityColumn(groupWords);
        if (group.isEmpty()
                || s.vocabulary.isNumeric(group.get()) && !group.get().endsWith("_id")) {
            return;
        }
        QuerySpec.Aggregate aggregate;
        String function = m.group("function");
        if (function == null || function.equals("number of")) {
            String things = function == null ? m.group("things") : m.group("measure");
            if (things != null && !s.vocabulary.isRelationWord(things) && !things.isBlank()) {
                return;
            }
            aggregate = new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
        } else {
            if (m.group("things") != null) {
                return;
            }
            Optional<String> measure = s.vocabulary.column(m.group("measure"));
            if (measure.isEmpty() || !s.vocabulary.isNumeric(measure.get())) {
                return;
            }
            aggregate =
                    new QuerySpec.Aggregate(
                            switch (function) {
                                case "average", "avg", "mean" -> QuerySpec.Aggregate.Function.AVG;
                                case "total", "sum of" -> QuerySpec.Aggregate.Function.SUM;
                                case "maximum", "max" -> QuerySpec.Aggregate.Function.MAX;
                                default -> QuerySpec.Aggregate.Function.MIN;
                            },
                            measure.get());
        }
        Condition.Operator operator =
                switch (m.group("comparison")) {
                    case "at least" -> Condition.Operator.GE;
                    case "at most" -> Condition.Operator.LE;
                    case "fewer than", "less than", "under", "below" -> Condition.Operator.LT;
                    default -> Condition.Operator.GT;
                };
        BigDecimal number = new BigDecimal(m.group("number").replace(",", ""));
        s.groups.add(new QuerySpec.Group(group.get(), null));
        s.aggregates.add(aggregate);
        s.having.add(new QuerySpec.Having(aggregate, operator, number));
        s.use(m.start(), m.end());
    }
}
