-- Two-stage ingest (docs/architecture.md): deliveries are appended and acknowledged first,
-- then threaded in order. threaded_through is the id of the newest delivery whose events are
-- all threaded; it is updated in the same transaction as the threading work, so after a
-- crash every delivery above it is threaded again (idempotently) from its stored bytes.
CREATE TABLE ingest_progress (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  threaded_through INTEGER NOT NULL
) STRICT;
INSERT INTO ingest_progress (id, threaded_through) VALUES (1, 0);
