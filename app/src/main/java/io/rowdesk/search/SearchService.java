package io.rowdesk.search;

import io.rowdesk.auth.Role;
import io.rowdesk.cache.ProfileRepository;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.llm.LlmAnswer;
import io.rowdesk.search.llm.LlmException;
import io.rowdesk.search.llm.LlmQuestion;
import io.rowdesk.search.llm.LlmTranslator;
import io.rowdesk.search.semantic.SemanticMatcher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * English search over one relation: local translation, chips, the guard, then the rows. A question
 * the translator only partly understood goes to the language model when one is configured (or when
 * the request asks for it); otherwise, or when the model fails, it is refused with what could not
 * be placed and what to try, never answered as if it were whole. The model's answer runs only as
 * one SELECT: a spec through {@link SqlRenderer}, raw SQL through the guard, both through {@link
 * GuardedQueries} with the caller's role.
 */
public final class SearchService {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    static final String MODEL_SQL_CHIP = "SQL written by the model";

    private final RelationCatalog catalog;
    private final ProfileRepository profiles;
    private final GuardedQueries queries;
    private final Clock clock;
    private final ZoneId zone;
    private final Optional<LlmTranslator> llm;
    private final LocalTranslator translator;
    private final SemanticMatcher semantic;
    private final SqlRenderer renderer = new SqlRenderer();
    // By relation name, rebuilt when the catalog holds a new RelationInfo for it (a reload).
    private final Map<String, Vocabulary> vocabularies = new ConcurrentHashMap<>();

    /**
     * With {@code llm} empty when {@code llm.provider} is none, and {@code semantic} the matcher of
     * words close in meaning (null: none).
     */
    public SearchService(
            RelationCatalog catalog,
            ProfileRepository profiles,
            GuardedQueries queries,
            Clock clock,
            ZoneId zone,
            Optional<LlmTranslator> llm,
            SemanticMatcher semantic) {
        this.llm = Objects.requireNonNull(llm, "llm is null");
        this.semantic = semantic;
        this.translator = new LocalTranslator(semantic);
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.profiles = Objects.requireNonNull(profiles, "profiles is null");
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.zone = Objects.requireNonNull(zone, "zone is null");
    }

    /**
     * Waits until words close in meaning can be matched (evaluation and benchmarks want stable
     * answers).
     */
    public boolean awaitSemantic(java.time.Duration timeout) {
        return semantic != null && semantic.awaitReady(timeout);
    }

    /** The translation alone, for {@code rowdesk translate} and the grid's {@code q=}. */
    public Interpretation interpret(
            String q, RelationInfo relation, LocalDate today, Set<String> removed) {
        Vocabulary vocabulary = vocabulary(relation);
        LocalTranslator.Translation translation =
                translator.translate(
                        q, vocabulary, today != null ? today : LocalDate.now(clock.withZone(zone)));
        QuerySpec spec = translation.spec();
        List<Chip> chips = chips(spec);
        spec = without(spec, removed);
        RenderedSql sql = renderer.render(spec, relation, vocabulary.keyColumn());
        return new Interpretation(
                spec,
                sql,
                chips.stream().filter(c -> !removed.contains(c.id())).toList(),
                translation.understood(),
                translation.unmatched(),
                vocabulary);
    }

    /** A translation and the SQL it renders to. */
    public record Interpretation(
            QuerySpec spec,
            RenderedSql sql,
            List<Chip> chips,
            double understood,
            List<String> unmatched,
            Vocabulary vocabulary) {
        public boolean complete() {
            return unmatched.isEmpty();
        }
    }

