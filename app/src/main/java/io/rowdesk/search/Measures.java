package io.rowdesk.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adjectives that name a measure without naming its column ("expensive" is a price, "long" a
 * length, "heavy" a weight, "old" an age), in their superlative and comparative forms alike: the
 * column is the first numeric one whose name holds one of the dimension's words. Money falls back
 * to the relation's money column; other dimensions place nothing rather than guess.
 */
final class Measures {
    /** Words of money columns, most specific first. */
    static final List<String> MONEY =
            List.of(
                    "price", "cost", "fare", "fee", "amount", "charge", "total", "revenue", "value",
                    "salary", "wage", "rent", "income", "budget");

    /** Words for an amount of money that name no column: "the most money", "total invoiced". */
    private static final java.util.Set<String> MONEY_WORDS =
            java.util.Set.of(
                    "money",
                    "spend",
                    "spending",
                    "sales",
                    "earnings",
                    "invoiced",
                    "billed",
                    "paid",
                    "spent",
                    "earned",
                    "collected",
                    "charged",
                    "turnover");

    /** A word or phrase that means an amount of money without naming a column. */
    static boolean namesMoney(String words) {
        return MONEY.contains(words) || MONEY_WORDS.contains(words);
    }

    private static final Map<String, List<String>> DIMENSIONS =
            Map.ofEntries(
                    Map.entry("expensive", MONEY),
                    Map.entry("cheap", MONEY),
                    Map.entry("heavy", List.of("weight", "mass")),
                    Map.entry("light", List.of("weight", "mass")),
                    Map.entry("hot", List.of("temperature", "temp")),
                    Map.entry("cold", List.of("temperature", "temp")),
                    Map.entry("humid", List.of("humidity")),
                    Map.entry("long", List.of("length", "distance", "pages", "duration")),
                    Map.entry("short", List.of("length", "distance", "pages", "duration")),
                    Map.entry("tall", List.of("height", "elevation", "altitude")),
                    Map.entry("high", List.of("elevation", "height", "altitude")),
                    Map.entry("big", List.of("size", "area", "capacity", "volume")),
                    Map.entry("fast", List.of("speed", "velocity")),
                    Map.entry("good", List.of("rating", "score", "stars", "grade")),
                    Map.entry("old", List.of("age")),
                    Map.entry("young", List.of("age")),
                    Map.entry("experienced", List.of("experience", "seniority", "tenure")));

    private Measures() {}

    /** The column an adjective's dimension names in this relation ("expensive" → fare). */
    static Optional<String> column(Vocabulary vocabulary, String adjective) {
        List<String> words = DIMENSIONS.getOrDefault(adjective, List.of());
        for (String word : words) {
            for (String column : vocabulary.columns()) {
                if (vocabulary.isNumeric(column) && List.of(column.split("_")).contains(word)) {
                    return Optional.of(column);
                }
            }
        }
        return words == MONEY ? Optional.ofNullable(vocabulary.moneyColumn()) : Optional.empty();
    }
}
