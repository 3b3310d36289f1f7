-- Views builders saved from a join suggestion: defined over the snapshots like configured views.
CREATE TABLE join_views (
    name       VARCHAR PRIMARY KEY,
    sql        VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
