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

    /** {@code prose}: only a free-text column is searched so ("notes about the deposit"). */
    private record TextPhrase(
            Pattern pattern, ColumnAt columnAt, Condition.Text.Mode mode, boolean prose) {
        TextPhrase(Pattern pattern, ColumnAt columnAt, Condition.Text.Mode mode) {
            this(pattern, columnAt, mode, false);
        }
    }

    private static final String TERM =
            "(?:(?:a|an|the|any) )?(?<term>\"[^\"]+\"|'[^']+'|[a-z0-9@._+&-]+)";
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
                                    "\\b(?<column>[a-z_ ]+?) (?:contains|containing|includes|including|like|matching|mention|mentions|mentioning) "
                                            + TERM),
                            ColumnAt.BEFORE,
                            Condition.Text.Mode.CONTAINS),
                    new TextPhrase(
                            Pattern.compile(
                                    "\\b(?<column>[a-z_ ]+?) (?:about|regarding) (?:the |a |an )?"
                                            + TERM),
                            ColumnAt.BEFORE,
                            Condition.Text.Mode.CONTAINS,
                            true),
                    new TextPhrase(
                            // "with an acme-corp email", "with a gmail address"
                            Pattern.compile(
                                    "\\bwith an? (?<term>[a-z0-9@._+&-]+) (?<column>(?:e-?mail|email address|address|domain)\\b)"),
                            ColumnAt.AFTER,
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

    private static final Pattern ARTICLE_BEFORE = Pattern.compile("\\b(?:a|an|any) $");

    /** "claims mentioning lost luggage": prose is what mentions things. */
    private static final Pattern MENTIONING =
            Pattern.compile("\\b(?:that )?(?:mention|mentions|mentioning|mentioned) (?=[a-z0-9])");

    @Override
    public void match(ParseState s) {
        for (int i = 0; i < PHRASES.size(); i++) {
            if (PHRASES.get(i).columnAt() == ColumnAt.NONE
                    && i > 0
                    && PHRASES.get(i - 1).columnAt() != ColumnAt.NONE) {
                mentioning(s); // after the phrases that name their column
            }
            match(s, PHRASES.get(i));
        }
    }

    /**
     * "mentioning lost luggage" without a column word: the free words that follow, searched in the
     * relation's prose column (a description, notes) when it has one.
     */
    private static void mentioning(ParseState s) {
        String prose = s.vocabulary.proseColumn();
        Matcher m = MENTIONING.matcher(s.text);
        while (prose != null && m.find()) {
            if (s.isUsed(m.start(), m.end())) {
                continue;
            }
            int end = -1;
            int taken = 0;
            for (int[] span : s.words()) {
                if (span[0] < m.end()) {
                    continue;
                }
                String word = s.text.substring(span[0], span[1]);
                if (!s.free(span) || ParseState.STOPWORDS.contains(word) || ++taken > 4) {
                    break;
                }
                end = span[1];
            }
            if (end < 0) {
                continue;
            }
            String term = s.text.substring(m.end(), end);
            boolean negated = s.precededByNegation(m.start());
            s.use(s.negationStart(m.start()), end);
            s.conditions.add(
                    new ParseState.Found(
                            m.start(),
                            end,
                            new Condition.Text(
                                    prose,
                                    Condition.Text.Mode.CONTAINS,
                                    term,
                                    negated,
                                    prose.replace('_', ' ')
                                            + (negated ? " does not contain \"" : " contains \"")
                                            + term
                                            + "\"")));
        }
    }

    private static void match(ParseState s, TextPhrase phrase) {
        Matcher m = phrase.pattern().matcher(s.text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String column = null;
            if (phrase.columnAt() != ColumnAt.NONE) {
                java.util.function.Predicate<String> accept =
                        phrase.prose()
                                ? c -> s.vocabulary.isText(c) && Vocabulary.isFreeText(c)
                                : s.vocabulary::isText;
                Optional<ParseState.Span> named =
                        phrase.columnAt() == ColumnAt.BEFORE
                                ? s.columnEndingAt(m.end("column"), accept)
                                : s.columnAt(m.start("column"), accept);
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
            if (phrase.columnAt() == ColumnAt.NONE
                    && m.start("term") > m.start()
                    && ARTICLE_BEFORE.matcher(s.text.substring(m.start(), m.start("term"))).find()
                    && s.vocabulary.column(raw).isPresent()) {
                // "that include a bonus": a column said with an article is had, not searched
                continue;
            }
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
