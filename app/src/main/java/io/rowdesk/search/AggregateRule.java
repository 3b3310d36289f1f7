package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "how many", "number of": count(*); "total/sum/average/max/min (of) X": that aggregate over the
 * numeric column named within a few words (the money column for total/sum/average when none is).
 */
final class AggregateRule implements PhraseRule {
    private static final Pattern COUNT =
            Pattern.compile("\\b(?<count>how many|number of|count of|count|no\\. of|# of)\\b");
    private static final Pattern FUNCTION =
            Pattern.compile(
                    "\\b(?<function>total|sum of|sum|average|avg|mean|maximum|max|minimum|min)(?: of)? ");

    /** "page count", "word count": a column named with "count" after its word, not count(*). */
    private static boolean columnCount(ParseState s, int start, int end) {
        return s.text.startsWith("count", start)
                && s.columnEndingAt(end, s.vocabulary::isNumeric)
                        .filter(span -> span.start() < start)
                        .isPresent();
    }

    /**
     * "how many pages does the longest book have": a number a row holds is asked for (the pages
     * column), not a count of rows.
     */
    private static final Pattern HOW_MANY_HELD =
            Pattern.compile(
                    "^how many (?<column>[a-z_ ]+?) (?<does>does|do|did) .+ (?<have>have|has|had)$");

    private static boolean heldNumber(ParseState s) {
        Matcher m = HOW_MANY_HELD.matcher(s.text);
        if (!m.find()) {
            return false;
        }
        Optional<String> column =
                s.vocabulary
                        .column(m.group("column"))
                        .filter(c -> s.vocabulary.isNumeric(c) && !c.endsWith("_id"));
        if (column.isEmpty()) {
            return false;
        }
        s.columns.add(column.get());
        s.use(m.start(), m.end("column"));
        s.use(m.start("does"), m.end("does"));
        s.use(m.start("have"), m.end("have"));
        return true;
    }

    /**
     * "(average) minimum salary" of salary_min_usd: a min/max word that begins the name of a column
     * holding such a bound is that column, not an aggregate.
     */
    private static boolean namesBound(ParseState s, int start, String word) {
        return word.startsWith("m")
                && !word.equals("mean")
                && s.columnAt(start, c -> List.of(c.split("_")).contains(word.substring(0, 3)))
                        .filter(span -> span.end() > start + word.length())
                        .isPresent();
    }

    private static final Pattern FUNCTION_BEFORE =
            Pattern.compile("\\b(?:average|avg|mean|sum of|sum|maximum|max|minimum|min) $");

    /**
     * "average total charge" of total_chg_usd: a function word right after another that begins a
     * column's name is that name.
     */
    private static boolean afterAnotherFunction(ParseState s, int start) {
        return FUNCTION_BEFORE.matcher(s.text.substring(0, start)).find()
                && s.columnAt(start, s.vocabulary::isNumeric)
                        .filter(span -> span.end() > s.text.indexOf(' ', start))
                        .isPresent();
    }

    /** "(average) order total": the word ends a column's name said before it. */
    private static boolean endsColumnName(ParseState s, int start, int end) {
        return s.columnEndingAt(end, s.vocabulary::isNumeric)
                .filter(span -> span.start() < start)
                .isPresent();
    }

    /** A free word meaning money ("revenue", "spend") right at this position. */
    private static Optional<int[]> moneyWordAt(ParseState s, int position) {
        for (int[] span : s.words()) {
            if (span[0] == position) {
                String word = s.text.substring(span[0], span[1]);
                // "total paid out" where paid is a status: the status, left to ValueRule
                return s.free(span) && Measures.namesMoney(word) && !s.vocabulary.isValueWord(word)
                        ? Optional.of(span)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void match(ParseState s) {
        boolean held = heldNumber(s);
        Matcher count = COUNT.matcher(s.text);
        if (!held
                && count.find()
                && !s.isUsed(count.start(), count.end())
                && !columnCount(s, count.start(), count.end())) {
            s.aggregates.add(new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null));
            s.use(count.start(), count.end());
        }
        Matcher fn = FUNCTION.matcher(s.text);
        while (fn.find()) {
            String word = fn.group("function");
            if (s.isUsed(fn.start(), fn.end() - 1)
                    || namesBound(s, fn.start(), word)
                    || afterAnotherFunction(s, fn.start())
                    || endsColumnName(s, fn.start(), fn.start() + word.length())) {
                continue;
            }
            Optional<ParseState.Span> column = s.columnWithin(fn.end(), 4, s.vocabulary::isNumeric);
            Optional<int[]> moneyWord =
                    column.isEmpty() ? moneyWordAt(s, fn.end()) : Optional.empty();
            String name = column.map(ParseState.Span::column).orElse(s.vocabulary.moneyColumn());
            if (name == null
                    || (column.isEmpty() && word.startsWith("m") && !word.startsWith("mean"))) {
                continue;
            }
            QuerySpec.Aggregate.Function function =
                    switch (word) {
                        case "total", "sum", "sum of" -> QuerySpec.Aggregate.Function.SUM;
                        case "average", "avg", "mean" -> QuerySpec.Aggregate.Function.AVG;
                        case "maximum", "max" -> QuerySpec.Aggregate.Function.MAX;
                        default -> QuerySpec.Aggregate.Function.MIN;
                    };
            s.aggregates.add(new QuerySpec.Aggregate(function, name));
            s.use(fn.start(), fn.end() - 1);
            // "total revenue" where no column is called so: the word is the money column
            moneyWord.ifPresent(w -> s.use(w[0], w[1]));
        }
        for (QuerySpec.Aggregate aggregate : s.aggregates) {
            if (aggregate.column() != null) {
                s.columnWithin(0, 99, c -> c.equals(aggregate.column()))
                        .ifPresent(span -> s.use(span.start(), span.end()));
            }
        }
    }
}
