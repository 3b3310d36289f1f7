package io.rowdesk.search;

import java.util.Optional;

/**
 * Numbers ({@link NumberPhrases}: units, $, words, over/under/between): the numeric column right
 * after, else before, else the money column.
 */
final class NumberRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
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
