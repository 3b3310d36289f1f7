package io.rowdesk.search;

import io.rowdesk.search.LocalTranslator.Translation;
import io.rowdesk.search.semantic.SemanticMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared state of one translation, handed to each {@link PhraseRule} in order: the normalised
 * text and its word spans, which characters earlier rules used, what they found (conditions, sort,
 * limit, groups, aggregates, asked columns), and the lookups over the relation's {@link
 * Vocabulary}. Rules only add to it; whatever content word no rule used is reported as unmatched.
 */
final class ParseState {
    static final Set<String> STOPWORDS = LocalTranslator.STOPWORDS;
    private static final Pattern WORD = Pattern.compile("[a-z0-9$][a-z0-9$.,'+&-]*");
    private static final Pattern LISTED_AFTER =
            Pattern.compile("^ ?,? ?(?:and|or|nor)? ?(?:the |a |an )?$");
    private static final Pattern DIRECTION_BEFORE =
            Pattern.compile("\\b(to|into|towards|from|out of) (?:the )?$");
    private static final Set<String> ENDS =
            Set.of("to", "destination", "dest", "dropoff", "arrival", "target", "end", "recipient");
    private static final Set<String> STARTS =
            Set.of("from", "origin", "pickup", "departure", "source", "start", "sender");
    private static final Pattern NAME_SUFFIX = Pattern.compile("_(?:name|title|label)$");
    private static final Pattern BY_OR_ON = Pattern.compile("\\b(?:by|on) ");
    private static final Pattern FILLER_BEFORE_COLUMN = Pattern.compile(" ?(?:by |in |of |on )?");
    private static final Pattern NEGATION_BEFORE =
            Pattern.compile(
                    "\\b(?<negation>not|non|except|excluding|exclude|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|hadn't|won't|never|other than|outside|without|no)"
                            + "(?: (?:from|to|in|on|at|the|a|an|of|for|by|via|with|made|sold|paid|run|owned|operated|been|be|yet|ever"
                            // auxiliaries and verb forms: "don't have a spa", "not going by road",
                            // "not booked direct"
                            + "|have|has|had|go|goes|went|get|gets|[a-z]{2,}(?:ed|ing)))* ?$");

    /** A condition and where in the text it came from. */
    record Found(int start, int end, Condition condition) {}

    /** A column phrase found in the text. */
    record Span(int start, int end, String column) {}

    final String text;
    final Vocabulary vocabulary;
    final SemanticMatcher semantic;
    final LocalDate today;
    private final boolean[] used;
    private final List<int[]> words;
    final List<Found> conditions = new ArrayList<>();
    final List<QuerySpec.Sort> sort = new ArrayList<>();
    final List<QuerySpec.Group> groups = new ArrayList<>();
    final List<QuerySpec.Aggregate> aggregates = new ArrayList<>();
    Integer limit;
    // the asked columns of a row list, DISTINCT, and conditions on a grouped answer's aggregates
    final List<String> columns = new ArrayList<>();
    boolean distinct;
    final List<QuerySpec.Having> having = new ArrayList<>();

