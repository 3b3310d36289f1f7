package io.rowdesk.search;

import io.rowdesk.search.semantic.SemanticMatcher;
import java.util.Optional;

/**
 * Words close in meaning to a stored value ("clothing" for Apparel &amp; Accessories) through the
 * embedding model, when one is loaded; the chip says which word it read.
 */
final class CloseInMeaningRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
        if (s.semantic == null) {
            return;
        }
        for (int[] span : s.words()) {
            String word = s.text.substring(span[0], span[1]);
            if (s.isUsed(span[0], span[1])
                    || ParseState.STOPWORDS.contains(word)
                    || word.length() < 4
                    || !word.matches("[a-z]+")) {
                continue;
            }
            Optional<SemanticMatcher.Match> match = s.semantic.closestValue(word, s.vocabulary);
            if (match.isEmpty()) {
                continue;
            }
            boolean negated = s.precededByNegation(span[0]);
            int from = negated ? s.negationStart(span[0]) : span[0];
            s.use(from, span[1]);
            s.addValue(from, span[1], match.get().value(), negated);
            ParseState.Found last = s.conditions.get(s.conditions.size() - 1);
            if (last.condition() instanceof Condition.InSet in && in.values().size() == 1) {
                s.conditions.set(
                        s.conditions.size() - 1,
                        new ParseState.Found(
                                last.start(),
                                last.end(),
                                new Condition.InSet(
                                        in.column(),
                                        in.values(),
                                        in.negated(),
                                        in.label() + " (≈ " + word + ")")));
            }
        }
    }
}
