package io.rowdesk.search;

import java.util.Optional;

/**
 * Dates ({@link DatePhrases}): a half-open range on the date column the words just before name
 * ("paid last month"), else the relation's default date column.
 */
final class DateRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
        for (DatePhrases.Match match : DatePhrases.find(s.text, s.today)) {
            if (s.isUsed(match.start(), match.end())) {
                continue;
            }
            Optional<ParseState.Span> named =
                    s.columnBefore(match.start(), s.vocabulary::isTemporal);
            String column = named.map(ParseState.Span::column).orElse(s.vocabulary.dateColumn());
            if (column == null) {
                continue;
            }
            int start = named.map(ParseState.Span::start).orElse(match.start());
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
}