    public SearchResult search(SearchRequest request, Role role) {
        RelationInfo relation = catalog.require(request.relation(), role);
        if (request.q() == null || request.q().isBlank()) {
            throw UserFacingException.badRequest(
                    "q is empty: type what you are looking for, e.g. \"pending payouts over $500\"");
        }
        Interpretation interpretation =
                interpret(request.q(), relation, request.today(), request.removed());
        String notice = null;
        boolean wanted =
                request.engine() == SearchRequest.Engine.LLM
                        || request.engine() == SearchRequest.Engine.AUTO
                                && !interpretation.complete();
        if (wanted && llm.isPresent()) {
            try {
                return searchWithModel(llm.get(), request, relation, interpretation, role);
            } catch (LlmException e) {
                // Fall back to the local translation when it is whole; otherwise say both what the
                // model did and what to try.
                LOG.info(
                        "language model gave no usable answer for {} ({}): {}",
                        relation.name(),
                        e.kind(),
                        e.getMessage());
                if (!interpretation.complete()) {
                    throw notUnderstood(interpretation, e.getMessage());
                }
                notice = stripStop(e.getMessage()) + "; showing what I understood locally.";
            }
        } else if (request.engine() == SearchRequest.Engine.LLM) {
            if (!interpretation.complete()) {
                throw notUnderstood(
                        interpretation, "No language model is configured (llm.provider is none).");
            }
            notice =
                    "No language model is configured (llm.provider is none); showing what I understood locally.";
        }
        if (!interpretation.complete()) {
            throw notUnderstood(interpretation, null);
        }
        Ran ran =
                runSpec(
                        interpretation.spec(),
                        interpretation.sql(),
                        relation,
                        role,
                        request.limit());
        String cut = groupsCut(interpretation.spec(), ran.result());
        if (cut != null) {
            notice = notice == null ? cut : notice + " " + cut;
        }
        return new SearchResult(
                interpretation.sql().display(),
                "local",
                interpretation.chips(),
                interpretation.understood(),
                interpretation.unmatched(),
                ran.result(),
                ran.total(),
                notice);
    }

    /** Says so when a grouped answer has more groups than the row cap let through. */
    static String groupsCut(QuerySpec spec, QueryResult result) {
        if (!spec.isAggregate() || spec.groupBy().isEmpty() || !result.truncated()) {
            return null;
        }
        boolean byDate = spec.groupBy().stream().anyMatch(g -> g.grain() != null);
        return String.format(
                Locale.ROOT,
                "Showing the first %,d groups (%s); there are more. Narrow the question or ask for the top few.",
                result.rows().size(),
                byDate ? "in time order" : "largest first");
    }

    /**
     * What the local translator made of a partly placed question, for the model's prompt: its
     * chips, the words it could not place and its SQL; empty when it placed everything (the model
     * was asked on demand) or nothing.
     */
    static String localReading(Interpretation interpretation) {
        if (interpretation.complete() || interpretation.chips().isEmpty()) {
            return "";
        }
        return "- understood: "
                + String.join("; ", interpretation.chips().stream().map(Chip::label).toList())
                + "\n- could not place: '"
                + String.join("', '", interpretation.unmatched())
                + "'\n- as SQL: "
                + interpretation.sql().display();
    }

    /**
     * A query that ran: the SQL shown to the user, its chips, the rows and how many there are in
     * all.
     */
    private record Ran(String sql, List<Chip> chips, QueryResult result, long total) {}

    private SearchResult searchWithModel(
            LlmTranslator translator,
            SearchRequest request,
            RelationInfo relation,
            Interpretation interpretation,
            Role role) {
        Vocabulary vocabulary = interpretation.vocabulary();
        LocalDate today =
                request.today() != null ? request.today() : LocalDate.now(clock.withZone(zone));
        LlmQuestion question =
                new LlmQuestion(
                        request.q(),
                        relation,
                        catalog.settings(relation.name()),
                        profiles.forRelation(relation.name()),
                        vocabulary.dateColumn(),
                        vocabulary.keyColumn(),
                        today,
                        localReading(interpretation));
        LlmTranslator.Translated<Ran> translated =
                translator.translate(
                        question,
                        answer ->
                                runAnswer(answer, relation, vocabulary.keyColumn(), request, role));
        Ran ran = translated.value();
        LOG.info(
                "search on {} answered by the language model ({})",
                relation.name(),
                translated.cached() ? "cached" : translated.modelCalls() + " model call(s)");
        return new SearchResult(
                ran.sql(), "llm", ran.chips(), 1.0, List.of(), ran.result(), ran.total(), null);
    }

