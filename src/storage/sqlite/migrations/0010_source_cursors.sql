-- Listening sources (docs/sources.md): where each polling source got to, so a restart goes on
-- from there instead of fetching everything again. `source` names the source and what it
-- polls ("x_search:<query>", "rss:<feed id>"); `value` is the source's own cursor (an X
-- newest_id, a feed's ETag and Last-Modified as JSON).
CREATE TABLE source_cursors (
  source TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
