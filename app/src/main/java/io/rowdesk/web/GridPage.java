package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.auth.Role;
import io.rowdesk.json.Json;
import io.rowdesk.query.RelationInfo;
import java.util.Map;

/**
 * What the grid page hands its scripts: the relation, where rows and searches go, and its columns.
 */
public record GridPage(
        RelationInfo relation,
        String rowsUrl,
        String exportUrl,
        String searchUrl,
        String sqlUrl,
        String suggestionsUrl,
        String columnsJson,
        boolean canEditSql,
        boolean llmEnabled) {
    private static final ObjectMapper JSON = Json.MAPPER;

    public static GridPage of(RelationInfo relation, Role role, boolean llmEnabled) {
        try {
            String columns =
                    JSON.writeValueAsString(
                            relation.columns().stream()
                                    .map(c -> Map.of("name", c.name(), "type", c.type()))
                                    .toList());
            return new GridPage(
                    relation,
                    GridController.rowsPath(relation.name()),
                    GridController.exportPath(relation.name()),
                    SearchController.SEARCH,
                    SqlController.SQL,
                    SearchController.suggestionsPath(relation.name()),
                    columns,
                    role.includes(Role.BUILDER),
                    llmEnabled);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
