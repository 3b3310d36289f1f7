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
 */
public record LlmQuestion(
        String question,
        RelationInfo relation,
        RelationConfig settings,
        List<ColumnProfile> profiles,
        String dateColumn,
        String keyColumn,
        LocalDate today) {
    public LlmQuestion {
        Objects.requireNonNull(question, "question is null");
        Objects.requireNonNull(relation, "relation is null");
        Objects.requireNonNull(settings, "settings is null");
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(today, "today is null");
    }
}
