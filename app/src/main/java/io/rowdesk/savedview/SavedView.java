package io.rowdesk.savedview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved grid state: a relation with its English search (and the chips removed from it), column
 * filters, sort and columns (order, hidden, widths), under a name, private to its owner or shared
 * with everyone who may see the relation. Not to be confused with the SQL {@code views:} of the
 * configuration, which are relations.
 */
public record SavedView(
        long id,
        long ownerId,
        String ownerEmail,
        String name,
        String relation,
        String q,
        List<String> removed,
        JsonNode filters,
        String sort,
        JsonNode columns,
        boolean shared,
        Instant createdAt,
        Instant updatedAt) {
    public SavedView {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(relation, "relation is null");
        q = q == null ? "" : q;
        removed = removed == null ? List.of() : List.copyOf(removed);
        sort = sort == null ? "" : sort;
    }
}
