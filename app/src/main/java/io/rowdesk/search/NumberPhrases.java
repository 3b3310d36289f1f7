package io.rowdesk.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises numeric constraints in a lower-case question: "over $500", "more than 1k", "at least
 * 2.5m", "under 50 dollars", "between 100 and 250", "500+", "$1,200", "€2,000", "£40". Which column
 * they constrain is decided by the caller from the words around them.
 */
public final class NumberPhrases {

    /**
     * A constraint at {@code start..end}: {@code operator value}, or an inclusive range {@code
     * value..upper}. {@code measure}: the adjective of a comparative ("longer than 25" → long, see
     * {@link Measures}), else null.
     */
    public record Match(
            int start,
            int end,
            Condition.Operator operator,
            BigDecimal value,
            BigDecimal upper,
            boolean money,
            String label,
            String measure) {
        public boolean isRange() {
            return upper != null;
        }
    }

    private static final String NUMBER =
            "([$€£])?\\s?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?(k|m|b|bn|thousand|million|billion)?\\b"
                    + "(?:\\s?(dollars|usd|bucks|euros?|eur|pounds|gbp))?";
    private static final Pattern BETWEEN =
            Pattern.compile("\\bbetween " + NUMBER + " and " + NUMBER);

    /** How many, in words: "more than three", "with two replies". */
    static final List<String> CARDINALS =
            List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    /** How often or how many, in words: "renewed at least twice", "more than three". */
    static final Map<String, Integer> WORDS = words();

    private static final String WORD_NUMBER = "\\b(" + String.join("|", WORDS.keySet()) + ")\\b";

    private static Map<String, Integer> words() {
        Map<String, Integer> words = new java.util.LinkedHashMap<>();
        words.put("once", 1);
        words.put("twice", 2);
        words.put("thrice", 3);
        for (int i = 0; i < CARDINALS.size(); i++) {
            words.put(CARDINALS.get(i), i + 1);
        }
        return Map.copyOf(words);
    }

    /** Comparatives that name a measure: the adjective, its operator. */
    private static final Map<String, String> COMPARATIVES =
            Map.ofEntries(
                    Map.entry("longer", "long"),
                    Map.entry("shorter", "short"),
                    Map.entry("cheaper", "cheap"),
                    Map.entry("less expensive", "cheap"),
                    Map.entry("more expensive", "expensive"),
                    Map.entry("pricier", "expensive"),
                    Map.entry("costlier", "expensive"),
                    Map.entry("heavier", "heavy"),
                    Map.entry("lighter", "light"),
                    Map.entry("older", "old"),
                    Map.entry("younger", "young"),
                    Map.entry("hotter", "hot"),
                    Map.entry("warmer", "hot"),
                    Map.entry("colder", "cold"),
                    Map.entry("cooler", "cold"),
                    Map.entry("taller", "tall"));

    private static final String COMPARISON =
            "(?:\\b(over|above|more than|greater than|higher than|bigger than|larger than|at least|no less than|minimum(?: of)?|min"
                    + "|under|below|less than|fewer than|lower than|smaller than|at most|no more than|up to|maximum(?: of)?|max|exactly|equal to"
                    + "|(?:"
                    + String.join("|", COMPARATIVES.keySet())
                    + ") than)"
                    + "|(>=|<=|>|<|=))\\s?";
    private static final Pattern COMPARE = Pattern.compile(COMPARISON + NUMBER);
    private static final Pattern COMPARE_WORD = Pattern.compile(COMPARISON + WORD_NUMBER);
    private static final Pattern OR_MORE =
            Pattern.compile(
                    NUMBER
                            + " or (more|over|above|higher|greater|longer|bigger|less|fewer|under|below|lower|shorter|smaller)\\b");
    private static final Pattern PLUS = Pattern.compile(NUMBER.replace("\\b(?:", "(?:") + "\\+");
    private static final Pattern MONEY =
            Pattern.compile(
                    "[$€£]\\s?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?(k|m|b|bn|thousand|million|billion)?\\b");

    private NumberPhrases() {}