    ParseState(String text, Vocabulary vocabulary, SemanticMatcher semantic, LocalDate today) {
        this.text = text;
        this.vocabulary = vocabulary;
        this.semantic = semantic;
        this.today = today;
        this.used = new boolean[text.length() + 1];
        this.words = spans(text);
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && ".,'".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            spans.add(new int[] {m.start(), end});
        }
        return spans;
    }

    /**
     * The column a noun names as a thing to group by or ask for: the column itself ("city"), else
     * the name of that entity ("products" for product_name, "books" for book_title), else its id
     * ("members" for member_id, not member_type: an attribute is not the thing), else another of
     * its text columns.
     */
    Optional<String> entityColumn(String phrase) {
        Optional<String> column = vocabulary.column(phrase);
        if (column.isPresent()) {
            return column;
        }
        String entity = Vocabulary.singular(phrase.replace(' ', '_'));
        String byName = null;
        String byText = null;
        String byId = null;
        for (String candidate : vocabulary.columns()) {
            // "restaurants" for rest_name, "employees" for emp_name: the entity's word or its
            // first three letters or more
            String head = candidate.split("_")[0];
            boolean named =
                    candidate.startsWith(entity + "_")
                            || candidate.contains("_")
                                    && !entity.contains("_")
                                    && head.length() >= 3
                                    && entity.length() > head.length() + 1
                                    && entity.startsWith(head);
            if (!named) {
                continue;
            }
            if (vocabulary.isText(candidate) && NAME_SUFFIX.matcher(candidate).find()) {
                byName = byName == null || candidate.endsWith("_name") ? candidate : byName;
            } else if (vocabulary.isText(candidate)) {
                byText = byText == null ? candidate : byText;
            } else if (candidate.endsWith("_id")) {
                byId = candidate;
            }
        }
        return Optional.ofNullable(byName != null ? byName : byId != null ? byId : byText);
    }

    /** The most rows a limit asks for; larger numbers mean "all of them" up to the row cap. */
    static final int MAX_LIMIT = 1_000_000;

    /** A limit as written ("top 10"), capped at {@link #MAX_LIMIT}; digits only. */
    static int count(String digits) {
        if (digits.length() > 9) {
            return MAX_LIMIT;
        }
        return (int) Math.min(Long.parseLong(digits), MAX_LIMIT);
    }

    /**
     * An unused word naming a relation the view joins, right after [start, end) ("pending
     * referrers") or right before it with at most filler words between ("referrers who are
     * pending", "partners in brazil").
     */
    Optional<int[]> joinedRelationNextTo(int start, int end) {
        List<int[]> spans = words();
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            if (isUsed(span[0], span[1])
                    || vocabulary.joinedRelation(text.substring(span[0], span[1])).isEmpty()) {
                continue;
            }
            boolean after = span[0] >= end && text.substring(end, span[0]).isBlank();
            boolean before = span[1] <= start && onlyFillerBetween(span[1], start);
            if (after || before) {
                return Optional.of(span);
            }
        }
        return Optional.empty();
    }

    /** True when the word at this span has not been used by any rule. */
    boolean free(int[] span) {
        return !isUsed(span[0], span[1]);
    }

    /** The word spans {start, end} of the text, computed once. */
    List<int[]> words() {
        return words;
    }

    Optional<Span> byColumnAfter(
            int position, int maxWords, java.util.function.Predicate<String> accept) {
        Matcher by = BY_OR_ON.matcher(text).region(position, text.length());
        if (!by.find()) {
            return Optional.empty();
        }
        long wordsBetween =
                words().stream().filter(w -> w[0] >= position && w[1] <= by.start()).count();
        if (wordsBetween > maxWords) {
            return Optional.empty();
        }
        Optional<Span> column = columnAt(by.end(), accept);
        column.ifPresent(c -> use(by.start(), by.end()));
        return column;
    }

    Vocabulary.ValueRef pick(List<Vocabulary.ValueRef> refs, int start) {
        return pick(refs, start, start);
    }

    /**
     * Which column a value found at [start, end) belongs to when several hold it: the column of a
     * value it is listed after ("seniors or children"), else the column named just before it, else
     * (in a view) the column that came from the joined relation named next to it ("pending
     * referrers" → program_status, from referrers), else the first in column order.
     */
    Vocabulary.ValueRef pick(List<Vocabulary.ValueRef> refs, int start, int end) {
        if (refs.size() == 1) {
            return refs.get(0);
        }
        Optional<int[]> joined = joinedRelationNextTo(start, end);
        if (joined.isPresent()) {
            String origin =
                    vocabulary
                            .joinedRelation(text.substring(joined.get()[0], joined.get()[1]))
                            .orElseThrow();
            List<Vocabulary.ValueRef> fromIt =
                    refs.stream()
                            .filter(
                                    r ->
                                            vocabulary
                                                    .origin(r.column())
                                                    .filter(origin::equals)
                                                    .isPresent())
                            .toList();
            if (fromIt.size() == 1) {
                use(joined.get()[0], joined.get()[1]);
                return fromIt.get(0);
            }
        }
        // "train station or the stadium": a value listed after another keeps its column
        for (Found found : conditions) {
            if (found.condition() instanceof Condition.InSet in
                    && found.end() <= start
                    && LISTED_AFTER.matcher(text.substring(found.end(), start)).matches()) {
                for (Vocabulary.ValueRef ref : refs) {
                    if (ref.column().equals(in.column())) {
                        return ref;
                    }
                }
            }
        }
        // "flights to lisbon": where things go is the column of ends (destination, dropoff_zone)
        Matcher direction = DIRECTION_BEFORE.matcher(text.substring(0, start));
        if (direction.find()) {
            Set<String> ends = direction.group(1).matches("from|out of") ? STARTS : ENDS;
            List<Vocabulary.ValueRef> directed =
                    refs.stream()
                            .filter(
                                    r ->
                                            Arrays.stream(r.column().split("_"))
                                                    .anyMatch(ends::contains))
                            .toList();
            if (directed.size() == 1) {
                return directed.get(0);
            }
        }
        Optional<Span> before = columnBefore(start, c -> true);
        if (before.isPresent()) {
            for (Vocabulary.ValueRef ref : refs) {
                if (ref.column().equals(before.get().column())) {
                    use(before.get().start(), before.get().end());
                    return ref;
                }
            }
        }
        List<String> order = vocabulary.columns();
        return refs.stream()
                .min(java.util.Comparator.comparingInt(r -> order.indexOf(r.column())))
                .orElseThrow();
    }

    void addValue(int start, int end, Vocabulary.ValueRef ref, boolean negated) {
        for (int i = 0; i < conditions.size(); i++) {
            Found found = conditions.get(i);
            if (found.condition() instanceof Condition.InSet in
                    && in.column().equals(ref.column())
                    && in.negated() == negated) {
                List<Object> values = new ArrayList<>(in.values());
                if (!values.contains(ref.value())) {
                    values.add(ref.value());
                }
                conditions.set(
                        i,
                        new Found(
                                Math.min(found.start(), start),
                                Math.max(found.end(), end),
                                new Condition.InSet(
                                        ref.column(),
                                        values,
                                        negated,
                                        valueLabel(ref.column(), values, negated))));
                return;
            }
        }
        conditions.add(
                new Found(
                        start,
                        end,
                        new Condition.InSet(
                                ref.column(),
                                List.of(ref.value()),
                                negated,
                                valueLabel(ref.column(), List.of(ref.value()), negated))));
    }

    static String valueLabel(String column, List<Object> values, boolean negated) {
        String word = column.replace('_', ' ');
        if (values.size() == 1) {
            return word + (negated ? " is not " : " is ") + values.get(0);
        }
        return word
                + (negated ? " is none of " : " is one of ")
                + String.join(", ", values.stream().map(String::valueOf).toList());
    }

    boolean onlyFillerBetween(int from, int to) {
        for (int[] word : words()) {
            if (word[0] >= from
                    && word[1] <= to
                    && !STOPWORDS.contains(text.substring(word[0], word[1]))
                    && !vocabulary.isRelationWord(text.substring(word[0], word[1]))) {
                return false;
            }
        }
        return true;
    }

    boolean constrained(String column) {
        for (Found found : conditions) {
            if (mentions(found.condition(), column)) {
                return true;
            }
        }
        return groups.stream().anyMatch(g -> g.column().equals(column))
                || aggregates.stream().anyMatch(a -> column.equals(a.column()))
                || sort.stream().anyMatch(o -> o.column().equals(column));
    }

    static boolean mentions(Condition condition, String column) {
        if (condition instanceof Condition.AnyOf any) {
            return any.alternatives().stream().anyMatch(c -> mentions(c, column));
        }
        if (condition instanceof Condition.InSet in) {
            return in.column().equals(column);
        }
        if (condition instanceof Condition.Compare c) {
            return c.column().equals(column);
        }
        if (condition instanceof Condition.Range r) {
            return r.column().equals(column);
        }
        if (condition instanceof Condition.Text t) {
            return t.column().equals(column);
        }
        return condition instanceof Condition.IsNull n && n.column().equals(column);
    }

    Translation result() {
        List<String> unmatched = new ArrayList<>();
        int content = 0;
        for (int[] span : words()) {
            String word = text.substring(span[0], span[1]);
            if (STOPWORDS.contains(word) && !isUsed(span[0], span[1])) {
                continue;
            }
            content++;
            if (!isUsedAll(span[0], span[1]) && !usedPossessive(span[0], span[1])) {
                unmatched.add(word);
            }
        }
        double understood = content == 0 ? 1.0 : 1.0 - (double) unmatched.size() / content;
        List<QuerySpec.Aggregate> distinctAggregates = aggregates.stream().distinct().toList();
        aggregates.clear();
        aggregates.addAll(distinctAggregates);
        boolean aggregate = !aggregates.isEmpty() || !groups.isEmpty();
        if (aggregate) {
            // a grouped answer sorts by what it outputs: "top 10 by amount" means sum_amount there
            List<QuerySpec.Sort> mapped = new ArrayList<>();
            for (QuerySpec.Sort s : sort) {
                if (groups.stream()
                                .anyMatch(g -> g.grain() == null && g.column().equals(s.column()))
                        || aggregates.stream().anyMatch(a -> a.alias().equals(s.column()))) {
                    mapped.add(s);
                    continue;
                }
                aggregates.stream()
                        .filter(a -> s.column().equals(a.column()))
                        .findFirst()
                        .ifPresent(a -> mapped.add(new QuerySpec.Sort(a.alias(), s.descending())));
            }
            sort.clear();
            sort.addAll(mapped);
            if (groups.isEmpty()) {
                // one row: a limit or an order says nothing
                sort.clear();
                limit = null;
            }
        }
        if (limit != null && sort.isEmpty() && aggregates.isEmpty()) {
            String key = vocabulary.keyColumn();
            if (key != null) {
                sort.add(new QuerySpec.Sort(key, false));
            }
        }
        List<Condition> list =
                conditions.stream()
                        .sorted(java.util.Comparator.comparingInt(Found::start))
                        .map(Found::condition)
                        .toList();
        QuerySpec spec =
                new QuerySpec(
                        vocabulary.relation().name(),
                        list,
                        dedupe(sort),
                        limit,
                        groups,
                        aggregates,
                        aggregate ? List.of() : columns,
                        !aggregate && distinct && !columns.isEmpty(),
                        aggregate ? having : List.of());
        return new Translation(spec, understood, unmatched);
    }

    private static List<QuerySpec.Sort> dedupe(List<QuerySpec.Sort> sorts) {
        List<QuerySpec.Sort> out = new ArrayList<>();
        for (QuerySpec.Sort s : sorts) {
            if (out.stream().noneMatch(o -> o.column().equals(s.column()))) {
                out.add(s);
            }
        }
        return out;
    }

    Optional<Span> columnBefore(int position, java.util.function.Predicate<String> accept) {
        List<int[]> spans = words();
        int last = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[1] <= position) {
                last = i;
            }
        }
        for (int skip = 0; skip <= 2 && last - skip >= 0; skip++) {
            int endIndex = last - skip;
            for (int n = Math.min(4, endIndex + 1); n >= 1; n--) {
                int start = spans.get(endIndex - n + 1)[0];
                int end = spans.get(endIndex)[1];
                Optional<String> column = vocabulary.column(text.substring(start, end));
                if (column.isPresent() && accept.test(column.get()) && !isUsed(start, end)) {
                    return Optional.of(new Span(start, end, column.get()));
                }
            }
            String word = text.substring(spans.get(endIndex)[0], spans.get(endIndex)[1]);
            if (!STOPWORDS.contains(word)
                    && !isUsed(spans.get(endIndex)[0], spans.get(endIndex)[1])) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    Optional<Span> columnAt(int position, java.util.function.Predicate<String> accept) {
        List<int[]> spans = words();
        int first = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[0] >= position) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        for (int n = Math.min(4, spans.size() - first); n >= 1; n--) {
            int start = spans.get(first)[0];
            int end = spans.get(first + n - 1)[1];
            Optional<String> column = vocabulary.column(text.substring(start, end));
            if (column.isPresent() && accept.test(column.get()) && !isUsed(start, end)) {
                return Optional.of(new Span(start, end, column.get()));
            }
        }
        return Optional.empty();
    }

    Optional<Span> columnEndingAt(int position, java.util.function.Predicate<String> accept) {
        List<int[]> spans = words();
        int last = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[1] == position) {
                last = i;
            }
        }
        for (int n = Math.min(4, last + 1); n >= 1 && last >= 0; n--) {
            int start = spans.get(last - n + 1)[0];
            Optional<String> column = vocabulary.column(text.substring(start, position));
            if (column.isPresent() && accept.test(column.get()) && !isUsed(start, position)) {
                return Optional.of(new Span(start, position, column.get()));
            }
        }
        return Optional.empty();
    }

    Optional<Span> columnWithin(
            int position, int maxWords, java.util.function.Predicate<String> accept) {
        int seen = 0;
        for (int[] word : words()) {
            if (word[0] < position) {
                continue;
            }
            Optional<Span> column = columnAt(word[0], accept);
            if (column.isPresent()) {
                return column;
            }
            String w = text.substring(word[0], word[1]);
            if (vocabulary.column(w).isPresent() || ++seen > maxWords) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    Optional<Span> nextColumn(int position, java.util.function.Predicate<String> accept) {
        Matcher filler = FILLER_BEFORE_COLUMN.matcher(text).region(position, text.length());
        int at = filler.lookingAt() ? filler.end() : position;
        return columnAt(at, accept);
    }

    boolean precededByNegation(int start) {
        return negationStart(start) != start;
    }

    int negationStart(int start) {
        String before = text.substring(0, start);
        Matcher m = NEGATION_BEFORE.matcher(before);
        return m.find() ? m.start() : start;
    }

    /** "today's": the word before its 's was used. */
    private boolean usedPossessive(int start, int end) {
        return end - start > 2 && text.startsWith("'s", end - 2) && isUsedAll(start, end - 2);
    }

    boolean isUsed(int start, int end) {
        for (int i = start; i < end; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }

    boolean isUsedAll(int start, int end) {
        for (int i = start; i < end; i++) {
            if (!used[i]) {
                return false;
            }
        }
        return true;
    }

    void use(int start, int end) {
        for (int i = start; i < end; i++) {
            used[i] = true;
        }
    }
}
