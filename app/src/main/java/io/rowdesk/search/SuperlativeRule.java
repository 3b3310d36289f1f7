package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Superlatives: "5 most recent", "oldest", "the most expensive camera", "the lightest phone", "the
 * 10 posts with the most replies", "the highest rated products": ORDER BY the measure the words
 * name, and LIMIT the number asked, else 1 when one thing is asked for ("the cheapest keyboard").
 * The measure is the column named right after (a date for recent/oldest, a number otherwise, any
 * form of its name), else a column of the adjective's dimension ({@link Measures}: heaviest →
 * weight, most expensive → price, fare or fee), else the date or money column. "Oldest" and
 * "youngest" mean an age (oldest = highest) or a year column (oldest = earliest) before the date.
 */
final class SuperlativeRule implements PhraseRule {
    private enum Measure {
        TEMPORAL,
        NUMBER
    }

    /** {@code adjective}: the {@link Measures} dimension the words name when no column is said. */
    private record Direction(
            Pattern pattern, Measure measure, boolean descending, String adjective) {
        Direction(String alternatives, Measure measure, boolean descending, String adjective) {
            this(
                    Pattern.compile(
                            "(?<!\\bat )\\b(?:(?<before>\\d+) )?(?:"
                                    + alternatives
                                    + ")(?: (?<after>\\d+))?\\b"),
                    measure,
                    descending,
                    adjective);
        }
    }

    private static final List<Direction> DIRECTIONS =
            List.of(
                    new Direction(
                            "most recently|most recent|newest|latest|recent",
                            Measure.TEMPORAL,
                            true,
                            null),
                    new Direction("oldest|earliest", Measure.TEMPORAL, false, "old"),
                    new Direction("youngest", Measure.TEMPORAL, true, "young"),
                    new Direction(
                            "highest paid|best paid|best-paid|top paid|most paid",
                            Measure.NUMBER,
                            true,
                            "expensive"),
                    new Direction(
                            "lowest paid|worst paid|least paid", Measure.NUMBER, false, "cheap"),
                    new Direction("best|top rated|top-rated", Measure.NUMBER, true, "good"),
                    new Direction("worst", Measure.NUMBER, false, "good"),
                    new Direction(
                            "most expensive|priciest|costliest", Measure.NUMBER, true, "expensive"),
                    new Direction("cheapest|least expensive", Measure.NUMBER, false, "cheap"),
                    new Direction("heaviest", Measure.NUMBER, true, "heavy"),
                    new Direction("lightest", Measure.NUMBER, false, "light"),
                    new Direction("hottest|warmest", Measure.NUMBER, true, "hot"),
                    new Direction("coldest|coolest", Measure.NUMBER, false, "cold"),
                    new Direction("most humid|wettest", Measure.NUMBER, true, "humid"),
                    new Direction("least humid|driest", Measure.NUMBER, false, "humid"),
                    new Direction("longest", Measure.NUMBER, true, "long"),
                    new Direction("shortest", Measure.NUMBER, false, "short"),
                    new Direction("tallest", Measure.NUMBER, true, "tall"),
                    new Direction(
                            "most experienced|most senior", Measure.NUMBER, true, "experienced"),
                    new Direction(
                            "least experienced|most junior", Measure.NUMBER, false, "experienced"),
                    new Direction("fastest", Measure.NUMBER, true, "fast"),
                    new Direction("slowest", Measure.NUMBER, false, "fast"),
                    new Direction("largest|biggest", Measure.NUMBER, true, "big"),
                    new Direction("smallest", Measure.NUMBER, false, "big"),
                    new Direction("highest|greatest|most", Measure.NUMBER, true, "high"),
                    new Direction("lowest|fewest|least", Measure.NUMBER, false, "high"));

    /** Adjectives of any size: without a column of their own they mean the money column. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("big", "high");

    private static final Pattern WHAT_IS_THE =
            Pattern.compile("^(?:what|which) (?:is|was|are|were) (?:the )?$");
    private static final Pattern FIRST = Pattern.compile(" (?:first|on top)\\b");
    private static final Pattern FIRST_AT_END = Pattern.compile("\\b(?:first|on top)$");

    /** "the 3 postings with the highest ...": at the start, or after "of"/"for" (projections). */
    private static final Pattern LEADING_COUNT =
            Pattern.compile(
                    "(?:^(?:(?:list|show(?: me)?|get|give me|find|what are) )?|\\b(?:of|for) )(?:the )?(?<count>\\d+) (?=[a-z])");

