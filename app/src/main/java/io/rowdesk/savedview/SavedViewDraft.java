package io.rowdesk.savedview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a client sends to save a view: {@code {"name", "relation", "q", "removed", "filters",
 * "sort", "columns", "shared"}}. {@code removed} lists the ids of the chips removed from the
 * English search (as in the grid's {@code removed=}). {@code filters} is the grid's filter list,
 * {@code columns} an object with {@code order}, {@code hidden} and {@code widths}.
 */
public record SavedViewDraft(
        String name,
        String relation,
        String q,
        List<String> removed,
        JsonNode filters,
        String sort,
        JsonNode columns,
        Boolean shared) {}
