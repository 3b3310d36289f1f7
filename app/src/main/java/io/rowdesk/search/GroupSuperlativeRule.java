package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "which branch has the most ebook loans", "which genre has the highest average rating", "which
 * city has the fewest rides": the one group (or the N groups) first by a measure, shown with that
 * measure (the branch and its count: what makes it the answer), as "top N X by Y" is. Words
 * describing the counted things ("ebook") are left to the other rules; a group word naming the
 * relation itself is left to {@link SuperlativeRule}.
 */
final class GroupSuperlativeRule implements PhraseRule {
    private static final String DIRECTION =
            "(?<direction>most|highest|largest|biggest|greatest|longest|best|top|fewest|lowest|smallest|least|shortest|worst)";

    /**
     * "which branch has the most loans", "which agent signed the most leases", "which buyer spent
     * the most", "which tier brings in the most revenue": any verb but a copula ("which hotel is
     * the most expensive" asks for a row).
     */
    private static final Pattern WHICH =
            Pattern.compile(
                    "^(?:(?:which|what) (?:(?<count>\\d+) )?(?<group>[a-z0-9_ ]+?)|(?<who>who)) (?:(?:has|have|had|did|does|do) (?=[a-z]+ed ))?(?!(?:is|are|was|were) )(?<verb>[a-z]+)(?: in| out| up)? the "
                            + DIRECTION
                            + "(?: (?:(?<function>total|average|avg|mean|number of) )?(?<measure>[a-z0-9_ ]+?))?$");

    /**
     * "class type with the most no-shows", "owner with the highest total asking rent": counts, or
     * an aggregate said with its word (without one, "product with the highest price" is a row).
     */
    private static final Pattern WITH =
            Pattern.compile(
                    "^(?:the )?(?:(?<count>\\d+) )?(?<who>(?!))?(?<group>[a-z0-9_ ]+?) with the "
                            + DIRECTION
                            + " (?:(?<function>total|average|avg|mean) )?(?<verb>(?!))?(?<measure>[a-z0-9_ -]+?)$");

    /** Verbs of paying: "which buyer spent the most" sums the money column. */
    private static final java.util.Set<String> MONEY_VERBS =
            java.util.Set.of(
                    "spent",
                    "spend",
                    "spends",
                    "paid",
                    "pay",
                    "pays",
                    "earned",
                    "earns",
                    "made",
                    "makes",
                    "brought",
                    "brings",
                    "generated",
                    "generates",
                    "billed",
                    "invoiced",
                    "charged",
                    "collected");

    /** "most common service type", "most popular payment plan": the value seen most often. */
    private static final Pattern COMMON =
            Pattern.compile(
                    "\\b(?:the )?(?<direction>most|least) (?:common|popular|frequent|frequently used|used|chosen) (?<group>[a-z0-9_ ]+?)(?= (?:in|among|for|on|at|this|last|since|before|during|of|from|by|with)\\b|$)");

    /** "which payment method is used most": the same, said with a verb. */
    static final Pattern USED_MOST =
            Pattern.compile(
                    "^(?:which|what) (?<group>[a-z0-9_ ]+?) (?:is|are|was|were|gets|get|got) (?:used|chosen|picked|booked|ordered|requested) (?:the )?(?<direction>most|least)(?: often)?\\b");

    private static boolean mostCommon(ParseState s) {
        for (Pattern pattern : List.of(COMMON, USED_MOST)) {
            Matcher m = pattern.matcher(s.text);
            if (!m.find() || s.isUsed(m.start(), m.end())) {
                continue;
            }
            Optional<String> group =
                    s.vocabulary.isRelationWord(m.group("group"))
                            ? Optional.empty()
                            : s.entityColumn(m.group("group"))
                                    .filter(c -> !s.vocabulary.isNumeric(c));
            if (group.isEmpty()) {
                continue;
            }
            QuerySpec.Aggregate count =
                    new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
            s.groups.add(new QuerySpec.Group(group.get(), null));
            s.aggregates.add(count);
            s.sort.add(new QuerySpec.Sort(count.alias(), m.group("direction").equals("most")));
            s.limit = 1;
            s.use(m.start(), m.end());
            return true;
        }
        return false;
    }

