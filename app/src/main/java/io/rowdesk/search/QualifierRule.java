package io.rowdesk.search;

import java.util.List;
import java.util.Optional;

/**
 * Column words that qualify a condition on that column ("demo stage", "gold tier") say nothing new:
 * they are used.
 */
final class QualifierRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
        List<int[]> spans = s.words();
        for (int i = 0; i < spans.size(); i++) {
            for (int n = Math.min(3, spans.size() - i); n >= 1; n--) {
                int start = spans.get(i)[0];
                int end = spans.get(i + n - 1)[1];
                if (s.isUsed(start, end)) {
                    continue;
                }
                String phrase = s.text.substring(start, end);
                Optional<String> column = s.vocabulary.column(phrase);
                boolean qualifies =
                        column.isPresent() && s.constrained(column.get())
                                || s.vocabulary.qualifierColumns(phrase).stream()
                                        .anyMatch(s::constrained);
                if (qualifies) {
                    s.use(start, end);
                    i += n - 1;
                    break;
                }
            }
        }
    }
}
