package io.rowdesk.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.uuid.UuidCreator;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.grid.ColumnFilter;
import io.rowdesk.grid.ColumnFilters;
import io.rowdesk.grid.GridFilter;
import io.rowdesk.json.Json;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.CheckedQuery;
import io.rowdesk.search.SqlGuard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Row actions end to end, short of sending: definitions (config and API, stored the same way), runs
 * on keys or on a search (the row and {@code when} read through the guarded query engine),
 * de-duplication of a second click, approvals, resend and cancel, each audited. The {@link
 * OutboxWorker} sends what this writes to the {@link Outbox}.
 */
public final class ActionService {
    /** The most rows one run may touch. */
    public static final int MAX_RUN_ROWS = 50_000;

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final String WHEN_COLUMN = "__rowdesk_when";
    private static final String APPROVAL_COLUMN = "__rowdesk_needs_approval";
    private static final Set<String> SECRET_KEYS =
            Set.of("signing_secret", "password", "token", "client_secret");
    static final String MASK = "********";
    private static final Duration ROW_QUERY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What a run asks for. {@code keys} are JSON values; or, with {@code all}, every row of the
     * grid's view: the English search {@code q} (less the chips in {@code removed}) and the column
     * {@code filters}.
     */
    public record RunRequest(
            List<JsonNode> keys,
            String q,
            boolean all,
            boolean dryRun,
            boolean again,
            Map<String, String> inputs,
            List<ColumnFilter> filters,
            Set<String> removed) {
        public RunRequest {
            filters = filters == null ? List.of() : List.copyOf(filters);
            removed = removed == null ? Set.of() : Set.copyOf(removed);
        }

        /** On keys, or on a search without column filters. */
        public RunRequest(
                List<JsonNode> keys,
                String q,
                boolean all,
                boolean dryRun,
                boolean again,
                Map<String, String> inputs) {
            this(keys, q, all, dryRun, again, inputs, List.of(), Set.of());
        }
    }

    /** One request a run created or found. */
    public record RunItem(String id, JsonNode key, String state, boolean existing) {}

    /**
     * One row of a dry run: what would be sent. {@code existing} is the state of the open or sent
     * request a real run would answer instead of creating one (null: a new request).
     */
    public record Preview(
            JsonNode key,
            String payload,
            String target,
            boolean needsApproval,
            RequestState existing) {}

    /** A row a run left out, and why. */
    public record Skipped(JsonNode key, String reason) {}

    public record RunResult(
            String batch, List<RunItem> requests, List<Preview> previews, List<Skipped> skipped) {}

    /**
     * Resolves a search on a relation to a row filter (the grid's, less the chips in {@code
     * removed}), for bulk runs.
     */
    public interface SearchFilter {
        GridFilter filter(String q, RelationInfo relation, Role role, Set<String> removed);
    }

    /** An action offered on a grid row, with its latest request's state (null: none yet). */
    public record RowAction(
            String name, String label, String state, String confirm, List<String> inputs) {}

    private final Outbox outbox;
    private final ActionDefinitionParser parser;
    private final RelationCatalog catalog;
    private final SqlGuard guard;
    private final QueryEngine engine;
    private final SearchFilter search;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, ActionDefinition> definitions = new ConcurrentHashMap<>();
    private final ReentrantLock creation = new ReentrantLock();
    private volatile Runnable onQueued = () -> {};
    private final PhaseTimes times = new PhaseTimes();

