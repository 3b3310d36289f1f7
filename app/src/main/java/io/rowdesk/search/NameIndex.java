package io.rowdesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The people and companies a team asks about: the distinct values of a relation's name-like text
 * columns (names, e-mail addresses, companies; not prose), as the cache wrote them into the
 * relation's snapshot ({@code cache/SnapshotNames}: the most frequent values, at most 20,000 per
 * column). A view takes the names of the columns it passes through from its relations' indexes (its
 * lineage). "payouts for dovetail growth" finds the whole value, "payouts for dovetail" the values
 * that start with it, "approved by priya" the column whose values start with or hold that word, and
 * a close spelling ("dovetale growth") the value it almost is.
 */
public final class NameIndex {
    static final int MAX_COLUMNS = 8;

    static final NameIndex EMPTY = new NameIndex(Map.of());
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

    /** How a phrase matched, best first. */
    public enum Kind {
        /** the whole stored value */
        EXACT,
        /** the first word(s) of stored values */
        PREFIX,
        /** a word that stored values hold */
        WORD,
        /** the whole stored value, spelled a little differently */
        CLOSE_VALUE,
        /** a word that stored values hold, spelled a little differently */
        CLOSE_WORD
    }

    /**
     * What a phrase matched in one column: the value ({@link Kind#EXACT}, {@link
     * Kind#CLOSE_VALUE}), the prefix or the word.
     */
    public record Match(String column, String value, Kind kind) {
        public boolean whole() {
            return kind == Kind.EXACT || kind == Kind.CLOSE_VALUE;
        }

        public boolean fuzzy() {
            return kind == Kind.CLOSE_VALUE || kind == Kind.CLOSE_WORD;
        }
    }

    // column → (lower-cased value → value as stored), its sorted lower-cased values (prefixes),
    // the words of its values, and their one-deletion neighbourhoods (SymSpell: two words within
    // one edit, or two substitutions, share a key)
    private final Map<String, Map<String, String>> values;
    private final Map<String, String[]> sorted = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> words = new LinkedHashMap<>();
    private final Map<String, Map<String, List<String>>> deletions = new LinkedHashMap<>();

    private NameIndex(Map<String, Map<String, String>> values) {
        this.values = values;
        values.forEach(
                (column, byLower) -> {
                    String[] lower = byLower.keySet().toArray(String[]::new);
                    Arrays.sort(lower);
                    sorted.put(column, lower);
                    Map<String, Integer> counts = new HashMap<>();
                    for (String value : byLower.keySet()) {
                        for (String word : value.split("[^\\p{L}\\p{N}]+")) {
                            if (word.length() >= 3) {
                                counts.merge(word, 1, Integer::sum);
                            }
                        }
                    }
                    words.put(column, counts);
                    Map<String, List<String>> byDeletion = new HashMap<>();
                    for (String word : counts.keySet()) {
                        if (word.length() >= 4) {
                            for (String key : deletionsOf(word)) {
                                byDeletion.computeIfAbsent(key, k -> new ArrayList<>()).add(word);
                            }
                        }
                    }
                    deletions.put(column, byDeletion);
                });
    }

    /**
     * From each column's values (column → values, in column order), at most {@link #MAX_COLUMNS}.
     */
    static NameIndex of(Map<String, List<String>> byColumn) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (var column : byColumn.entrySet()) {
            if (values.size() >= MAX_COLUMNS) {
                break;
            }
            Map<String, String> byLower = new HashMap<>();
            for (String value : column.getValue()) {
                if (value != null && !value.isBlank() && value.length() <= 200) {
                    byLower.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
                }
            }
            if (!byLower.isEmpty()) {
                values.put(column.getKey(), byLower);
            }
        }
        return values.isEmpty() ? EMPTY : new NameIndex(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The indexed columns, in column order. */
    public List<String> columns() {
        return List.copyOf(values.keySet());
    }

    /**
     * Every column's best match of a phrase (lower case), the best kind first and columns in table
     * order within a kind: a whole stored value, the first words of values (at a word boundary:
     * "dovetail" of 'Dovetail Growth', "priya" of 'priya.nair@...'), a word the values hold, then
     * the same with a close spelling (one edit, or two in words of 7 letters or more).
     */
    public List<Match> findAll(String phrase) {
        List<Match> found = new ArrayList<>();
        for (String column : values.keySet()) {
            Match match = find(column, phrase);
            if (match != null) {
                found.add(match);
            }
        }
        found.sort(java.util.Comparator.comparing(Match::kind));
        return found;
    }

    private Match find(String column, String phrase) {
        Map<String, String> byLower = values.get(column);
        String value = byLower.get(phrase);
        if (value != null) {
            return new Match(column, value, Kind.EXACT);
        }
        if (phrase.length() >= 4 && startsSomeValue(sorted.get(column), phrase)) {
            return new Match(column, phrase, Kind.PREFIX);
        }
        Map<String, Integer> columnWords = words.get(column);
        if (!phrase.contains(" ")) {
            if (columnWords.containsKey(phrase)) {
                return new Match(column, phrase, Kind.WORD);
            }
            String close = closeWord(column, phrase);
            return close == null ? null : new Match(column, close, Kind.CLOSE_WORD);
        }
        // several words: each one a word of this column (or close to one), together a value
        String[] parts = phrase.split(" ");
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        for (String part : parts) {
            String word = columnWords.containsKey(part) ? part : closeWord(column, part);
            if (word == null) {
                return null;
            }
            changed |= !word.equals(part);
            corrected.append(corrected.length() == 0 ? "" : " ").append(word);
        }
        value = changed ? byLower.get(corrected.toString()) : null;
        return value == null ? null : new Match(column, value, Kind.CLOSE_VALUE);
    }

    /** Some value starts with the phrase followed by the end or a non-letter. */
    private static boolean startsSomeValue(String[] sortedValues, String phrase) {
        int at = Arrays.binarySearch(sortedValues, phrase);
        for (int i = at < 0 ? -at - 1 : at; i < sortedValues.length; i++) {
            String value = sortedValues[i];
            if (!value.startsWith(phrase)) {
                return false;
            }
            if (value.length() > phrase.length()
                    && !Character.isLetterOrDigit(value.charAt(phrase.length()))) {
                return true;
            }
        }
        return false;
    }

    /** A word of the column within one edit (two for words of 7 letters or more), or null. */
    private String closeWord(String column, String word) {
        if (word.length() < 5) {
            return null;
        }
        int allowed = word.length() >= 7 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        Map<String, List<String>> byDeletion = deletions.get(column);
        for (String key : deletionsOf(word)) {
            for (String candidate : byDeletion.getOrDefault(key, List.of())) {
                int distance = LEVENSHTEIN.apply(candidate, word);
                if (distance >= 1 && distance <= allowed && distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** The word and the word with each one letter left out. */
    private static List<String> deletionsOf(String word) {
        List<String> keys = new ArrayList<>(word.length() + 1);
        keys.add(word);
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        return keys;
    }
}