    /**
     * Runs a model's answer: a spec is rendered (unknown columns refused), raw SQL is left to the
     * guard.
     */
    private Ran runAnswer(
            LlmAnswer answer,
            RelationInfo relation,
            String keyColumn,
            SearchRequest request,
            Role role) {
        if (answer instanceof LlmAnswer.Spec spec) {
            List<Chip> chips =
                    chips(spec.spec()).stream()
                            .filter(c -> !request.removed().contains(c.id()))
                            .toList();
            QuerySpec kept = without(spec.spec(), request.removed());
            RenderedSql sql = renderer.render(kept, relation, keyColumn);
            Ran ran = runSpec(kept, sql, relation, role, request.limit());
            return new Ran(sql.display(), chips, ran.result(), ran.total());
        }
        LlmAnswer.Sql sql = (LlmAnswer.Sql) answer;
        QueryResult result = queries.run(sql.sql(), List.of(), role, request.limit());
        return new Ran(
                sql.sql(), List.of(new Chip("sql", MODEL_SQL_CHIP)), result, result.rows().size());
    }

    private Ran runSpec(
            QuerySpec spec, RenderedSql sql, RelationInfo relation, Role role, int limit) {
        QueryResult result = queries.run(sql.sql(), sql.params(), role, limit);
        long total = result.rows().size();
        if (!spec.isAggregate() && (result.truncated() || spec.limit() == null)) {
            QuerySpec unlimited =
                    new QuerySpec(
                            relation.name(),
                            spec.conditions(),
                            List.of(),
                            null,
                            List.of(),
                            List.of(
                                    new QuerySpec.Aggregate(
                                            QuerySpec.Aggregate.Function.COUNT, null)));
            RenderedSql count = renderer.render(unlimited, relation, null);
            total =
                    ((Number)
                                    queries.run(count.sql(), count.params(), role, 1)
                                            .rows()
                                            .get(0)
                                            .get(0))
                            .longValue();
            if (spec.limit() != null) {
                total = Math.min(total, spec.limit());
            }
        }
        return new Ran(sql.sql(), List.of(), result, total);
    }

    private static String stripStop(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * What an English search means for the grid: which rows, and the order and count it asked for.
     */
    public record GridSearch(RenderedSql where, List<QuerySpec.Sort> sort, Integer limit) {}

    /**
     * The rows filter of a search, for the grid and the CSV export. Checked by the guard like any
     * search; an aggregate question has no place in the grid and is refused with that said.
     */
    public GridSearch forGrid(String q, RelationInfo relation, Role role, Set<String> removed) {
        Interpretation interpretation = interpret(q, relation, null, removed);
        if (!interpretation.complete()) {
            throw notUnderstood(interpretation, null);
        }
        if (interpretation.spec().isAggregate()) {
            throw new UserFacingException(
                    ErrorKind.NOT_UNDERSTOOD,
                    "'" + q + "' counts or sums rows; it shows as a table, not in the grid");
        }
        queries.check(interpretation.sql().sql(), role);
        return new GridSearch(
                renderer.where(interpretation.spec().conditions(), relation),
                interpretation.spec().sort(),
                interpretation.spec().limit());
    }

    /** For a view: the synonyms configured for each relation its columns come from. */
    private Map<String, List<String>> joinedSynonyms(RelationInfo relation) {
        Map<String, List<String>> synonyms = new java.util.HashMap<>();
        relation.lineage()
                .values()
                .forEach(
                        o ->
                                synonyms.computeIfAbsent(
                                        o.relation(),
                                        r -> List.copyOf(catalog.settings(r).synonyms())));
        return synonyms;
    }

    /** The words a relation answers to, for suggestions while typing. */
    public Vocabulary vocabulary(RelationInfo relation) {
        // A reload puts a new RelationInfo object in the catalog (with new profiles): compare by
        // identity, since an equal-looking record may describe different values.
        Vocabulary current = vocabularies.get(relation.name());
        if (current != null && current.relation() == relation) {
            return current;
        }
        Vocabulary built =
                vocabularies.compute(
                        relation.name(),
                        (name, cached) ->
                                cached != null && cached.relation() == relation
                                        ? cached
                                        : new Vocabulary(
                                                relation,
                                                catalog.settings(name),
                                                profiles.forRelation(name),
                                                joinedSynonyms(relation)));
        if (built != current) {
            readNames(built);
        }
        return built;
    }

    /**
     * Reads the name index of a fresh vocabulary: a table's from its snapshot (written by the cache
     * with the snapshot, bounded: no scan of the relation here), a view's from the indexes of the
     * relations its columns pass through (its lineage). A failure leaves the index empty; search
     * still works.
     */
    private void readNames(Vocabulary vocabulary) {
        RelationInfo relation = vocabulary.relation();
        try {
            Map<String, Map<String, List<String>>> byRelation = new java.util.HashMap<>();
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            if (!relation.view()) {
                values.putAll(snapshotNames(relation.name(), byRelation));
            } else {
                for (var column : relation.columns()) {
                    RelationInfo.ColumnSource origin = relation.lineage().get(column.name());
                    if (origin == null || origin.relation().equals(relation.name())) {
                        continue;
                    }
                    List<String> names =
                            snapshotNames(origin.relation(), byRelation).get(origin.column());
                    if (names != null && !Vocabulary.isFreeText(column.name())) {
                        values.put(column.name(), names);
                    }
                }
            }
            vocabulary.names(NameIndex.of(values));
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not read the names of {} for search: {}",
                    relation.name(),
                    e.getMessage());
        }
    }

