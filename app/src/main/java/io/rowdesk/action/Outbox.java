package io.rowdesk.action;

import io.rowdesk.audit.AuditLog;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.store.MultiRowStatements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The outbox in the state store: requests, attempts and approvals. A request is written, with its
 * audit entry in the same transaction, before anything is sent; workers claim due requests as a
 * lease with an expiry and record each outcome (and its audit entry) with the lease as a fence.
 * Writes go through one lock: DuckDB allows one writer at a time per row anyway, and batches keep
 * that cheap (on a Postgres store the claim becomes {@code SELECT ... FOR UPDATE SKIP LOCKED} and
 * the lock goes).
 */
public final class Outbox {
    static final String COLUMNS =
            "id, action, relation, row_key, state, payload, target, inputs, requested_by,"
                    + " requested_by_id, batch_id, approvals_needed, created_at, updated_at,"
                    + " next_attempt_at, lease_owner, lease_expires_at, attempts, cycle_attempts,"
                    + " resends, last_status, last_error, completed_at";

    private static final RowMapper<ActionRequest> REQUEST =
            (rs, ctx) ->
                    new ActionRequest(
                            rs.getString("id"),
                            rs.getString("action"),
                            rs.getString("relation"),
                            rs.getString("row_key"),
                            RequestState.parse(rs.getString("state")),
                            rs.getString("payload"),
                            rs.getString("target"),
                            rs.getString("inputs"),
                            rs.getString("requested_by"),
                            rs.getLong("requested_by_id"),
                            rs.getString("batch_id"),
                            rs.getInt("approvals_needed"),
                            instant(rs, "created_at"),
                            instant(rs, "updated_at"),
                            instant(rs, "next_attempt_at"),
                            rs.getString("lease_owner"),
                            instant(rs, "lease_expires_at"),
                            rs.getInt("attempts"),
                            rs.getInt("cycle_attempts"),
                            rs.getInt("resends"),
                            (Integer) rs.getObject("last_status"),
                            rs.getString("last_error"),
                            instant(rs, "completed_at"));

    private static final RowMapper<Attempt> ATTEMPT =
            (rs, ctx) ->
                    new Attempt(
                            rs.getString("request_id"),
                            rs.getInt("attempt"),
                            instant(rs, "started_at"),
                            rs.getLong("duration_ms"),
                            (Integer) rs.getObject("status_code"),
                            rs.getString("error_class"),
                            rs.getString("response"),
                            rs.getString("outcome"),
                            rs.getBoolean("manual"));

    private static final RowMapper<ApprovalDecision> APPROVAL =
            (rs, ctx) ->
                    new ApprovalDecision(
                            rs.getString("request_id"),
                            rs.getLong("approver_id"),
                            rs.getString("approver"),
                            rs.getString("decision"),
                            rs.getString("comment"),
                            instant(rs, "decided_at"));

    /** The result of one attempt, to record. */
    public record Outcome(
            ActionRequest request,
            Attempt attempt,
            RequestState next,
            Instant nextAttemptAt,
            String error) {}

    private final Jdbi jdbi;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final Object writeLock = new Object();

