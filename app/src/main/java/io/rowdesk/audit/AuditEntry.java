package io.rowdesk.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One link of the audit chain. {@code details} is already redacted. */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        String target,
        Outcome outcome,
        Map<String, Object> details,
        String prevHash,
        String hash) {

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }

    /** The fields the hash covers, as a map for canonical JSON. */
    Map<String, Object> hashedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("at", at.toString());
        fields.put("actor", actor);
        fields.put("action", action);
        fields.put("target", target);
        fields.put("outcome", outcome.name().toLowerCase());
        fields.put("details", details);
        return fields;
    }
}
