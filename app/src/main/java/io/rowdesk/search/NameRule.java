package io.rowdesk.search;

import java.util.List;
import java.util.Optional;

/**
 * Names from the {@link NameIndex}: words no other rule placed that are a stored name ("dovetail
 * growth" → partner_name = 'Dovetail Growth') or a word of the names of one column ("priya" →
 * decided_by contains "priya"); the chip names the column.
 */
final class NameRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
        NameIndex names = s.vocabulary.names();
        if (names.isEmpty()) {
            return;
        }
        List<int[]> spans = s.words();
        for (int i = 0; i < spans.size(); i++) {
            for (int n = Math.min(4, spans.size() - i); n >= 1; n--) {
                int start = spans.get(i)[0];
                int end = spans.get(i + n - 1)[1];
                String phrase = s.text.substring(start, end);
                if (s.isUsed(start, end)
                        || ParseState.STOPWORDS.contains(phrase)
                        || s.vocabulary.isRelationWord(phrase)
                        || s.vocabulary.column(phrase).isPresent()
                        || phrase.length() < 3
                        || phrase.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    continue;
                }
                Optional<NameIndex.Match> match = names.find(phrase);
                if (match.isEmpty()) {
                    continue;
                }
                NameIndex.Match m = match.get();
                boolean negated = s.precededByNegation(start);
                int from = negated ? s.negationStart(start) : start;
                s.use(from, end);
                String word = m.column().replace('_', ' ');
                Condition condition =
                        m.whole()
                                ? new Condition.InSet(
                                        m.column(),
                                        List.of(m.value()),
                                        negated,
                                        word + (negated ? " is not " : " is ") + m.value())
                                : new Condition.Text(
                                        m.column(),
                                        Condition.Text.Mode.CONTAINS,
                                        m.value(),
                                        negated,
                                        word
                                                + (negated
                                                        ? " does not contain \""
                                                        : " contains \"")
                                                + m.value()
                                                + "\""
                                                + (m.fuzzy() ? " (≈ " + phrase + ")" : ""));
                s.conditions.add(new ParseState.Found(from, end, condition));
                i += n - 1;
                break;
            }
        }
    }
}
