package io.rowdesk.search.llm;

import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.RelationInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A question for the model with everything the prompt says about its relation.
 *
 * @param dateColumn the column "last month" refers to (null when the relation has none)
 * @param keyColumn the column that identifies a row (null when unknown)
 * @param local what the local translator made of the question when it was only partly placed (its
 *     reading and the words it could not place), a starting point for the model; empty when there
 *     is none
 */
public record LlmQuestion(
        String question,
        RelationInfo relation,
        RelationConfig settings,
        List<ColumnProfile> profiles,
        String dateColumn,
        String keyColumn,
        LocalDate today,
        String local) {
    /** A question without a local reading. */
    public LlmQuestion(
            String question,
            RelationInfo relation,
            RelationConfig settings,
            List<ColumnProfile> profiles,
            String dateColumn,
            String keyColumn,
            LocalDate today) {
        this(question, relation, settings, profiles, dateColumn, keyColumn, today, "");
    }

    public LlmQuestion {
        local = local == null ? "" : local;
        Objects.requireNonNull(question, "question is null");
        Objects.requireNonNull(relation, "relation is null");
        Objects.requireNonNull(settings, "settings is null");
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(today, "today is null");
    }
}
