package io.rowdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "by/per/for each X (and Y)", "monthly": group-by columns or a date grain; a group without an
 * aggregate counts rows.
 */
final class GroupRule implements PhraseRule {
    private static final Pattern GROUP =
            Pattern.compile(
                    "\\b(?<by>by|per|for each|for every|each|grouped by|broken down by|split by) (?<rest>[a-z_ ]+)");
    private static final Pattern GRAIN =
            Pattern.compile("(?<grain>day|week|month|quarter|year)s?\\b");
    private static final Pattern AND = Pattern.compile(",? (?:and|&|,) ");
    private static final Pattern ADVERB =
            Pattern.compile("\\b(?<grain>daily|weekly|monthly|quarterly|yearly|annually)\\b");
    private static final Pattern NEXT_WORD = Pattern.compile(" ([a-z0-9]+)");
    private static final Pattern BREAKDOWN =
            Pattern.compile("\\b(?:breakdown|distribution|split|mix)\\b");
    private static final Pattern PER_ROW = Pattern.compile("per ([a-z]+)\\b");

    /** "for each doctor": the one word names an entity of the rows (doctor_name). */
    private static Optional<ParseState.Span> entityAt(ParseState s, int start) {
        for (int[] span : s.words()) {
            if (span[0] == start && s.free(span)) {
                String word = s.text.substring(span[0], span[1]);
                return ParseState.STOPWORDS.contains(word) || s.vocabulary.isRelationWord(word)
                        ? Optional.empty()
                        : s.entityColumn(word).map(c -> new ParseState.Span(span[0], span[1], c));
            }
        }
        return Optional.empty();
    }

