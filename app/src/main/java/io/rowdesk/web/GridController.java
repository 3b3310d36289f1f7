package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.rowdesk.action.ActionService;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.grid.ColumnFilter;
import io.rowdesk.grid.ColumnFilters;
import io.rowdesk.grid.GridFilter;
import io.rowdesk.grid.GridService;
import io.rowdesk.grid.Presentation;
import io.rowdesk.grid.SortKey;
import io.rowdesk.grid.Window;
import io.rowdesk.json.Json;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.SearchService;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The grid's JSON API: a window of a relation's rows in a chosen order, at any offset. */
public final class GridController {
    public static final String ROWS = "/api/v1/relations/{relation}/rows";
    public static final String EXPORT = "/api/v1/relations/{relation}/export.csv";
    static final int DEFAULT_LIMIT = 100;

    private final RelationCatalog catalog;
    private final GridService grid;
    private static final ObjectMapper FILTERS = Json.MAPPER;
    private static final TypeReference<List<ColumnFilter>> FILTER_LIST = new TypeReference<>() {};

    private final SearchService search;
    private final RowdeskConfig config;
    private final ActionService actions;

    public GridController(
            RelationCatalog catalog,
            GridService grid,
            SearchService search,
            RowdeskConfig config,
            ActionService actions) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.grid = Objects.requireNonNull(grid, "grid is null");
        this.search = Objects.requireNonNull(search, "search is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.actions = Objects.requireNonNull(actions, "actions is null");
    }

    /**
     * {@code filters=[{"column":"status","op":"in","values":["pending"]}, ...]}: the filter panel's
     * filters, as bound predicates on catalog columns.
     */
    static GridFilter columnFilters(Context ctx, RelationInfo relation) {
        List<ColumnFilter> filters = parseFilters(ctx.queryParam("filters"));
        return filters.isEmpty() ? GridFilter.NONE : ColumnFilters.where(filters, relation);
    }

    /** The filters of a {@code filters} parameter (a JSON list; none when blank). */
    static List<ColumnFilter> parseFilters(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ColumnFilter> filters;
        try {
            filters = FILTERS.readValue(text, FILTER_LIST);
        } catch (JsonProcessingException e) {
            throw UserFacingException.badRequest(
                    "filters: must be a JSON list like [{\"column\": \"status\", \"op\": \"in\","
                            + " \"values\": [\"pending\"]}]");
        }
        if (filters == null || filters.contains(null)) {
            throw UserFacingException.badRequest("filters: must be a JSON list of filters");
        }
        return filters;
    }

    /**
     * The rows, order and count that {@code q=} (an English search) asks for, on top of {@code
     * sort=}.
     */
    private record Filtered(GridFilter filter, List<SortKey> sort, Integer limit) {}

    private Filtered filtered(Context ctx, RelationInfo relation) {
        List<SortKey> sort = sort(ctx, relation);
        GridFilter columns = columnFilters(ctx, relation);
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            return new Filtered(columns, sort, null);
        }
        String removedParam = ctx.queryParam("removed");
        Set<String> removed =
                removedParam == null || removedParam.isBlank()
                        ? Set.of()
                        : Set.copyOf(Arrays.asList(removedParam.split(",")));
        SearchService.GridSearch found =
                search.forGrid(q, relation, AccessControl.user(ctx).role(), removed);
        if (sort.isEmpty()) {
            // "top 10 by amount" orders the grid unless the user sorts by a header
            sort = found.sort().stream().map(o -> new SortKey(o.column(), o.descending())).toList();
        }
        return new Filtered(
                new GridFilter(found.where().sql(), found.where().params()).and(columns),
                sort,
                found.limit());
    }

    public static String rowsPath(String relation) {
        return ROWS.replace("{relation}", relation);
    }

    public static String exportPath(String relation) {
        return EXPORT.replace("{relation}", relation);
    }

    /** {@code ?sort=-occurred_at,event_id&offset=0&limit=100}. */
    public void rows(Context ctx) {
        RelationInfo relation = relation(ctx);
        Filtered filtered = filtered(ctx, relation);
        long offset = QueryParams.wholeNumber(ctx, "offset", 0, 0, Long.MAX_VALUE / 2);
        int limit =
                (int)
                        QueryParams.wholeNumber(
                                ctx, "limit", DEFAULT_LIMIT, 1, GridService.MAX_LIMIT);
        Window window =
                grid.window(
                        relation,
                        filtered.sort(),
                        filtered.filter(),
                        offset,
                        limit,
                        AccessControl.user(ctx).email());
        List<List<Object>> rows = window.rows();
        long total = window.total();
        if (filtered.limit() != null) {
            // "top 10 ...": the grid holds those ten rows only
            total = Math.min(total, filtered.limit());
            rows = rows.subList(0, (int) Math.max(0, Math.min(rows.size(), total - offset)));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "columns",
                window.columns().stream()
                        .map(c -> Map.of("name", c.name(), "type", c.type()))
                        .toList());
        json.put(
                "rows",
                rows.stream().map(row -> row.stream().map(JsonValues::toJson).toList()).toList());
        json.put("total", total);
        json.put("offset", window.offset());
        if ("1".equals(ctx.queryParam("actions"))) {
            json.put(
                    "actions",
                    RowActionsJson.forRows(
                            actions,
                            catalog,
                            relation,
                            window.columns(),
                            rows,
                            AccessControl.user(ctx).role()));
        }
        ctx.json(json);
    }

    /**
     * The whole relation as CSV in the grid's order, streamed: millions of rows never sit in
     * memory.
     */
    public void export(Context ctx) throws IOException {
        RelationInfo relation = relation(ctx);
        Filtered filtered = filtered(ctx, relation);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + relation.name() + ".csv\"");
        // raw values always; the header is column names unless ?header=labels asks for labels
        boolean labels = "labels".equals(ctx.queryParam("header"));
        var presentation = config.relation(relation.name());
        try (CsvRowWriter writer =
                new CsvRowWriter(
                        ctx.outputStream(),
                        column ->
                                labels
                                        ? Presentation.column(column, presentation).label()
                                        : column.name())) {
            long[] left = {filtered.limit() == null ? Long.MAX_VALUE : filtered.limit()};
            grid.export(
                    relation,
                    filtered.sort(),
                    filtered.filter(),
                    new QueryEngine.RowSink() {
                        @Override
                        public void columns(List<io.rowdesk.query.Column> columns) {
                            writer.columns(columns);
                        }

                        @Override
                        public boolean row(List<Object> row) {
                            return left[0]-- > 0 && writer.row(row);
                        }
                    });
        }
    }

    private RelationInfo relation(Context ctx) {
        return catalog.require(ctx.pathParam("relation"), AccessControl.user(ctx).role());
    }

    private static List<SortKey> sort(Context ctx, RelationInfo relation) {
        return SortKey.parse(ctx.queryParam("sort"), relation.columns());
    }
}
