package io.rowdesk.search;

import java.util.List;

/**
 * State words of true/false columns: "discontinued products" → discontinued = true, "banned
 * members" → is_banned = true, "not validated" / "unvalidated" / "inactive" / "non-validated" →
 * false. The column's own words (without is_/has_) or other forms of them name it, several words in
 * a row too ("accepting new patients" → accepts_new_patients).
 */
final class BooleanRule implements PhraseRule {
    /** Prefixes that turn a state into its opposite: "unpaid", "inactive", "disabled". */
    private static final List<String> NEGATING_PREFIXES = List.of("un", "in", "dis", "non");

    @Override
    public void match(ParseState s) {
        List<int[]> words = s.words();
        for (String column : s.vocabulary.columns()) {
            if (!s.vocabulary.isBoolean(column)) {
                continue;
            }
            // "is_vip", "can_rebook", "vip_flag", "promo_yn": the state without its flag words
            String[] state =
                    column.replaceFirst("^(is|has|was|are|can|did|does|will|should)_", "")
                            .replaceFirst("_(flag|ind|yn|bool)$", "")
                            .split("_");
            for (int i = 0; i + state.length <= words.size(); i++) {
                int[] first = words.get(i);
                int[] last = words.get(i + state.length - 1);
                if (s.isUsed(first[0], last[1])) {
                    continue;
                }
                String word = s.text.substring(first[0], first[1]);
                String prefix = negatingPrefix(word, state[0]);
                if (!sameWord(word.substring(prefix.length()), state[0])
                        || !restMatches(s, words, i, state)) {
                    continue;
                }
                add(s, column, first[0], last[1], !prefix.isEmpty(), String.join(" ", state));
            }
        }
        // "flagged for fraud" of is_fraud_flagged: the state words joined by for/of
        for (int i = 0; i + 2 < words.size(); i++) {
            int start = words.get(i)[0];
            int end = words.get(i + 2)[1];
            String joiner = s.text.substring(words.get(i + 1)[0], words.get(i + 1)[1]);
            if (!(joiner.equals("for") || joiner.equals("of")) || s.isUsed(start, end)) {
                continue;
            }
            String phrase = s.text.substring(start, end);
            s.vocabulary
                    .column(phrase)
                    .filter(s.vocabulary::isBoolean)
                    .ifPresent(column -> add(s, column, start, end, false, phrase));
        }
    }

    private static void add(
            ParseState s, String column, int start, int end, boolean prefixed, String state) {
        boolean negated = prefixed || s.precededByNegation(start);
        int from = negated && !prefixed ? s.negationStart(start) : start;
        s.use(from, end);
        String label = (negated ? "not " : "") + state;
        s.conditions.add(
                new ParseState.Found(
                        from,
                        end,
                        new Condition.Compare(column, Condition.Operator.EQ, !negated, label)));
    }

    private static String negatingPrefix(String word, String state) {
        for (String prefix : NEGATING_PREFIXES) {
            if (word.startsWith(prefix)
                    && !state.startsWith(prefix)
                    && sameWord(word.substring(prefix.length()), state)) {
                return prefix;
            }
        }
        return "";
    }

    private static boolean restMatches(ParseState s, List<int[]> words, int i, String[] state) {
        for (int k = 1; k < state.length; k++) {
            int[] span = words.get(i + k);
            if (!sameWord(s.text.substring(span[0], span[1]), state[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameWord(String word, String state) {
        return word.equals(state) || Stems.stem(word).equals(Stems.stem(state));
    }
}