    /** "subscriptions by mrr, highest first": an ordering said after its column. */
    private static final Pattern BY_THEN_FIRST =
            Pattern.compile(
                    "\\bby (?<column>[a-z_ ]+?),? (?:the )?(?<direction>highest|largest|biggest|most|newest|latest|longest|lowest|smallest|least|oldest|earliest|shortest) first\\b");

    private static void byThenFirst(ParseState s) {
        Matcher m = BY_THEN_FIRST.matcher(s.text);
        if (!m.find() || s.isUsed(m.start(), m.end())) {
            return;
        }
        Optional<ParseState.Span> column = s.columnAt(m.start("column"), c -> true);
        if (column.isPresent() && column.get().end() == m.end("column")) {
            boolean descending =
                    m.group("direction")
                            .matches("highest|largest|biggest|most|newest|latest|longest");
            s.sort.add(new QuerySpec.Sort(column.get().column(), descending));
            s.use(m.start(), m.end());
        }
    }

    @Override
    public void match(ParseState s) {
        byThenFirst(s);
        boolean found = false;
        boolean counted = false;
        for (Direction direction : DIRECTIONS) {
            Matcher m = direction.pattern().matcher(s.text);
            while (m.find()) {
                if (s.isUsed(m.start(), m.end())) {
                    continue;
                }
                int end = m.end();
                boolean temporal = direction.measure() == Measure.TEMPORAL;
                // "most recently published": a year column is a time too
                Optional<ParseState.Span> named =
                        s.nextColumn(
                                end,
                                temporal
                                        ? c -> s.vocabulary.isTemporal(c) || s.vocabulary.isYear(c)
                                        : s.vocabulary::isNumeric);
                Optional<ParseState.Span> afterValue =
                        named.isPresent() || temporal ? Optional.empty() : afterValue(s, end);
                if (afterValue.isPresent()) {
                    // "the largest receipt quantity": a stored value, then the measure
                    named = afterValue;
                }
                String column = named.map(ParseState.Span::column).orElse(null);
                boolean descending = direction.descending();
                if (column == null && temporal) {
                    Optional<ParseState.Span> before =
                            s.columnBefore(m.start(), s.vocabulary::isTemporal);
                    if (before.isPresent()) {
                        column = before.get().column();
                        s.use(before.get().start(), before.get().end());
                    }
                }
                if (column == null && temporal && direction.adjective() != null) {
                    // the oldest patient has the highest age; the oldest book the earliest year;
                    // the oldest order is not the one of the oldest customer
                    Optional<String> age =
                            Measures.column(s.vocabulary, direction.adjective())
                                    .filter(c -> ageOfTheThingNamed(s, c, end));
                    if (age.isPresent()) {
                        column = age.get();
                        descending = !descending;
                    } else {
                        column = s.vocabulary.yearColumn().orElse(null);
                    }
                }
                if (column == null && !temporal) {
                    column = Measures.column(s.vocabulary, direction.adjective()).orElse(null);
                }
                if (column == null) {
                    column =
                            temporal
                                    ? s.vocabulary.dateColumn()
                                    : !GENERIC.contains(direction.adjective())
                                                    || s.text.substring(m.start(), m.end())
                                                            .matches(
                                                                    ".*\\b(?:most|least|fewest)\\b.*")
                                            ? null
                                            : s.vocabulary.moneyColumn();
                }
                if (column == null) {
                    continue;
                }
                String count = m.group("before") != null ? m.group("before") : m.group("after");
                if (count != null) {
                    s.limit = ParseState.count(count);
                    counted = true;
                }
                s.sort.add(new QuerySpec.Sort(column, descending));
                if (s.columns.isEmpty()
                        && (WHAT_IS_THE.matcher(s.text.substring(0, m.start())).matches()
                                || count == null && valueAsked(s, m.start(), named))) {
                    // "what is the lowest temperature", "highest interview score": the value
                    // itself is asked for, once
                    s.columns.add(column);
                    if (count == null && s.limit == null) {
                        s.limit = 1;
                        counted = true;
                    }
                }
                int last = named.map(ParseState.Span::end).orElse(end);
                if (afterValue.isPresent()) {
                    s.use(m.start(), end);
                    s.use(afterValue.get().start(), last);
                } else {
                    s.use(m.start(), last);
                }
                found = true;
                Matcher first = FIRST.matcher(s.text).region(last, s.text.length());
                if (first.lookingAt()) {
                    s.use(first.start(), first.end());
                    counted = true;
                }
            }
        }
        if (!found || counted) {
            return;
        }
        Matcher leading = LEADING_COUNT.matcher(s.text);
        if (leading.find() && !s.isUsed(leading.start("count"), leading.end("count"))) {
            s.limit = ParseState.count(leading.group("count"));
            s.use(leading.start("count"), leading.end("count"));
        } else if (!FIRST_AT_END.matcher(s.text).find() && !pluralThing(s) && s.limit == null) {
            s.limit = 1;
        }
    }