    /**
     * @param secrets seals action definitions at rest: they hold signing secrets, bearer tokens and
     *     OAuth client secrets (from the config's environment or typed in by a builder)
     * @param audit the log that requests and attempts are written together with (same transaction;
     *     lock order: this outbox, then the log)
     */
    public Outbox(Jdbi jdbi, SecretBox secrets, AuditLog audit) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.secrets = Objects.requireNonNull(secrets, "secrets is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Writes new requests and their audit entries in one transaction: nothing can be claimed (and
     * sent) before its request and audit entry are committed, and a crash keeps both or neither.
     */
    public void insert(List<ActionRequest> requests, List<AuditLog.Pending> entries) {
        if (requests.isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>(requests.size());
        for (ActionRequest r : requests) {
            rows.add(
                    Arrays.asList(
                            r.id(),
                            r.action(),
                            r.relation(),
                            r.rowKey(),
                            r.state().label(),
                            r.payload(),
                            r.target(),
                            r.inputs(),
                            r.requestedBy(),
                            r.requestedById(),
                            r.batchId(),
                            r.approvalsNeeded(),
                            utc(r.createdAt()),
                            utc(r.updatedAt()),
                            utc(r.nextAttemptAt()),
                            r.leaseOwner(),
                            utc(r.leaseExpiresAt()),
                            r.attempts(),
                            r.cycleAttempts(),
                            r.resends(),
                            r.lastStatus(),
                            r.lastError(),
                            utc(r.completedAt())));
        }
        synchronized (writeLock) {
            audit.recordAll(
                    entries,
                    handle ->
                            MultiRowStatements.insert(
                                    handle,
                                    "action_requests",
                                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP),"
                                            + " CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?,"
                                            + " CAST(? AS TIMESTAMP), ?, ?, ?, CAST(? AS INTEGER), ?,"
                                            + " CAST(? AS TIMESTAMP))",
                                    rows));
        }
    }

