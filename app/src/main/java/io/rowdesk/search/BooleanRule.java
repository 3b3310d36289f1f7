package io.rowdesk.search;

import java.util.List;
import java.util.Locale;

/**
 * State words of true/false columns: "discontinued products" → discontinued = true, "banned
 * members" → is_banned = true, "not validated" / "unvalidated" / "non-validated" → false. The
 * column's own words (without is_/has_) or another form of them name it.
 */
final class BooleanRule implements PhraseRule {
    @Override
    public void match(ParseState s) {
        List<int[]> words = s.words();
        for (String column : s.vocabulary.columns()) {
            String type = s.vocabulary.type(column);
            if (type == null || !type.toUpperCase(Locale.ROOT).startsWith("BOOL")) {
                continue;
            }
            String state = column.replaceFirst("^(is|has|was|are)_", "");
            if (state.contains("_")) {
                continue;
            }
            String stem = Stems.stem(state);
            for (int[] span : words) {
                if (s.isUsed(span[0], span[1])) {
                    continue;
                }
                String word = s.text.substring(span[0], span[1]);
                boolean prefixed = word.startsWith("un") && !state.startsWith("un");
                String bare = prefixed ? word.substring(2) : word;
                if (!bare.equals(state) && !Stems.stem(bare).equals(stem)) {
                    continue;
                }
                boolean negated = prefixed || s.precededByNegation(span[0]);
                int from = negated && !prefixed ? s.negationStart(span[0]) : span[0];
                s.use(from, span[1]);
                String label = (negated ? "not " : "") + state.replace('_', ' ');
                s.conditions.add(
                        new ParseState.Found(
                                from,
                                span[1],
                                new Condition.Compare(
                                        column, Condition.Operator.EQ, !negated, label)));
            }
        }
    }
}
