package io.rowdesk.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.uuid.UuidCreator;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a builder sees while editing a definition: the request rendered on a real row (secrets
 * masked), and a test send of it to the destination, once, now, through the same client and egress
 * checks as a real request but outside the outbox (no request row, no retries), marked {@code
 * Rowdesk-Test: true} with an id {@code test_<uuidv7>} that can never be a real request's.
 */
public final class ActionDrafts {
    /** A header whose name says it carries a credential is masked in a preview. */
    private static final Pattern SECRET_HEADER =
            Pattern.compile("(?i).*(authorization|token|secret|password|api[-_]?key|cookie).*");

    /** What a request would be on one row; fields that do not apply are null. */
    public record Preview(
            String rowKey,
            Boolean whenHolds,
            String payload,
            String method,
            String url,
            Map<String, String> headers,
            String statement,
            List<Object> params,
            List<String> problems) {}

    /** What the destination answered to a test send. */
    public record TestSend(
            String id,
            String rowKey,
            Boolean whenHolds,
            String outcome,
            Integer status,
            long durationMillis,
            String error,
            String response) {}

    private final ActionService actions;
    private final Deliveries deliveries;
    private final AuditLog audit;
    private final Clock clock;

    public ActionDrafts(ActionService actions, Deliveries deliveries, AuditLog audit, Clock clock) {
        this.actions = Objects.requireNonNull(actions, "actions is null");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * Renders a draft on the row with {@code key}, or on the first row where its {@code when}
     * holds. A draft with problems still renders what it can (the payload alone while the
     * destination is half typed); every problem is listed with its key path.
     */
    public Preview preview(
            Map<String, Object> raw, JsonNode key, Map<String, String> inputs, User user) {
        Map<String, Object> draft = raw == null ? Map.of() : raw;
        List<String> problems = new ArrayList<>();
        RelationInfo relation =
                actions.relation(text(draft.get("relation")), user.role()).orElse(null);
        if (relation == null) {
            problems.add(
                    draft.get("relation") instanceof String name && !name.isBlank()
                            ? "action.relation: there is no relation called '" + name + "'"
                            : "action.relation: choose a relation");
            return new Preview(null, null, null, null, null, null, null, null, problems);
        }
        ActionDefinition definition = null;
        try {
            definition = actions.draft(draft, user.role());
        } catch (ActionService.InvalidActionException e) {
            problems.addAll(e.problems());
        }
        String keyColumn = text(draft.get("key"));
        ActionService.SampleRow row =
                actions.sampleRow(relation, keyColumn, text(draft.get("when")), key);
        if (row == null) {
            problems.add(
                    key == null || key.isNull()
                            ? "row: " + relation.name() + " has no rows to preview on"
                            : "row: " + relation.name() + " has no row whose key is " + key);
            return new Preview(null, null, null, null, null, null, null, null, problems);
        }
        List<String> inputNames = inputNames(draft, definition);
        PayloadTemplate.Values values =
                values(
                        row,
                        user,
                        UuidCreator.getTimeOrderedEpochPlus1().toString(),
                        inputs,
                        inputNames);
        if (definition != null) {
            return render(definition, row, values, problems);
        }
        return partial(draft, row, values, inputNames, problems);
    }

    /**
     * Sends the draft's request for one row (by {@code key}, or the first where {@code when} holds)
     * now, once; audited as {@code action.test}.
     *
     * @throws ActionService.InvalidActionException when the draft has problems
     */
    public TestSend test(
            Map<String, Object> raw, JsonNode key, Map<String, String> inputs, User user) {
        ActionDefinition definition = actions.draft(raw == null ? Map.of() : raw, user.role());
        RelationInfo relation =
                actions.relation(definition.relation(), user.role())
                        .orElseThrow(
                                () ->
                                        UserFacingException.notFound(
                                                "There is no relation called '"
                                                        + definition.relation()
                                                        + "'."));
        ActionService.SampleRow row =
                actions.sampleRow(relation, definition.key(), definition.when(), key);
        if (row == null) {
            throw UserFacingException.notFound(
                    key == null || key.isNull()
                            ? relation.name() + " has no rows to test on."
                            : relation.name() + " has no row whose key is " + key + ".");
        }
        String id = "test_" + UuidCreator.getTimeOrderedEpochPlus1();
        Instant now = clock.instant();
        PayloadTemplate.Values values = values(row, user, id, inputs, definition.inputs());
        String payload;
        String target = null;
        try {
            if (definition.destination() instanceof Destination.Postgres pg) {
                PayloadTemplate.BoundSql bound = pg.statement().renderSql(values);
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("sql", bound.sql());
                stored.put("params", sqlParams(bound.params()));
                payload = ActionService.writeJson(stored);
            } else {
                payload = definition.payload().renderJson(values);
                if (definition.destination() instanceof Destination.Http http) {
                    target = http.url().renderUrl(values);
                }
            }
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest(
                    "The request cannot be rendered on this row: " + e.getMessage());
        }
        ActionRequest request =
                new ActionRequest(
                        id,
                        definition.name(),
                        definition.relation(),
                        row.key(),
                        RequestState.SENDING,
                        payload,
                        target,
                        ActionService.writeJson(inputs == null ? Map.of() : inputs),
                        user.email(),
                        user.id(),
                        null,
                        0,
                        now,
                        now,
                        null,
                        null,
                        null,
                        1,
                        1,
                        0,
                        null,
                        null,
                        null);
        long started = System.nanoTime();
        Delivery delivery = deliveries.test(definition, request);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String outcome = delivery.kind() == Delivery.Kind.SUCCEEDED ? "succeeded" : "failed";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id);
        details.put("relation", definition.relation());
        details.put("row_key", row.key());
        details.put("kind", definition.destination().kind());
        details.put("status", delivery.status());
        details.put("duration_ms", millis);
        details.put("outcome", outcome);
        if (delivery.errorClass() != null) {
            details.put("error", delivery.errorClass());
        }
        audit.record(
                user.email(),
                "action.test",
                definition.name(),
                delivery.kind() == Delivery.Kind.SUCCEEDED
                        ? AuditEntry.Outcome.SUCCESS
                        : AuditEntry.Outcome.FAILURE,
                details);
        return new TestSend(
                id,
                row.key(),
                row.whenHolds(),
                outcome,
                delivery.status(),
                millis,
                delivery.errorClass(),
                delivery.response());
    }