    /** The numeric column named right after one word that is a stored value. */
    private static Optional<ParseState.Span> afterValue(ParseState s, int end) {
        List<int[]> spans = s.words();
        for (int i = 0; i + 1 < spans.size(); i++) {
            int[] span = spans.get(i);
            if (span[0] < end) {
                continue;
            }
            String word = s.text.substring(span[0], span[1]);
            return s.free(span) && s.vocabulary.isValueWord(word)
                    ? s.columnAt(spans.get(i + 1)[0], s.vocabulary::isNumeric)
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** Nouns of an attribute that is measured, not of a thing or an event ("a wait", "a ride"). */
    private static final java.util.Set<String> ATTRIBUTES =
            java.util.Set.of(
                    "amount",
                    "score",
                    "salary",
                    "price",
                    "fee",
                    "cost",
                    "rate",
                    "rating",
                    "value",
                    "total",
                    "duration",
                    "age",
                    "weight",
                    "distance",
                    "count",
                    "number",
                    "level",
                    "size",
                    "balance",
                    "income",
                    "revenue",
                    "budget",
                    "fare",
                    "charge",
                    "percentage",
                    "temperature",
                    "speed",
                    "height",
                    "length",
                    "capacity",
                    "wage",
                    "rent",
                    "tip",
                    "average",
                    "hours",
                    "minutes",
                    "days",
                    "seats",
                    "tax",
                    "discount",
                    "bill",
                    "quantity",
                    "units",
                    "points",
                    "mileage",
                    "deposit",
                    "spend",
                    "bonus",
                    "pay");

    private static final Pattern QUESTION_START =
            Pattern.compile("^(?:(?:show(?: me)?|get|give me|find|tell me) )?(?:the )?$");

    /**
     * "highest interview score", "lowest claimed amount in florida": a superlative that opens the
     * question on a column named by an attribute noun, no thing named after it, asks for the value.
     */
    private static boolean valueAsked(ParseState s, int start, Optional<ParseState.Span> named) {
        if (named.isEmpty() || !QUESTION_START.matcher(s.text.substring(0, start)).matches()) {
            return false;
        }
        String words = s.text.substring(named.get().start(), named.get().end());
        String last = words.substring(words.lastIndexOf(' ') + 1);
        if (!ATTRIBUTES.contains(last) && !ATTRIBUTES.contains(Vocabulary.singular(last))) {
            return false;
        }
        for (int[] span : s.words()) {
            if (span[0] >= named.get().end()) {
                return !s.vocabulary.isRelationWord(s.text.substring(span[0], span[1]));
            }
        }
        return true;
    }

    /**
     * An age column ("age", "patient_age") measures the thing a superlative names when it is the
     * rows' own age (no entity word in its name) or its entity is named within the next words
     * ("oldest orthopedics patient").
     */
    private static boolean ageOfTheThingNamed(ParseState s, String column, int from) {
        if (!column.contains("_") || column.startsWith("age_")) {
            return true;
        }
        int seen = 0;
        for (int[] span : s.words()) {
            if (span[0] < from) {
                continue;
            }
            if (s.vocabulary
                    .qualifierColumns(s.text.substring(span[0], span[1]))
                    .contains(column)) {
                return true;
            }
            if (++seen == 3) {
                return false;
            }
        }
        return false;
    }

    /** "payouts" rather than "payout": more than one thing is asked for. */
    private static boolean pluralThing(ParseState s) {
        for (int[] span : s.words()) {
            String word = s.text.substring(span[0], span[1]);
            String singular = Vocabulary.singular(word);
            if (!singular.equals(word) && s.vocabulary.isRelationWord(word)) {
                return true;
            }
        }
        return false;
    }
}
