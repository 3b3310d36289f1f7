package io.rowdesk.savedview;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client sends to save a view: {@code {"name", "relation", "q", "filters", "sort",
 * "columns", "shared"}}. {@code filters} is the grid's filter list, {@code columns} an object with
 * {@code order}, {@code hidden} and {@code widths}.
 */
public record SavedViewDraft(
        String name,
        String relation,
        String q,
        JsonNode filters,
        String sort,
        JsonNode columns,
        Boolean shared) {}
