package io.rowdesk.search;

import io.rowdesk.search.semantic.SemanticMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The instant, offline translator: reads a terse English search over one relation into a {@link
 * QuerySpec}. It works phrase class by phrase class (dates, numbers, sort and limit, aggregates,
 * text, nulls, category values with negation, "or"), marking the characters each phrase used;
 * whatever content word is left is reported, never silently dropped.
 */
public final class LocalTranslator {
    private static final Set<String> STOPWORDS =
            Set.of(
                    "show",
                    "me",
                    "list",
                    "all",
                    "the",
                    "a",
                    "an",
                    "of",
                    "with",
                    "for",
                    "in",
                    "on",
                    "from",
                    "to",
                    "and",
                    "that",
                    "which",
                    "who",
                    "whose",
                    "are",
                    "is",
                    "were",
                    "was",
                    "be",
                    "been",
                    "have",
                    "has",
                    "had",
                    "by",
                    "please",
                    "find",
                    "get",
                    "give",
                    "what",
                    "where",
                    "i",
                    "want",
                    "see",
                    "any",
                    "rows",
                    "records",
                    "entries",
                    "ones",
                    "them",
                    "their",
                    "there",
                    "only",
                    "just",
                    "do",
                    "does",
                    "did",
                    "we",
                    "our",
                    "my",
                    "it",
                    "its",
                    "at",
                    "as",
                    "than",
                    "this",
                    "these",
                    "those",
                    "status",
                    "currently",
                    "now",
                    "yet",
                    "so",
                    "far",
                    "total",
                    "each",
                    "every",
                    "per",
                    "many",
                    "much",
                    "how",
                    "or",
                    "s",
                    "'s",
                    "being",
                    "ever",
                    "still",
                    "made",
                    "via",
                    "out",
                    "items",
                    "item",
                    "using",
                    "through",
                    "into",
                    "across",
                    "over");
    private static final Pattern WORD = Pattern.compile("[a-z0-9$][a-z0-9$.,'+&-]*");
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(2);

    /**
     * The result: the query, how much of the question it covers, and the words it could not place.
     */
    public record Translation(QuerySpec spec, double understood, List<String> unmatched) {
        public boolean complete() {
            return unmatched.isEmpty();
        }
    }

    private final SemanticMatcher semantic;

    /** A translator without words close in meaning. */
    public LocalTranslator() {
        this(null);
    }

    /** {@code semantic} (may be null) matches words no rule placed to values close in meaning. */
    public LocalTranslator(SemanticMatcher semantic) {
        this.semantic = semantic;
    }

    public Translation translate(String question, Vocabulary vocabulary, LocalDate today) {
        Parse parse = new Parse(normalize(question), vocabulary, semantic);
        parse.dates(today);
        parse.sortAndLimit();
        parse.aggregates();
        parse.text();
        parse.numbers();
        parse.nulls();
        parse.relationWords();
        parse.values();
        parse.qualifiers();
        parse.closeInMeaning();
        parse.disjunctions();
        return parse.result();
    }

