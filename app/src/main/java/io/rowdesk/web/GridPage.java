package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.auth.Role;
import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.grid.ColumnView;
import io.rowdesk.grid.Presentation;
import io.rowdesk.grid.SortKey;
import io.rowdesk.json.Json;
import io.rowdesk.query.RelationInfo;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
        boolean llmEnabled,
        String defaultSort,
        String titleColumn,
        String keyColumn,
        String timeZone,
        String profileJson,
        String savedViewsUrl,
        boolean canShare) {
    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * The page of {@code relation} with its presentation (labels, formats, hidden columns, default
     * sort, title column) and the zone its dates and times are shown in.
     */
    public static GridPage of(
            RelationInfo relation,
            Role role,
            boolean llmEnabled,
            RelationConfig config,
            ZoneId zone,
            List<ColumnProfile> profiles) {
        try {
            String columns =
                    JSON.writeValueAsString(columnsJson(Presentation.columns(relation, config)));
            return new GridPage(
                    relation,
                    GridController.rowsPath(relation.name()),
                    GridController.exportPath(relation.name()),
                    SearchController.SEARCH,
                    SqlController.SQL,
                    SearchController.suggestionsPath(relation.name()),
                    columns,
                    role.includes(Role.BUILDER),
                    llmEnabled,
                    SortKey.format(Presentation.defaultSort(relation, config)),
                    Presentation.titleColumn(relation, config).orElse(""),
                    Presentation.keyColumn(relation, config).orElse(""),
                    zoneName(zone),
                    JSON.writeValueAsString(profileJson(profiles)),
                    SavedViewController.SAVED_VIEWS,
                    role.includes(Role.BUILDER));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the filter panel and the "Try asking" examples know of each column: its range, how often
     * it is empty, and for a column with few values each value with its count.
     */
    static List<Map<String, Object>> profileJson(List<ColumnProfile> profiles) {
        return profiles.stream()
                .map(
                        p -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("column", p.column());
                            json.put("min", p.min());
                            json.put("max", p.max());
                            json.put("nullFraction", p.nullFraction());
                            json.put("distinct", p.distinctCount());
                            if (p.values() != null) {
                                json.put(
                                        "values",
                                        p.values().stream()
                                                .map(
                                                        v ->
                                                                Map.<String, Object>of(
                                                                        "value", v.value(),
                                                                        "count", v.count()))
                                                .toList());
                            }
                            return json;
                        })
                .toList();
    }

    /** A zone name the browser's Intl accepts: "UTC" rather than "Z". */
    static String zoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        return normalized.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    static List<Map<String, Object>> columnsJson(List<ColumnView> columns) {
        return columns.stream()
                .map(
                        c -> {
                            Map<String, Object> format = new LinkedHashMap<>();
                            format.put("kind", c.format().kind().label());
                            if (c.format().currency() != null) {
                                format.put("currency", c.format().currency());
                            }
                            if (c.format().decimals() != null) {
                                format.put("decimals", c.format().decimals());
                            }
                            if (!c.format().labels().isEmpty()) {
                                format.put("labels", c.format().labels());
                            }
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("name", c.name());
                            json.put("type", c.type());
                            json.put("label", c.label());
                            json.put("format", format);
                            json.put("hidden", c.hidden());
                            return json;
                        })
                .toList();
    }
}
