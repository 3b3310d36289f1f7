package io.rowdesk.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each value once: "all the different languages", "which payment methods are used", "which formats
 * get borrowed", "which payment methods do riders use", "which departments have remote employees",
 * "which airlines fly to lisbon" (a word no column, value or rule knows taken for the verb), "all
 * brands, sorted alphabetically" (a category column asked for on its own) → SELECT DISTINCT;
 * "sorted alphabetically" / "a-z" orders by it.
 */
final class DistinctRule implements PhraseRule {
    private static final Pattern DIFFERENT =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|get|give me|return|what are|which are) )?(?:all (?:of )?)?(?:the )?(?:different|distinct|unique) (?<column>[a-z0-9_ ]+?)(?=$|,| (?:are|is|in|of|for|with|that|used|sorted|ordered|alphabetically|by|seen|[a-z]+ed)\\b)");
    private static final Pattern ALL =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|get|give me|return) )?(?:all|which|what|(?<=^(?:list|show|show me) )the) (?:the )?(?<column>[a-z0-9_ ]+?)(?: (?:are|is) (?:used|there|in use|available|possible))?(?=$|,| (?:sorted|ordered|alphabetically|in alphabetical)\\b)");

    /**
     * "which payment methods do riders use", "which insurers appear on visits", "which formats get
     * borrowed": the values of X that occur; the words between are left to the other rules.
     */
    private static final Pattern WHICH_DO =
            Pattern.compile(
                    "^(?:which|what) (?:the )?(?<column>[a-z0-9_ ]+?)(?= (?:do|does|did|appear|appears|occur|occurs|exist|exists)\\b| (?:get|gets|got) [a-z]+$| (?:have|has|had|got|get|gets|received|receive|saw|see|are|is|were|was)\\b(?! (?:more|fewer|less|over|under|above|below|at least|at most|the|no|zero|\\d)))");

    /** "(do engineers) work (in)": the verb that ends such a question relates who and X. */
    private static final Pattern LAST_VERB =
            Pattern.compile(
                    "\\b(?<verb>[a-z]+)(?: (?:in|at|on|from|to|with|for|by|through|into|via|about))?$");

    /** The verb that closes such a question: "(do riders) use", "(do we) have", "appear". */
    private static final Pattern CLOSING_VERB =
            Pattern.compile(
                    "\\b(?:do|does|did|use|uses|have|has|had|got|get|gets|received|receive|saw|see|appear|appears|occur|occurs|exist|exists)\\b");

    /** "get borrowed": a verb of the relation's own event (a date column's word) after get. */
    private static final Pattern GET_VERB = Pattern.compile("\\b(?:get|gets|got) (?<verb>[a-z]+)$");

    private static final Pattern DO = Pattern.compile(" (?:do|does|did) ");

    /** "which airlines fly to lisbon": X, then a word no column, value or rule knows (a verb). */
    private static final Pattern WHICH_VERB =
            Pattern.compile("^which (?:the )?(?<column>[a-z0-9_ ]+?) (?<verb>[a-z]+) (?=[a-z0-9])");

    private static final Pattern KIND = Pattern.compile(" (?:methods?|types?|kinds?|values?)$");
    private static final Pattern ALPHABETICAL =
            Pattern.compile(
                    ",? ?(?:(?:sorted|ordered) )?(?:alphabetically|in alphabetical order|a-z|a to z)\\b");

    @Override
    public void match(ParseState s) {
        if (GroupSuperlativeRule.USED_MOST.matcher(s.text).find()) {
            // "which payment method is used most": the one seen most often, not each value once
            return;
        }
        Matcher m = DIFFERENT.matcher(s.text);
        boolean found = m.find() && distinct(s, m);
        if (!found) {
            m = ALL.matcher(s.text);
            found = m.find() && distinct(s, m);
        }
        if (!found) {
            m = WHICH_DO.matcher(s.text);
            found = m.find() && distinct(s, m);
            if (found) {
                closingVerbs(s, m.end());
            }
        }
        if (!found) {
            m = WHICH_VERB.matcher(s.text);
            // "which instructor teaches the cheapest course" asks for a row, left to the others
            if (m.find()
                    && unknownWord(s, m.group("verb"))
                    && !SUPERLATIVE.matcher(s.text).find()
                    && distinct(s, m)) {
                s.use(m.start("verb"), m.end("verb"));
            }
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
        // "which promo codes have been used": a missing value is none of them
        if (s.text.matches(".*\\bused\\b.*")) {
            s.conditions.add(
                    new ParseState.Found(
                            m.start("column"),
                            m.start("column"),
                            new Condition.IsNull(
                                    column.get(),
                                    false,
                                    column.get().replace('_', ' ') + " is set")));
        }
        s.use(m.start(), Math.max(end, m.end()));
        return true;
    }

    private static void closingVerbs(ParseState s, int from) {
        Matcher verb = CLOSING_VERB.matcher(s.text).region(from, s.text.length());
        while (verb.find()) {
            s.use(verb.start(), verb.end());
        }
        Matcher last = LAST_VERB.matcher(s.text).region(from, s.text.length());
        if (DO.matcher(s.text).region(from, s.text.length()).lookingAt()
                && last.find()
                && s.vocabulary
                        .column(last.group("verb"))
                        .filter(c -> !s.vocabulary.isTemporal(c))
                        .isEmpty()
                && s.vocabulary.values(last.group("verb")).isEmpty()
                && !s.vocabulary.isRelationWord(last.group("verb"))) {
            s.use(last.start(), last.end());
        }
        // "(do) riders (use)": who does it, when the columns name them (rider_rating), says no more
        for (int[] span : s.words()) {
            String word = s.text.substring(span[0], span[1]);
            if (span[0] >= from && s.free(span) && !s.vocabulary.qualifierColumns(word).isEmpty()) {
                s.use(span[0], span[1]);
            }
        }
        Matcher get = GET_VERB.matcher(s.text).region(from, s.text.length());
        if (get.find()
                && s.vocabulary
                        .column(get.group("verb"))
                        .filter(s.vocabulary::isTemporal)
                        .isPresent()) {
            s.use(get.start(), get.end());
        }
    }

    private static boolean unknownWord(ParseState s, String word) {
        return !ParseState.STOPWORDS.contains(word)
                && !SUPERLATIVE_OR_COMPARISON.matcher(word).matches()
                && s.vocabulary.column(word).isEmpty()
                && s.vocabulary.values(word).isEmpty()
                && s.vocabulary.partialValues(word).isEmpty()
                && s.vocabulary.stemValues(word).isEmpty()
                && !s.vocabulary.isRelationWord(word);
    }

    private static final Pattern SUPERLATIVE =
            Pattern.compile("\\b(?:[a-z]+est|most|least|fewest|top|first|last)\\b");

    private static final Pattern SUPERLATIVE_OR_COMPARISON =
            Pattern.compile("[a-z]+est|most|least|more|less|fewer|[a-z]+er|not|no|never|[a-z]+n't");

    /** A column, or the name column of an entity ("owners" for owner_name). */
    private static Optional<String> lookup(ParseState s, String words) {
        return words.isBlank() || s.vocabulary.isRelationWord(words)
                ? Optional.empty()
                : s.vocabulary.column(words).or(() -> s.entityColumn(words));
    }
}