    static String normalize(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replace('“', '"')
                .replace('”', '"')
                .replaceAll("[?!;:()]", " ")
                .replaceAll("\\bnon-(?=[a-z])", "non ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** The state of one translation: the text, which characters are used, and what was found. */
    private static final class Parse {
        private final String text;
        private final Vocabulary vocabulary;
        private final boolean[] used;
        private final List<Found> conditions = new ArrayList<>();
        private final List<QuerySpec.Sort> sort = new ArrayList<>();
        private final List<QuerySpec.Group> groups = new ArrayList<>();
        private final List<QuerySpec.Aggregate> aggregates = new ArrayList<>();
        private Integer limit;

        /** A condition and where in the text it came from. */
        private record Found(int start, int end, Condition condition) {}

        private final SemanticMatcher semantic;

        Parse(String text, Vocabulary vocabulary, SemanticMatcher semantic) {
            this.text = text;
            this.vocabulary = vocabulary;
            this.semantic = semantic;
            this.used = new boolean[text.length() + 1];
        }

        // ---- dates ----
        void dates(LocalDate today) {
            for (DatePhrases.Match match : DatePhrases.find(text, today)) {
                if (isUsed(match.start(), match.end())) {
                    continue;
                }
                Optional<Span> named = columnBefore(match.start(), vocabulary::isTemporal);
                String column = named.map(Span::column).orElse(vocabulary.dateColumn());
                if (column == null) {
                    continue;
                }
                int start = named.map(Span::start).orElse(match.start());
                use(start, match.end());
                String word = column.replaceAll("_(at|on|date)$", "").replace('_', ' ');
                conditions.add(
                        new Found(
                                start,
                                match.end(),
                                new Condition.Range(
                                        column,
                                        match.from(),
                                        match.to(),
                                        false,
                                        word + " " + match.label())));
            }
        }

        // ---- sort and limit ----
        void sortAndLimit() {
            directional(
                    "(?:(\\d+) )?(?:most recent|newest|latest|recent)(?: (\\d+))?",
                    vocabulary.dateColumn(),
                    true);
            directional(
                    "(?:(\\d+) )?(?:oldest|earliest)(?: (\\d+))?", vocabulary.dateColumn(), false);
            directional(
                    "(?:(\\d+) )?(?:largest|biggest|highest|most expensive)(?: (\\d+))?",
                    null,
                    true);
            directional(
                    "(?:(\\d+) )?(?:smallest|lowest|cheapest|least expensive)(?: (\\d+))?",
                    null,
                    false);
            Matcher m = Pattern.compile("\\b(top|bottom|first|last) (\\d+)\\b").matcher(text);
            while (m.find()) {
                if (isUsed(m.start(), m.end())) {
                    continue;
                }
                boolean descending = !m.group(1).equals("bottom") && !m.group(1).equals("first");
                limit = Integer.parseInt(m.group(2));
                use(m.start(), m.end());
                Optional<Span> by = byColumnAfter(m.end(), 6, c -> true);
                if (by.isEmpty()) {
                    by = columnAt(m.end(), vocabulary::isNumeric);
                }
                if (by.isPresent()) {
                    sort.add(0, new QuerySpec.Sort(by.get().column(), descending));
                    use(by.get().start(), by.get().end());
                } else if (sort.isEmpty()) {
                    boolean byDate = m.group(1).equals("first") || m.group(1).equals("last");
                    String column = byDate ? vocabulary.dateColumn() : vocabulary.moneyColumn();
                    if (column != null) {
                        sort.add(new QuerySpec.Sort(column, descending));
                    }
                }
            }
            Matcher by =
                    Pattern.compile(
                                    "\\b(?:sorted|sort|ordered|order|ranked|rank) by ([a-z_ ]+?)(?: (desc|descending|asc|ascending))?\\b(?=$| )")
                            .matcher(text);
            while (by.find()) {
                Optional<Span> column = columnAt(by.start(1), c -> true);
                if (column.isPresent() && !isUsed(by.start(), column.get().end())) {
                    boolean desc = by.group(2) != null && by.group(2).startsWith("desc");
                    sort.add(new QuerySpec.Sort(column.get().column(), desc));
                    use(by.start(), by.group(2) != null ? by.end(2) : column.get().end());
                }
            }
            if (!sort.isEmpty()) {
                Matcher first =
                        Pattern.compile(
                                        "\\b(first|last|on top)$|\\b(desc|descending|asc|ascending)$")
                                .matcher(text);
                if (first.find() && !isUsed(first.start(), first.end())) {
                    use(first.start(), first.end());
                }
            }
        }

        /** "... by mrr" within the next few words. */
        private Optional<Span> byColumnAfter(
                int position, int maxWords, java.util.function.Predicate<String> accept) {
            Matcher by =
                    Pattern.compile("\\b(?:by|on) ").matcher(text).region(position, text.length());
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

        /**
         * "5 most recent", "cheapest", "largest 3 gmv": a sort on a date or the money column, maybe
         * a limit.
         */
        private void directional(String regex, String defaultColumn, boolean descending) {
            Matcher m = Pattern.compile("\\b" + regex + "\\b").matcher(text);
            while (m.find()) {
                if (isUsed(m.start(), m.end())) {
                    continue;
                }
                int end = m.end();
                Optional<Span> named = nextColumn(end, vocabulary::isNumeric);
                String column =
                        named.map(Span::column)
                                .orElse(
                                        defaultColumn != null
                                                ? defaultColumn
                                                : vocabulary.moneyColumn());
                if (defaultColumn != null) {
                    Optional<Span> dateNamed = nextColumn(end, vocabulary::isTemporal);
                    if (dateNamed.isPresent()) {
                        named = dateNamed;
                        column = dateNamed.get().column();
                    }
                }
                if (column == null) {
                    continue;
                }
                String count = m.group(1) != null ? m.group(1) : m.group(2);
                if (count != null) {
                    limit = Integer.parseInt(count);
                }
                sort.add(new QuerySpec.Sort(column, descending));
                int last = named.map(Span::end).orElse(end);
                use(m.start(), last);
                Matcher first =
                        Pattern.compile(" (first|on top)\\b")
                                .matcher(text)
                                .region(last, text.length());
                if (first.lookingAt()) {
                    use(first.start(), first.end());
                }
            }
        }

        // ---- aggregates ----
        void aggregates() {
            Matcher count =
                    Pattern.compile("\\b(how many|number of|count of|count|no\\. of|# of)\\b")
                            .matcher(text);
            if (count.find()) {
                aggregates.add(new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null));
                use(count.start(), count.end());
            }
            Matcher fn =
                    Pattern.compile(
                                    "\\b(total|sum of|sum|average|avg|mean|maximum|max|minimum|min)(?: of)? ")
                            .matcher(text);
            while (fn.find()) {
                if (isUsed(fn.start(), fn.end() - 1)) {
                    continue;
                }
                Optional<Span> column = columnWithin(fn.end(), 4, vocabulary::isNumeric);
                String name = column.map(Span::column).orElse(vocabulary.moneyColumn());
                if (name == null
                        || (column.isEmpty()
                                && fn.group(1).startsWith("m")
                                && !fn.group(1).startsWith("mean"))) {
                    continue;
                }
                QuerySpec.Aggregate.Function function =
                        switch (fn.group(1)) {
                            case "total", "sum", "sum of" -> QuerySpec.Aggregate.Function.SUM;
                            case "average", "avg", "mean" -> QuerySpec.Aggregate.Function.AVG;
                            case "maximum", "max" -> QuerySpec.Aggregate.Function.MAX;
                            default -> QuerySpec.Aggregate.Function.MIN;
                        };
                aggregates.add(new QuerySpec.Aggregate(function, name));
                use(fn.start(), fn.end() - 1);
            }
            for (QuerySpec.Aggregate aggregate : aggregates) {
                if (aggregate.column() != null) {
                    columnWithin(0, 99, c -> c.equals(aggregate.column()))
                            .ifPresent(span -> use(span.start(), span.end()));
                }
            }
            Matcher group =
                    Pattern.compile(
                                    "\\b(by|per|for each|for every|each|grouped by|broken down by|split by) ([a-z_ ]+)")
                            .matcher(text);
            while (group.find()) {
                int start = group.start(2);
                if (isUsed(group.start(), group.end(1))) {
                    continue;
                }
                Matcher grain =
                        Pattern.compile("(day|week|month|quarter|year)s?\\b")
                                .matcher(text)
                                .region(start, text.length());
                if (grain.lookingAt() && vocabulary.dateColumn() != null) {
                    groups.add(
                            new QuerySpec.Group(
                                    vocabulary.dateColumn(),
                                    QuerySpec.Group.DateGrain.valueOf(
                                            grain.group(1).toUpperCase(Locale.ROOT))));
                    use(group.start(), grain.end());
                    continue;
                }
                Optional<Span> column =
                        columnAt(start, c -> !vocabulary.isNumeric(c) || !aggregates.isEmpty());
                if (column.isPresent()) {
                    if (vocabulary.isNumeric(column.get().column())
                            && !vocabulary.isTemporal(column.get().column())
                            && aggregates.isEmpty()) {
                        continue;
                    }
                    groups.add(new QuerySpec.Group(column.get().column(), null));
                    use(group.start(), column.get().end());
                    // "by method and status": more group columns joined by "and" or ","
                    int end = column.get().end();
                    while (true) {
                        Matcher and =
                                Pattern.compile(",? (?:and|&|,) ")
                                        .matcher(text)
                                        .region(end, text.length());
                        if (!and.lookingAt()) {
                            break;
                        }
                        Optional<Span> next =
                                columnAt(
                                        and.end(),
                                        c -> !vocabulary.isNumeric(c) || vocabulary.isTemporal(c));
                        if (next.isEmpty()) {
                            break;
                        }
                        groups.add(new QuerySpec.Group(next.get().column(), null));
                        use(end, next.get().end());
                        end = next.get().end();
                    }
                }
            }
            Matcher monthly =
                    Pattern.compile("\\b(daily|weekly|monthly|quarterly|yearly|annually)\\b")
                            .matcher(text);
            while (monthly.find()
                    && (!aggregates.isEmpty() || !groups.isEmpty())
                    && vocabulary.dateColumn() != null) {
                String g =
                        switch (monthly.group(1)) {
                            case "daily" -> "DAY";
                            case "weekly" -> "WEEK";
                            case "monthly" -> "MONTH";
                            case "quarterly" -> "QUARTER";
                            default -> "YEAR";
                        };
                groups.add(
                        new QuerySpec.Group(
                                vocabulary.dateColumn(), QuerySpec.Group.DateGrain.valueOf(g)));
                use(monthly.start(), monthly.end());
            }
            if (!groups.isEmpty() && aggregates.isEmpty()) {
                aggregates.add(new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null));
            }
        }

        // ---- text ----
        void text() {
            String term = "(\"[^\"]+\"|'[^']+'|[a-z0-9@._+&-]+)";
            textPattern(
                    "\\bwith " + term + " in (?:the |their |its )?([a-z_ ]+)",
                    1,
                    2,
                    Condition.Text.Mode.CONTAINS);
            textPattern(
                    "\\b([a-z_ ]+?) (?:contains|containing|includes|including|like|matching|mentions) "
                            + term,
                    2,
                    1,
                    Condition.Text.Mode.CONTAINS);
            textPattern(
                    "\\b([a-z_ ]+?) (?:starting|starts|beginning|begins) with " + term,
                    2,
                    1,
                    Condition.Text.Mode.STARTS_WITH);
            textPattern(
                    "\\b([a-z_ ]+?) (?:ending|ends) (?:with|in) " + term,
                    2,
                    1,
                    Condition.Text.Mode.ENDS_WITH);
            textPattern(
                    "\\b(?:that )?(?:contains?|containing|mentioning|mentions|matching|includes?|including) "
                            + term,
                    1,
                    0,
                    Condition.Text.Mode.CONTAINS);
            textPattern(
                    "\\b(?:starting|starts|beginning|begins) with " + term,
                    1,
                    0,
                    Condition.Text.Mode.STARTS_WITH);
            textPattern(
                    "\\b(?:ending|ends) (?:with|in) " + term, 1, 0, Condition.Text.Mode.ENDS_WITH);
            textPattern("\\b(?:named|called) " + term, 1, 0, Condition.Text.Mode.CONTAINS);
        }

        private void textPattern(
                String regex, int termGroup, int columnGroup, Condition.Text.Mode mode) {
            Matcher m = Pattern.compile(regex).matcher(text);
            while (m.find()) {
                int start = m.start();
                String column = null;
                if (columnGroup > 0) {
                    Optional<Span> named =
                            columnGroup == 1
                                    ? columnEndingAt(m.end(1), vocabulary::isText)
                                    : columnAt(m.start(columnGroup), vocabulary::isText);
                    if (named.isEmpty()) {
                        continue;
                    }
                    column = named.get().column();
                    start = Math.min(start, named.get().start());
                    if (columnGroup == 1) {
                        start = named.get().start();
                    }
                }
                int end =
                        columnGroup == 2
                                ? columnAt(m.start(2), vocabulary::isText)
                                        .map(Span::end)
                                        .orElse(m.end())
                                : m.end();
                if (isUsed(start, end)) {
                    continue;
                }
                if (column == null) {
                    column = vocabulary.textColumn();
                }
                if (column == null) {
                    continue;
                }
                String raw = m.group(termGroup).replaceAll("^[\"']|[\"']$", "");
                boolean negated = precededByNegation(start);
                use(negationStart(start), end);
                String label =
                        column.replace('_', ' ')
                                + (negated ? " does not " : " ")
                                + (mode == Condition.Text.Mode.STARTS_WITH
                                        ? (negated ? "start with" : "starts with")
                                        : mode == Condition.Text.Mode.ENDS_WITH
                                                ? (negated ? "end with" : "ends with")
                                                : (negated ? "contain" : "contains"))
                                + " \""
                                + raw
                                + "\"";
                conditions.add(
                        new Found(
                                start,
                                end,
                                new Condition.Text(
                                        column, mode, raw, negated, label.replace("  ", " "))));
            }
        }

        // ---- nulls ----
        void nulls() {
            Matcher never =
                    Pattern.compile(
                                    "\\b(?:not|never|not yet|hasn't been|haven't been|un) ?([a-z_ ]+)")
                            .matcher(text);
            while (never.find()) {
                Optional<Span> column = columnAt(never.start(1), vocabulary::isTemporal);
                if (column.isPresent()
                        && !isUsed(never.start(), column.get().end())
                        && vocabulary
                                .values(text.substring(column.get().start(), column.get().end()))
                                .isEmpty()) {
                    use(never.start(), column.get().end());
                    conditions.add(
                            new Found(
                                    never.start(),
                                    column.get().end(),
                                    new Condition.IsNull(
                                            column.get().column(),
                                            true,
                                            "not "
                                                    + column.get()
                                                            .column()
                                                            .replaceAll("_(at|on|date)$", "")
                                                            .replace('_', ' '))));
                }
            }
            nullPattern(
                    "\\b(?:without|with no|has no|have no|having no|no|missing|lacking)(?: an?| any)? ([a-z_ ]+)",
                    true,
                    1);
            nullPattern(
                    "\\b([a-z_ ]+?) (?:is |are )?(?:missing|empty|blank|null|not set|unknown)\\b",
                    true,
                    1);
            nullPattern("\\b(?:with|has|have|having)(?: an?| some)? ([a-z_ ]+)", false, 1);
        }

        private void nullPattern(String regex, boolean isNull, int columnGroup) {
            Matcher m = Pattern.compile(regex).matcher(text);
            while (m.find()) {
                boolean before = regex.startsWith("\\b([a-z_");
                Optional<Span> column =
                        before
                                ? columnEndingAt(m.end(columnGroup), c -> true)
                                : columnAt(m.start(columnGroup), c -> true);
                if (column.isEmpty()) {
                    continue;
                }
                int start = before ? column.get().start() : m.start();
                int end = before ? m.end() : column.get().end();
                if (isUsed(start, end)
                        || vocabulary
                                        .values(
                                                text.substring(
                                                        column.get().start(), column.get().end()))
                                        .size()
                                > 0) {
                    continue;
                }
                use(start, end);
                String word = column.get().column().replace('_', ' ');
                conditions.add(
                        new Found(
                                start,
                                end,
                                new Condition.IsNull(
                                        column.get().column(),
                                        isNull,
                                        (isNull ? "no " : "has a ") + word)));
            }
        }

        // ---- numbers ----
        void numbers() {
            for (NumberPhrases.Match match : NumberPhrases.find(text)) {
                if (isUsed(match.start(), match.end())) {
                    continue;
                }
                // "$10m gmv": a column right after the number wins over one further back
                Optional<Span> named =
                        columnAt(match.end(), vocabulary::isNumeric)
                                .filter(
                                        span ->
                                                text.substring(match.end(), span.start())
                                                        .isBlank());
                if (named.isEmpty()) {
                    named = columnBefore(match.start(), vocabulary::isNumeric);
                }
                if (named.isEmpty()) {
                    named = nextColumn(match.end(), vocabulary::isNumeric);
                }
                String column = named.map(Span::column).orElse(vocabulary.moneyColumn());
                if (column == null) {
                    continue;
                }
                int start =
                        named.filter(s -> s.start() < match.start())
                                .map(Span::start)
                                .orElse(match.start());
                int end =
                        named.filter(s -> s.start() > match.start())
                                .map(Span::end)
                                .orElse(match.end());
                use(start, end);
                String word = column.replace('_', ' ');
                Condition condition =
                        match.isRange()
                                ? new Condition.Range(
                                        column,
                                        match.value(),
                                        match.upper(),
                                        true,
                                        word + " " + match.label())
                                : new Condition.Compare(
                                        column,
                                        match.operator(),
                                        match.value(),
                                        word + " " + match.label());
                conditions.add(new Found(start, end, condition));
            }
        }

        // ---- category values ----
        void values() {
            List<int[]> spans = words();
            for (int i = 0; i < spans.size(); i++) {
                for (int n = Math.min(vocabulary.longestPhrase(), spans.size() - i); n >= 1; n--) {
                    int start = spans.get(i)[0];
                    int end = spans.get(i + n - 1)[1];
                    if (isUsed(start, end)) {
                        continue;
                    }
                    String phrase = text.substring(start, end).replace('-', ' ');
                    if (phrase.startsWith("non ") || phrase.startsWith("non-")) {
                        continue;
                    }
                    List<Vocabulary.ValueRef> refs = vocabulary.values(phrase);
                    if (refs.isEmpty()) {
                        refs = vocabulary.partialValues(phrase);
                    }
                    if (refs.isEmpty() && n == 1) {
                        refs = fuzzy(phrase);
                    }
                    if (refs.isEmpty()) {
                        continue;
                    }
                    Vocabulary.ValueRef ref = pick(refs, start);
                    boolean negated = precededByNegation(start);
                    int from = negated ? negationStart(start) : start;
                    use(from, end);
                    addValue(from, end, ref, negated);
                    i += n - 1;
                    break;
                }
            }
        }

        /**
         * A value named in two columns goes to the one a nearby column word names, else the first.
         */
        private Vocabulary.ValueRef pick(List<Vocabulary.ValueRef> refs, int start) {
            if (refs.size() == 1) {
                return refs.get(0);
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

        private List<Vocabulary.ValueRef> fuzzy(String word) {
            if (word.length() < 5) {
                return List.of();
            }
            for (String phrase : vocabulary.valuePhrases()) {
                if (Math.abs(phrase.length() - word.length()) <= 1 && phrase.length() >= 5) {
                    int distance = LEVENSHTEIN.apply(phrase, word);
                    if (distance == 1 && vocabulary.column(word).isEmpty()) {
                        return vocabulary.values(phrase);
                    }
                }
            }
            return List.of();
        }

        private void addValue(int start, int end, Vocabulary.ValueRef ref, boolean negated) {
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

        private static String valueLabel(String column, List<Object> values, boolean negated) {
            String word = column.replace('_', ' ');
            if (values.size() == 1) {
                return word + (negated ? " is not " : " is ") + values.get(0);
            }
            return word
                    + (negated ? " is none of " : " is one of ")
                    + String.join(", ", values.stream().map(String::valueOf).toList());
        }

        // ---- words close in meaning to a value ("clothing" for Apparel & Accessories) ----
        void closeInMeaning() {
            if (semantic == null) {
                return;
            }
            for (int[] span : words()) {
                String word = text.substring(span[0], span[1]);
                if (isUsed(span[0], span[1])
                        || STOPWORDS.contains(word)
                        || word.length() < 4
                        || !word.matches("[a-z]+")) {
                    continue;
                }
                Optional<SemanticMatcher.Match> match = semantic.closestValue(word, vocabulary);
                if (match.isEmpty()) {
                    continue;
                }
                boolean negated = precededByNegation(span[0]);
                int from = negated ? negationStart(span[0]) : span[0];
                use(from, span[1]);
                addValue(from, span[1], match.get().value(), negated);
                Found last = conditions.get(conditions.size() - 1);
                if (last.condition() instanceof Condition.InSet in && in.values().size() == 1) {
                    conditions.set(
                            conditions.size() - 1,
                            new Found(
                                    last.start(),
                                    last.end(),
                                    new Condition.InSet(
                                            in.column(),
                                            in.values(),
                                            in.negated(),
                                            in.label() + " (≈ " + word + ")")));
                }
            }
        }

        // ---- "or" between conditions on different columns ----
        void disjunctions() {
            Matcher or = Pattern.compile("\\bor\\b").matcher(text);
            while (or.find()) {
                Found left = null;
                Found right = null;
                for (Found found : conditions) {
                    if (found.end() <= or.start()
                            && onlyFillerBetween(found.end(), or.start())
                            && (left == null || found.end() > left.end())) {
                        left = found;
                    }
                    if (found.start() >= or.end()
                            && onlyFillerBetween(or.end(), found.start())
                            && (right == null || found.start() < right.start())) {
                        right = found;
                    }
                }
                if (left == null || right == null || left == right) {
                    continue;
                }
                conditions.remove(left);
                conditions.remove(right);
                conditions.add(
                        new Found(
                                left.start(),
                                right.end(),
                                new Condition.AnyOf(
                                        List.of(left.condition(), right.condition()),
                                        left.condition().label()
                                                + " or "
                                                + right.condition().label())));
                use(or.start(), or.end());
            }
        }

        private boolean onlyFillerBetween(int from, int to) {
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

        // ---- the relation's own name and synonyms ("payouts", "spiffs"), unless they are also
        // values ----
        void relationWords() {
            List<int[]> spans = words();
            for (int i = 0; i < spans.size(); i++) {
                for (int n = Math.min(3, spans.size() - i); n >= 1; n--) {
                    int start = spans.get(i)[0];
                    int end = spans.get(i + n - 1)[1];
                    String phrase = text.substring(start, end);
                    if (isUsed(start, end) || !vocabulary.values(phrase).isEmpty()) {
                        continue;
                    }
                    if (vocabulary.isRelationWord(phrase)) {
                        use(start, end);
                        i += n - 1;
                        break;
                    }
                }
            }
        }

        /**
         * Column words that qualify a condition on that column ("demo stage", "gold tier", "on gold
         * tier", "gold partners" where partner_tier is constrained) say nothing new: mark them
         * used.
         */
        void qualifiers() {
            List<int[]> spans = words();
            for (int i = 0; i < spans.size(); i++) {
                for (int n = Math.min(3, spans.size() - i); n >= 1; n--) {
                    int start = spans.get(i)[0];
                    int end = spans.get(i + n - 1)[1];
                    if (isUsed(start, end)) {
                        continue;
                    }
                    String phrase = text.substring(start, end);
                    Optional<String> column = vocabulary.column(phrase);
                    boolean qualifies =
                            column.isPresent() && constrained(column.get())
                                    || vocabulary.qualifierColumns(phrase).stream()
                                            .anyMatch(this::constrained);
                    if (qualifies) {
                        use(start, end);
                        i += n - 1;
                        break;
                    }
                }
            }
        }

        private boolean constrained(String column) {
            for (Found found : conditions) {
                if (mentions(found.condition(), column)) {
                    return true;
                }
            }
            return groups.stream().anyMatch(g -> g.column().equals(column))
                    || aggregates.stream().anyMatch(a -> column.equals(a.column()))
                    || sort.stream().anyMatch(o -> o.column().equals(column));
        }

        private static boolean mentions(Condition condition, String column) {
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
                if (!isUsedAll(span[0], span[1])) {
                    unmatched.add(word);
                }
            }
            double understood = content == 0 ? 1.0 : 1.0 - (double) unmatched.size() / content;
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
                            aggregates);
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

        // ---- helpers ----
        /**
         * A column named by the words ending right before {@code position} (up to a few filler
         * words back).
         */
        private Optional<Span> columnBefore(
                int position, java.util.function.Predicate<String> accept) {
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

        /** A column named by the words starting at {@code position} (longest phrase wins). */
        private Optional<Span> columnAt(int position, java.util.function.Predicate<String> accept) {
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

        /** A column named by the words ending exactly at {@code position}. */
        private Optional<Span> columnEndingAt(
                int position, java.util.function.Predicate<String> accept) {
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

        /**
         * The first column phrase after {@code position} within {@code maxWords} words, skipping
         * stopwords, function words, "and" and the relation's own name ("max and min payout
         * amount").
         */
        private Optional<Span> columnWithin(
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

        /** A column right after {@code position}, skipping filler words such as "by" or "in". */
        private Optional<Span> nextColumn(
                int position, java.util.function.Predicate<String> accept) {
            Matcher filler =
                    Pattern.compile(" ?(?:by |in |of |on )?")
                            .matcher(text)
                            .region(position, text.length());
            int at = filler.lookingAt() ? filler.end() : position;
            return columnAt(at, accept);
        }

        private boolean precededByNegation(int start) {
            return negationStart(start) != start;
        }

        /**
         * Where a negation before {@code start} begins: "not", "non", "except", "not from the", ...
         */
        private int negationStart(int start) {
            String before = text.substring(0, start);
            Matcher m =
                    Pattern.compile(
                                    "\\b(not|non|except|excluding|exclude|isn't|aren't|never|other than|outside|without|no)"
                                            + "(?: (?:from|in|on|at|the|a|an|of|for|by|via|with))* ?$")
                            .matcher(before);
            return m.find() ? m.start() : start;
        }

        private List<int[]> words() {
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

        private boolean isUsed(int start, int end) {
            for (int i = start; i < end; i++) {
                if (used[i]) {
                    return true;
                }
            }
            return false;
        }

        private boolean isUsedAll(int start, int end) {
            for (int i = start; i < end; i++) {
                if (!used[i]) {
                    return false;
                }
            }
            return true;
        }

        private void use(int start, int end) {
            for (int i = start; i < end; i++) {
                used[i] = true;
            }
        }

        /** A column phrase found in the text. */
        private record Span(int start, int end, String column) {}
    }
}
