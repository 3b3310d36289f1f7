package io.rowdesk.search;

import io.rowdesk.auth.Role;
import io.rowdesk.cache.ProfileRepository;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
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

/**
 * English search over one relation: local translation, chips, the guard, then the rows. A
 * question the translator only partly understood is refused with what it could not place and
 * what to try, never answered as if it were whole.
 */
public final class SearchService {
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final RelationCatalog catalog;
    private final ProfileRepository profiles;
    private final GuardedQueries queries;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTranslator translator = new LocalTranslator();
    private final SqlRenderer renderer = new SqlRenderer();
    // Keyed by the catalog entry itself: a reload puts a new RelationInfo, so the vocabulary is rebuilt.
    private final Map<RelationInfo, Vocabulary> vocabularies = new ConcurrentHashMap<>();

    public SearchService(RelationCatalog catalog, ProfileRepository profiles, GuardedQueries queries, Clock clock, ZoneId zone) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.profiles = Objects.requireNonNull(profiles, "profiles is null");
        this.queries = Objects.requireNonNull(queries, "queries is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.zone = Objects.requireNonNull(zone, "zone is null");
    }

    /** The translation alone, for {@code rowdesk translate} and the grid's {@code q=}. */
    public Interpretation interpret(String q, RelationInfo relation, LocalDate today, Set<String> removed) {
        Vocabulary vocabulary = vocabulary(relation);
        LocalTranslator.Translation translation = translator.translate(q, vocabulary,
                today != null ? today : LocalDate.now(clock.withZone(zone)));
        QuerySpec spec = translation.spec();
        List<Chip> chips = chips(spec);
        spec = without(spec, removed);
        RenderedSql sql = renderer.render(spec, relation, vocabulary.keyColumn());
        return new Interpretation(spec, sql, chips.stream().filter(c -> !removed.contains(c.id())).toList(),
                translation.understood(), translation.unmatched(), vocabulary);
    }

    /** A translation and the SQL it renders to. */
    public record Interpretation(QuerySpec spec, RenderedSql sql, List<Chip> chips, double understood,
                                 List<String> unmatched, Vocabulary vocabulary) {
        public boolean complete() {
            return unmatched.isEmpty();
        }
    }

