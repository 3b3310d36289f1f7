package io.rowdesk.search;

/** One piece of the interpretation as the user sees it; removable by its id. */
public record Chip(String id, String label) {}