    /**
     * For a second click: per row key, the newest request of {@code action} that is open or
     * succeeded.
     */
    public Map<String, ActionRequest> openOrSucceeded(String action, Collection<String> rowKeys) {
        Map<String, ActionRequest> found = new HashMap<>();
        if (rowKeys.isEmpty()) {
            return found;
        }
        // the keys as one JSON parameter: the statement stays small however many keys a run has,
        // and only those keys' requests are read, not the action's whole history
        jdbi.useHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM action_requests WHERE action = ? AND state"
                                                + " IN ('queued', 'pending_approval', 'sending',"
                                                + " 'succeeded') AND row_key IN (SELECT"
                                                + " unnest(json_extract_string(?, '$[*]'))) ORDER"
                                                + " BY id")
                                .bind(0, action)
                                .bind(1, ActionService.writeJson(List.copyOf(rowKeys)))
                                .map(REQUEST)
                                .forEach(r -> found.put(r.rowKey(), r)));
        return found;
    }

    /** Per row key and action, the newest request: what the grid shows. */
    public Map<String, Map<String, RequestState>> latestStates(
            String relation, Collection<String> rowKeys) {
        Map<String, Map<String, RequestState>> states = new HashMap<>();
        if (rowKeys.isEmpty()) {
            return states;
        }
        Set<String> wanted = Set.copyOf(rowKeys);
        jdbi.useHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT row_key, action, state FROM action_requests WHERE"
                                                + " relation = ? ORDER BY id")
                                .bind(0, relation)
                                .map(
                                        (rs, ctx) ->
                                                new String[] {
                                                    rs.getString(1),
                                                    rs.getString(2),
                                                    rs.getString(3)
                                                })
                                .forEach(
                                        row -> {
                                            if (wanted.contains(row[0])) {
                                                states.computeIfAbsent(row[0], k -> new HashMap<>())
                                                        .put(row[1], RequestState.parse(row[2]));
                                            }
                                        }));
        return states;
    }

    /**
     * Claims up to {@code limit} due requests for {@code owner} until {@code leaseUntil}: queued
     * and due, or sending under another owner's expired lease (an attempt whose outcome is
     * unknown). An owner's own leases are never taken back: their attempts are still in its hands,
     * perhaps waiting for a slow destination's concurrency, and claiming them again would send them
     * twice at once. Oldest first by id (UUIDv7), without sorting on the due time: a retry due now
     * is as urgent as a new request.
     */
    public List<ActionRequest> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        synchronized (writeLock) {
            return jdbi.inTransaction(
                    handle ->
                            handle.createQuery(
                                            "UPDATE action_requests SET state = 'sending',"
                                                    + " lease_owner = ?, lease_expires_at = ?,"
                                                    + " updated_at = ? WHERE id IN (SELECT id FROM"
                                                    + " action_requests WHERE (state = 'queued' AND"
                                                    + " next_attempt_at <= ?) OR (state = 'sending'"
                                                    + " AND lease_expires_at <= ? AND lease_owner"
                                                    + " <> ?) ORDER BY id LIMIT ?) RETURNING "
                                                    + COLUMNS)
                                    .bind(0, owner)
                                    .bind(1, utc(leaseUntil))
                                    .bind(2, utc(now))
                                    .bind(3, utc(now))
                                    .bind(4, utc(now))
                                    .bind(5, owner)
                                    .bind(6, limit)
                                    .map(REQUEST)
                                    .list());
        }
    }

    /** When the next queued request falls due, if any. */
    public Optional<Instant> nextDue() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT min(least(CASE WHEN state = 'queued' THEN"
                                                + " next_attempt_at END, CASE WHEN state ="
                                                + " 'sending' THEN lease_expires_at END)) FROM"
                                                + " action_requests WHERE state IN ('queued',"
                                                + " 'sending')")
                                .map((rs, ctx) -> rs.getObject(1, LocalDateTime.class))
                                .findOne()
                                .map(t -> t.toInstant(ZoneOffset.UTC)));
    }

    /**
     * A DuckDB state file is open in one process only, so at start-up every lease is from a process
     * that died: make them due now (their attempts' outcome is unknown; they go again with the same
     * key).
     */
    public int expireAllLeases(Instant now) {
        synchronized (writeLock) {
            return jdbi.withHandle(
                    handle ->
                            handle.execute(
                                    "UPDATE action_requests SET lease_expires_at = ? WHERE state ="
                                            + " 'sending'",
                                    utc(now)));
        }
    }

    /**
     * Records outcomes and their audit entries in one transaction: each attempt, and the request's
     * next state, only while {@code owner} still holds its lease.
     */
    public void record(
            String owner, List<Outcome> outcomes, Instant now, List<AuditLog.Pending> entries) {
        if (outcomes.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            List<List<Object>> attempts = new ArrayList<>();
            List<List<Object>> updates = new ArrayList<>();
            for (Outcome o : outcomes) {
                Attempt a = o.attempt();
                attempts.add(
                        Arrays.asList(
                                a.requestId(),
                                a.attempt(),
                                utc(a.startedAt()),
                                a.durationMillis(),
                                a.statusCode(),
                                a.errorClass(),
                                a.response(),
                                a.outcome(),
                                a.manual()));
                boolean done =
                        o.next() == RequestState.SUCCEEDED || o.next() == RequestState.FAILED;
                updates.add(
                        Arrays.asList(
                                o.request().id(),
                                o.next().label(),
                                o.request().attempts() + 1,
                                o.request().cycleAttempts() + 1,
                                a.statusCode(),
                                o.error(),
                                utc(o.nextAttemptAt()),
                                done ? utc(now) : null,
                                utc(now)));
            }
            audit.recordAll(
                    entries,
                    handle -> {
                        // Attempts and outcomes go to staging tables, then into the real tables
                        // with statements of this transaction, fenced by the lease: the Appender
                        // is never pointed at a durable table here, since a flush before the
                        // transaction's first statement would commit on its own (and a kill -9
                        // then would leave attempt rows without their request's update).
                        handle.execute(
                                "CREATE TEMP TABLE IF NOT EXISTS attempt_stage AS SELECT * FROM"
                                        + " action_attempts LIMIT 0");
                        handle.execute(
                                "CREATE TEMP TABLE IF NOT EXISTS outcome_stage (id VARCHAR, state"
                                        + " VARCHAR, attempts INTEGER, cycle_attempts INTEGER,"
                                        + " last_status INTEGER, last_error VARCHAR,"
                                        + " next_attempt_at TIMESTAMP, completed_at TIMESTAMP,"
                                        + " updated_at TIMESTAMP)");
                        handle.execute("DELETE FROM attempt_stage");
                        handle.execute("DELETE FROM outcome_stage");
                        MultiRowStatements.insert(
                                handle,
                                "attempt_stage",
                                "(?, ?, CAST(? AS TIMESTAMP), ?, CAST(? AS INTEGER), ?, ?, ?, ?)",
                                attempts);
                        MultiRowStatements.insert(
                                handle,
                                "outcome_stage",
                                "(?, ?, CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"
                                        + " CAST(? AS VARCHAR), CAST(? AS TIMESTAMP), CAST(? AS"
                                        + " TIMESTAMP), CAST(? AS TIMESTAMP))",
                                updates);
                        // an attempt counts only while its request is still this owner's
                        handle.execute(
                                "INSERT INTO action_attempts SELECT s.* FROM attempt_stage AS s"
                                        + " JOIN action_requests AS r ON r.id = s.request_id"
                                        + " WHERE r.lease_owner = ? AND r.state = 'sending'",
                                owner);
                        handle.execute(
                                "UPDATE action_requests SET state = v.state, attempts = v.attempts,"
                                        + " cycle_attempts = v.cycle_attempts, last_status ="
                                        + " v.last_status, last_error = v.last_error,"
                                        + " next_attempt_at = v.next_attempt_at, lease_owner = NULL,"
                                        + " lease_expires_at = NULL, updated_at = v.updated_at,"
                                        + " completed_at = v.completed_at FROM outcome_stage AS v"
                                        + " WHERE action_requests.id = v.id AND"
                                        + " action_requests.lease_owner = ? AND"
                                        + " action_requests.state = 'sending'",
                                owner);
                        handle.execute("DELETE FROM attempt_stage");
                        handle.execute("DELETE FROM outcome_stage");
                    });
        }
    }

    public Optional<ActionRequest> find(String id) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT " + COLUMNS + " FROM action_requests WHERE id = ?")
                                .bind(0, id)
                                .map(REQUEST)
                                .findOne());
    }

    /** Newest first; {@code before} an id for the next page. */
    public List<ActionRequest> list(
            String action, RequestState state, String batch, String before, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM action_requests WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (action != null) {
            sql.append(" AND action = ?");
            params.add(action);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.label());
        }
        if (batch != null) {
            sql.append(" AND batch_id = ?");
            params.add(batch);
        }
        if (before != null) {
            sql.append(" AND id < ?");
            params.add(before);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        return jdbi.withHandle(
                handle -> {
                    var query = handle.createQuery(sql.toString());
                    for (int i = 0; i < params.size(); i++) {
                        query.bind(i, params.get(i));
                    }
                    return query.map(REQUEST).list();
                });
    }

    /** Requests of a bulk run by state, for its progress bar. */
    public Map<RequestState, Long> batchCounts(String batch) {
        Map<RequestState, Long> counts = new HashMap<>();
        jdbi.useHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT state, count(*) FROM action_requests WHERE"
                                                + " batch_id = ? GROUP BY state")
                                .bind(0, batch)
                                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                                .forEach(
                                        e ->
                                                counts.put(
                                                        RequestState.parse(e.getKey()),
                                                        e.getValue())));
        return counts;
    }

    /** Counts by state of all requests. */
    public Map<RequestState, Long> counts() {
        Map<RequestState, Long> counts = new HashMap<>();
        jdbi.useHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT state, count(*) FROM action_requests GROUP BY state")
                                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                                .forEach(
                                        e ->
                                                counts.put(
                                                        RequestState.parse(e.getKey()),
                                                        e.getValue())));
        return counts;
    }

    public List<Attempt> attempts(String requestId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT * FROM action_attempts WHERE request_id = ? ORDER"
                                                + " BY attempt")
                                .bind(0, requestId)
                                .map(ATTEMPT)
                                .list());
    }

    public List<ApprovalDecision> approvals(String requestId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT * FROM action_approvals WHERE request_id = ? ORDER"
                                                + " BY decided_at")
                                .bind(0, requestId)
                                .map(APPROVAL)
                                .list());
    }

    /**
     * Moves a request from one of {@code from} to {@code to} in one statement; false when it was in
     * another state by then (someone else moved it first).
     */
    public boolean transition(
            String id, Set<RequestState> from, RequestState to, Instant now, boolean resend) {
        synchronized (writeLock) {
            return jdbi.withHandle(handle -> transition(handle, id, from, to, now, resend) == 1);
        }
    }

    private static int transition(
            Handle handle,
            String id,
            Set<RequestState> from,
            RequestState to,
            Instant now,
            boolean resend) {
        String states =
                String.join(", ", from.stream().map(s -> "'" + s.label() + "'").sorted().toList());
        boolean queued = to == RequestState.QUEUED;
        boolean done = to == RequestState.CANCELLED || to == RequestState.REJECTED;
        return handle.execute(
                "UPDATE action_requests SET state = ?, updated_at = ?, next_attempt_at = ?,"
                        + " cycle_attempts = CASE WHEN ? THEN 0 ELSE cycle_attempts END, resends"
                        + " = resends + CASE WHEN ? THEN 1 ELSE 0 END, completed_at = ?,"
                        + " last_error = CASE WHEN ? THEN NULL ELSE last_error END WHERE id = ?"
                        + " AND state IN ("
                        + states
                        + ")",
                to.label(),
                utc(now),
                queued ? utc(now) : null,
                resend,
                resend,
                done ? utc(now) : null,
                resend,
                id);
    }

    /**
     * Records one approver's decision; answers the number of approvals so far, or -1 when this
     * approver already decided.
     */
    public int decide(ApprovalDecision decision) {
        synchronized (writeLock) {
            return jdbi.inTransaction(
                    handle -> {
                        int inserted =
                                handle.execute(
                                        "INSERT INTO action_approvals (request_id, approver_id,"
                                                + " approver, decision, comment, decided_at) VALUES"
                                                + " (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                        decision.requestId(),
                                        decision.approverId(),
                                        decision.approver(),
                                        decision.decision(),
                                        decision.comment(),
                                        utc(decision.decidedAt()));
                        if (inserted == 0) {
                            return -1;
                        }
                        return handle.createQuery(
                                        "SELECT count(*) FROM action_approvals WHERE request_id = ?"
                                                + " AND decision = 'approved'")
                                .bind(0, decision.requestId())
                                .mapTo(Integer.class)
                                .one();
                    });
        }
    }

    /** Cancels what of a bulk run has not been sent yet; answers how many. */
    public int cancelBatch(String batch, Instant now) {
        synchronized (writeLock) {
            return jdbi.withHandle(
                    handle ->
                            handle.execute(
                                    "UPDATE action_requests SET state = 'cancelled', updated_at ="
                                            + " ?, completed_at = ? WHERE batch_id = ? AND state IN"
                                            + " ('queued', 'pending_approval')",
                                    utc(now),
                                    utc(now),
                                    batch));
        }
    }

    // --- definitions -------------------------------------------------------------------------

    /** A stored definition: its JSON and where it came from. */
    public record StoredDefinition(String name, String json, String origin) {}

    public List<StoredDefinition> definitions() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT name, definition, origin FROM action_definitions"
                                                + " ORDER BY name")
                                .map(
                                        (rs, ctx) ->
                                                new StoredDefinition(
                                                        rs.getString(1),
                                                        openDefinition(rs.getString(2)),
                                                        rs.getString(3)))
                                .list());
    }

    /**
     * A definition stored before definitions were sealed is read as it is, and sealed when saved.
     */
    private String openDefinition(String stored) {
        return SecretBox.isSealed(stored) ? secrets.open(stored) : stored;
    }

    public void saveDefinition(String name, String json, String origin, String by, Instant now) {
        String sealed = secrets.seal(json);
        synchronized (writeLock) {
            jdbi.useTransaction(
                    handle -> {
                        handle.execute(
                                "INSERT INTO action_definitions (name, definition, origin,"
                                        + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON"
                                        + " CONFLICT (name) DO UPDATE SET definition ="
                                        + " excluded.definition, origin = excluded.origin,"
                                        + " updated_at = excluded.updated_at, updated_by ="
                                        + " excluded.updated_by",
                                name,
                                sealed,
                                origin,
                                utc(now),
                                by);
                    });
        }
    }

    public boolean deleteDefinition(String name) {
        synchronized (writeLock) {
            return jdbi.withHandle(
                            handle ->
                                    handle.execute(
                                            "DELETE FROM action_definitions WHERE name = ?", name))
                    > 0;
        }
    }
}