    public SearchResult search(SearchRequest request, Role role) {
        RelationInfo relation = catalog.find(request.relation(), role)
                .orElseThrow(() -> new UnknownRelationException(request.relation()));
        if (request.q() == null || request.q().isBlank()) {
            throw new IllegalArgumentException("q is empty: type what you are looking for, e.g. \"pending payouts over $500\"");
        }
        Interpretation interpretation = interpret(request.q(), relation, request.today(), request.removed());
        if (!interpretation.complete()) {
            throw notUnderstood(interpretation);
        }
        QueryResult result = queries.run(interpretation.sql().sql(), interpretation.sql().params(), role, request.limit());
        long total = result.rows().size();
        if (!interpretation.spec().isAggregate() && (result.truncated() || interpretation.spec().limit() == null)) {
            QuerySpec unlimited = new QuerySpec(relation.name(), interpretation.spec().conditions(), List.of(), null,
                    List.of(), List.of(new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null)));
            RenderedSql count = renderer.render(unlimited, relation, null);
            total = ((Number) queries.run(count.sql(), count.params(), role, 1).rows().get(0).get(0)).longValue();
            if (interpretation.spec().limit() != null) {
                total = Math.min(total, interpretation.spec().limit());
            }
        }
        return new SearchResult(interpretation.sql().display(), "local", interpretation.chips(), interpretation.understood(),
                interpretation.unmatched(), result, total);
    }

    /** What an English search means for the grid: which rows, and the order and count it asked for. */
    public record GridSearch(RenderedSql where, List<QuerySpec.Sort> sort, Integer limit) {
    }

    /**
     * The rows filter of a search, for the grid and the CSV export. Checked by the guard like any
     * search; an aggregate question has no place in the grid and is refused with that said.
     */
    public GridSearch forGrid(String q, RelationInfo relation, Role role, Set<String> removed) {
        Interpretation interpretation = interpret(q, relation, null, removed);
        if (!interpretation.complete()) {
            throw notUnderstood(interpretation);
        }
        if (interpretation.spec().isAggregate()) {
            throw new IllegalArgumentException("'" + q + "' counts or sums rows; it shows as a table, not in the grid");
        }
        queries.check(interpretation.sql().sql(), role);
        return new GridSearch(renderer.where(interpretation.spec().conditions(), relation),
                interpretation.spec().sort(), interpretation.spec().limit());
    }

    /** Thrown for a relation that does not exist or that the role may not see (indistinguishable on purpose). */
    public static final class UnknownRelationException extends RuntimeException {
        public UnknownRelationException(String relation) {
            super("There is no relation called '" + relation + "'.");
        }
    }

    /** The words a relation answers to, for suggestions while typing. */
    public Vocabulary vocabulary(RelationInfo relation) {
        return vocabularies.computeIfAbsent(relation, r -> {
            vocabularies.keySet().removeIf(old -> old.name().equals(r.name()));
            return new Vocabulary(r, catalog.settings(r.name()), profiles.forRelation(r.name()));
        });
    }

    /** Chips: one per condition (c0, c1, ...), then the sort, limit and grouping. */
    static List<Chip> chips(QuerySpec spec) {
        List<Chip> chips = new ArrayList<>();
        for (int i = 0; i < spec.conditions().size(); i++) {
            chips.add(new Chip("c" + i, spec.conditions().get(i).label()));
        }
        for (QuerySpec.Aggregate aggregate : spec.aggregates()) {
            chips.add(new Chip("agg", aggregate.column() == null ? "count"
                    : aggregate.function().name().toLowerCase(Locale.ROOT) + " of " + aggregate.column().replace('_', ' ')));
        }
        if (!spec.groupBy().isEmpty()) {
            chips.add(new Chip("group", "by " + String.join(", ", spec.groupBy().stream()
                    .map(g -> g.grain() == null ? g.column().replace('_', ' ')
                            : g.grain().name().toLowerCase(Locale.ROOT) + " of " + g.column().replace('_', ' ')).toList())));
        }
        if (!spec.sort().isEmpty()) {
            chips.add(new Chip("sort", "sorted by " + String.join(", ", spec.sort().stream()
                    .map(s -> s.column().replace('_', ' ') + (s.descending() ? " ↓" : " ↑")).toList())));
        }
        if (spec.limit() != null) {
            chips.add(new Chip("limit", "first " + spec.limit()));
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
        return new QuerySpec(spec.relation(), conditions,
                removed.contains("sort") || dropAggregate && !spec.groupBy().isEmpty() ? List.of() : spec.sort(),
                removed.contains("limit") ? null : spec.limit(),
                dropAggregate ? List.of() : spec.groupBy(),
                dropAggregate ? List.of() : spec.aggregates());
    }

    private NotUnderstoodException notUnderstood(Interpretation interpretation) {
        Vocabulary vocabulary = interpretation.vocabulary();
        Set<String> suggestions = new LinkedHashSet<>();
        for (String word : interpretation.unmatched()) {
            closest(word, vocabulary.columnPhrases()).ifPresent(suggestions::add);
            closest(word, vocabulary.valuePhrases()).ifPresent(suggestions::add);
        }
        List<String> columns = vocabulary.columns().stream().filter(c -> !c.equals(vocabulary.keyColumn())).limit(8).toList();
        List<String> values = vocabulary.valuePhrases().stream().filter(v -> !v.contains(" ") && v.length() > 2)
                .sorted().limit(6).toList();
        String words = String.join("', '", interpretation.unmatched());
        String message = "I could not match '" + words + "'"
                + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(", ", suggestions) + "?)")
                + "; try a column name: " + String.join(", ", columns)
                + (values.isEmpty() ? "" : ", or a value such as " + String.join(", ", values)) + ".";
        List<String> all = new ArrayList<>(suggestions);
        all.addAll(columns);
        return new NotUnderstoodException(message, interpretation.unmatched(), all, interpretation.chips(),
                interpretation.understood());
    }

    private static Optional<String> closest(String word, Set<String> candidates) {
        return candidates.stream()
                .map(c -> Map.entry(c, SIMILARITY.apply(word, c)))
                .filter(e -> e.getValue() >= 0.85)
                .max(Comparator.comparingDouble(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }
}
