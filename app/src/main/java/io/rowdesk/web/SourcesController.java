package io.rowdesk.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.rowdesk.auth.User;
import io.rowdesk.cache.SourceStatus;
import io.rowdesk.cache.SyncService;
import io.rowdesk.cache.TableStatus;
import io.rowdesk.cache.ViewStatus;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sources and their sync: the Sources page (htmx: the table list refreshes itself while a sync
 * runs, "Sync now" posts and swaps the list in) and the JSON API.
 */
public final class SourcesController {
    public static final String PAGE = "/sources";
    public static final String SYNC_FORM = "/sources/{source}/sync";
    public static final String API = "/api/v1/sources";
    public static final String API_SYNC = "/api/v1/sources/{source}/sync";

    private final SyncService sync;
    private final RelationCatalog catalog;
    private final Templates templates;

    public SourcesController(SyncService sync, RelationCatalog catalog, Templates templates) {
        this.sync = Objects.requireNonNull(sync, "sync is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
    }

    public static String syncPath(String source) {
        return SYNC_FORM.replace("{source}", source);
    }

    /** The body of {@code POST /api/v1/sources/{name}/sync}; everything optional. */
    public record SyncRequest(
            List<String> tables, String mode, @JsonProperty("wait") Boolean waitForIt) {
        static final String EXAMPLE = "{\"tables\": [\"events\"], \"mode\": \"full\"}";
    }

    public void page(Context ctx) {
        User user = AccessControl.user(ctx);
        SourcesPage model = new SourcesPage(sync.status(), sync.viewStatus());
        if (Htmx.isHtmx(ctx)) {
            ctx.html(templates.render("sources/list.jte", Map.of("model", model)));
            return;
        }
        PageModel page = PageModel.of(ctx, "Sources", catalog.visibleTo(user.role()), null);
        ctx.html(templates.render("sources/page.jte", Map.of("page", page, "model", model)));
    }

    /** "Sync now" from the page: starts the sync and answers the refreshed list. */
    public void syncForm(Context ctx) {
        User user = AccessControl.user(ctx);
        String table = ctx.formParam("table");
        sync.submit(
                ctx.pathParam("source"),
                table == null || table.isBlank() ? List.of() : List.of(table),
                SyncService.Mode.AUTO,
                user.email());
        ctx.html(
                templates.render(
                        "sources/list.jte",
                        Map.of("model", new SourcesPage(sync.status(), sync.viewStatus()))));
    }

    public void list(Context ctx) {
        ctx.json(
                Map.of(
                        "sources",
                        sync.status().stream().map(SourcesController::json).toList(),
                        "views",
                        sync.viewStatus().stream().map(SourcesController::json).toList()));
    }

    public void syncApi(Context ctx) {
        User user = AccessControl.user(ctx);
        SyncRequest request =
                ctx.body().isBlank()
                        ? new SyncRequest(null, null, null)
                        : RequestBodies.read(ctx, SyncRequest.class, SyncRequest.EXAMPLE);
        SyncService.Mode mode = SyncService.Mode.AUTO;
        if (request.mode() != null) {
            try {
                mode = SyncService.Mode.valueOf(request.mode().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw UserFacingException.badRequest("mode must be auto or full");
            }
        }
        List<String> tables = request.tables() == null ? List.of() : request.tables();
        var future = sync.submit(ctx.pathParam("source"), tables, mode, user.email());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", ctx.pathParam("source"));
        json.put("tables", tables);
        if (Boolean.TRUE.equals(request.waitForIt())) {
            json.put("outcomes", future.join().stream().map(SourcesController::json).toList());
            ctx.json(json);
        } else {
            json.put("accepted", true);
            ctx.status(HttpStatus.ACCEPTED).json(json);
        }
    }

    static Map<String, Object> json(SourceStatus source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", source.name());
        json.put("kind", source.kind());
        json.put("refresh", source.refresh());
        json.put("error", source.error());
        json.put("tables", source.tables().stream().map(SourcesController::json).toList());
        return json;
    }

    static Map<String, Object> json(TableStatus table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", table.name());
        json.put("relation", table.relation());
        json.put("state", table.state().label());
        json.put("rows", table.rows());
        json.put("estimate", table.estimate());
        json.put(
                "last_success_at",
                table.lastSuccessAt() == null ? null : table.lastSuccessAt().toString());
        json.put("duration_ms", table.durationMillis());
        json.put("last_error", table.lastError());
        json.put("progress_rows", table.progressRows());
        json.put("rows_per_second", table.rowsPerSecond());
        json.put(
                "columns",
                table.columns().stream()
                        .map(c -> Map.of("name", c.name(), "type", c.type()))
                        .toList());
        return json;
    }

    static Map<String, Object> json(ViewStatus view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", view.name());
        json.put("state", view.ok() ? "ok" : "failed");
        json.put("last_error", view.error());
        return json;
    }

    static Map<String, Object> json(SyncService.Outcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("relation", outcome.relation());
        json.put("ok", outcome.ok());
        json.put("mode", outcome.incremental() ? "incremental" : "full");
        json.put("rows", outcome.rows());
        json.put("rows_read", outcome.rowsRead());
        json.put("duration_ms", outcome.millis());
        json.put("error", outcome.error());
        return json;
    }

    /** What the Sources templates show. */
    public record SourcesPage(List<SourceStatus> sources, List<ViewStatus> views) {
        public boolean syncing() {
            return sources.stream()
                    .flatMap(s -> s.tables().stream())
                    .anyMatch(t -> t.state() == TableStatus.State.SYNCING);
        }

        public String count(Long n) {
            return n == null ? "—" : CellFormat.count(n);
        }

        public String when(java.time.Instant at) {
            return at == null
                    ? "never"
                    : java.time.format.DateTimeFormatter.ofPattern(
                                    "MMM d, HH:mm:ss", Locale.ENGLISH)
                            .withZone(java.time.ZoneOffset.UTC)
                            .format(at);
        }

        public String duration(Long millis) {
            return millis == null ? "—" : String.format(Locale.ENGLISH, "%.1f s", millis / 1000.0);
        }

        public String rate(Double perSecond) {
            return perSecond == null
                    ? "—"
                    : String.format(Locale.ENGLISH, "%,.0f rows/s", perSecond);
        }

        public String progress(TableStatus table) {
            String done = CellFormat.count(table.progressRows());
            return table.estimate() == null || table.estimate() <= 0
                    ? done + " rows"
                    : done
                            + " of ~"
                            + CellFormat.count(table.estimate())
                            + " rows ("
                            + Math.min(100, table.progressRows() * 100 / table.estimate())
                            + "%)";
        }

        public String syncPath(String source) {
            return SourcesController.syncPath(source);
        }

        public String schema(TableStatus table) {
            return String.join(
                    ", ", table.columns().stream().map(c -> c.name() + " " + c.type()).toList());
        }
    }
}
