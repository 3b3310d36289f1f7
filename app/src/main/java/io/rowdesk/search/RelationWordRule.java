package io.rowdesk.search;

import java.util.List;

/**
 * The relation's own name and synonyms ("payouts", "spiffs"). A synonym that is also a stored value
 * ("people" of employees and of dept 'People') names the rows where it heads the phrase ("people
 * hired this year", "legal staff") and is the value where it qualifies a word for the rows ("people
 * employees").
 */
final class RelationWordRule implements PhraseRule {
    /** True when the word at this index names the rows, so the word before it qualifies them. */
    private static boolean modifies(ParseState s, int next) {
        List<int[]> spans = s.words();
        return next < spans.size()
                && s.vocabulary.isRelationWord(
                        s.text.substring(spans.get(next)[0], spans.get(next)[1]));
    }

    @Override
    public void match(ParseState s) {
        List<int[]> spans = s.words();
        for (int i = 0; i < spans.size(); i++) {
            for (int n = Math.min(3, spans.size() - i); n >= 1; n--) {
                int start = spans.get(i)[0];
                int end = spans.get(i + n - 1)[1];
                String phrase = s.text.substring(start, end);
                boolean ownName =
                        Vocabulary.forms(Vocabulary.words(s.vocabulary.relation().name()))
                                .contains(phrase);
                // "work orders" whose head noun a count already used: the whole name is used
                if (s.isUsedAll(start, end)
                        || n == 1 && s.isUsed(start, end)
                        || !ownName
                                && !s.vocabulary.values(phrase).isEmpty()
                                && modifies(s, i + n)) {
                    continue;
                }
                if (s.vocabulary.isRelationWord(phrase)) {
                    s.use(start, end);
                    i += n - 1;
                    break;
                }
            }
        }
    }
}
