package io.rowdesk.search;

import java.util.List;

/**
 * In a view, words naming a relation it joins ("referrers", "partners", or their synonyms) say
 * whose attribute the next or previous condition is: "payouts from referrers in brazil" (the
 * referrer's partner country), "referrals of partners in spain". Such a word next to a condition,
 * with only filler words between, is used; one that qualifies nothing stays unmatched. Which column
 * a value of several columns is read on is decided earlier ({@link ParseState#pick}).
 */
final class JoinedRelationRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
        if (s.vocabulary.relation().lineage().isEmpty()) {
            return;
        }
        List<int[]> spans = s.words();
        for (int[] span : spans) {
            if (s.isUsed(span[0], span[1])
                    || s.vocabulary.joinedRelation(s.text.substring(span[0], span[1])).isEmpty()) {
                continue;
            }
            for (ParseState.Found found : s.conditions) {
                boolean before =
                        found.start() >= span[1] && nothingBetween(s, span[1], found.start());
                boolean after = found.end() <= span[0] && nothingBetween(s, found.end(), span[0]);
                if (before || after) {
                    s.use(span[0], span[1]);
                    break;
                }
            }
        }
    }

    /** Only filler words, or words other rules used ("partners" in "of partners in brazil"). */
    private static boolean nothingBetween(ParseState s, int from, int to) {
        for (int[] word : s.words()) {
            if (word[0] >= from
                    && word[1] <= to
                    && !s.isUsed(word[0], word[1])
                    && !s.onlyFillerBetween(word[0], word[1])) {
                return false;
            }
        }
        return true;
    }
}
