-- Column profiles: what the translator, the suggestions and the LLM prompt know about each
-- column, recomputed whenever the relation's snapshot is (re)loaded.
CREATE TABLE column_profiles (
    relation       VARCHAR NOT NULL,
    position       INTEGER NOT NULL,
    column_name    VARCHAR NOT NULL,
    column_type    VARCHAR NOT NULL,
    row_count      BIGINT NOT NULL,
    null_fraction  DOUBLE NOT NULL,
    distinct_count BIGINT NOT NULL,
    min_value      VARCHAR,
    max_value      VARCHAR,
    top_values     VARCHAR,          -- JSON [{"value": ..., "count": n}] for low-cardinality text, else NULL
    computed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (relation, position)
);
