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
        AuthConfig auth) {

    public RowdeskConfig {
        sources = List.copyOf(sources);
        views = List.copyOf(views);
        relations = Map.copyOf(relations);
        actions = List.copyOf(actions);
    }

    public RelationConfig relation(String name) {
        return relations.getOrDefault(name, RelationConfig.DEFAULT);
    }
}
