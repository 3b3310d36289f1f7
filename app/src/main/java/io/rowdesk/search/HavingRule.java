package io.rowdesk.search;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups kept by a condition on their aggregate: "brands with more than 10 products" (count),
 * "stores with an average basket over 50", "countries where the average total is above 1000",
 * "drivers in lisbon with total tips over 35", "branches with more than 250 loans this year" →
 * GROUP BY the group word's column, HAVING the aggregate against the number; the answer shows both.
 * Words between the group and its condition ("in lisbon"), and words describing the counted things
 * ("completed" appointments), are left to the other rules.
 */
final class HavingRule implements PhraseRule {
    private static final Pattern HAVING =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|which|what|find|get|give me) )?(?:the |all )?(?<group>[a-z0-9_][a-z0-9_' ]*?) "
                            + "(?:with|where|having|that have|who have|whose|(?<verb>averaging|totaling|totalling)) (?:an? |the )?"
                            + "(?:(?<function>average|avg|mean|total|sum of|maximum|max|minimum|min|number of) (?<measure>[a-z0-9_ ]+?) (?:is |are |of )?)?"
                            + "(?<comparison>more than|over|above|greater than|at least|fewer than|less than|under|below|at most) "
                            + "[$€£]?(?<number>\\d[\\d,]*(?:\\.\\d+)?)(?<suffix>k|m|bn|b)?(?: (?<things>[a-z_ ]+))?$");

    @Override
    public void match(ParseState s) {
        Matcher m = HAVING.matcher(s.text);
        if (!m.find()) {
            return;
        }
        // the longest leading words naming a group: "drivers" of "drivers in lisbon"; when the
        // relation itself is named among them ("city rides with ..."), its rows are the subject
        String[] words = m.group("group").split(" ");
        if (java.util.Arrays.stream(words).skip(1).anyMatch(s.vocabulary::isRelationWord)) {
            return;
        }
        Optional<String> group = Optional.empty();
        int groupEnd = m.start("group");
        for (int n = words.length; n >= 1 && group.isEmpty(); n--) {
            String groupWords = String.join(" ", java.util.Arrays.copyOf(words, n));
            if (!s.vocabulary.isRelationWord(groupWords)) {
                group =
                        s.entityColumn(groupWords)
                                .filter(c -> !s.vocabulary.isNumeric(c) || c.endsWith("_id"));
                groupEnd = m.start("group") + groupWords.length();
            }
        }
        if (group.isEmpty() || s.isUsed(m.start(), groupEnd)) {
            return;
        }
        int conditionStart = m.end("group");
        int end = m.end();
        int[] counted = null;
        QuerySpec.Aggregate aggregate;
        String function = m.group("function");
        Optional<int[]> summed =
                function == null && m.group("things") != null
                        ? measuredThings(s, m.start("things"), m.group("things"))
                        : Optional.empty();
        if (summed.isPresent() || m.group("verb") != null) {
            // "with over 60 hours logged (on blockers)": an amount of a column adds up (a
            // measure that does not add up averages); "averaging more than 1260 affected users"
            if (summed.isEmpty()) {
                return;
            }
            String column = m.group("things").substring(0, summed.get()[1] - summed.get()[0]);
            String measure = s.vocabulary.column(column).orElseThrow();
            boolean sum =
                    m.group("verb") != null
                            ? !m.group("verb").equals("averaging")
                            : s.vocabulary.isAdditive(measure);
            aggregate =
                    new QuerySpec.Aggregate(
                            sum
                                    ? QuerySpec.Aggregate.Function.SUM
                                    : QuerySpec.Aggregate.Function.AVG,
                            measure);
            end = summed.get()[1];
        } else if (function == null || function.equals("number of")) {
            boolean count = function == null;
            String things = count ? m.group("things") : m.group("measure");
            int thingsStart = count ? m.start("things") : m.start("measure");
            if (things != null) {
                Optional<int[]> relation = countedThings(s, thingsStart, things);
                if (relation.isEmpty()) {
                    return;
                }
                if (count) {
                    // the words describing the counted things are left to the other rules
                    end = m.group("suffix") != null ? m.end("suffix") : m.end("number");
                    counted = relation.get();
                }
            }
            aggregate = new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
        } else {
            if (m.group("things") != null) {
                return;
            }
            Optional<String> measure = measure(s, m.group("measure"));
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
        if (s.isUsed(conditionStart, end)) {
            return;
        }
        Condition.Operator operator =
                switch (m.group("comparison")) {
                    case "at least" -> Condition.Operator.GE;
                    case "at most" -> Condition.Operator.LE;
                    case "fewer than", "less than", "under", "below" -> Condition.Operator.LT;
                    default -> Condition.Operator.GT;
                };
        BigDecimal number = NumberPhrases.value(m.group("number"), m.group("suffix"));
        s.groups.add(new QuerySpec.Group(group.get(), null));
        s.aggregates.add(aggregate);
        s.having.add(new QuerySpec.Having(aggregate, operator, number));
        s.use(m.start(), groupEnd);
        s.use(conditionStart, end);
        if (counted != null) {
            s.use(counted[0], counted[1]);
        }
    }

    /**
     * "loans", "completed appointments", "loans this year": the counted things end in a word naming
     * the relation; words before it describe them, words after it were used already (a date).
     * Returns that word's span, or empty when the words count something else.
     */
    private static Optional<int[]> countedThings(ParseState s, int start, String things) {
        int[] relation = null;
        int at = start;
        for (String word : things.split(" ")) {
            int wordEnd = at + word.length();
            if (relation != null && !s.isUsed(at, wordEnd)) {
                return Optional.empty();
            }
            if (relation == null && s.vocabulary.isRelationWord(word)) {
                relation = new int[] {at, wordEnd};
            }
            at = wordEnd + 1;
        }
        if (relation == null && !things.contains(" ")) {
            // "more than 200 rejections" of stage 'rejected': rows of a stored value, its word
            // left to ValueRule
            return s.vocabulary.isValueWord(things)
                    ? Optional.of(new int[] {start, start})
                    : Optional.empty();
        }
        return Optional.ofNullable(relation);
    }

    /**
     * "hours logged on blockers": the longest leading words (up to three) naming a numeric column;
     * the words after it describe the rows and are left to the other rules.
     */
    private static Optional<int[]> measuredThings(ParseState s, int start, String things) {
        String[] words = things.split(" ");
        for (int n = Math.min(3, words.length); n >= 1; n--) {
            String phrase = String.join(" ", java.util.Arrays.copyOf(words, n));
            if (s.vocabulary.isRelationWord(phrase)) {
                continue;
            }
            Optional<String> column =
                    s.vocabulary
                            .column(phrase)
                            .filter(c -> s.vocabulary.isNumeric(c) && !c.endsWith("_id"));
            if (column.isPresent()) {
                return Optional.of(new int[] {start, start + phrase.length()});
            }
        }
        return Optional.empty();
    }

    /** "driver rating" in drivers: the relation's own name before a column says nothing more. */
    private static Optional<String> measure(ParseState s, String words) {
        Optional<String> column = s.vocabulary.column(words);
        int space = words.indexOf(' ');
        if (column.isEmpty()
                && space > 0
                && s.vocabulary.isRelationWord(words.substring(0, space))) {
            column = s.vocabulary.column(words.substring(space + 1));
        }
        return column;
    }
}
