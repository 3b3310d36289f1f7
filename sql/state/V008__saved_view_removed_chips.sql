-- A saved view also keeps the chips its owner removed from the English search (their ids, as in
-- removed= of the grid's URL), so that it reopens with exactly the rows it was saved with.
ALTER TABLE saved_views ADD COLUMN removed VARCHAR NOT NULL DEFAULT '[]';
