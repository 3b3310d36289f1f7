package io.rowdesk.search;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates ({@link DatePhrases}): a half-open range on the date column the words just before name
 * ("paid last month"), else the relation's default date column. Whole years said with their number
 * ("published before 1970", "built since 2020") on an integer year column the words name compare
 * the year itself.
 */
final class DateRule implements PhraseRule {
    private static final Pattern YEARS_OLD = Pattern.compile("\\b(?:years?|yrs?) old\\b");
    private static final Pattern YEAR_NUMBER = Pattern.compile("\\b(?:19|20)\\d\\d$");

    @Override
    public void match(ParseState s) {
        for (DatePhrases.Match match : DatePhrases.find(s.text, s.today)) {
            if (s.isUsed(match.start(), match.end()) || ofAge(s, match)) {
                continue;
            }
            if (wholeYears(s, match)) {
                Optional<ParseState.Span> year =
                        s.columnBefore(match.start(), s.vocabulary::isYear);
                if (year.isPresent()) {
                    onYearColumn(s, match, year.get());
                    continue;
                }
            }
            Optional<ParseState.Span> named =
                    s.columnBefore(match.start(), s.vocabulary::isTemporal);
            String column = named.map(ParseState.Span::column).orElse(s.vocabulary.dateColumn());
            if (column == null) {
                continue;
            }
            int start = named.map(ParseState.Span::start).orElse(match.start());
            if (named.isEmpty()) {
                Optional<ParseState.Span> ended = endVerbBefore(s, match.start());
                if (ended.isPresent()) {
                    column = ended.get().column();
                    start = ended.get().start();
                } else {
                    start = creationVerbBefore(s, match.start());
                }
            }
            s.use(start, match.end());
            String word = column.replaceAll("_(at|on|date)$", "").replace('_', ' ');
            s.conditions.add(
                    new ParseState.Found(
                            start,
                            match.end(),
                            new Condition.Range(
                                    column,
                                    match.from(),
                                    match.to(),
                                    false,
                                    word + " " + match.label())));
        }
    }

    /** Verbs of a row coming into being: "bugs filed last month", "orders placed today". */
    private static final java.util.Set<String> CREATED =
            java.util.Set.of(
                    "filed",
                    "placed",
                    "submitted",
                    "created",
                    "raised",
                    "logged",
                    "reported",
                    "opened",
                    "made",
                    "added",
                    "entered",
                    "received",
                    "recorded",
                    "registered",
                    "signed",
                    "joined",
                    "taken",
                    "seen");

    private static final Pattern VERB_BEFORE =
            Pattern.compile("\\b(?<verb>[a-z]+)(?: up)?(?: (?:in|on|at|during))? $");

    /** Verbs of leaving: "people who left in 2026" dates the end event (term_dt, churned_on). */
    private static final java.util.Set<String> LEFT =
            java.util.Set.of("left", "quit", "departed", "exited", "resigned");

    /** The end-event date column a verb of leaving right before the date names. */
    private static Optional<ParseState.Span> endVerbBefore(ParseState s, int start) {
        java.util.regex.Matcher m = VERB_BEFORE.matcher(s.text.substring(0, start));
        if (!m.find() || !LEFT.contains(m.group("verb")) || s.isUsed(m.start(), start)) {
            return Optional.empty();
        }
        for (String ended : NullRule.ENDED) {
            Optional<String> column = s.vocabulary.column(ended).filter(s.vocabulary::isTemporal);
            if (column.isPresent()) {
                return Optional.of(new ParseState.Span(m.start(), start, column.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Where a date on the default column starts: at a verb of creation right before it that names
     * no column or value of its own, else at the date.
     */
    private static int creationVerbBefore(ParseState s, int start) {
        java.util.regex.Matcher m = VERB_BEFORE.matcher(s.text.substring(0, start));
        if (!m.find()) {
            return start;
        }
        String verb = m.group("verb");
        boolean known = s.vocabulary.column(verb).isPresent() || s.vocabulary.isValueWord(verb);
        return CREATED.contains(verb) && !known && !s.isUsed(m.start(), start) ? m.start() : start;
    }

    /** "over 65 years old" where the rows have an age: an age, not a date (see NumberRule). */
    private static boolean ofAge(ParseState s, DatePhrases.Match match) {
        String through =
                s.text.substring(match.start(), Math.min(s.text.length(), match.end() + 4));
        return YEARS_OLD.matcher(through).find()
                && Measures.column(s.vocabulary, "old").isPresent();
    }

    /** "before 1970", "in 2020", "since 2020": the phrase ends in a year and its ends are Jan 1. */
    private static boolean wholeYears(ParseState s, DatePhrases.Match match) {
        return YEAR_NUMBER.matcher(s.text.substring(match.start(), match.end())).find()
                && newYear(match.from())
                && newYear(match.to());
    }

    private static boolean newYear(LocalDateTime time) {
        return time == null
                || time.getDayOfYear() == 1
                        && time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    private static void onYearColumn(
            ParseState s, DatePhrases.Match match, ParseState.Span column) {
        s.use(column.start(), match.end());
        s.conditions.add(
                new ParseState.Found(
                        column.start(),
                        match.end(),
                        new Condition.Range(
                                column.column(),
                                year(match.from()),
                                year(match.to()),
                                false,
                                column.column().replace('_', ' ') + " " + match.label())));
    }

    private static BigDecimal year(LocalDateTime time) {
        return time == null ? null : BigDecimal.valueOf(time.getYear());
    }
}
