package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.query.RelationInfo;
import java.util.Map;

/** What the grid page hands its script: the relation, where its rows come from, and its columns. */
public record GridPage(RelationInfo relation, String rowsUrl, String exportUrl, String columnsJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static GridPage of(RelationInfo relation) {
        try {
            String columns = JSON.writeValueAsString(relation.columns().stream()
                    .map(c -> Map.of("name", c.name(), "type", c.type())).toList());
            return new GridPage(relation, GridController.rowsPath(relation.name()),
                    GridController.exportPath(relation.name()), columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
