package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.http.Context;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.audit.AuditSearch;
import io.rowdesk.audit.AuditVerifier;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.json.Json;
import io.rowdesk.query.RelationCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The admins' audit log: filters, details, exports, retention and the Verify button. */
public final class AuditController {
    public static final String LOG = "/audit";
    public static final String EXPORT_CSV = "/audit/export.csv";
    public static final String EXPORT_JSONL = "/audit/export.jsonl";
    public static final String VERIFY = "/audit/verify";
    public static final String RETENTION = "/audit/retention";
    static final int PAGE = 100;

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final CsvMapper CSV = new CsvMapper();

    private final AuditLog audit;
    private final AuditSearch search;
    private final RelationCatalog catalog;
    private final Templates templates;
    private final Clock clock;

    public AuditController(
            AuditLog audit,
            AuditSearch search,
            RelationCatalog catalog,
            Templates templates,
            Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.search = Objects.requireNonNull(search, "search is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public void page(Context ctx) {
        AuditSearch.Filter filter = filter(ctx);
        List<AuditEntry> entries = search.find(filter, PAGE);
        Map<String, Object> params = new HashMap<>();
        params.put("entries", entries);
        params.put("query", query(ctx));
        params.put("older", entries.size() == PAGE ? entries.get(entries.size() - 1).seq() : null);
        if (Htmx.isHtmx(ctx)) {
            ctx.html(templates.render("audit/rows.jte", params));
            return;
        }
        User user = AccessControl.user(ctx);
        params.put(
                "page",
                new PageModel(
                        "Audit log",
                        user,
                        catalog.visibleTo(user.role()),
                        null,
                        AccessControl.csrf(ctx)));
        params.put("filter", filter);
        ctx.html(templates.render("audit/log.jte", params));
    }

    public void exportCsv(Context ctx) throws IOException {
        AuditSearch.Filter filter = filter(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"audit.csv\"");
        CsvSchema schema =
                CsvSchema.builder()
                        .setUseHeader(true)
                        .addColumn("seq")
                        .addColumn("at")
                        .addColumn("actor")
                        .addColumn("action")
                        .addColumn("target")
                        .addColumn("outcome")
                        .addColumn("details")
                        .addColumn("hash")
                        .build();
        OutputStream out = ctx.outputStream();
        try (JsonGenerator csv = CSV.getFactory().createGenerator(out)) {
            csv.setSchema(schema);
            search.stream(
                    filter,
                    e -> {
                        try {
                            csv.writeStartArray();
                            csv.writeString(Long.toString(e.seq()));
                            csv.writeString(e.at().toString());
                            csv.writeString(CsvRowWriter.neutralise(e.actor()));
                            csv.writeString(CsvRowWriter.neutralise(e.action()));
                            csv.writeString(
                                    CsvRowWriter.neutralise(
                                            Objects.requireNonNullElse(e.target(), "")));
                            csv.writeString(e.outcome().name().toLowerCase(Locale.ROOT));
                            csv.writeString(
                                    CsvRowWriter.neutralise(JSON.writeValueAsString(e.details())));
                            csv.writeString(e.hash());
                            csv.writeEndArray();
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
        }
    }

    public void exportJsonl(Context ctx) throws IOException {
        AuditSearch.Filter filter = filter(ctx);
        ctx.contentType("application/x-ndjson; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"audit.jsonl\"");
        OutputStream out = ctx.outputStream();
        search.stream(
                filter,
                e -> {
                    try {
                        out.write(JSON.writeValueAsBytes(json(e)));
                        out.write('\n');
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
        out.flush();
    }

    public void verify(Context ctx) {
        AuditVerifier.Result result = audit.verifier().verify();
        String message =
                result.intact()
                        ? "Intact: " + result.entries() + " entries verified."
                        : "BROKEN at entry " + result.firstBadSeq() + ": " + result.problem();
        ctx.html(
                templates.render(
                        "audit/verify.jte", Map.of("intact", result.intact(), "message", message)));
    }

    public void retention(Context ctx) {
        int days;
        try {
            days = Integer.parseInt(Objects.requireNonNullElse(ctx.formParam("days"), ""));
        } catch (NumberFormatException e) {
            throw UserFacingException.badRequest("\"days\" must be a whole number.");
        }
        if (days < 30 || days > 3650) {
            throw UserFacingException.badRequest("Keep between 30 and 3650 days of audit log.");
        }
        audit.prune(clock.instant().minus(Duration.ofDays(days)), AccessControl.user(ctx).email());
        ctx.redirect(LOG);
    }

    static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at().toString());
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("target", e.target());
        out.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
        out.put("details", e.details());
        out.put("prev_hash", e.prevHash());
        out.put("hash", e.hash());
        return out;
    }

    private static AuditSearch.Filter filter(Context ctx) {
        String outcome = ctx.queryParam("outcome");
        AuditEntry.Outcome parsed = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                parsed = AuditEntry.Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw UserFacingException.badRequest(
                        "\"outcome\" must be success, failure or denied.");
            }
        }
        Long before = null;
        String beforeText = ctx.queryParam("before");
        if (beforeText != null && !beforeText.isBlank()) {
            try {
                before = Long.parseLong(beforeText.trim());
            } catch (NumberFormatException e) {
                throw UserFacingException.badRequest("\"before\" must be an entry number.");
            }
        }
        return new AuditSearch.Filter(
                ctx.queryParam("actor"),
                ctx.queryParam("action"),
                ctx.queryParam("target"),
                parsed,
                time(ctx.queryParam("from"), "from", false),
                time(ctx.queryParam("to"), "to", true),
                ctx.queryParam("q"),
                before);
    }

    /** A date (whole day, UTC) or an ISO instant. */
    private static Instant time(String text, String name, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw UserFacingException.badRequest(
                    "\"" + name + "\" must be a date like 2026-11-20 or an ISO time.");
        }
    }

    /** The current filters as a query string, for the export links and paging. */
    private static String query(Context ctx) {
        StringBuilder out = new StringBuilder();
        for (String key : List.of("actor", "action", "target", "outcome", "from", "to", "q")) {
            String value = ctx.queryParam(key);
            if (value != null && !value.isBlank()) {
                out.append(out.length() == 0 ? "" : "&")
                        .append(key)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
