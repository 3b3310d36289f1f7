package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NULL-ness: "not paid" / "never closed" on a date column, "without / no / missing X", "X is
 * empty", "with / has an X", "a promo code was used", "still out" (not returned), a verb said not
 * to have happened ("didn't rate": no rating; "never renewed" on a count: 0), an event that did
 * ("who left", "cancelled bookings"); a flag said with/without is true/false. A word that is also a
 * stored value is left to {@link ValueRule}.
 */
final class NullRule implements PhraseRule {
    private record NullPhrase(Pattern pattern, boolean columnBefore, boolean isNull) {}

    private static final Pattern NEVER =
            Pattern.compile(
                    "\\b(?:not yet|not|never|hasn't been|haven't been|hasn't|haven't|didn't|un) ?(?<column>[a-z_ ]+)");

    /**
     * "employees who left", "orders that have shipped": the event of a date column happened (a word
     * that is also a stored value is left to ValueRule).
     */
    private static final Pattern DONE =
            Pattern.compile(
                    "\\b(?:who|that|which) (?:have been |has been |had been |have |has |had |were |was |got )?(?<column>[a-z_ ]+)");

    private static final List<NullPhrase> PHRASES =
            List.of(
                    new NullPhrase(
                            Pattern.compile(
                                    "\\b(?:without|with no|has no|have no|having no|(?:don't|doesn't|didn't|do not|does not|did not) have|no|missing|lacking)(?: an?| any)? (?<column>[a-z_ ]+)"),
                            false,
                            true),
                    new NullPhrase(
                            Pattern.compile(
                                    "\\b(?<column>[a-z_ ]+?) (?:is |are )?(?:missing|empty|blank|null|not set|unknown)\\b"),
                            true,
                            true),
                    new NullPhrase(
                            Pattern.compile(
                                    "\\b(?<column>[a-z_ ]+?) (?:was|were|is|are|has been|have been|got) (?:used|applied|given|provided|entered|set|filled in|recorded)\\b"),
                            true,
                            false),
                    new NullPhrase(
                            Pattern.compile(
                                    "\\b(?:with|has|have|having|used|using|include|includes|including)(?: an?| some)? (?<column>[a-z_ ]+)"),
                            false,
                            false));

    /**
     * A verb said not to have happened: "never renewed" (a count column: = 0), "the rider didn't
     * rate" (any other column: IS NULL). Dates are read by {@link #NEVER}, values by ValueRule.
     */
    private static final Pattern NOT_DONE =
            Pattern.compile(
                    "\\b(?:didn't|did not|never|wasn't|weren't|hasn't been|haven't been|not yet) (?<verb>[a-z]+)\\b");

    /**
     * State words that mean "not yet <date column>": "open" is not closed, "outstanding" not paid,
     * "active" / "current" not cancelled or ended. Used only when the word is no stored value and
     * such a date column exists (a true/false "is_active" column is read first, by BooleanRule).
     */
    static final List<String> ENDED =
            List.of(
                    "cancelled",
                    "canceled",
                    "ended",
                    "left",
                    "churned",
                    "terminated",
                    "expired",
                    "closed",
                    "deactivated",
                    "resigned");

    private static final java.util.Map<String, List<String>> NOT_YET =
            java.util.Map.of(
                    "still out", List.of("returned", "back", "checked in"),
                    "open", List.of("closed", "resolved", "solved", "ended", "completed"),
                    "outstanding", List.of("paid", "settled", "resolved", "closed"),
                    "unfinished", List.of("finished", "completed", "done"),
                    "ongoing", List.of("ended", "finished", "closed", "completed"),
                    "active", ENDED,
                    "current", ENDED);

    private static void notYet(ParseState s) {
        for (java.util.Map.Entry<String, List<String>> entry : NOT_YET.entrySet()) {
            String word = entry.getKey();
            int at = (" " + s.text + " ").indexOf(" " + word + " ");
            int[] span = {at, at + word.length()};
            List<String> states = entry.getValue();
            if (at < 0
                    || s.isUsed(span[0], span[1])
                    || !s.vocabulary.values(word).isEmpty()
                    || !s.vocabulary.partialValues(word).isEmpty()) {
                continue;
            }
            for (String state : states) {
                Optional<String> column =
                        s.vocabulary.column(state).filter(s.vocabulary::isTemporal);
                if (column.isPresent()) {
                    s.use(span[0], span[1]);
                    s.conditions.add(
                            new ParseState.Found(
                                    span[0],
                                    span[1],
                                    new Condition.IsNull(
                                            column.get(), true, word + " (not " + state + ")")));
                    break;
                }
            }
        }
    }

