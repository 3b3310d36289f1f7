package io.rowdesk.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers ({@link NumberPhrases}: units, $, words, over/under/between, comparatives): the numeric
 * column right after, else before, else the one a comparative's measure names ("longer than" →
 * distance, {@link Measures}), else the money column ("costing more than 250").
 */
final class NumberRule implements PhraseRule {
    private static final java.util.regex.Pattern WITH_COUNT =
            java.util.regex.Pattern.compile(
                    "\\b(?:with|having|has|have) (?:exactly |only |just )?(?<number>\\d+(?:\\.\\d+)?|"
                            + String.join("|", NumberPhrases.CARDINALS)
                            + ") (?<column>[a-z_ ]+)");
    private static final java.util.regex.Pattern OF_VALUE =
            java.util.regex.Pattern.compile(
                    "\\b(?<column>[a-z_ ]+?) (?:of|equal to|equals|=) (?:exactly )?(?<number>\\d+(?:\\.\\d+)?)(?: ?(?:percent|%))?(?=$| )");
    private static final java.util.regex.Pattern CLASS_NUMBER =
            java.util.regex.Pattern.compile(
                    "(?<![a-z] )(?<![a-z]{2} )(?:^| )(?<number>\\d{1,3})[ -](?<word>[a-z]+)(?= |$)");
    private static final java.util.regex.Pattern LIMIT_WORD =
            java.util.regex.Pattern.compile(
                    "\\b(?:top|first|last|bottom|over|under|than|least|most|between|and|or|below|above|after|before|since|in|next|past|the)$");

    /**
     * "with 0 replies", "a discount of 20 percent": the numeric column equals the number; "5 star
     * hotels", "a 3-door car": a number before the first word of a numeric column's name
     * (star_rating, door_count) is that column's value.
     */
    private static void equalities(ParseState s) {
        java.util.regex.Matcher with = WITH_COUNT.matcher(s.text);
        while (with.find()) {
            Optional<ParseState.Span> column =
                    s.columnAt(with.start("column"), s.vocabulary::isNumeric);
            if (column.isPresent() && !s.isUsed(with.start(), column.get().end())) {
                equal(
                        s,
                        with.start(),
                        column.get().end(),
                        column.get().column(),
                        with.group("number"));
            }
        }
        java.util.regex.Matcher named = CLASS_NUMBER.matcher(s.text);
        while (named.find()) {
            String word = named.group("word");
            String before = s.text.substring(0, named.start("number")).trim();
            Optional<String> column =
                    s.vocabulary
                            .column(word)
                            .filter(s.vocabulary::isNumeric)
                            .filter(c -> c.startsWith(word + "_"));
            if (column.isPresent()
                    && !LIMIT_WORD.matcher(before).find()
                    && !s.isUsed(named.start("number"), named.end())) {
                equal(s, named.start("number"), named.end(), column.get(), named.group("number"));
            }
        }
        java.util.regex.Matcher of = OF_VALUE.matcher(s.text);
        while (of.find()) {
            Optional<ParseState.Span> column =
                    s.columnEndingAt(of.end("column"), s.vocabulary::isNumeric);
            if (column.isPresent() && !s.isUsed(column.get().start(), of.end())) {
                equal(s, column.get().start(), of.end(), column.get().column(), of.group("number"));
            }
        }
    }

    private static void equal(ParseState s, int start, int end, String column, String number) {
        s.use(start, end);
        Integer word = NumberPhrases.WORDS.get(number);
        s.conditions.add(
                new ParseState.Found(
                        start,
                        end,
                        new Condition.Compare(
                                column,
                                Condition.Operator.EQ,
                                word != null
                                        ? java.math.BigDecimal.valueOf(word)
                                        : new java.math.BigDecimal(number),
                                column.replace('_', ' ') + " = " + number)));
    }

    private static final Pattern MONEY_VERB =
            Pattern.compile(
                    "\\b(?:costs?|costing|priced(?: at)?|charg(?:e|es|ed|ing)|sells? for|selling for|earn(?:s|ing)?|mak(?:es|ing)|pa(?:ys|ying|id)|spen(?:ds?|ding|t)) $");

    /** "over 65 years old": the age column. */
    private static final Pattern YEARS_OLD =
            Pattern.compile("^ ?(?:years?|yrs?) (?:old|of age)\\b");