    public ActionService(
            Outbox outbox,
            ActionDefinitionParser parser,
            RelationCatalog catalog,
            SqlGuard guard,
            QueryEngine engine,
            SearchFilter search,
            AuditLog audit,
            Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox is null");
        this.parser = Objects.requireNonNull(parser, "parser is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.guard = Objects.requireNonNull(guard, "guard is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.search = Objects.requireNonNull(search, "search is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** Where runs spent their time (read, existing, render, write, audit). */
    public PhaseTimes phaseTimes() {
        return times;
    }

    /** Called when requests are queued: the worker looks at once. */
    public void onQueued(Runnable listener) {
        this.onQueued = Objects.requireNonNull(listener, "listener is null");
    }

    // --- definitions -------------------------------------------------------------------------

    /**
     * Loads the stored definitions and the config's (the config wins for its names; a change is
     * audited). Answers every problem, each with its key path.
     */
    public List<String> load(List<Map<String, Object>> fromConfig) {
        List<String> problems = new ArrayList<>();
        for (Outbox.StoredDefinition stored : outbox.definitions()) {
            try {
                Map<String, Object> raw = readMap(stored.json());
                ActionDefinition definition = parser.parse(raw, "actions." + stored.name());
                validate(definition, "actions." + stored.name());
                definitions.put(definition.name(), definition);
            } catch (ActionDefinitionParser.InvalidDefinitionException e) {
                // a stored definition that no longer fits (a relation went away): keep the app up
                problems.add(
                        "stored action "
                                + stored.name()
                                + " is disabled: "
                                + String.join("; ", e.problems()));
            }
        }
        List<String> configProblems = new ArrayList<>();
        for (int i = 0; i < fromConfig.size(); i++) {
            String path = "actions[" + i + "]";
            try {
                ActionDefinition definition = parser.parse(fromConfig.get(i), path);
                validate(definition, path);
                String json = writeJson(fromConfig.get(i));
                boolean changed =
                        outbox.definitions().stream()
                                .noneMatch(
                                        s ->
                                                s.name().equals(definition.name())
                                                        && s.json().equals(json));
                if (changed) {
                    outbox.saveDefinition(
                            definition.name(), json, "config", "config", clock.instant());
                    audit.record(
                            "config",
                            "action.define",
                            definition.name(),
                            AuditEntry.Outcome.SUCCESS,
                            Map.of("origin", "config", "definition", masked(fromConfig.get(i))));
                }
                definitions.put(definition.name(), definition);
            } catch (ActionDefinitionParser.InvalidDefinitionException e) {
                configProblems.addAll(e.problems());
            }
        }
        if (!configProblems.isEmpty()) {
            throw new ActionDefinitionParser.InvalidDefinitionException(configProblems);
        }
        return problems;
    }

    /** Checks a parsed definition against the catalog: relation, key, columns, predicates. */
    private void validate(ActionDefinition definition, String path) {
        List<String> problems = new ArrayList<>();
        RelationInfo relation = catalog.find(definition.relation(), Role.ADMIN).orElse(null);
        if (relation == null) {
            problems.add(
                    path
                            + ".relation: there is no relation called '"
                            + definition.relation()
                            + "'");
            throw new ActionDefinitionParser.InvalidDefinitionException(problems);
        }
        Set<String> columns = new java.util.HashSet<>();
        relation.columns().forEach(c -> columns.add(c.name()));
        if (!columns.contains(definition.key())) {
            problems.add(
                    path
                            + ".key: "
                            + definition.relation()
                            + " has no column '"
                            + definition.key()
                            + "'");
        }
        // each template by the key it came from, so a problem is shown by its field
        Map<String, PayloadTemplate> templates = new LinkedHashMap<>();
        if (definition.payload() != null) {
            templates.put("payload", definition.payload());
        }
        if (definition.destination() instanceof Destination.Http http) {
            templates.put("destination.url", http.url());
        }
        if (definition.destination() instanceof Destination.Postgres pg) {
            templates.put("destination.statement", pg.statement());
        }
        for (Map.Entry<String, PayloadTemplate> template : templates.entrySet()) {
            for (String column : template.getValue().rowColumns()) {
                if (!columns.contains(column)) {
                    problems.add(
                            path
                                    + "."
                                    + template.getKey()
                                    + ": {{row."
                                    + column
                                    + "}}: "
                                    + definition.relation()
                                    + " has no column '"
                                    + column
                                    + "'; it has "
                                    + new java.util.TreeSet<>(columns));
                }
            }
        }
        checkPredicate(relation, definition.when(), path + ".when", problems);
        if (definition.approval() != null) {
            checkPredicate(
                    relation, definition.approval().when(), path + ".approval.when", problems);
        }
        if (!problems.isEmpty()) {
            throw new ActionDefinitionParser.InvalidDefinitionException(problems);
        }
    }

    private void checkPredicate(
            RelationInfo relation, String predicate, String path, List<String> problems) {
        if (predicate == null || predicate.isBlank()) {
            return;
        }
        try {
            String sql =
                    "SELECT * FROM "
                            + SqlIdentifiers.quoteIdentifier(relation.name())
                            + " WHERE ("
                            + predicate
                            + ") LIMIT 0";
            CheckedQuery checked = guard.check(sql, Role.ADMIN);
            engine.query(checked.sql(), List.of(), 1, ROW_QUERY_TIMEOUT);
        } catch (UserFacingException | IllegalStateException e) {
            problems.add(path + ": not a predicate on " + relation.name() + ": " + e.getMessage());
        }
    }

    public Optional<ActionDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** Definitions on relations {@code role} may see, optionally of one relation. */
    public List<ActionDefinition> definitions(String relation, Role role) {
        return definitions.values().stream()
                .filter(d -> relation == null || d.relation().equals(relation))
                .filter(d -> catalog.find(d.relation(), role).isPresent())
                .sorted(java.util.Comparator.comparing(ActionDefinition::name))
                .toList();
    }

    /** What a masked secret reads as; sent back unchanged, it keeps the stored secret. */
    public static String maskText() {
        return MASK;
    }

    /** Per definition name, where it came from: {@code config} or {@code api}. */
    public Map<String, String> origins() {
        Map<String, String> origins = new LinkedHashMap<>();
        outbox.definitions().forEach(d -> origins.put(d.name(), d.origin()));
        return origins;
    }

    /** The definition as given, secrets masked: for the API and the actions page. */
    public static Map<String, Object> masked(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach(
                (k, v) -> {
                    if (SECRET_KEYS.contains(k) && v != null) {
                        copy.put(k, MASK);
                    } else if (v instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> inner = (Map<String, Object>) map;
                        copy.put(k, masked(inner));
                    } else {
                        copy.put(k, v);
                    }
                });
        return copy;
    }

    /** Creates ({@code create}) or replaces a definition sent by a builder. */
    public ActionDefinition save(String name, Map<String, Object> raw, boolean create, User user) {
        Map<String, Object> body = new LinkedHashMap<>(raw);
        if (name != null) {
            Object given = body.putIfAbsent("name", name);
            if (given != null && !given.equals(name)) {
                throw UserFacingException.badRequest(
                        "The body names '" + given + "' but the address names '" + name + "'.");
            }
        }
        ActionDefinition existing = definitions.get(String.valueOf(body.get("name")));
        if (create && existing != null) {
            throw UserFacingException.conflict(
                    "An action called '" + body.get("name") + "' exists already.");
        }
        if (existing != null && catalog.find(existing.relation(), user.role()).isEmpty()) {
            // on a relation this user may not see: as if it were not there
            if (create) {
                throw UserFacingException.conflict(
                        "An action called '" + body.get("name") + "' exists already.");
            }
            existing = null;
        }
        if (!create && existing == null) {
            throw UserFacingException.notFound("There is no action called '" + name + "'.");
        }
        requireVisibleRelation(body, user.role());
        body = keepStoredSecrets(body, existing);
        ActionDefinition definition = parseAndValidate(body);
        outbox.saveDefinition(
                definition.name(), writeJson(body), "api", user.email(), clock.instant());
        definitions.put(definition.name(), definition);
        audit.record(
                user.email(),
                "action.define",
                definition.name(),
                AuditEntry.Outcome.SUCCESS,
                Map.of("origin", "api", "created", create, "definition", masked(body)));
        return definition;
    }

    public void delete(String name, User user) {
        if (definitions.remove(name) == null) {
            throw UserFacingException.notFound("There is no action called '" + name + "'.");
        }
        outbox.deleteDefinition(name);
        audit.record(user.email(), "action.delete", name, AuditEntry.Outcome.SUCCESS, Map.of());
    }

    /** A definition's problems, answered as 400 with the list. */
    public static final class InvalidActionException extends UserFacingException {
        private final List<String> problems;

        public InvalidActionException(List<String> problems) {
            super(
                    ErrorKind.BAD_REQUEST,
                    "The action definition has problems: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("problems", problems);
        }
    }

    /**
     * A draft as a builder edits it (a preview or a test send): parsed and checked like a save, the
     * masked secrets taken from the stored definition of the same name.
     *
     * @throws InvalidActionException listing every problem
     */
    public ActionDefinition draft(Map<String, Object> raw, Role role) {
        Map<String, Object> body = raw == null ? Map.of() : raw;
        ActionDefinition existing =
                body.get("name") instanceof String name ? definitions.get(name) : null;
        if (existing != null && catalog.find(existing.relation(), role).isEmpty()) {
            existing = null;
        }
        requireVisibleRelation(body, role);
        return parseAndValidate(keepStoredSecrets(body, existing));
    }

    /**
     * A definition names a relation {@code role} may see, or none yet (the parser says so): checked
     * before the catalog is read as an admin, so no problem describes a relation hidden from them.
     */
    private void requireVisibleRelation(Map<String, Object> body, Role role) {
        if (body.get("relation") instanceof String relation
                && !relation.isBlank()
                && catalog.find(relation, role).isEmpty()) {
            throw new InvalidActionException(
                    List.of("action.relation: there is no relation called '" + relation + "'"));
        }
    }

    private ActionDefinition parseAndValidate(Map<String, Object> body) {
        try {
            ActionDefinition definition = parser.parse(body, "action");
            validate(definition, "action");
            return definition;
        } catch (ActionDefinitionParser.InvalidDefinitionException e) {
            throw new InvalidActionException(e.problems());
        }
    }

    /**
     * A secret sent back as the mask keeps the stored one: only at the same key, and only while the
     * destination's address stays where it was (a kept token must not follow a changed URL to
     * another host). A mask with nothing stored under it is refused rather than saved as the
     * secret.
     */
    private static Map<String, Object> keepStoredSecrets(
            Map<String, Object> body, ActionDefinition existing) {
        List<String> problems = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Map<String, Object> old = existing == null ? Map.of() : existing.source();
        Map<String, Object> result = unmask(body, old, "action", problems, kept);
        if (!kept.isEmpty()) {
            String moved = movedDestination(result, old);
            if (moved != null) {
                for (String path : kept) {
                    problems.add(
                            path
                                    + ": "
                                    + moved
                                    + "; type the secret again (a stored secret is only sent"
                                    + " where it was sent before)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidActionException(problems);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unmask(
            Map<String, Object> body,
            Map<String, Object> old,
            String path,
            List<String> problems,
            List<String> kept) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach(
                (k, v) -> {
                    Object previous = old == null ? null : old.get(k);
                    String here = path + "." + k;
                    if (MASK.equals(v)) {
                        if (previous instanceof String && !MASK.equals(previous)) {
                            copy.put(k, previous);
                            kept.add(here);
                        } else {
                            problems.add(
                                    here
                                            + ": is the mask ("
                                            + MASK
                                            + ") but no secret is stored there; type the"
                                            + " secret");
                        }
                    } else if (v instanceof Map<?, ?> map) {
                        copy.put(
                                k,
                                unmask(
                                        (Map<String, Object>) map,
                                        previous instanceof Map<?, ?> prev
                                                ? (Map<String, Object>) prev
                                                : Map.of(),
                                        here,
                                        problems,
                                        kept));
                    } else {
                        copy.put(k, v);
                    }
                });
        return copy;
    }

    /** Null when the destination still goes where it went; else what changed. */
    private static String movedDestination(Map<String, Object> now, Map<String, Object> before) {
        Map<?, ?> a = now.get("destination") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> b = before.get("destination") instanceof Map<?, ?> m ? m : Map.of();
        if (!String.valueOf(a.get("kind")).equals(String.valueOf(b.get("kind")))) {
            return "the destination kind changed";
        }
        if (!origin(a.get("url")).equals(origin(b.get("url")))) {
            return "the destination's address changed from "
                    + origin(b.get("url"))
                    + " to "
                    + origin(a.get("url"));
        }
        Map<?, ?> authA = a.get("auth") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> authB = b.get("auth") instanceof Map<?, ?> m ? m : Map.of();
        if (!origin(authA.get("token_url")).equals(origin(authB.get("token_url")))) {
            return "the token URL changed from "
                    + origin(authB.get("token_url"))
                    + " to "
                    + origin(authA.get("token_url"));
        }
        if (!String.valueOf(a.get("source")).equals(String.valueOf(b.get("source")))) {
            return "the postgres source changed";
        }
        return null;
    }

    /** scheme://host:port of a URL (template), lower-cased; "this server" for a path. */
    static String origin(Object url) {
        if (url == null) {
            return "(none)";
        }
        String text = String.valueOf(url).trim();
        if (text.startsWith("/")) {
            return "this server";
        }
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = text.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = text.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** A row a builder's preview or test send renders on, and whether {@code when} holds on it. */
    public record SampleRow(Map<String, Object> values, String key, Boolean whenHolds) {}

    /**
     * The row with {@code key} (compared as text), or without a key the first row where {@code
     * when} holds, else the first row. {@code when} is left out when it is not a predicate on the
     * relation ({@code whenHolds} is then null). Null when the relation has no such row.
     */
    public SampleRow sampleRow(RelationInfo relation, String keyColumn, String when, JsonNode key) {
        boolean validWhen = false;
        if (when != null && !when.isBlank()) {
            List<String> problems = new ArrayList<>();
            checkPredicate(relation, when, "when", problems);
            validWhen = problems.isEmpty();
        }
        String table = SqlIdentifiers.quoteIdentifier(relation.name());
        String whenSql = validWhen ? "coalesce((" + when + "), false)" : "true";
        String select = "SELECT *, " + whenSql + " AS " + WHEN_COLUMN + " FROM " + table;
        List<String> attempts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (key != null && !key.isNull()) {
            if (keyColumn == null
                    || relation.columns().stream().noneMatch(c -> c.name().equals(keyColumn))) {
                return null;
            }
            attempts.add(
                    select
                            + " WHERE CAST("
                            + SqlIdentifiers.quoteIdentifier(keyColumn)
                            + " AS VARCHAR) = ? LIMIT 1");
            params.add(key.asText());
        } else {
            if (validWhen) {
                attempts.add(select + " WHERE " + whenSql + " LIMIT 1");
            }
            attempts.add(select + " LIMIT 1");
        }
        for (String attempt : attempts) {
            CheckedQuery checked = guard.check(attempt, Role.ADMIN);
            QueryResult result = engine.query(checked.sql(), params, 1, ROW_QUERY_TIMEOUT);
            if (result.rows().isEmpty()) {
                continue;
            }
            List<String> names = result.columns().stream().map(Column::name).toList();
            List<Object> values = result.rows().get(0);
            Map<String, Object> row = new LinkedHashMap<>();
            Boolean holds = null;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(WHEN_COLUMN)) {
                    holds = validWhen ? Boolean.TRUE.equals(values.get(i)) : null;
                } else {
                    row.put(names.get(i), values.get(i));
                }
            }
            if (when == null || when.isBlank()) {
                holds = true;
            }
            String rowKey =
                    keyColumn != null && row.containsKey(keyColumn)
                            ? PayloadTemplate.jsonValue(row.get(keyColumn))
                            : null;
            return new SampleRow(row, rowKey, holds);
        }
        return null;
    }

    /** The relation as {@code role} sees it, if it may. */
    public Optional<RelationInfo> relation(String name, Role role) {
        return name == null ? Optional.empty() : catalog.find(name, role);
    }

    // --- runs ---------------------------------------------------------------------------------

    /** A row read for a run: its values, its key as JSON, and the two predicates' answers. */
    private record RowRead(
            Map<String, Object> values, String key, boolean when, boolean needsApproval) {}

    public RunResult run(String name, RunRequest run, User user) {
        ActionDefinition definition = runnable(name, user);
        RelationInfo relation = visibleRelation(definition, user.role());
        Map<String, String> inputs = run.inputs() == null ? Map.of() : run.inputs();
        for (String input : definition.inputs()) {
            String value = inputs.get(input);
            if (value == null || value.isBlank()) {
                throw UserFacingException.badRequest("This action asks for '" + input + "'.");
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        List<RowRead> rows;
        long t0 = System.nanoTime();
        if (run.keys() != null && !run.keys().isEmpty()) {
            if (run.keys().size() > MAX_RUN_ROWS) {
                throw UserFacingException.badRequest("At most " + MAX_RUN_ROWS + " rows per run.");
            }
            rows = rowsByKeys(definition, relation, run.keys(), skipped);
        } else if (run.all()) {
            GridFilter filter =
                    run.q() == null || run.q().isBlank()
                            ? GridFilter.NONE
                            : search.filter(run.q(), relation, user.role(), run.removed());
            rows =
                    rowsByFilter(
                            definition,
                            relation,
                            filter.and(ColumnFilters.where(run.filters(), relation)));
        } else {
            throw UserFacingException.badRequest(
                    "Give \"keys\": [...] or \"q\" with \"all\": true.");
        }
        times.since("run.read", rows.size(), t0);
        List<RowRead> eligible = new ArrayList<>();
        for (RowRead row : rows) {
            if (row.when()) {
                eligible.add(row);
            } else {
                skipped.add(
                        new Skipped(
                                json(row.key()),
                                "the condition of this action does not hold: "
                                        + definition.when()));
            }
        }
        Instant now = clock.instant();
        if (run.dryRun()) {
            // what a real run would answer instead of a new request: an open one, or a sent one
            // unless "again"
            Map<String, ActionRequest> existing =
                    outbox.openOrSucceeded(
                            definition.name(), eligible.stream().map(RowRead::key).toList());
            List<Preview> previews = new ArrayList<>();
            for (RowRead row : eligible) {
                Rendered rendered = render(definition, row, user, "dry-run", now, inputs);
                ActionRequest found = existing.get(row.key());
                previews.add(
                        new Preview(
                                json(row.key()),
                                rendered.payload(),
                                rendered.target(),
                                row.needsApproval(),
                                found != null && (found.state().open() || !run.again())
                                        ? found.state()
                                        : null));
            }
            return new RunResult(null, List.of(), previews, skipped);
        }
        String batch =
                eligible.size() > 1 ? UuidCreator.getTimeOrderedEpochPlus1().toString() : null;
        // rendered before the creation lock: it is most of a bulk run's work and needs no lock;
        // a row that turns out to have an open request already wastes one render
        t0 = System.nanoTime();
        String inputsJson = writeJson(inputs);
        List<Draft> drafts = new ArrayList<>(eligible.size());
        for (RowRead row : eligible) {
            String id = UuidCreator.getTimeOrderedEpochPlus1().toString();
            try {
                drafts.add(
                        new Draft(row, id, render(definition, row, user, id, now, inputs), null));
            } catch (IllegalArgumentException e) {
                drafts.add(new Draft(row, id, null, e.getMessage()));
            }
        }
        times.since("run.render", drafts.size(), t0);
        List<RunItem> items = new ArrayList<>();
        List<ActionRequest> created = new ArrayList<>();
        creation.lock();
        try {
            t0 = System.nanoTime();
            Map<String, ActionRequest> existing =
                    outbox.openOrSucceeded(
                            definition.name(), eligible.stream().map(RowRead::key).toList());
            times.since("run.existing", eligible.size(), t0);
            for (Draft draft : drafts) {
                RowRead row = draft.row();
                ActionRequest found = existing.get(row.key());
                if (found != null && (found.state().open() || !run.again())) {
                    items.add(
                            new RunItem(found.id(), json(row.key()), found.state().label(), true));
                    continue;
                }
                if (draft.problem() != null) {
                    skipped.add(new Skipped(json(row.key()), draft.problem()));
                    continue;
                }
                RequestState state =
                        row.needsApproval() ? RequestState.PENDING_APPROVAL : RequestState.QUEUED;
                created.add(
                        new ActionRequest(
                                draft.id(),
                                definition.name(),
                                definition.relation(),
                                row.key(),
                                state,
                                draft.rendered().payload(),
                                draft.rendered().target(),
                                inputsJson,
                                user.email(),
                                user.id(),
                                batch,
                                row.needsApproval() ? definition.approval().approvals() : 0,
                                now,
                                now,
                                state == RequestState.QUEUED ? now : null,
                                null,
                                null,
                                0,
                                0,
                                0,
                                null,
                                null,
                                null));
                items.add(new RunItem(draft.id(), json(row.key()), state.label(), false));
            }
            t0 = System.nanoTime();
            outbox.insert(created, created.stream().map(r -> auditEntry(r, user, run)).toList());
            times.since("run.write", created.size(), t0);
        } finally {
            creation.unlock();
        }
        if (created.stream().anyMatch(r -> r.state() == RequestState.QUEUED)) {
            onQueued.run();
        }
        return new RunResult(batch, items, List.of(), skipped);
    }

    private record Rendered(String payload, String target) {}

    /** A row's request before the duplicate check: its id, and its payload or why none. */
    private record Draft(RowRead row, String id, Rendered rendered, String problem) {}

    private static AuditLog.Pending auditEntry(ActionRequest r, User user, RunRequest run) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", r.action());
        details.put("relation", r.relation());
        details.put("row_key", r.rowKey());
        details.put("state", r.state().label());
        if (r.batchId() != null) {
            details.put("batch", r.batchId());
        }
        if (run.again()) {
            details.put("again", true);
        }
        return new AuditLog.Pending(
                user.email(), "action.request", r.id(), AuditEntry.Outcome.SUCCESS, details);
    }

    private Rendered render(
            ActionDefinition definition,
            RowRead row,
            User user,
            String id,
            Instant now,
            Map<String, String> inputs) {
        PayloadTemplate.Values values =
                new PayloadTemplate.Values(row.values(), user.email(), id, now, inputs);
        Destination destination = definition.destination();
        if (destination instanceof Destination.Postgres pg) {
            PayloadTemplate.BoundSql bound = pg.statement().renderSql(values);
            List<Object> params = new ArrayList<>();
            for (Object p : bound.params()) {
                params.add(
                        p == null
                                        || p instanceof Number
                                        || p instanceof Boolean
                                        || p instanceof String
                                ? p
                                : String.valueOf(p));
            }
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("sql", bound.sql());
            stored.put("params", params);
            return new Rendered(writeJson(stored), null);
        }
        String payload = definition.payload().renderJson(values);
        String target =
                destination instanceof Destination.Http http ? http.url().renderUrl(values) : null;
        return new Rendered(payload, target);
    }

    private ActionDefinition runnable(String name, User user) {
        ActionDefinition definition =
                definition(name)
                        .orElseThrow(
                                () ->
                                        UserFacingException.notFound(
                                                "There is no action called '" + name + "'."));
        visibleRelation(definition, user.role());
        if (!definition.mayRun(user.role())) {
            String least =
                    definition.roles().stream()
                            .min(Role::compareTo)
                            .map(Role::label)
                            .orElse("admin");
            throw UserFacingException.forbidden(
                    "\""
                            + definition.label()
                            + "\" needs the "
                            + least
                            + " role; you are "
                            + user.role().label()
                            + ".");
        }
        return definition;
    }

    private RelationInfo visibleRelation(ActionDefinition definition, Role role) {
        return catalog.find(definition.relation(), role)
                .orElseThrow(
                        () ->
                                UserFacingException.notFound(
                                        "There is no action called '" + definition.name() + "'."));
    }

    private static String whenSql(ActionDefinition definition) {
        return definition.when() == null || definition.when().isBlank()
                ? "true"
                : "(" + definition.when() + ")";
    }

    private String selectSql(ActionDefinition definition, RelationInfo relation, String where) {
        String when = whenSql(definition);
        String approval =
                definition.approval() == null
                        ? "false"
                        : definition.approval().when() == null
                                        || definition.approval().when().isBlank()
                                ? "true"
                                : "(" + definition.approval().when() + ")";
        return "SELECT *, coalesce("
                + when
                + ", false) AS "
                + WHEN_COLUMN
                + ", coalesce("
                + approval
                + ", false) AS "
                + APPROVAL_COLUMN
                + " FROM "
                + SqlIdentifiers.quoteIdentifier(relation.name())
                + (where.isEmpty() ? "" : " WHERE " + where);
    }

    private List<RowRead> query(ActionDefinition definition, String sql, List<Object> params) {
        CheckedQuery checked = guard.check(sql, Role.ADMIN);
        QueryResult result =
                engine.query(checked.sql(), params, MAX_RUN_ROWS + 1, ROW_QUERY_TIMEOUT);
        if (result.rows().size() > MAX_RUN_ROWS) {
            throw UserFacingException.badRequest(
                    "This run would touch more than " + MAX_RUN_ROWS + " rows; narrow the search.");
        }
        List<String> names = result.columns().stream().map(Column::name).toList();
        List<RowRead> rows = new ArrayList<>();
        for (List<Object> values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            boolean when = false;
            boolean approval = false;
            for (int i = 0; i < names.size(); i++) {
                String column = names.get(i);
                if (column.equals(WHEN_COLUMN)) {
                    when = Boolean.TRUE.equals(values.get(i));
                } else if (column.equals(APPROVAL_COLUMN)) {
                    approval = Boolean.TRUE.equals(values.get(i));
                } else {
                    row.put(column, values.get(i));
                }
            }
            rows.add(
                    new RowRead(
                            row,
                            PayloadTemplate.jsonValue(row.get(definition.key())),
                            when,
                            approval));
        }
        return rows;
    }

    private List<RowRead> rowsByKeys(
            ActionDefinition definition,
            RelationInfo relation,
            List<JsonNode> keys,
            List<Skipped> skipped) {
        List<RowRead> rows = new ArrayList<>();
        Map<String, JsonNode> wanted = new LinkedHashMap<>();
        for (JsonNode key : keys) {
            if (key == null || key.isContainerNode()) {
                throw UserFacingException.badRequest("Each key must be a number or a string.");
            }
            wanted.put(
                    key.isTextual() ? PayloadTemplate.jsonValue(key.asText()) : key.toString(),
                    key);
        }
        // one parameter however many keys: DuckDB prepares a statement with thousands of
        // parameters slowly; keys compare as text, so 7 and '7' are the same key
        List<String> asText = wanted.values().stream().map(JsonNode::asText).toList();
        String keyColumn = SqlIdentifiers.quoteIdentifier(definition.key());
        rows.addAll(
                query(
                        definition,
                        selectSql(
                                definition,
                                relation,
                                "CAST("
                                        + keyColumn
                                        + " AS VARCHAR) IN (SELECT unnest(json_extract_string(?,"
                                        + " '$[*]')))"),
                        List.of(writeJson(asText))));
        Set<String> found = new java.util.HashSet<>();
        rows.forEach(r -> found.add(r.key()));
        // a key given as 5 and stored as '5' (or the reverse) still matches: compare as text too
        for (Map.Entry<String, JsonNode> e : wanted.entrySet()) {
            if (!found.contains(e.getKey())
                    && !found.contains(PayloadTemplate.jsonValue(e.getValue().asText()))
                    && !found.contains(e.getValue().asText())) {
                skipped.add(new Skipped(e.getValue(), "no row with this key"));
            }
        }
        return rows;
    }

    private List<RowRead> rowsByFilter(
            ActionDefinition definition, RelationInfo relation, GridFilter filter) {
        String where = filter.where().trim();
        if (where.regionMatches(true, 0, "WHERE ", 0, 6)) {
            where = where.substring(6);
        }
        return query(definition, selectSql(definition, relation, where), filter.params());
    }

    private static Object keyValue(JsonNode key) {
        if (key.isIntegralNumber() && key.canConvertToLong()) {
            return key.asLong();
        }
        if (key.isNumber()) {
            return key.decimalValue();
        }
        return key.asText();
    }

    // --- approvals, resend, cancel -------------------------------------------------------------

    public ActionRequest request(String id) {
        return outbox.find(id)
                .orElseThrow(() -> UserFacingException.notFound("There is no request " + id + "."));
    }

    public ActionRequest approve(String id, User user, String comment) {
        return decide(id, user, comment, true);
    }

    public ActionRequest reject(String id, User user, String comment) {
        return decide(id, user, comment, false);
    }

    private ActionRequest decide(String id, User user, String comment, boolean approve) {
        ActionRequest request = request(id);
        ActionDefinition definition =
                definition(request.action())
                        .orElseThrow(
                                () ->
                                        UserFacingException.conflict(
                                                "The action "
                                                        + request.action()
                                                        + " is no longer defined."));
        if (request.state() != RequestState.PENDING_APPROVAL) {
            throw UserFacingException.conflict(
                    "This request is " + request.state().label() + ", not waiting for approval.");
        }
        if (request.requestedById() == user.id()) {
            throw UserFacingException.forbidden(
                    "You asked for this; someone else must "
                            + (approve ? "approve" : "reject")
                            + " it.");
        }
        Approval approval = definition.approval();
        if (approval != null && !approval.mayApprove(user.role())) {
            throw UserFacingException.forbidden(
                    "Only "
                            + approval.roles().stream().map(Role::label).sorted().toList()
                            + " (and admins) may approve \""
                            + definition.label()
                            + "\".");
        }
        Instant now = clock.instant();
        int approvals =
                outbox.decide(
                        new ApprovalDecision(
                                id,
                                user.id(),
                                user.email(),
                                approve ? "approved" : "rejected",
                                comment,
                                now));
        if (approvals < 0) {
            throw UserFacingException.conflict("You have already decided on this request.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", request.action());
        details.put("row_key", request.rowKey());
        details.put("comment", comment);
        if (!approve) {
            outbox.transition(
                    id,
                    EnumSet.of(RequestState.PENDING_APPROVAL),
                    RequestState.REJECTED,
                    now,
                    false);
            audit.record(user.email(), "action.reject", id, AuditEntry.Outcome.SUCCESS, details);
            return request(id);
        }
        details.put("approvals", approvals);
        details.put("needed", request.approvalsNeeded());
        audit.record(user.email(), "action.approve", id, AuditEntry.Outcome.SUCCESS, details);
        if (approvals >= request.approvalsNeeded()) {
            // the row may have changed while the request waited: check the condition again now
            RelationInfo relation = catalog.find(definition.relation(), Role.ADMIN).orElse(null);
            boolean holds = relation != null && stillHolds(definition, relation, request.rowKey());
            if (holds) {
                outbox.transition(
                        id,
                        EnumSet.of(RequestState.PENDING_APPROVAL),
                        RequestState.QUEUED,
                        now,
                        false);
                onQueued.run();
            } else {
                outbox.transition(
                        id,
                        EnumSet.of(RequestState.PENDING_APPROVAL),
                        RequestState.CANCELLED,
                        now,
                        false);
                audit.record(
                        "system",
                        "action.cancel",
                        id,
                        AuditEntry.Outcome.SUCCESS,
                        Map.of("reason", "the condition no longer holds: " + definition.when()));
            }
        }
        return request(id);
    }

    /** Re-checks {@code when} on the row as it is now (through the guarded engine). */
    public boolean stillHolds(ActionDefinition definition, RelationInfo relation, String rowKey) {
        JsonNode key = json(rowKey);
        List<Skipped> ignored = new ArrayList<>();
        List<RowRead> rows = rowsByKeys(definition, relation, List.of(key), ignored);
        return !rows.isEmpty() && rows.get(0).when();
    }

    public ActionRequest resend(String id, User user) {
        ActionRequest request = request(id);
        if (request.state() != RequestState.FAILED) {
            throw UserFacingException.conflict(
                    "Only a failed request can be resent; this one is "
                            + request.state().label()
                            + ".");
        }
        if (!outbox.transition(
                id, EnumSet.of(RequestState.FAILED), RequestState.QUEUED, clock.instant(), true)) {
            throw UserFacingException.conflict("This request changed meanwhile; reload.");
        }
        audit.record(
                user.email(),
                "action.resend",
                id,
                AuditEntry.Outcome.SUCCESS,
                Map.of("action", request.action(), "row_key", request.rowKey(), "manual", true));
        onQueued.run();
        return request(id);
    }

    public ActionRequest cancel(String id, User user) {
        ActionRequest request = request(id);
        if (request.requestedById() != user.id() && !user.role().includes(Role.BUILDER)) {
            throw UserFacingException.forbidden(
                    "Only who asked for it, or a builder, may cancel a request.");
        }
        if (!outbox.transition(
                id,
                EnumSet.of(RequestState.QUEUED, RequestState.PENDING_APPROVAL),
                RequestState.CANCELLED,
                clock.instant(),
                false)) {
            throw UserFacingException.conflict(
                    "This request is "
                            + request(id).state().label()
                            + "; only a queued or waiting one can be cancelled.");
        }
        audit.record(
                user.email(),
                "action.cancel",
                id,
                AuditEntry.Outcome.SUCCESS,
                Map.of("action", request.action(), "row_key", request.rowKey()));
        return request(id);
    }

    /** Cancels what of a bulk run has not been sent. */
    public int cancelBatch(String batch, User user) {
        int cancelled = outbox.cancelBatch(batch, clock.instant());
        audit.record(
                user.email(),
                "action.cancel",
                batch,
                AuditEntry.Outcome.SUCCESS,
                Map.of("batch", batch, "cancelled", cancelled));
        return cancelled;
    }

    public Map<RequestState, Long> batchCounts(String batch) {
        return outbox.batchCounts(batch);
    }

    public List<ActionRequest> list(
            String action, RequestState state, String batch, String before, int limit) {
        return outbox.list(action, state, batch, before, limit);
    }

    public List<Attempt> attempts(String id) {
        return outbox.attempts(id);
    }

    public List<ApprovalDecision> approvals(String id) {
        return outbox.approvals(id);
    }

    // --- the grid ------------------------------------------------------------------------------

    /**
     * Per row key (as JSON), the actions whose {@code when} holds on that row and that {@code role}
     * may run, with their latest request's state.
     */
    public Map<String, List<RowAction>> rowActions(
            RelationInfo relation, List<Object> keyValues, Role role) {
        List<ActionDefinition> actions =
                definitions(relation.name(), role).stream().filter(d -> d.mayRun(role)).toList();
        Map<String, List<RowAction>> result = new TreeMap<>();
        if (actions.isEmpty() || keyValues.isEmpty()) {
            return result;
        }
        List<String> keys = keyValues.stream().map(PayloadTemplate::jsonValue).toList();
        Map<String, Map<String, RequestState>> latest = outbox.latestStates(relation.name(), keys);
        // keys compare as text (as in a run); one parameter however many keys
        String keysParam = writeJson(keys.stream().map(k -> json(k).asText()).distinct().toList());
        Map<String, List<ActionDefinition>> byKeyColumn = new LinkedHashMap<>();
        actions.forEach(a -> byKeyColumn.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<ActionDefinition>> group : byKeyColumn.entrySet()) {
            // one guarded query for every action's condition, not one per action: the grid asks
            // for this with each window of rows it scrolls to
            List<ActionDefinition> defs = group.getValue();
            String keyColumn = SqlIdentifiers.quoteIdentifier(group.getKey());
            StringBuilder sql = new StringBuilder("SELECT ").append(keyColumn);
            for (int i = 0; i < defs.size(); i++) {
                sql.append(", coalesce(")
                        .append(whenSql(defs.get(i)))
                        .append(", false) AS ")
                        .append(WHEN_COLUMN)
                        .append('_')
                        .append(i);
            }
            sql.append(" FROM ")
                    .append(SqlIdentifiers.quoteIdentifier(relation.name()))
                    .append(" WHERE CAST(")
                    .append(keyColumn)
                    .append(" AS VARCHAR) IN (SELECT unnest(json_extract_string(?, '$[*]')))");
            CheckedQuery checked = guard.check(sql.toString(), Role.ADMIN);
            QueryResult rows =
                    engine.query(
                            checked.sql(), List.of(keysParam), MAX_RUN_ROWS, ROW_QUERY_TIMEOUT);
            for (List<Object> values : rows.rows()) {
                String key = PayloadTemplate.jsonValue(values.get(0));
                for (int i = 0; i < defs.size(); i++) {
                    if (!Boolean.TRUE.equals(values.get(i + 1))) {
                        continue;
                    }
                    ActionDefinition action = defs.get(i);
                    RequestState state = latest.getOrDefault(key, Map.of()).get(action.name());
                    result.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(
                                    new RowAction(
                                            action.name(),
                                            action.label(),
                                            state == null ? null : state.label(),
                                            action.confirm(),
                                            action.inputs()));
                }
            }
        }
        return result;
    }

    // --- JSON helpers --------------------------------------------------------------------------

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static String writeJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored action definition is not JSON", e);
        }
    }

    static boolean isNumber(Object value) {
        return value instanceof Number || value instanceof BigDecimal;
    }
}
