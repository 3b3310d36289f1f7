package io.rowdesk.search;

import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Category values: exact, plural, partial whole-word match when unique in its column, fuzzy at edit
 * distance 1; negated by not/non/except/... with filler words between; a second value of the same
 * column joins the first ("paypal or venmo").
 */
final class ValueRule implements PhraseRule {
    private static final java.util.regex.Pattern LIST_JOINER =
            java.util.regex.Pattern.compile("^(?:,? ?(?:and|or|nor)? ?)$");

    /**
     * "except cash and invoice", "not from india or kenya": a value right after a negated value of
     * the same column, joined by and/or, is excluded too (NOT IN (X, Y)).
     */
    private static boolean continuesNegatedList(ParseState s, Vocabulary.ValueRef ref, int start) {
        for (ParseState.Found found : s.conditions) {
            if (found.condition() instanceof Condition.InSet in
                    && in.negated()
                    && in.column().equals(ref.column())
                    && found.end() <= start
                    && LIST_JOINER.matcher(s.text.substring(found.end(), start).trim()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

    /** A stored value one edit away from a word of five letters or more. */
    private static List<Vocabulary.ValueRef> fuzzy(ParseState s, String word) {
        if (word.length() < 5) {
            return List.of();
        }
        for (String phrase : s.vocabulary.valuePhrases()) {
            if (Math.abs(phrase.length() - word.length()) <= 1 && phrase.length() >= 5) {
                int distance = LEVENSHTEIN.apply(phrase, word);
                // "books" of book_title is no misspelt 'ebooks': words naming columns stay words
                if (distance == 1
                        && s.vocabulary.column(word).isEmpty()
                        && s.vocabulary.qualifierColumns(word).isEmpty()) {
                    return s.vocabulary.values(phrase);
                }
            }
        }
        return List.of();
    }

    /** "in" is no 'IN' (India): a filler word is never a stored code. */
    private static boolean codeAsWord(String phrase, List<Vocabulary.ValueRef> refs) {
        return ParseState.STOPWORDS.contains(phrase)
                && refs.stream()
                        .allMatch(
                                r ->
                                        r.value()
                                                .equals(
                                                        r.value()
                                                                .toUpperCase(
                                                                        java.util.Locale.ROOT)));
    }

    @Override
    public void match(ParseState s) {
        List<int[]> spans = s.words();
        for (int i = 0; i < spans.size(); i++) {
            for (int n = Math.min(s.vocabulary.longestPhrase(), spans.size() - i); n >= 1; n--) {
                int start = spans.get(i)[0];
                int end = spans.get(i + n - 1)[1];
                if (s.isUsed(start, end)) {
                    continue;
                }
                String phrase = s.text.substring(start, end).replace('-', ' ');
                if (phrase.startsWith("non ") || phrase.startsWith("non-")) {
                    continue;
                }
                List<Vocabulary.ValueRef> refs = s.vocabulary.values(phrase);
                if (refs.isEmpty()) {
                    refs = s.vocabulary.partialValues(phrase);
                }
                if (refs.isEmpty() && n == 1) {
                    refs = s.vocabulary.stemValues(phrase);
                }
                if (refs.isEmpty() && n == 1) {
                    refs = fuzzy(s, phrase);
                }
                if (refs.isEmpty() || codeAsWord(phrase, refs)) {
                    continue;
                }
                Vocabulary.ValueRef ref = s.pick(refs, start, end);
                boolean negated =
                        s.precededByNegation(start) || continuesNegatedList(s, ref, start);
                int from = negated ? s.negationStart(start) : start;
                s.use(from, end);
                s.addValue(from, end, ref, negated);
                i += n - 1;
                break;
            }
        }
    }
}
