package io.rowdesk.search;

import java.util.Locale;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Word stems (Snowball's English stemmer from lucene-analysis-common), so that forms of a word meet
 * a column name or a stored value: "viewed"/"views" → view, "rated"/"rating" → rate,
 * "refunded"/"refund_issued" → refund, "humid"/"humidity_pct" → humid.
 */
final class Stems {
    /** Words that say nothing of which column is meant: units, date suffixes, flag prefixes. */
    static final Set<String> GENERIC =
            Set.of(
                    "at", "on", "id", "is", "has", "date", "time", "ts", "dt", "pct", "percent",
                    "kg", "m", "c", "ppb", "ppm", "the", "of", "a", "an", "count", "number");

    private static final ThreadLocal<EnglishStemmer> STEMMER =
            ThreadLocal.withInitial(EnglishStemmer::new);

    private Stems() {}

    /** Past forms no suffix rule leads back to the noun of a column ("born" for birth_date). */
    private static final java.util.Map<String, String> IRREGULAR =
            java.util.Map.of(
                    "born", "birth",
                    "sold", "sale",
                    "bought", "buy",
                    "built", "build",
                    "spent", "spend",
                    "left", "leave",
                    "taught", "teach");

    /** "cancelled", "sold": a past participle, regular or one of the irregular forms above. */
    static boolean isParticiple(String word) {
        return word.length() > 3 && word.endsWith("ed") || IRREGULAR.containsKey(word);
    }

    static String stem(String word) {
        EnglishStemmer stemmer = STEMMER.get();
        String lower = word.toLowerCase(Locale.ROOT);
        stemmer.setCurrent(IRREGULAR.getOrDefault(lower, lower));
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * The stems of a phrase's meaningful words run together ("sign up date" and "signup" both
     * "signup"); empty when nothing meaningful is left.
     */
    static String key(String phrase) {
        StringBuilder key = new StringBuilder();
        for (String word : phrase.toLowerCase(Locale.ROOT).split("[ _-]+")) {
            if (!word.isEmpty() && !GENERIC.contains(word)) {
                key.append(stem(word));
            }
        }
        return key.toString();
    }
}
