package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Column words that qualify a condition on that column ("demo stage", "gold tier") say nothing new:
 * they are used; so does a word for whom the rows are about, right after a value ("axa patients"
 * where the rows carry a patient_id) or leading the question ("students with a scholarship").
 */
final class QualifierRule implements PhraseRule {
    /** Words for a column's values: "payment method", "sensor types". */
    private static final Set<String> KIND_WORDS =
            Set.of("method", "methods", "type", "types", "kind", "kinds", "values", "value");

    /** Verbs that lead to a value: "paid by paypal", "operated by the university". */
    private static final Pattern VERB =
            Pattern.compile("^(?:[a-z]+ed|paid|made|sold|run|built|written|held|done)$");

    private static final Set<String> LINKS = Set.of("by", "via", "with", "using", "through", "in");

    @Override
    public void match(ParseState s) {
        List<int[]> spans = s.words();
        for (int i = 0; i < spans.size(); i++) {
            if (s.isUsed(spans.get(i)[0], spans.get(i)[1])) {
                continue;
            }
            String word = s.text.substring(spans.get(i)[0], spans.get(i)[1]);
            boolean afterColumn =
                    i > 0
                            && KIND_WORDS.contains(word)
                            && s.isUsed(spans.get(i - 1)[0], spans.get(i - 1)[1]);
            boolean verbBeforeValue =
                    i + 2 < spans.size()
                            && VERB.matcher(word).matches()
                            && LINKS.contains(
                                    s.text.substring(spans.get(i + 1)[0], spans.get(i + 1)[1]))
                            && nextUsed(s, spans, i + 2);
            boolean entityAfterValue =
                    entityOfRows(s, word) && (i > 0 && afterValue(s, spans.get(i)) || first(s, i))
                            // "pets without a microchip": who the rows are about, leading
                            || namedByRows(s, word) && first(s, i);
            if (afterColumn || verbBeforeValue || entityAfterValue) {
                s.use(spans.get(i)[0], spans.get(i)[1]);
            }
        }
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

    /** "patients" where the rows carry a patient_id: the people or things the rows are about. */
    private static boolean entityOfRows(ParseState s, String word) {
        return s.vocabulary.column(word).isEmpty()
                && s.vocabulary.qualifierColumns(word).stream().anyMatch(c -> c.endsWith("_id"));
    }

    /** "pets" where the rows carry a pet_name: the people or things the rows name. */
    private static boolean namedByRows(ParseState s, String word) {
        return !Vocabulary.singular(word).equals(word)
                && s.vocabulary.column(word).isEmpty()
                && s.vocabulary.qualifierColumns(word).stream().anyMatch(c -> c.endsWith("_name"));
    }

    /** "students with a scholarship": the question starts with whom the rows are about. */
    private static boolean first(ParseState s, int index) {
        for (int i = 0; i < index; i++) {
            int[] span = s.words().get(i);
            if (!ParseState.STOPWORDS.contains(s.text.substring(span[0], span[1]))) {
                return false;
            }
        }
        return true;
    }

    /** "axa or bupa patients": the word right after a value says whose value it is. */
    private static boolean afterValue(ParseState s, int[] span) {
        return s.conditions.stream()
                .anyMatch(
                        f ->
                                f.condition() instanceof Condition.InSet
                                        && s.text.substring(f.end(), span[0]).isBlank());
    }

    /** The next word that is not a stopword, from {@code from}, is used by a condition. */
    private static boolean nextUsed(ParseState s, List<int[]> spans, int from) {
        for (int i = from; i < spans.size(); i++) {
            String word = s.text.substring(spans.get(i)[0], spans.get(i)[1]);
            if (s.isUsed(spans.get(i)[0], spans.get(i)[1])) {
                return true;
            }
            if (!ParseState.STOPWORDS.contains(word)) {
                return false;
            }
        }
        return false;
    }
}