    private Preview render(
            ActionDefinition definition,
            ActionService.SampleRow row,
            PayloadTemplate.Values values,
            List<String> problems) {
        Destination destination = definition.destination();
        try {
            if (destination instanceof Destination.Postgres pg) {
                PayloadTemplate.BoundSql bound = pg.statement().renderSql(values);
                return new Preview(
                        row.key(),
                        row.whenHolds(),
                        null,
                        null,
                        null,
                        null,
                        bound.sql(),
                        sqlParams(bound.params()),
                        problems);
            }
            String payload = definition.payload().renderJson(values);
            if (destination instanceof Destination.Webhook webhook) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "application/json");
                headers.put("Idempotency-Key", values.requestId());
                headers.put(StandardWebhooks.ID, values.requestId());
                if (webhook.signingSecret() != null) {
                    headers.put(StandardWebhooks.SIGNATURE, "v1," + ActionService.MASK);
                }
                return new Preview(
                        row.key(),
                        row.whenHolds(),
                        payload,
                        "POST",
                        webhook.url(),
                        headers,
                        null,
                        null,
                        problems);
            }
            Destination.Http http = (Destination.Http) destination;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            http.headers()
                    .forEach(
                            (name, value) ->
                                    headers.put(
                                            name,
                                            SECRET_HEADER.matcher(name).matches()
                                                    ? ActionService.MASK
                                                    : value));
            headers.put("Idempotency-Key", values.requestId());
            headers.put(StandardWebhooks.ID, values.requestId());
            if (http.auth() instanceof HttpAuth.Bearer
                    || http.auth() instanceof HttpAuth.OAuth2ClientCredentials) {
                headers.put("Authorization", "Bearer " + ActionService.MASK);
            } else if (http.auth() instanceof HttpAuth.Basic) {
                headers.put("Authorization", "Basic " + ActionService.MASK);
            }
            boolean withBody = !http.method().equals("GET") && !http.method().equals("DELETE");
            return new Preview(
                    row.key(),
                    row.whenHolds(),
                    withBody ? payload : null,
                    http.method(),
                    http.url().renderUrl(values),
                    headers,
                    null,
                    null,
                    problems);
        } catch (IllegalArgumentException e) {
            problems.add("row: " + e.getMessage());
            return new Preview(
                    row.key(), row.whenHolds(), null, null, null, null, null, null, problems);
        }
    }

    /** The pieces of a draft with problems that render on their own. */
    private static Preview partial(
            Map<String, Object> draft,
            ActionService.SampleRow row,
            PayloadTemplate.Values values,
            List<String> inputs,
            List<String> problems) {
        Map<?, ?> destination = draft.get("destination") instanceof Map<?, ?> m ? m : Map.of();
        String kind = String.valueOf(destination.get("kind")).toLowerCase(Locale.ROOT);
        String payload = null;
        String statement = null;
        List<Object> params = null;
        String url = null;
        try {
            if (kind.equals("postgres") && destination.get("statement") instanceof String sql) {
                PayloadTemplate.BoundSql bound =
                        PayloadTemplate.parse(sql, inputs).renderSql(values);
                statement = bound.sql();
                params = sqlParams(bound.params());
            }
        } catch (IllegalArgumentException e) {
            // the parser's problem names it already
        }
        try {
            if (draft.get("payload") instanceof String text && !kind.equals("postgres")) {
                payload = PayloadTemplate.parse(text, inputs).renderJson(values);
            }
        } catch (IllegalArgumentException e) {
            // likewise
        }
        try {
            if (destination.get("url") instanceof String text) {
                url =
                        kind.equals("http")
                                ? PayloadTemplate.parse(text, inputs).renderUrl(values)
                                : text;
            }
        } catch (IllegalArgumentException e) {
            // likewise
        }
        return new Preview(
                row.key(), row.whenHolds(), payload, null, url, null, statement, params, problems);
    }

    private PayloadTemplate.Values values(
            ActionService.SampleRow row,
            User user,
            String requestId,
            Map<String, String> given,
            List<String> inputNames) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String name : inputNames) {
            String value = given == null ? null : given.get(name);
            inputs.put(name, value == null || value.isBlank() ? "(" + name + ")" : value);
        }
        return new PayloadTemplate.Values(
                row.values(), user.email(), requestId, clock.instant(), inputs);
    }

    private static List<String> inputNames(Map<String, Object> draft, ActionDefinition definition) {
        if (definition != null) {
            return definition.inputs();
        }
        Object inputs = draft.get("inputs");
        if (inputs instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return inputs == null ? List.of() : List.of(String.valueOf(inputs));
    }

    /** Parameters as the outbox stores them: JSON scalars, other values as their text. */
    static List<Object> sqlParams(List<Object> params) {
        List<Object> out = new ArrayList<>();
        for (Object p : params) {
            out.add(
                    p == null || p instanceof Number || p instanceof Boolean || p instanceof String
                            ? p
                            : String.valueOf(p));
        }
        return out;
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