    public static List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        Matcher m = BETWEEN.matcher(text);
        while (m.find()) {
            BigDecimal low = value(m.group(2), m.group(3));
            BigDecimal high = value(m.group(6), m.group(7));
            if (low.compareTo(high) > 0) {
                BigDecimal swap = low;
                low = high;
                high = swap;
            }
            boolean money =
                    m.group(1) != null
                            || m.group(4) != null
                            || m.group(5) != null
                            || m.group(8) != null;
            add(
                    matches,
                    taken,
                    new Match(
                            m.start(),
                            m.end(),
                            Condition.Operator.GE,
                            low,
                            high,
                            money,
                            "between " + plain(low) + " and " + plain(high),
                            null));
        }
        m = COMPARE.matcher(text);
        while (m.find()) {
            BigDecimal value = value(m.group(4), m.group(5));
            boolean money = m.group(3) != null || m.group(6) != null;
            add(matches, taken, compare(m, value, money));
        }
        m = COMPARE_WORD.matcher(text);
        while (m.find()) {
            add(matches, taken, compare(m, BigDecimal.valueOf(WORDS.get(m.group(3))), false));
        }
        m = OR_MORE.matcher(text);
        while (m.find()) {
            // "3 or more", "2 or fewer": inclusive bounds said after the number
            BigDecimal value = value(m.group(2), m.group(3));
            boolean more = m.group(5).matches("more|over|above|higher|greater|longer|bigger");
            add(
                    matches,
                    taken,
                    new Match(
                            m.start(),
                            m.end(),
                            more ? Condition.Operator.GE : Condition.Operator.LE,
                            value,
                            null,
                            m.group(1) != null || m.group(4) != null,
                            (more ? ">= " : "<= ") + plain(value),
                            null));
        }
        m = PLUS.matcher(text);
        while (m.find()) {
            BigDecimal value = value(m.group(2), m.group(3));
            add(
                    matches,
                    taken,
                    new Match(
                            m.start(),
                            m.end(),
                            Condition.Operator.GE,
                            value,
                            null,
                            m.group(1) != null || m.group(4) != null,
                            ">= " + plain(value),
                            null));
        }
        m = MONEY.matcher(text);
        while (m.find()) {
            BigDecimal value = value(m.group(1), m.group(2));
            add(
                    matches,
                    taken,
                    new Match(
                            m.start(),
                            m.end(),
                            Condition.Operator.EQ,
                            value,
                            null,
                            true,
                            "= " + plain(value),
                            null));
        }
        matches.sort(Comparator.comparingInt(Match::start));
        return matches;
    }

    private static Match compare(Matcher m, BigDecimal value, boolean money) {
        String word = m.group(1) != null ? m.group(1) : m.group(2);
        String measure =
                word.endsWith(" than")
                        ? COMPARATIVES.get(word.substring(0, word.length() - 5))
                        : null;
        Condition.Operator operator =
                measure == null
                        ? operator(word)
                        : Set.of("short", "cheap", "light", "young", "cold").contains(measure)
                                ? Condition.Operator.LT
                                : Condition.Operator.GT;
        return new Match(
                m.start(),
                m.end(),
                operator,
                value,
                null,
                money,
                operator.sql + " " + plain(value),
                measure);
    }

    private static void add(List<Match> matches, boolean[] taken, Match match) {
        for (int i = match.start(); i < match.end(); i++) {
            if (taken[i]) {
                return;
            }
        }
        for (int i = match.start(); i < match.end(); i++) {
            taken[i] = true;
        }
        matches.add(match);
    }

    private static Condition.Operator operator(String word) {
        return switch (word) {
            case "over",
                    "above",
                    "more than",
                    "greater than",
                    "higher than",
                    "bigger than",
                    "larger than",
                    ">" ->
                    Condition.Operator.GT;
            case "at least", "no less than", "minimum", "minimum of", "min", ">=" ->
                    Condition.Operator.GE;
            case "under", "below", "less than", "fewer than", "lower than", "smaller than", "<" ->
                    Condition.Operator.LT;
            case "at most", "no more than", "up to", "maximum", "maximum of", "max", "<=" ->
                    Condition.Operator.LE;
            default -> Condition.Operator.EQ;
        };
    }

    static BigDecimal value(String digits, String suffix) {
        BigDecimal value = new BigDecimal(digits.replace(",", ""));
        if (suffix == null) {
            return value;
        }
        return switch (suffix) {
            case "k", "thousand" -> value.multiply(BigDecimal.valueOf(1_000));
            case "m", "million" -> value.multiply(BigDecimal.valueOf(1_000_000));
            default -> value.multiply(BigDecimal.valueOf(1_000_000_000));
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
