package io.rowdesk.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "top 5 authors by total views", "top 3 cities by average pm10", "top 10 referrers by number of
 * payouts": group by the thing, order by its aggregate largest first, keep N. A thing that is the
 * relation itself ("top 10 payouts by amount") is left to {@link TopRule}.
 */
final class TopGroupRule implements PhraseRule {
    private static final Pattern TOP =
            Pattern.compile(
                    "\\b(?<direction>top|bottom) (?<count>\\d+) (?<group>[a-z0-9_ ]+?) (?:by|with the (?:most|highest|largest)) "
                            + "(?<function>total|sum of|sum|average|avg|mean|number of|count of|maximum|max|minimum|min)?(?: of)? ?"
                            + "(?<measure>[a-z0-9_ ]+?)$");

    @Override
    public void match(ParseState s) {
        Matcher m = TOP.matcher(s.text);
        if (!m.find() || s.isUsed(m.start(), m.end())) {
            return;
        }
        String groupWords = m.group("group");
        if (s.vocabulary.isRelationWord(groupWords)) {
            return;
        }
        Optional<String> group = s.entityColumn(groupWords);
        if (group.isEmpty()) {
            return;
        }
        String function = m.group("function");
        String measureWords = m.group("measure");
        String last = measureWords.substring(measureWords.lastIndexOf(' ') + 1);
        QuerySpec.Aggregate aggregate;
        // words describing the counted things ("resolved" bugs) are left to the other rules
        int describedFrom = -1;
        int leftFrom = -1;
        int leftTo = -1;
        if (function == null && s.vocabulary.isRelationWord(measureWords)
                || "number of".equals(function)
                || "count of".equals(function)) {
            aggregate = new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
        } else if (function == null
                && s.vocabulary.isRelationWord(last)
                && !s.vocabulary.isRelationWord(measureWords)) {
            aggregate = new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
            describedFrom = m.start("measure");
        } else if (function == null && describedAfter(s, measureWords)) {
            // "classes attended": the rows, then the stored value that describes them (its word
            // left to ValueRule)
            aggregate = new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
            describedFrom = m.start("measure") + measureWords.indexOf(' ') + 1;
            last = "";
        } else {
            Optional<String> measure = measureColumn(s, measureWords);
            String first = measureWords.split(" ")[0];
            if (measure.isEmpty()
                    && measureWords.contains(" ")
                    && s.vocabulary.isValueWord(first)) {
                // "total picked quantity": a stored value ('pick') describes the rows summed
                measure = measureColumn(s, measureWords.substring(first.length() + 1));
                if (measure.isPresent()) {
                    leftFrom = m.start("measure");
                    leftTo = leftFrom + first.length();
                }
            }
            if (measure.isEmpty() && measureWords.contains(" ") && Stems.isParticiple(last)) {
                // "tickets sold": the thing counted, then the verb of the rows
                measure =
                        measureColumn(s, measureWords.substring(0, measureWords.lastIndexOf(' ')));
            }
            if (measure.isEmpty() || function == null && !s.vocabulary.isAdditive(measure.get())) {
                return;
            }
            aggregate =
                    new QuerySpec.Aggregate(
                            function == null
                                    ? QuerySpec.Aggregate.Function.SUM
                                    : switch (function) {
                                        case "average", "avg", "mean" ->
                                                QuerySpec.Aggregate.Function.AVG;
                                        case "maximum", "max" -> QuerySpec.Aggregate.Function.MAX;
                                        case "minimum", "min" -> QuerySpec.Aggregate.Function.MIN;
                                        default -> QuerySpec.Aggregate.Function.SUM;
                                    },
                            measure.get());
        }
        s.groups.add(new QuerySpec.Group(group.get(), null));
        s.aggregates.add(aggregate);
        s.sort.add(new QuerySpec.Sort(aggregate.alias(), !m.group("direction").equals("bottom")));
        s.limit = ParseState.count(m.group("count"));
        if (leftFrom >= 0) {
            s.use(m.start(), leftFrom);
            s.use(leftTo, m.end());
        } else if (describedFrom < 0) {
            s.use(m.start(), m.end());
        } else {
            s.use(m.start(), describedFrom);
            s.use(m.end() - last.length(), m.end());
        }
    }

    /** "classes attended": a word naming the rows, then a form of one stored value. */
    private static boolean describedAfter(ParseState s, String words) {
        String[] parts = words.split(" ");
        return parts.length == 2
                && s.vocabulary.isRelationWord(parts[0])
                && s.vocabulary.isValueWord(parts[1]);
    }

    /**
     * "payout amount": the numeric column, a leading relation word allowed; the relation's name or
     * a money word ("revenue") alone is the money column.
     */
    private static Optional<String> measureColumn(ParseState s, String words) {
        Optional<String> column = s.vocabulary.column(words);
        if (column.isEmpty() && words.contains(" ")) {
            String head = words.substring(0, words.indexOf(' '));
            if (s.vocabulary.isRelationWord(head)) {
                column = s.vocabulary.column(words.substring(words.indexOf(' ') + 1));
            }
        }
        if (column.isEmpty()
                && (s.vocabulary.isRelationWord(words) || Measures.namesMoney(words))) {
            column = Optional.ofNullable(s.vocabulary.moneyColumn());
        }
        return column.filter(s.vocabulary::isNumeric);
    }
}
