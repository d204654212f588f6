-- Recurring complaint topics (docs/topics.md).
--
-- topics          every topic found: its name terms (matching form, one per line) which the
--                 next run matches against, how they are shown, when it was first and last
--                 found, what the last run found (members, recent members, trend, example
--                 message ids one per line), and when it was last sent to the product team.
-- message_topics  the topic of each complaint of the last run's period (at most one).
-- case_facts.topic  the topic of a case's opening message, a metrics dimension.
CREATE TABLE topics (
  id                 INTEGER PRIMARY KEY,
  terms              TEXT    NOT NULL,
  display_terms      TEXT    NOT NULL,
  name               TEXT    NOT NULL,
  first_seen         INTEGER NOT NULL,
  last_seen          INTEGER NOT NULL,
  members            INTEGER NOT NULL,
  recent_members     INTEGER NOT NULL,
  trend              REAL    NOT NULL,
  example_ids        TEXT    NOT NULL,
  sent_to_product_at INTEGER
) STRICT;
CREATE INDEX topics_by_last_seen ON topics (last_seen);

CREATE TABLE message_topics (
  message_id INTEGER PRIMARY KEY REFERENCES messages (id),
  topic_id   INTEGER NOT NULL REFERENCES topics (id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX message_topics_by_topic ON message_topics (topic_id, created_at);
CREATE INDEX message_topics_by_time ON message_topics (created_at);

ALTER TABLE case_facts ADD COLUMN topic TEXT NOT NULL DEFAULT '';