    /** Units as said and as column names shorten them: "50 percent" on attendance_pct. */
    private static final Map<String, String> UNIT_ABBREVIATIONS =
            Map.ofEntries(
                    Map.entry("percent", "pct"),
                    Map.entry("%", "pct"),
                    Map.entry("kilometers", "km"),
                    Map.entry("kilometres", "km"),
                    Map.entry("kilograms", "kg"),
                    Map.entry("kilos", "kg"),
                    Map.entry("meters", "m"),
                    Map.entry("metres", "m"),
                    Map.entry("minutes", "min"),
                    Map.entry("seconds", "sec"),
                    Map.entry("hours", "hr"),
                    Map.entry("hrs", "hr"),
                    Map.entry("dollars", "usd"));

    /** Time units in seconds, as said after a number or ending a column's name. */
    private static final Map<String, Integer> SECONDS =
            Map.ofEntries(
                    Map.entry("second", 1),
                    Map.entry("sec", 1),
                    Map.entry("minute", 60),
                    Map.entry("min", 60),
                    Map.entry("hour", 3600),
                    Map.entry("hr", 3600),
                    Map.entry("day", 86400));

    /**
     * "longer than 45 minutes" on wait_minutes, "over 2 kg" on weight_kg: a unit right after the
     * number that is a word of the compared column's name says nothing more; another unit of time
     * is converted to the column's ("more than 2 hours" on delay_minutes is 120). Returns what the
     * number is multiplied by.
     */
    private static BigDecimal unitAfter(ParseState s, int end, String column) {
        for (int[] span : s.words()) {
            if (span[0] >= end && s.text.substring(end, span[0]).isBlank() && s.free(span)) {
                String word = s.text.substring(span[0], span[1]);
                List<String> parts = List.of(column.split("_"));
                String unit = UNIT_ABBREVIATIONS.getOrDefault(word, word);
                java.util.Set<String> forms =
                        UNIT_PARTS.getOrDefault(Vocabulary.singular(word), java.util.Set.of());
                if (parts.contains(word)
                        || parts.contains(unit)
                        || parts.contains(Vocabulary.singular(word))
                        || forms.contains(parts.get(parts.size() - 1))) {
                    s.use(span[0], span[1]);
                    return BigDecimal.ONE;
                }
                Integer said = SECONDS.get(Vocabulary.singular(word));
                Integer stored = SECONDS.get(Vocabulary.singular(parts.get(parts.size() - 1)));
                if (said != null && stored != null) {
                    s.use(span[0], span[1]);
                    return BigDecimal.valueOf(said)
                            .divide(BigDecimal.valueOf(stored), 6, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros();
                }
                return BigDecimal.ONE;
            }
        }
        return BigDecimal.ONE;
    }

    /** The ways a column's name shortens a unit said in words. */
    private static final Map<String, java.util.Set<String>> UNIT_PARTS =
            Map.ofEntries(
                    Map.entry("mile", java.util.Set.of("mi", "miles", "mile")),
                    Map.entry("hour", java.util.Set.of("hr", "hrs", "hours", "hour")),
                    Map.entry("minute", java.util.Set.of("min", "mins", "minutes", "minute")),
                    Map.entry("day", java.util.Set.of("days", "day")),
                    Map.entry("kilometer", java.util.Set.of("km", "kms", "kilometers")),
                    Map.entry("kilogram", java.util.Set.of("kg", "kgs", "kilograms")),
                    Map.entry("kg", java.util.Set.of("kg", "kgs")),
                    Map.entry("km", java.util.Set.of("km", "kms")),
                    Map.entry("lb", java.util.Set.of("lb", "lbs", "pounds")),
                    Map.entry("lbs", java.util.Set.of("lb", "lbs", "pounds")),
                    Map.entry("percent", java.util.Set.of("pct", "percent", "percentage")));

    /**
     * The one numeric column whose name ends in the unit said right after the number; the unit word
     * is left for {@link #unitAfter}.
     */
    private static Optional<ParseState.Span> unitColumn(ParseState s, int end) {
        for (int[] span : s.words()) {
            if (span[0] < end) {
                continue;
            }
            if (!s.text.substring(end, span[0]).isBlank() || !s.free(span)) {
                return Optional.empty();
            }
            java.util.Set<String> parts =
                    UNIT_PARTS.get(Vocabulary.singular(s.text.substring(span[0], span[1])));
            if (parts == null) {
                return Optional.empty();
            }
            List<String> columns =
                    s.vocabulary.columns().stream()
                            .filter(
                                    c ->
                                            s.vocabulary.isNumeric(c)
                                                    && parts.contains(
                                                            c.substring(c.lastIndexOf('_') + 1)))
                            .toList();
            return columns.size() == 1
                    ? Optional.of(new ParseState.Span(end, end, columns.get(0)))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** "patients over 80": the word before names an entity with one measure (patient_age). */
    private static Optional<ParseState.Span> entityBefore(ParseState s, int position) {
        int[] before = null;
        for (int[] span : s.words()) {
            if (span[1] < position) {
                before = span;
            }
        }
        if (before == null || !s.free(before) || before[1] + 1 != position) {
            return Optional.empty();
        }
        int[] word = before;
        return s.vocabulary
                .entityMeasure(Vocabulary.singular(s.text.substring(word[0], word[1])))
                .map(column -> new ParseState.Span(word[0], word[1], column));
    }

    @Override
    public void match(ParseState s) {
        equalities(s);
        for (NumberPhrases.Match match : NumberPhrases.find(s.text)) {
            if (s.isUsed(match.start(), match.end())) {
                continue;
            }
            // "over 65 years old": the age column
            Matcher old = YEARS_OLD.matcher(s.text).region(match.end(), s.text.length());
            Optional<ParseState.Span> named =
                    old.lookingAt()
                            ? Measures.column(s.vocabulary, "old")
                                    .map(c -> new ParseState.Span(match.end(), old.end(), c))
                            : Optional.empty();
            // "$10m gmv": a column right after the number wins over one further back
            if (named.isEmpty()) {
                named =
                        s.columnAt(match.end(), s.vocabulary::isNumeric)
                                .filter(
                                        span ->
                                                s.text.substring(match.end(), span.start())
                                                        .isBlank());
            }
            if (named.isEmpty()) {
                named = s.columnBefore(match.start(), s.vocabulary::isNumeric);
            }
            if (named.isEmpty()) {
                named = s.nextColumn(match.end(), s.vocabulary::isNumeric);
            }
            if (named.isEmpty() && match.measure() == null) {
                // "over 3 miles" on distance_mi, "less than 8 hours of pto" on pto_bal_hrs
                named = unitColumn(s, match.end());
            }
            if (named.isEmpty()) {
                named = entityBefore(s, match.start());
            }
            // "costing more than 250": a money verb before the number names the money column
            Matcher verb = MONEY_VERB.matcher(s.text.substring(0, match.start()));
            boolean priced =
                    named.map(ParseState.Span::column)
                                    .filter(c -> !c.equals(s.vocabulary.moneyColumn()))
                                    .isEmpty()
                            && verb.find();
            String column =
                    named.map(ParseState.Span::column)
                            .or(
                                    () ->
                                            match.measure() == null
                                                    ? Optional.empty()
                                                    : Measures.column(
                                                            s.vocabulary, match.measure()))
                            .orElse(s.vocabulary.moneyColumn());
            if (column == null) {
                continue;
            }
            int start =
                    named.filter(span -> span.start() < match.start())
                            .map(ParseState.Span::start)
                            .orElse(priced ? verb.start() : match.start());
            int end =
                    named.filter(span -> span.start() > match.start())
                            .map(ParseState.Span::end)
                            .orElse(match.end());
            s.use(start, end);
            BigDecimal factor = unitAfter(s, end, column);
            String word = column.replace('_', ' ');
            String label =
                    word
                            + " "
                            + match.label()
                            + (factor.equals(BigDecimal.ONE) ? "" : " (converted)");
            Condition condition =
                    match.isRange()
                            ? new Condition.Range(
                                    column,
                                    match.value().multiply(factor),
                                    match.upper().multiply(factor),
                                    true,
                                    label)
                            : new Condition.Compare(
                                    column,
                                    match.operator(),
                                    match.value().multiply(factor),
                                    label);
            s.conditions.add(new ParseState.Found(start, end, condition));
        }
    }
}
