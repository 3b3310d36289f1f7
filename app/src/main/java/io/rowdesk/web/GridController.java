package io.rowdesk.web;

import java.io.IOException;

import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.grid.GridService;
import io.rowdesk.grid.SortKey;
import io.rowdesk.grid.Window;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The grid's JSON API: a window of a relation's rows in a chosen order, at any offset. */
public final class GridController {
    public static final String ROWS = "/api/v1/relations/{relation}/rows";
    public static final String EXPORT = "/api/v1/relations/{relation}/export.csv";
    static final int DEFAULT_LIMIT = 100;

    private final RelationCatalog catalog;
    private final GridService grid;

    public GridController(RelationCatalog catalog, GridService grid) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.grid = Objects.requireNonNull(grid, "grid is null");
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
        List<SortKey> sort = sort(ctx, relation);
        long offset = QueryParams.longInteger(ctx, "offset", 0, 0, Long.MAX_VALUE / 2);
        int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, GridService.MAX_LIMIT);
        Window window = grid.window(relation, sort, offset, limit);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("columns", window.columns().stream().map(c -> Map.of("name", c.name(), "type", c.type())).toList());
        json.put("rows", window.rows().stream().map(row -> row.stream().map(JsonValues::toJson).toList()).toList());
        json.put("total", window.total());
        json.put("offset", window.offset());
        ctx.json(json);
    }

    /** The whole relation as CSV in the grid's order, streamed: millions of rows never sit in memory. */
    public void export(Context ctx) throws IOException {
        RelationInfo relation = relation(ctx);
        List<SortKey> sort = sort(ctx, relation);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + relation.name() + ".csv\"");
        try (CsvRowWriter writer = new CsvRowWriter(ctx.outputStream())) {
            grid.export(relation, sort, writer);
        }
    }

    private RelationInfo relation(Context ctx) {
        User user = AccessControl.user(ctx);
        String name = ctx.pathParam("relation");
        return catalog.find(name, user.role())
                .orElseThrow(() -> UserFacingException.notFound("There is no relation called '" + name + "'."));
    }

    private static List<SortKey> sort(Context ctx, RelationInfo relation) {
        try {
            return SortKey.parse(ctx.queryParam("sort"), relation.columns());
        } catch (SortKey.InvalidSortException e) {
            throw UserFacingException.badRequest(e.getMessage());
        }
    }
}
