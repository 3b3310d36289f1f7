package io.rowdesk.search;

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
    private static final Pattern WHICH =
            Pattern.compile(
                    "^(?:which|what) (?:(?<count>\\d+) )?(?<group>[a-z0-9_ ]+?) (?:has|have|had|gets?|got|sees?|saw) the "
                            + "(?<direction>most|highest|largest|biggest|greatest|fewest|lowest|smallest|least) "
                            + "(?:(?<function>total|average|avg|mean|number of) )?(?<measure>[a-z0-9_ ]+?)$");

    /** "class type with the most no-shows", "customer with the fewest orders": counts only. */
    private static final Pattern WITH =
            Pattern.compile(
                    "^(?:the )?(?:(?<count>\\d+) )?(?<group>[a-z0-9_ ]+?) with the "
                            // no word for the aggregate: the group never matches
                            + "(?<direction>most|fewest|least) (?<function>(?!))?(?<measure>[a-z0-9_ -]+?)$");

    @Override
    public void match(ParseState s) {
        Matcher m = WHICH.matcher(s.text);
        boolean counted = false;
        if (!m.find()) {
            m = WITH.matcher(s.text);
            counted = true;
            if (!m.find()) {
                return;
            }
        }
        if (s.vocabulary.isRelationWord(m.group("group"))) {
            return;
        }
        Optional<String> group = s.entityColumn(m.group("group"));
        if (group.isEmpty()
                || s.vocabulary.isNumeric(group.get()) && !group.get().endsWith("_id")) {
            return;
        }
        Optional<Measured> measured = counted ? count(s, m) : measure(s, m);
        if (measured.isEmpty()) {
            return;
        }
        QuerySpec.Aggregate aggregate = measured.get().aggregate();
        s.groups.add(new QuerySpec.Group(group.get(), null));
        s.aggregates.add(aggregate);
        s.sort.add(
                new QuerySpec.Sort(
                        aggregate.alias(),
                        !m.group("direction").matches("fewest|lowest|smallest|least")));
        s.limit = m.group("count") == null ? 1 : ParseState.count(m.group("count"));
        s.use(m.start(), m.end("direction"));
        if (m.group("function") != null) {
            s.use(m.start("function"), m.end("function"));
        }
        s.use(measured.get().start(), m.end("measure"));
    }

    /** The aggregate and where its words start: a count of the relation's rows, else a column's. */
    private record Measured(QuerySpec.Aggregate aggregate, int start) {}

    /**
     * "with the most no-shows": rows of the relation, or of a stored value (its words left to
     * ValueRule); a column's measure is left to {@link SuperlativeRule} ("product with the most
     * stock" is a row).
     */
    private static Optional<Measured> count(ParseState s, Matcher m) {
        String words = m.group("measure");
        String last = words.substring(words.lastIndexOf(' ') + 1);
        QuerySpec.Aggregate count =
                new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null);
        if (s.vocabulary.isRelationWord(last)) {
            return Optional.of(new Measured(count, m.end("measure") - last.length()));
        }
        String spaced = Vocabulary.singular(words.replace('-', ' '));
        // "the most rejections" of stage 'rejected': another form of a stored value counts too
        return java.util.stream.Stream.of(words, last, spaced, spaced.replace(' ', '_'))
                                .allMatch(w -> s.vocabulary.values(w).isEmpty())
                        && s.vocabulary.stemValues(last).isEmpty()
                ? Optional.empty()
                : Optional.of(new Measured(count, m.end("measure")));
    }

    private static Optional<Measured> measure(ParseState s, Matcher m) {
        String words = m.group("measure");
        String function = m.group("function");
        int start = m.start("measure");
        String last = words.substring(words.lastIndexOf(' ') + 1);
        if ((function == null || function.equals("number of"))
                && s.vocabulary.isRelationWord(last)) {
            // "the most ebook loans": the words before the relation's name are left to the others
            return Optional.of(
                    new Measured(
                            new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null),
                            m.end("measure") - last.length()));
        }
        Optional<String> column = s.vocabulary.column(words).filter(s.vocabulary::isNumeric);
        if (column.isEmpty() && (function == null || "number of".equals(function))) {
            // "which recruiter has the most rejections": rows of a stored value
            return count(s, m);
        }
        if (column.isEmpty() || "number of".equals(function)) {
            return Optional.empty();
        }
        // without a word for it, amounts and counts add up; ratings, ages and scores average
        boolean additive =
                column.get().equals(s.vocabulary.moneyColumn())
                        || s.vocabulary.isCount(column.get());
        QuerySpec.Aggregate.Function aggregate =
                "total".equals(function) || function == null && additive
                        ? QuerySpec.Aggregate.Function.SUM
                        : QuerySpec.Aggregate.Function.AVG;
        return Optional.of(new Measured(new QuerySpec.Aggregate(aggregate, column.get()), start));
    }
}
