package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.SearchRequest;
import io.rowdesk.search.SearchResult;
import io.rowdesk.search.SearchService;
import io.rowdesk.search.Vocabulary;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code POST /api/v1/search}: plain English over one relation. */
public final class SearchController {
    public static final String SEARCH = "/api/v1/search";
    public static final String SUGGESTIONS = "/api/v1/relations/{relation}/suggestions";
    static final int MAX_LIMIT = 10_000;

    private final SearchService search;
    private final RelationCatalog catalog;

    public SearchController(SearchService search, RelationCatalog catalog) {
        this.search = Objects.requireNonNull(search, "search is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    public static String suggestionsPath(String relation) {
        return SUGGESTIONS.replace("{relation}", relation);
    }

    /** Column names and known values, for completing words while typing. */
    public void suggestions(Context ctx) {
        User user = AccessControl.user(ctx);
        RelationInfo relation = catalog.require(ctx.pathParam("relation"), user.role());
        Vocabulary vocabulary = search.vocabulary(relation);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", vocabulary.columns());
        body.put(
                "values",
                vocabulary.allValues().stream()
                        .map(v -> Map.of("column", v.column(), "value", v.value()))
                        .toList());
        ctx.json(body);
    }

    public void search(Context ctx) {
        User user = AccessControl.user(ctx);
        SearchRequest request = RequestBodies.read(ctx, Body.class, Body.EXAMPLE).toRequest();
        SearchResult result = search.search(request, user.role());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sql", result.sql());
        body.put("engine", result.engine());
        body.put("chips", result.chips());
        body.put("understood", result.understood());
        body.put("unmatched", result.unmatched());
        body.put("columns", ResultJson.columns(result.result()));
        body.put("rows", ResultJson.rows(result.result()));
        body.put("total", result.total());
        if (result.notice() != null) {
            body.put("notice", result.notice());
        }
        ctx.json(body);
    }

    /** The body of {@code POST /api/v1/search}. */
    record Body(
            String q,
            String relation,
            String today,
            Integer limit,
            List<String> removed,
            String engine) {
        static final String EXAMPLE =
                "{\"q\": \"pending payouts over $500\", \"relation\": \"payouts\"}";

        SearchRequest toRequest() {
            if (q == null || q.isBlank()) {
                throw UserFacingException.badRequest(
                        "\"q\" must be the question, e.g. \"pending payouts over $500\".");
            }
            if (relation == null || relation.isBlank()) {
                throw UserFacingException.badRequest(
                        "\"relation\" must name the relation to search, e.g. \"payouts\".");
            }
            LocalDate day = null;
            if (today != null) {
                try {
                    day = LocalDate.parse(today);
                } catch (DateTimeException e) {
                    throw UserFacingException.badRequest(
                            "\"today\" must be a date as YYYY-MM-DD, got '" + today + "'.");
                }
            }
            if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
                throw UserFacingException.badRequest(
                        "\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ".");
            }
            SearchRequest.Engine chosen = SearchRequest.Engine.AUTO;
            if (engine != null) {
                try {
                    chosen = SearchRequest.Engine.valueOf(engine.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw UserFacingException.badRequest(
                            "\"engine\" must be \"auto\", \"local\" or \"llm\", got '"
                                    + engine
                                    + "'.");
                }
            }
            Set<String> without = new HashSet<>();
            if (removed != null) {
                removed.stream().filter(Objects::nonNull).forEach(without::add);
            }
            return new SearchRequest(
                    q, relation, day, limit == null ? 1000 : limit, without, chosen);
        }
    }
}
