package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text matches, case-insensitive: "with x in the email", "name containing x", "starting with x",
 * "ending in x", "named x". Without a column word the relation's name-like text column is meant.
 */
final class TextRule implements PhraseRule {
    /** Where the column word stands: none, before the verb ("name containing"), or after. */
    private enum ColumnAt {
        NONE,
        BEFORE,
        AFTER
    }

    private record TextPhrase(Pattern pattern, ColumnAt columnAt, Condition.Text.Mode mode) {}

    private static final String TERM = "(?<term>\"[^\"]+\"|'[^']+'|[a-z0-9@._+&-]+)";
    private static final List<TextPhrase> PHRASES =
            List.of(
                    new TextPhrase(
                            Pattern.compile(
                                    "\\bwith (?<term>[a-z0-9@._+&' -]+?) in (?:the |their |its )?(?<column>[a-z_ ]+)"),
                            ColumnAt.AFTER,
                            Condition.Text.Mode.CONTAINS),
                    new TextPhrase(
                            Pattern.compile(
                                    "\\bwith "
                                            + TERM
                                            + " in (?:the |their |its )?(?<column>[a-z_ ]+)"),
                            ColumnAt.AFTER,
                            Condition.Text.Mode.CONTAINS),
                    new TextPhrase(
                            Pattern.compile(
                                    "\\b(?<column>[a-z_ ]+?) (?:contains|containing|includes|including|like|matching|mentions|mentioning) "
                                            + TERM),
                            ColumnAt.BEFORE,
                            Condition.Text.Mode.CONTAINS),
                    new TextPhrase(
                            Pattern.compile(
                                    "\\b(?<column>[a-z_ ]+?) (?:starting|starts|beginning|begins) with "
                                            + TERM),
                            ColumnAt.BEFORE,
                            Condition.Text.Mode.STARTS_WITH),
                    new TextPhrase(
                            Pattern.compile(
                                    "\\b(?<column>[a-z_ ]+?) (?:ending|ends) (?:with|in) " + TERM),
                            ColumnAt.BEFORE,
                            Condition.Text.Mode.ENDS_WITH),
                    new TextPhrase(
                            Pattern.compile(
                                    "\\b(?:that )?(?:contains?|containing|mentioning|mentions|matching|includes?|including) "
                                            + TERM),
                            ColumnAt.NONE,
                            Condition.Text.Mode.CONTAINS),
                    new TextPhrase(
                            Pattern.compile("\\b(?:starting|starts|beginning|begins) with " + TERM),
                            ColumnAt.NONE,
                            Condition.Text.Mode.STARTS_WITH),
                    new TextPhrase(
                            Pattern.compile("\\b(?:ending|ends) (?:with|in) " + TERM),
                            ColumnAt.NONE,
                            Condition.Text.Mode.ENDS_WITH),
                    new TextPhrase(
                            Pattern.compile("\\b(?:named|called) " + TERM),
                            ColumnAt.NONE,
                            Condition.Text.Mode.CONTAINS));

    @Override
    public void match(ParseState s) {
        for (TextPhrase phrase : PHRASES) {
            match(s, phrase);
        }
    }

    private static void match(ParseState s, TextPhrase phrase) {
        Matcher m = phrase.pattern().matcher(s.text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String column = null;
            if (phrase.columnAt() != ColumnAt.NONE) {
                Optional<ParseState.Span> named =
                        phrase.columnAt() == ColumnAt.BEFORE
                                ? s.columnEndingAt(m.end("column"), s.vocabulary::isText)
                                : s.columnAt(m.start("column"), s.vocabulary::isText);
                if (named.isEmpty()) {
                    continue;
                }
                column = named.get().column();
                if (phrase.columnAt() == ColumnAt.BEFORE) {
                    start = named.get().start();
                } else {
                    end = named.get().end();
                }
            }
            if (s.isUsed(start, end)) {
                continue;
            }
            if (column == null) {
                column = s.vocabulary.textColumn();
            }
            if (column == null) {
                continue;
            }
            String raw = m.group("term").replaceAll("^[\"']|[\"']$", "");
            boolean negated = s.precededByNegation(start);
            s.use(s.negationStart(start), end);
            Condition.Text.Mode mode = phrase.mode();
            String label =
                    column.replace('_', ' ')
                            + (negated ? " does not " : " ")
                            + (mode == Condition.Text.Mode.STARTS_WITH
                                    ? (negated ? "start with" : "starts with")
                                    : mode == Condition.Text.Mode.ENDS_WITH
                                            ? (negated ? "end with" : "ends with")
                                            : (negated ? "contain" : "contains"))
                            + " \""
                            + raw
                            + "\"";
            s.conditions.add(
                    new ParseState.Found(
                            start,
                            end,
                            new Condition.Text(
                                    column, mode, raw, negated, label.replace("  ", " "))));
        }
    }
}
