-- Saved views: a named grid state (relation, search, filters, sort, columns and widths) that its
-- owner can reopen exactly, private or shared with everyone who may see the relation.
CREATE SEQUENCE saved_view_ids START 1;
CREATE TABLE saved_views (
    id         BIGINT PRIMARY KEY DEFAULT nextval('saved_view_ids'),
    owner_id   BIGINT NOT NULL,
    name       VARCHAR NOT NULL,
    relation   VARCHAR NOT NULL,
    q          VARCHAR NOT NULL,          -- the English search, '' for none
    filters    VARCHAR NOT NULL,          -- JSON list of column filters
    sort       VARCHAR NOT NULL,          -- the syntax of sort=, '' for none
    columns    VARCHAR NOT NULL,          -- JSON {"order": [...], "hidden": [...], "widths": {...}}
    shared     BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (owner_id, name)
);