    @Override
    public void match(ParseState s) {
        if (mostCommon(s)) {
            return;
        }
        Matcher m = WHICH.matcher(s.text);
        boolean counted = false;
        if (!m.find()) {
            m = WITH.matcher(s.text);
            if (!m.find()) {
                return;
            }
            counted = m.group("function") == null;
            if (counted && !m.group("direction").matches("most|fewest|least")) {
                return;
            }
        }
        boolean who = m.group("who") != null;
        if (!who && s.vocabulary.isRelationWord(m.group("group"))) {
            return;
        }
        // "who worked the most overtime": the people the rows name
        Optional<String> group =
                who
                        ? Optional.ofNullable(s.vocabulary.textColumn())
                                .filter(c -> c.contains("name"))
                        : s.entityColumn(m.group("group"));
        if (group.isEmpty()
                || s.vocabulary.isNumeric(group.get()) && !group.get().endsWith("_id")) {
            return;
        }
        int measureEnd = m.group("measure") == null ? -1 : lastFreeEnd(s, m);
        Optional<Measured> measured;
        if (measureEnd < 0) {
            // "which buyer spent the most": money for a paying verb, else rows
            boolean money = m.group("verb") != null && MONEY_VERBS.contains(m.group("verb"));
            if (m.group("function") != null || money && s.vocabulary.moneyColumn() == null) {
                return;
            }
            measured =
                    Optional.of(
                            new Measured(
                                    money
                                            ? new QuerySpec.Aggregate(
                                                    QuerySpec.Aggregate.Function.SUM,
                                                    s.vocabulary.moneyColumn())
                                            : new QuerySpec.Aggregate(
                                                    QuerySpec.Aggregate.Function.COUNT, null),
                                    m.end("direction")));
            measureEnd = m.end("direction");
        } else {
            String words = s.text.substring(m.start("measure"), measureEnd);
            measured = counted ? count(s, words, measureEnd) : measure(s, m, words, measureEnd);
        }
        if (measured.isEmpty()) {
            return;
        }
        QuerySpec.Aggregate aggregate = measured.get().aggregate();
        s.groups.add(new QuerySpec.Group(group.get(), null));
        s.aggregates.add(aggregate);
        s.sort.add(
                new QuerySpec.Sort(
                        aggregate.alias(),
                        !m.group("direction")
                                .matches("fewest|lowest|smallest|least|shortest|worst")));
        s.limit = m.group("count") == null ? 1 : ParseState.count(m.group("count"));
        int groupEnd = who ? m.end("who") : m.end("group");
        s.use(m.start(), groupEnd);
        String verb = m.group("verb");
        if (verb != null && s.vocabulary.isValueWord(verb)) {
            // "which courier delivered the most orders": delivered is a status, left to ValueRule
            s.use(m.end("verb"), m.end("direction"));
        } else {
            s.use(groupEnd, m.end("direction"));
        }
        if (m.group("function") != null) {
            s.use(m.start("function"), m.end("function"));
        }
        s.use(measured.get().start(), measureEnd);
    }

    /** The end of the measure's last word no earlier rule used ("leases" of "leases last year"). */
    private static int lastFreeEnd(ParseState s, Matcher m) {
        int end = -1;
        for (int[] span : s.words()) {
            if (span[0] >= m.start("measure") && span[1] <= m.end("measure") && s.free(span)) {
                end = span[1];
            }
        }
        return end;
    }

    /** The aggregate and where its words start: a count of the relation's rows, else a column's. */
    private record Measured(QuerySpec.Aggregate aggregate, int start) {}

    /**
     * "with the most no-shows": rows of the relation, or of a stored value (its words left to
     * ValueRule); a column's measure is left to {@link SuperlativeRule} ("product with the most
     * stock" is a row).
     */
    private static Optional<Measured> count(ParseState s, String words, int end) {
        String last = words.substring(words.lastIndexOf(' ') + 1);
        QuerySpec.Aggregate count =
                new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
        if (s.vocabulary.isRelationWord(last)) {
            return Optional.of(new Measured(count, end - last.length()));
        }
        String spaced = Vocabulary.singular(words.replace('-', ' '));
        // "the most rejections" of stage 'rejected': another form of a stored value counts too;
        // "the most regressions" of is_regression: rows where a flag is true
        return java.util.stream.Stream.of(words, last, spaced, spaced.replace(' ', '_'))
                                .allMatch(w -> s.vocabulary.values(w).isEmpty())
                        && s.vocabulary.stemValues(last).isEmpty()
                        && s.vocabulary.column(words).filter(s.vocabulary::isBoolean).isEmpty()
                ? Optional.empty()
                : Optional.of(new Measured(count, end));
    }

    private static Optional<Measured> measure(ParseState s, Matcher m, String words, int end) {
        String function = m.group("function");
        int start = m.start("measure");
        String last = words.substring(words.lastIndexOf(' ') + 1);
        if ((function == null || function.equals("number of"))
                && s.vocabulary.isRelationWord(last)) {
            // "the most ebook loans": the words before the relation's name are left to the others
            return Optional.of(
                    new Measured(
                            new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null),
                            end - last.length()));
        }
        Optional<String> column = s.vocabulary.column(words).filter(s.vocabulary::isNumeric);
        if (m.group("verb") != null) {
            // "which site exported the most kwh": the verb tells kwh_exported from kwh_used
            Optional<String> withVerb =
                    s.vocabulary
                            .column(words + " " + m.group("verb"))
                            .filter(s.vocabulary::isNumeric);
            if (withVerb.isPresent()) {
                column = withVerb;
            }
        }
        if (column.isEmpty() && words.contains(" ") && Measures.namesMoney(last)) {
            // "the most bonus money": the column said before the word for money
            column =
                    s.vocabulary
                            .column(words.substring(0, words.lastIndexOf(' ')))
                            .filter(s.vocabulary::isNumeric);
        }
        if (column.isEmpty() && Measures.namesMoney(words)) {
            // "the most revenue" where no column is called so: the money column
            column = Optional.ofNullable(s.vocabulary.moneyColumn());
        }
        if (column.isEmpty() && (function == null || "number of".equals(function))) {
            // "which recruiter has the most rejections": rows of a stored value
            return count(s, words, end);
        }
        if (column.isEmpty() || "number of".equals(function)) {
            return Optional.empty();
        }
        // without a word for it, amounts and counts add up; ratings, ages and scores average
        boolean additive = s.vocabulary.isAdditive(column.get());
        QuerySpec.Aggregate.Function aggregate =
                "total".equals(function) || function == null && additive
                        ? QuerySpec.Aggregate.Function.SUM
                        : QuerySpec.Aggregate.Function.AVG;
        return Optional.of(new Measured(new QuerySpec.Aggregate(aggregate, column.get()), start));
    }
}