    private static final Pattern NEXT_WORD =
            Pattern.compile(
                    " (?:(?:by|via|through|with|as|to|from) )?([a-z0-9]+)(?: ([a-z0-9]+))?");

    /** "not booked direct": the negation is of the value after the verb, left to ValueRule. */
    private static boolean valueFollows(ParseState s, int end) {
        Matcher next = NEXT_WORD.matcher(s.text).region(end, s.text.length());
        return next.lookingAt()
                && (!s.vocabulary.values(next.group(1)).isEmpty()
                        || next.group(2) != null
                                && !s.vocabulary
                                        .values(next.group(1) + " " + next.group(2))
                                        .isEmpty());
    }

    /**
     * "unassigned bugs" (assignee IS NULL), "unresolved blockers" (resolved_ts IS NULL, even where
     * 'resolved' is also a status: the un- word is of the event, not of the state).
     */
    private static void undone(ParseState s) {
        for (int[] span : s.words()) {
            String word = s.text.substring(span[0], span[1]);
            if (!word.startsWith("un") || !s.free(span)) {
                continue;
            }
            String participle = word.substring(2);
            if (!Stems.isParticiple(participle)) {
                continue;
            }
            Optional<String> column =
                    s.vocabulary
                            .column(participle)
                            .filter(
                                    c ->
                                            !s.vocabulary.isBoolean(c)
                                                    && !s.vocabulary.isNumeric(c)
                                                    && (s.vocabulary.isTemporal(c)
                                                            || s.vocabulary
                                                                    .values(participle)
                                                                    .isEmpty()));
            if (column.isPresent() && !column.get().equals(s.vocabulary.dateColumn())) {
                s.use(span[0], span[1]);
                s.conditions.add(
                        new ParseState.Found(
                                span[0], span[1], new Condition.IsNull(column.get(), true, word)));
            }
        }
    }

    /** "moves not posted yet": the event has not happened, even where 'Posted' is a status. */
    private static final Pattern NOT_YET_AFTER = Pattern.compile("\\bnot (?<verb>[a-z]+ed) yet\\b");

    private static void notYetAfter(ParseState s) {
        Matcher m = NOT_YET_AFTER.matcher(s.text);
        while (m.find()) {
            Optional<String> column =
                    s.vocabulary.column(m.group("verb")).filter(s.vocabulary::isTemporal);
            if (column.isPresent() && !s.isUsed(m.start(), m.end())) {
                s.use(m.start(), m.end());
                s.conditions.add(
                        new ParseState.Found(
                                m.start(),
                                m.end(),
                                new Condition.IsNull(
                                        column.get(), true, "not " + m.group("verb") + " yet")));
            }
        }
    }

    @Override
    public void match(ParseState s) {
        notYetAfter(s);
        undone(s);
        notYet(s);
        Matcher never = NEVER.matcher(s.text);
        while (never.find()) {
            Optional<ParseState.Span> column =
                    s.columnAt(never.start("column"), s.vocabulary::isTemporal);
            if (column.isPresent()
                    && !s.isUsed(never.start(), column.get().end())
                    && !valueFollows(s, column.get().end())
                    && s.vocabulary
                            .values(s.text.substring(column.get().start(), column.get().end()))
                            .isEmpty()) {
                s.use(never.start(), column.get().end());
                s.conditions.add(
                        new ParseState.Found(
                                never.start(),
                                column.get().end(),
                                new Condition.IsNull(
                                        column.get().column(),
                                        true,
                                        "not "
                                                + column.get()
                                                        .column()
                                                        .replaceAll("_(at|on|date)$", "")
                                                        .replace('_', ' '))));
            }
        }
        notDone(s);
        done(s);
        doneBefore(s);
        for (NullPhrase phrase : PHRASES) {
            match(s, phrase);
        }
    }

