package io.rowdesk.search;

import java.util.List;

/** The relation's own name and synonyms ("payouts", "spiffs"), unless they are also values. */
final class RelationWordRule implements PhraseRule {
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
                        || !ownName && !s.vocabulary.values(phrase).isEmpty()) {
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