    /**
     * A table's snapshot names by column (empty when its snapshot has none), read once per call.
     */
    private Map<String, List<String>> snapshotNames(
            String relation, Map<String, Map<String, List<String>>> read) {
        return read.computeIfAbsent(
                relation,
                r -> {
                    Map<String, List<String>> byColumn = new java.util.LinkedHashMap<>();
                    queries.snapshotNames(r)
                            .ifPresent(
                                    result -> {
                                        for (List<Object> row : result.rows()) {
                                            byColumn.computeIfAbsent(
                                                            String.valueOf(row.get(1)),
                                                            k -> new ArrayList<>())
                                                    .add(String.valueOf(row.get(2)));
                                        }
                                    });
                    return byColumn;
                });
    }

    /** Chips: one per condition (c0, c1, ...), then the sort, limit and grouping. */
    static List<Chip> chips(QuerySpec spec) {
        List<Chip> chips = new ArrayList<>();
        for (int i = 0; i < spec.conditions().size(); i++) {
            chips.add(new Chip("c" + i, spec.conditions().get(i).label()));
        }
        for (QuerySpec.Aggregate aggregate : spec.aggregates()) {
            chips.add(
                    new Chip(
                            "agg",
                            aggregate.column() == null
                                    ? "count"
                                    : aggregate.function().name().toLowerCase(Locale.ROOT)
                                            + " of "
                                            + aggregate.column().replace('_', ' ')));
        }
        if (!spec.groupBy().isEmpty()) {
            chips.add(
                    new Chip(
                            "group",
                            "by "
                                    + String.join(
                                            ", ",
                                            spec.groupBy().stream()
                                                    .map(
                                                            g ->
                                                                    g.grain() == null
                                                                            ? g.column()
                                                                                    .replace(
                                                                                            '_',
                                                                                            ' ')
                                                                            : g.grain()
                                                                                            .name()
                                                                                            .toLowerCase(
                                                                                                    Locale
                                                                                                            .ROOT)
                                                                                    + " of "
                                                                                    + g.column()
                                                                                            .replace(
                                                                                                    '_',
                                                                                                    ' '))
                                                    .toList())));
        }
        if (!spec.sort().isEmpty()) {
            chips.add(
                    new Chip(
                            "sort",
                            "sorted by "
                                    + String.join(
                                            ", ",
                                            spec.sort().stream()
                                                    .map(
                                                            s ->
                                                                    s.column().replace('_', ' ')
                                                                            + (s.descending()
                                                                                    ? " ↓"
                                                                                    : " ↑"))
                                                    .toList())));
        }
        if (spec.limit() != null) {
            chips.add(new Chip("limit", "first " + spec.limit()));
        }
        if (!spec.columns().isEmpty()) {
            chips.add(
                    new Chip(
                            "columns",
                            (spec.distinct() ? "each different " : "only ")
                                    + String.join(
                                            ", ",
                                            spec.columns().stream()
                                                    .map(c -> c.replace('_', ' '))
                                                    .toList())));
        }
        for (QuerySpec.Having having : spec.having()) {
            chips.add(
                    new Chip(
                            "having",
                            "groups whose "
                                    + (having.aggregate().column() == null
                                            ? "count"
                                            : having.aggregate()
                                                            .function()
                                                            .name()
                                                            .toLowerCase(Locale.ROOT)
                                                    + " of "
                                                    + having.aggregate().column().replace('_', ' '))
                                    + " "
                                    + having.operator().sql
                                    + " "
                                    + having.value()));
        }
        return chips;
    }