    /**
     * "cancelled bookings", "sold listings": an event's participle right before the relation's name
     * happened; "unsold listings": it did not (never the default date column, which every row has).
     */
    private static void doneBefore(ParseState s) {
        List<int[]> words = s.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            int[] span = words.get(i);
            String word = s.text.substring(span[0], span[1]);
            int[] next = words.get(i + 1);
            boolean not = word.startsWith("un") && Stems.isParticiple(word.substring(2));
            String participle = not ? word.substring(2) : word;
            if (!Stems.isParticiple(participle)
                    || !s.free(span)
                    || !s.vocabulary.isRelationWord(s.text.substring(next[0], next[1]))
                    || s.vocabulary.isValueWord(word)) {
                continue;
            }
            Optional<String> column =
                    s.vocabulary
                            .column(participle)
                            .filter(
                                    c ->
                                            s.vocabulary.isTemporal(c)
                                                    && !c.equals(s.vocabulary.dateColumn()));
            if (column.isPresent()) {
                s.use(span[0], span[1]);
                s.conditions.add(
                        new ParseState.Found(
                                span[0], span[1], new Condition.IsNull(column.get(), not, word)));
                continue;
            }
            // "discounted invoices": some of a measure of that name (discount_pct > 0)
            Optional<String> measure =
                    s.vocabulary
                            .column(participle)
                            .filter(c -> s.vocabulary.isNumeric(c) && !c.endsWith("_id"));
            if (measure.isPresent() && !not) {
                s.use(span[0], span[1]);
                s.conditions.add(
                        new ParseState.Found(
                                span[0],
                                span[1],
                                new Condition.Compare(
                                        measure.get(),
                                        Condition.Operator.GT,
                                        java.math.BigDecimal.ZERO,
                                        word)));
            }
        }
    }

    private static void done(ParseState s) {
        Matcher m = DONE.matcher(s.text);
        while (m.find()) {
            Optional<ParseState.Span> column =
                    s.columnAt(m.start("column"), s.vocabulary::isTemporal);
            if (column.isEmpty()
                    || column.get().start() != m.start("column")
                    || s.isUsed(m.start(), column.get().end())
                    || !s.vocabulary
                            .values(s.text.substring(column.get().start(), column.get().end()))
                            .isEmpty()) {
                continue;
            }
            String name = column.get().column();
            s.use(m.start(), column.get().end());
            s.conditions.add(
                    new ParseState.Found(
                            m.start(),
                            column.get().end(),
                            new Condition.IsNull(
                                    name,
                                    false,
                                    name.replaceAll("_(at|on|date)$", "").replace('_', ' '))));
        }
    }

    private static void notDone(ParseState s) {
        Matcher m = NOT_DONE.matcher(s.text);
        while (m.find()) {
            String verb = m.group("verb");
            Optional<String> column = s.vocabulary.column(verb);
            if (column.isEmpty()
                    || s.isUsed(m.start(), m.end())
                    || s.vocabulary.isTemporal(column.get())
                    || s.vocabulary.isValueWord(verb)) {
                continue;
            }
            String name = column.get();
            String word = name.replace('_', ' ');
            boolean count = s.vocabulary.isCount(name);
            s.use(m.start(), m.end());
            s.conditions.add(
                    new ParseState.Found(
                            m.start(),
                            m.end(),
                            count
                                    ? new Condition.Compare(
                                            name,
                                            Condition.Operator.EQ,
                                            java.math.BigDecimal.ZERO,
                                            word + " = 0")
                                    : new Condition.IsNull(name, true, "no " + word)));
        }
    }

    private static void match(ParseState s, NullPhrase phrase) {
        Matcher m = phrase.pattern().matcher(s.text);
        while (m.find()) {
            Optional<ParseState.Span> column =
                    phrase.columnBefore()
                            ? s.columnEndingAt(m.end("column"), c -> true)
                            : s.columnAt(m.start("column"), c -> true);
            if (column.isEmpty()) {
                continue;
            }
            int start = phrase.columnBefore() ? column.get().start() : m.start();
            int end = phrase.columnBefore() ? m.end() : column.get().end();
            if (s.isUsed(start, end)
                    || !s.vocabulary
                            .values(s.text.substring(column.get().start(), column.get().end()))
                            .isEmpty()) {
                continue;
            }
            s.use(start, end);
            String name = column.get().column();
            String word = name.replace('_', ' ');
            // "with breakfast" of breakfast_included: a flag is true or false, not missing
            s.conditions.add(
                    new ParseState.Found(
                            start,
                            end,
                            s.vocabulary.isBoolean(name)
                                    ? new Condition.Compare(
                                            name,
                                            Condition.Operator.EQ,
                                            !phrase.isNull(),
                                            (phrase.isNull() ? "not " : "") + word)
                                    : new Condition.IsNull(
                                            name,
                                            phrase.isNull(),
                                            (phrase.isNull() ? "no " : "has a ") + word)));
        }
    }
}
