package io.rowdesk.query;

import io.rowdesk.auth.Role;
import io.rowdesk.config.RowdeskConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The relations that can be queried now, and who may see which. */
public final class RelationCatalog {
    private final RowdeskConfig config;
    private volatile Map<String, RelationInfo> relations = Map.of();

    public RelationCatalog(RowdeskConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    public synchronized void put(RelationInfo relation) {
        Map<String, RelationInfo> next = new LinkedHashMap<>(relations);
        next.put(relation.name(), relation);
        relations = next;
    }

    /** Takes a relation out (a view broken by a schema change). */
    public synchronized void remove(String name) {
        Map<String, RelationInfo> next = new LinkedHashMap<>(relations);
        next.remove(name);
        relations = next;
    }

    /** How configuration describes a relation (roles, key, date column, synonyms). */
    public io.rowdesk.config.RelationConfig settings(String name) {
        return config.relation(name);
    }

    public Collection<RelationInfo> all() {
        return relations.values();
    }

    /**
     * The relation, if it exists and {@code role} may see it; a hidden relation looks like a
     * missing one.
     */
    public Optional<RelationInfo> find(String name, Role role) {
        RelationInfo relation = relations.get(name);
        return relation != null && config.relation(name).visibleTo(role)
                ? Optional.of(relation)
                : Optional.empty();
    }

    public List<RelationInfo> visibleTo(Role role) {
        return relations.values().stream()
                .filter(r -> config.relation(r.name()).visibleTo(role))
                .toList();
    }
}
