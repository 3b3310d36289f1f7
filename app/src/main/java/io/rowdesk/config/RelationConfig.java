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
 * @param columns per column, how it is shown (label, format, hidden)
 * @param defaultSort the order the grid opens in, in the syntax of {@code sort=} (null: none)
 * @param titleColumn the column that names a row in the row panel (null: the key column)
 * @param currency the currency of money-named columns ({@code amount}, {@code *_amount})
 */
public record RelationConfig(
        Set<Role> roles,
        List<String> synonyms,
        Map<String, List<String>> columnSynonyms,
        Map<String, Map<String, List<String>>> valueSynonyms,
        String dateColumn,
        String keyColumn,
        Map<String, ColumnPresentation> columns,
        String defaultSort,
        String titleColumn,
        String currency) {

    public static final RelationConfig DEFAULT =
            new RelationConfig(
                    Set.of(Role.assignable()), List.of(), Map.of(), Map.of(), null, null);

    public RelationConfig {
        roles = Set.copyOf(roles);
        synonyms = List.copyOf(synonyms);
        columnSynonyms = Map.copyOf(columnSynonyms);
        valueSynonyms = Map.copyOf(valueSynonyms);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }

    /** A relation without presentation settings. */
    public RelationConfig(
            Set<Role> roles,
            List<String> synonyms,
            Map<String, List<String>> columnSynonyms,
            Map<String, Map<String, List<String>>> valueSynonyms,
            String dateColumn,
            String keyColumn) {
        this(
                roles,
                synonyms,
                columnSynonyms,
                valueSynonyms,
                dateColumn,
                keyColumn,
                Map.of(),
                null,
                null,
                null);
    }

    public ColumnPresentation column(String name) {
        return columns.getOrDefault(name, ColumnPresentation.DEFAULT);
    }

    public boolean visibleTo(Role role) {
        return roles.contains(role);
    }
}
