package io.rowdesk.config;

import io.rowdesk.auth.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code relations.<name>:} who may see a relation and how English refers to it.
 *
 * @param roles the roles that may see it (all roles when not configured)
 * @param synonyms other words for the relation itself
 * @param columnSynonyms other words per column
 * @param valueSynonyms per column, other words per value
 * @param dateColumn the column that "last month" means when the question names none
 * @param keyColumn the column that identifies a row
 */
public record RelationConfig(
        Set<Role> roles,
        List<String> synonyms,
        Map<String, List<String>> columnSynonyms,
        Map<String, Map<String, List<String>>> valueSynonyms,
        String dateColumn,
        String keyColumn) {

    public static final RelationConfig DEFAULT =
            new RelationConfig(
                    Set.of(Role.assignable()), List.of(), Map.of(), Map.of(), null, null);

    public RelationConfig {
        roles = Set.copyOf(roles);
        synonyms = List.copyOf(synonyms);
        columnSynonyms = Map.copyOf(columnSynonyms);
        valueSynonyms = Map.copyOf(valueSynonyms);
    }

    public boolean visibleTo(Role role) {
        return roles.contains(role);
    }
}