    @Override
    public void match(ParseState s) {
        Matcher group = GROUP.matcher(s.text);
        int firstBy = -1;
        int from = 0;
        // each "by"/"per" is tried in turn: "avg tickets per order by tier"
        while (from < s.text.length() && group.find(from)) {
            from = group.end("by");
            int start = group.start("rest");
            if (s.isUsed(group.start(), group.end("by"))) {
                continue;
            }
            Matcher row = PER_ROW.matcher(s.text).region(group.start(), s.text.length());
            if (row.lookingAt()
                    && group.group("by").equals("per")
                    && s.vocabulary.isRelationWord(row.group(1))
                    && s.columnAt(row.start(1), c -> true).isEmpty()
                    && !s.aggregates.isEmpty()) {
                // "average tickets per order": per row of the relation, which an average is
                s.use(row.start(), row.end());
                continue;
            }
            Matcher grain = GRAIN.matcher(s.text).region(start, s.text.length());
            if (grain.lookingAt() && s.vocabulary.dateColumn() != null) {
                s.groups.add(
                        new QuerySpec.Group(
                                s.vocabulary.dateColumn(),
                                QuerySpec.Group.DateGrain.valueOf(
                                        grain.group("grain").toUpperCase(Locale.ROOT))));
                s.use(group.start(), grain.end());
                continue;
            }
            // "orders by customers in japan" says who placed them: an entity word after a bare
            // "by" groups only an aggregate ("average wait by doctor")
            boolean byEntity = !group.group("by").equals("by") || !s.aggregates.isEmpty();
            Optional<ParseState.Span> column =
                    s.columnAt(start, c -> !s.vocabulary.isNumeric(c) || !s.aggregates.isEmpty())
                            .or(() -> byEntity ? entityAt(s, start) : Optional.empty());
            if (column.isEmpty()) {
                continue;
            }
            if (s.vocabulary.isNumeric(column.get().column())
                    && !s.vocabulary.isTemporal(column.get().column())
                    && s.aggregates.isEmpty()) {
                continue;
            }
            s.groups.add(new QuerySpec.Group(column.get().column(), null));
            s.use(group.start(), column.get().end());
            firstBy = firstBy < 0 ? group.start() : firstBy;
            // "by method and status": more group columns joined by "and" or ","
            int end = column.get().end();
            while (true) {
                Matcher and = AND.matcher(s.text).region(end, s.text.length());
                if (!and.lookingAt()) {
                    break;
                }
                Optional<ParseState.Span> next =
                        s.columnAt(
                                and.end(),
                                c -> !s.vocabulary.isNumeric(c) || s.vocabulary.isTemporal(c));
                if (next.isEmpty()) {
                    break;
                }
                s.groups.add(new QuerySpec.Group(next.get().column(), null));
                s.use(end, next.get().end());
                end = next.get().end();
            }
        }
        Matcher breakdown = BREAKDOWN.matcher(s.text);
        while (breakdown.find()) {
            // "status breakdown", "severity split": counts per value of the column named before
            int at = breakdown.start() - 1;
            Optional<ParseState.Span> column =
                    at > 0
                            ? s.columnEndingAt(at, c -> !s.vocabulary.isNumeric(c))
                            : Optional.empty();
            if (column.isPresent() && !s.isUsed(breakdown.start(), breakdown.end())) {
                s.groups.add(new QuerySpec.Group(column.get().column(), null));
                s.use(column.get().start(), breakdown.end());
            }
        }
        Matcher adverb = ADVERB.matcher(s.text);
        while (adverb.find()
                && (!s.aggregates.isEmpty() || !s.groups.isEmpty())
                && s.vocabulary.dateColumn() != null) {
            if (beginsColumnName(s, adverb)) {
                continue;
            }
            String grain =
                    switch (adverb.group("grain")) {
                        case "daily" -> "DAY";
                        case "weekly" -> "WEEK";
                        case "monthly" -> "MONTH";
                        case "quarterly" -> "QUARTER";
                        default -> "YEAR";
                    };
            s.groups.add(
                    new QuerySpec.Group(
                            s.vocabulary.dateColumn(), QuerySpec.Group.DateGrain.valueOf(grain)));
            s.use(adverb.start(), adverb.end());
        }
        if (!s.groups.isEmpty() && s.aggregates.isEmpty() && firstBy > 0) {
            summedBefore(s, firstBy);
        }
        if (!s.groups.isEmpty() && s.aggregates.isEmpty()) {
            s.aggregates.add(new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null));
        }
    }

    /**
     * "revenue by tier", "tickets sold per tier", "late payments per agent": an amount or a count
     * named right before the group adds up (a trailing verb of the rows, "sold", says no more).
     */
    private static void summedBefore(ParseState s, int by) {
        List<int[]> before = new ArrayList<>();
        for (int[] span : s.words()) {
            if (span[1] > by) {
                break;
            }
            if (s.free(span)) {
                before.add(span);
            } else {
                before.clear();
            }
        }
        if (before.isEmpty()) {
            return;
        }
        int last = before.size() - 1;
        String lastWord = s.text.substring(before.get(last)[0], before.get(last)[1]);
        if (last > 0
                && Stems.isParticiple(lastWord)
                && s.vocabulary.column(lastWord).filter(s.vocabulary::isNumeric).isEmpty()) {
            last--;
        }
        for (int n = Math.min(3, last + 1); n >= 1; n--) {
            int start = before.get(last - n + 1)[0];
            int end = before.get(last)[1];
            String words = s.text.substring(start, end);
            Optional<String> column = s.vocabulary.column(words).filter(s.vocabulary::isNumeric);
            if (column.isEmpty() && Measures.namesMoney(words)) {
                column = Optional.ofNullable(s.vocabulary.moneyColumn());
            }
            if (column.isPresent()
                    && !s.vocabulary.isTemporal(column.get())
                    && !column.get().endsWith("_id")
                    && s.vocabulary.isAdditive(column.get())) {
                s.aggregates.add(
                        new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.SUM, column.get()));
                s.use(start, before.get(before.size() - 1)[1]);
                return;
            }
        }
    }

    /** "monthly fee" of monthly_fee_usd: the adverb and the next word name a column. */
    private static boolean beginsColumnName(ParseState s, Matcher adverb) {
        Matcher next = NEXT_WORD.matcher(s.text).region(adverb.end(), s.text.length());
        String grain = adverb.group("grain");
        if (!next.lookingAt()) {
            return false;
        }
        String word = next.group(1);
        return s.vocabulary.columns().stream()
                .filter(c -> c.startsWith(grain + "_"))
                .map(c -> java.util.Arrays.asList(c.split("_")))
                .anyMatch(
                        parts -> parts.contains(word) || parts.contains(Vocabulary.singular(word)));
    }
}
