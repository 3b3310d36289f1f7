package io.rowdesk.config;

import io.rowdesk.auth.AuthConfig;
import java.util.List;
import java.util.Map;

/** The whole configuration, validated. One record per section of rowdesk.yaml. */
public record RowdeskConfig(
        ServerConfig server,
        DemoConfig demo,
        List<SourceConfig> sources,
        List<ViewConfig> views,
        Map<String, RelationConfig> relations,
        LlmConfig llm,
        SearchConfig search,
        List<Map<String, Object>> actions,
        AuthConfig auth,
        GridConfig grid) {

    /** Without a {@code grid:} section: its defaults. */
    public RowdeskConfig(
            ServerConfig server,
            DemoConfig demo,
            List<SourceConfig> sources,
            List<ViewConfig> views,
            Map<String, RelationConfig> relations,
            LlmConfig llm,
            SearchConfig search,
            List<Map<String, Object>> actions,
            AuthConfig auth) {
        this(
                server,
                demo,
                sources,
                views,
                relations,
                llm,
                search,
                actions,
                auth,
                GridConfig.DEFAULT);
    }

    public RowdeskConfig {
        grid = grid == null ? GridConfig.DEFAULT : grid;
        sources = List.copyOf(sources);
        views = List.copyOf(views);
        relations = Map.copyOf(relations);
        actions = List.copyOf(actions);
    }

    public RelationConfig relation(String name) {
        return relations.getOrDefault(name, RelationConfig.DEFAULT);
    }
}
