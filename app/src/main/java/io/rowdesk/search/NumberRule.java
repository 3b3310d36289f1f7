package io.rowdesk.search;

import java.util.Optional;

/**
 * Numbers ({@link NumberPhrases}: units, $, words, over/under/between): the numeric column right
 * after, else before, else the money column.
 */
final class NumberRule implements PhraseRule {
    private static final java.util.regex.Pattern WITH_COUNT =
            java.util.regex.Pattern.compile(
                    "\\b(?:with|having|has|have) (?:exactly )?(?<number>\\d+(?:\\.\\d+)?) (?<column>[a-z_ ]+)");
    private static final java.util.regex.Pattern OF_VALUE =
            java.util.regex.Pattern.compile(
                    "\\b(?<column>[a-z_ ]+?) (?:of|equal to|equals|=) (?:exactly )?(?<number>\\d+(?:\\.\\d+)?)(?: ?(?:percent|%))?(?=$| )");

    /** "with 0 replies", "a discount of 20 percent": the numeric column equals the number. */
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
        s.conditions.add(
                new ParseState.Found(
                        start,
                        end,
                        new Condition.Compare(
                                column,
                                Condition.Operator.EQ,
                                new java.math.BigDecimal(number),
                                column.replace('_', ' ') + " = " + number)));
    }

    @Override
    public void match(ParseState s) {
        equalities(s);
        for (NumberPhrases.Match match : NumberPhrases.find(s.text)) {
            if (s.isUsed(match.start(), match.end())) {
                continue;
            }
            // "$10m gmv": a column right after the number wins over one further back
            Optional<ParseState.Span> named =
                    s.columnAt(match.end(), s.vocabulary::isNumeric)
                            .filter(span -> s.text.substring(match.end(), span.start()).isBlank());
            if (named.isEmpty()) {
                named = s.columnBefore(match.start(), s.vocabulary::isNumeric);
            }
            if (named.isEmpty()) {
                named = s.nextColumn(match.end(), s.vocabulary::isNumeric);
            }
            String column = named.map(ParseState.Span::column).orElse(s.vocabulary.moneyColumn());
            if (column == null) {
                continue;
            }
            int start =
                    named.filter(span -> span.start() < match.start())
                            .map(ParseState.Span::start)
                            .orElse(match.start());
            int end =
                    named.filter(span -> span.start() > match.start())
                            .map(ParseState.Span::end)
                            .orElse(match.end());
            s.use(start, end);
            String word = column.replace('_', ' ');
            Condition condition =
                    match.isRange()
                            ? new Condition.Range(
                                    column,
                                    match.value(),
                                    match.upper(),
                                    true,
                                    word + " " + match.label())
                            : new Condition.Compare(
                                    column,
                                    match.operator(),
                                    match.value(),
                                    word + " " + match.label());
            s.conditions.add(new ParseState.Found(start, end, condition));
        }
    }
}
