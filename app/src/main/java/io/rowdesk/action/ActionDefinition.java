package io.rowdesk.action;

import io.rowdesk.auth.Role;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row action, from {@code actions:} of the config or from a builder through the API (both
 * stored the same way).
 *
 * @param when a SQL predicate on the row: the button shows and runs only where it holds (null:
 *     always)
 * @param roles who may run it (admins always may)
 * @param confirm text shown before running, with row fields (null: no confirmation)
 * @param approval null when requests go out without approval
 * @param payload the JSON body template of webhook and http destinations (null for postgres)
 * @param inputs names of values the person running it types in ({@code {{input.reason}}})
 * @param source the definition as given, for storage and the API
 */
public record ActionDefinition(
        String name,
        String label,
        String relation,
        String key,
        String when,
        Set<Role> roles,
        String confirm,
        Approval approval,
        PayloadTemplate payload,
        Destination destination,
        List<String> inputs,
        Map<String, Object> source) {

    public ActionDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(relation, "relation is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(destination, "destination is null");
        roles = Set.copyOf(roles);
        inputs = List.copyOf(inputs);
    }

    public boolean mayRun(Role role) {
        return role == Role.ADMIN || roles.stream().anyMatch(role::includes);
    }
}
