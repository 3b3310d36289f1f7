package io.rowdesk.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search over one relation. {@code today} fixes the clock (null: today in server.timezone);
 * {@code removed} are chip ids the user took away; {@code engine} says who translates.
 */
public record SearchRequest(
        String q, String relation, LocalDate today, int limit, Set<String> removed, Engine engine) {

    /** Who translates the question. */
    public enum Engine {
        /**
         * The local translator, and the language model (when configured) for what it cannot place.
         */
        AUTO,
        /** The local translator only. */
        LOCAL,
        /** The language model, asked for even when the local translator understood everything. */
        LLM
    }

    public SearchRequest {
        removed = removed == null ? Set.of() : Set.copyOf(removed);
        engine = engine == null ? Engine.AUTO : engine;
    }

    public SearchRequest(
            String q, String relation, LocalDate today, int limit, Set<String> removed) {
        this(q, relation, today, limit, removed, Engine.AUTO);
    }
}
