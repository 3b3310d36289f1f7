package io.rowdesk.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.json.Json;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Column profiles in the state store, replaced per relation. */
public final class ProfileRepository {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final TypeReference<List<ColumnProfile.ValueCount>> VALUES =
            new TypeReference<>() {};

    private final Jdbi jdbi;
    private final Clock clock;

    public ProfileRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public void replace(String relation, List<ColumnProfile> profiles) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbi.useTransaction(
                handle -> {
                    handle.execute("DELETE FROM column_profiles WHERE relation = ?", relation);
                    var batch =
                            handle.prepareBatch(
                                    """
                    INSERT INTO column_profiles (relation, position, column_name, column_type, row_count,
                        null_fraction, distinct_count, min_value, max_value, top_values, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    for (ColumnProfile p : profiles) {
                        batch.add(
                                p.relation(),
                                p.position(),
                                p.column(),
                                p.type(),
                                p.rowCount(),
                                p.nullFraction(),
                                p.distinctCount(),
                                p.min(),
                                p.max(),
                                p.values() == null ? null : write(p.values()),
                                now);
                    }
                    batch.execute();
                });
    }

    public List<ColumnProfile> forRelation(String relation) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT * FROM column_profiles WHERE relation = ? ORDER BY position")
                                .bind(0, relation)
                                .map(
                                        (rs, ctx) ->
                                                new ColumnProfile(
                                                        rs.getString("relation"),
                                                        rs.getInt("position"),
                                                        rs.getString("column_name"),
                                                        rs.getString("column_type"),
                                                        rs.getLong("row_count"),
                                                        rs.getDouble("null_fraction"),
                                                        rs.getLong("distinct_count"),
                                                        rs.getString("min_value"),
                                                        rs.getString("max_value"),
                                                        read(rs.getString("top_values"))))
                                .list());
    }

    private static String write(List<ColumnProfile.ValueCount> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ColumnProfile.ValueCount> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored column profile is not JSON", e);
        }
    }
}