    static QuerySpec without(QuerySpec spec, Set<String> removed) {
        if (removed.isEmpty()) {
            return spec;
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < spec.conditions().size(); i++) {
            if (!removed.contains("c" + i)) {
                conditions.add(spec.conditions().get(i));
            }
        }
        boolean dropAggregate = removed.contains("agg") || removed.contains("group");
        return new QuerySpec(
                spec.relation(),
                conditions,
                removed.contains("sort") || dropAggregate && !spec.groupBy().isEmpty()
                        ? List.of()
                        : spec.sort(),
                removed.contains("limit") ? null : spec.limit(),
                dropAggregate ? List.of() : spec.groupBy(),
                dropAggregate ? List.of() : spec.aggregates(),
                removed.contains("columns") ? List.of() : spec.columns(),
                !removed.contains("columns") && spec.distinct(),
                dropAggregate || removed.contains("having") ? List.of() : spec.having());
    }

    /** {@code prefix}, when given, says first why the language model did not answer instead. */
    private NotUnderstoodException notUnderstood(Interpretation interpretation, String prefix) {
        Vocabulary vocabulary = interpretation.vocabulary();
        Set<String> suggestions = new LinkedHashSet<>();
        // Only real names: a column as it is called, a value as it is stored (never a made-up
        // plural form such as "approveds").
        Set<String> columnNames = new java.util.HashSet<>(vocabulary.columns());
        Set<String> storedValues = new java.util.HashSet<>();
        vocabulary.allValues().forEach(v -> storedValues.add(v.value()));
        for (String word : interpretation.unmatched()) {
            closest(word, columnNames).ifPresent(suggestions::add);
            closest(word, storedValues).ifPresent(suggestions::add);
        }
        List<String> columns =
                vocabulary.columns().stream()
                        .filter(c -> !c.equals(vocabulary.keyColumn()))
                        .limit(8)
                        .toList();
        List<String> values =
                storedValues.stream()
                        .filter(v -> !v.contains(" ") && v.length() > 2)
                        .sorted()
                        .limit(6)
                        .toList();
        String words = String.join("', '", interpretation.unmatched());
        String message =
                (prefix == null ? "" : sentence(prefix) + " ")
                        + "I could not match '"
                        + words
                        + "'"
                        + (suggestions.isEmpty()
                                ? ""
                                : " (did you mean " + String.join(", ", suggestions) + "?)")
                        + "; try a column name: "
                        + String.join(", ", columns)
                        + (values.isEmpty()
                                ? ""
                                : ", or a value such as " + String.join(", ", values))
                        + ".";
        List<String> all = new ArrayList<>(suggestions);
        all.addAll(columns);
        return new NotUnderstoodException(
                message,
                interpretation.unmatched(),
                all,
                interpretation.chips(),
                interpretation.understood());
    }

    /** Ends a message with a full stop so that the next one reads as its own sentence. */
    static String sentence(String message) {
        String trimmed = message.strip();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capital.matches("(?s).*[.!?]$") ? capital : capital + ".";
    }

    private static Optional<String> closest(String word, Set<String> candidates) {
        return candidates.stream()
                .map(c -> Map.entry(c, SIMILARITY.apply(word, c.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() >= 0.85)
                .max(Comparator.comparingDouble(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }
}
