-- Listening and understanding (docs/understanding.md, docs/listening.md).
--
-- messages.overheard: found by a listening source, not addressed to the brand (Message::overheard).
ALTER TABLE messages ADD COLUMN overheard INTEGER NOT NULL DEFAULT 0;

-- cases.language: the understood language of the opening message (Case::language), for routing.
ALTER TABLE cases ADD COLUMN language TEXT NOT NULL DEFAULT '';
-- cases.queue_id: the team an escalating listening rule put the case in (Case::queue).
ALTER TABLE cases ADD COLUMN queue_id INTEGER REFERENCES teams (id) ON DELETE SET NULL;

-- message_insights: what was understood of a message when it was filed, one row per
-- understood message (the brand's own messages are not understood). List-valued columns hold
-- comma-separated names: sensitivity topics, triage reason codes, and the tasks an agent
-- corrected (whose label columns then hold the agent's label, not the model's).
CREATE TABLE message_insights (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id),
  language TEXT NOT NULL,
  other_language TEXT NOT NULL,
  sentiment TEXT NOT NULL,
  sentiment_p REAL NOT NULL,
  intent TEXT NOT NULL,
  intent_p REAL NOT NULL,
  sensitivity TEXT NOT NULL,
  needs_reply REAL NOT NULL,
  priority TEXT NOT NULL,
  reasons TEXT NOT NULL,
  corrected TEXT NOT NULL DEFAULT ''
);

-- Which listening rules each message matched; by rule first, for listening analytics.
CREATE TABLE message_rule_matches (
  rule_id TEXT NOT NULL,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  seq INTEGER NOT NULL,  -- the rule's position among the message's matches
  PRIMARY KEY (rule_id, message_id)
) WITHOUT ROWID;
CREATE INDEX message_rule_matches_by_message ON message_rule_matches (message_id, seq);

-- Agents' corrections, kept as given: `feedroom train` reads them back as examples.
CREATE TABLE label_corrections (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  task TEXT NOT NULL,
  label TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL
);
CREATE INDEX label_corrections_by_message ON label_corrections (message_id);

-- The listening rules (domain/listen/listening_rule.h); the server compiles them at start
-- and after every change.
CREATE TABLE listening_rules (
  id TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  action TEXT NOT NULL,
  team TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
