package io.rowdesk.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each value once: "all the different languages", "which payment methods are used", "all brands,
 * sorted alphabetically" (a category column asked for on its own) → SELECT DISTINCT; "sorted
 * alphabetically" / "a-z" orders by it.
 */
final class DistinctRule implements PhraseRule {
    private static final Pattern DIFFERENT =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|get|give me|return|what are|which are) )?(?:all (?:of )?)?(?:the )?(?:different|distinct|unique) (?<column>[a-z0-9_ ]+?)(?=$|,| (?:are|is|in|of|for|with|that|used|sorted|ordered|alphabetically)\\b)");
    private static final Pattern ALL =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|get|give me|return) )?(?:all|which|what) (?:the )?(?<column>[a-z0-9_ ]+?)(?: (?:are|is) (?:used|there|in use|available|possible))?(?=$|,| (?:sorted|ordered|alphabetically|in alphabetical)\\b)");
    private static final Pattern KIND = Pattern.compile(" (?:methods?|types?|kinds?|values?)$");
    private static final Pattern ALPHABETICAL =
            Pattern.compile(
                    ",? ?(?:(?:sorted|ordered) )?(?:alphabetically|in alphabetical order|a-z|a to z)\\b");

    @Override
    public void match(ParseState s) {
        Matcher m = DIFFERENT.matcher(s.text);
        boolean found = m.find() && distinct(s, m);
        if (!found) {
            m = ALL.matcher(s.text);
            found = m.find() && distinct(s, m);
        }
        Matcher alphabetical = ALPHABETICAL.matcher(s.text);
        if (alphabetical.find() && !s.isUsed(alphabetical.start(), alphabetical.end())) {
            String column = !s.columns.isEmpty() ? s.columns.get(0) : s.vocabulary.textColumn();
            if (column != null) {
                s.sort.add(new QuerySpec.Sort(column, false));
                s.use(alphabetical.start(), alphabetical.end());
            }
        }
    }

    private static boolean distinct(ParseState s, Matcher m) {
        if (s.isUsed(m.start(), m.end())) {
            return false;
        }
        String words = m.group("column");
        int end = m.end("column");
        Optional<String> column = lookup(s, words);
        Matcher kind = KIND.matcher(words);
        if (column.isEmpty() && kind.find()) {
            // "payment methods": the column word and a word for its values
            column = lookup(s, words.substring(0, kind.start()));
        }
        if (column.isEmpty()
                || column.get().equals(s.vocabulary.keyColumn())
                || s.vocabulary.isTemporal(column.get())) {
            return false;
        }
        s.columns.add(column.get());
        s.distinct = true;
        s.use(m.start(), Math.max(end, m.end()));
        return true;
    }

    private static Optional<String> lookup(ParseState s, String words) {
        return words.isBlank() || s.vocabulary.isRelationWord(words)
                ? Optional.empty()
                : s.vocabulary.column(words);
    }
}
