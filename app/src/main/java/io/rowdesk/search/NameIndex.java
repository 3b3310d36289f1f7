package io.rowdesk.search;

import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The people and companies a team asks about: the distinct values of a relation's high-cardinality
 * text columns (names, emails, companies; not prose), read from its snapshot in DuckDB when its
 * vocabulary is built, at most {@link #MAX_VALUES} per column and {@link #MAX_COLUMNS} columns.
 * "payouts for dovetail growth" finds the value, "approved by priya" the column whose values start
 * with or hold that word, with one edit of spelling forgiven.
 */
public final class NameIndex {
    static final int MAX_VALUES = 20_000;
    static final int MAX_COLUMNS = 6;

    /** On larger relations only this many rows are read for names (bounded work per snapshot). */
    static final int MAX_SCANNED_ROWS = 500_000;

    static final NameIndex EMPTY = new NameIndex(Map.of());
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(1);

    /** What a phrase matched: the whole stored value, or a word of the values of the column. */
    public record Match(String column, String value, boolean whole, boolean fuzzy) {}

    // column → (lower-cased value → value as stored), and column → words of its values
    private final Map<String, Map<String, String>> values;
    private final Map<String, Map<String, Integer>> words = new LinkedHashMap<>();
    // one-deletion neighbourhoods of the words (SymSpell): a word within one edit shares a key
    private final Map<String, Map<String, List<String>>> deletions = new LinkedHashMap<>();

    private NameIndex(Map<String, Map<String, String>> values) {
        this.values = values;
        values.forEach(
                (column, byLower) -> {
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

    /** The text columns worth indexing: many distinct values, not prose. */
    static List<String> columns(RelationInfo relation, List<ColumnProfile> profiles) {
        Map<String, ColumnProfile> byColumn = new HashMap<>();
        profiles.forEach(p -> byColumn.put(p.column(), p));
        List<String> columns = new ArrayList<>();
        for (Column column : relation.columns()) {
            ColumnProfile profile = byColumn.get(column.name());
            if (column.type().toUpperCase(Locale.ROOT).startsWith("VARCHAR")
                    && profile != null
                    && !profile.lowCardinality()
                    && profile.distinctCount() > 0
                    && !Vocabulary.isFreeText(column.name())
                    && columns.size() < MAX_COLUMNS) {
                columns.add(column.name());
            }
        }
        return columns;
    }

    /** Reads each column's distinct values with {@code distinct} (column → values, bounded). */
    static NameIndex build(List<String> columns, Function<String, List<String>> distinct) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (String column : columns) {
            Map<String, String> byLower = new HashMap<>();
            for (String value : distinct.apply(column)) {
                if (value != null && !value.isBlank() && value.length() <= 200) {
                    byLower.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
                }
            }
            if (!byLower.isEmpty()) {
                values.put(column, byLower);
            }
        }
        return values.isEmpty() ? EMPTY : new NameIndex(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The best match of a phrase (lower case): a whole stored value first, then a word that the
     * values of one column hold, then the same with one edit of spelling (words of 5 letters or
     * more). Columns in table order; the first that matches wins.
     */
    public Optional<Match> find(String phrase) {
        for (var column : values.entrySet()) {
            String value = column.getValue().get(phrase);
            if (value != null) {
                return Optional.of(new Match(column.getKey(), value, true, false));
            }
        }
        if (phrase.contains(" ")) {
            return Optional.empty();
        }
        for (var column : words.entrySet()) {
            if (column.getValue().containsKey(phrase)) {
                return Optional.of(new Match(column.getKey(), phrase, false, false));
            }
        }
        if (phrase.length() >= 5) {
            List<String> keys = deletionsOf(phrase);
            for (var column : deletions.entrySet()) {
                for (String key : keys) {
                    for (String word : column.getValue().getOrDefault(key, List.of())) {
                        if (LEVENSHTEIN.apply(word, phrase) == 1) {
                            return Optional.of(new Match(column.getKey(), word, false, true));
                        }
                    }
                }
            }
        }
        return Optional.empty();
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
