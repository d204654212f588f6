-- Crisis mode (docs/crisis.md).
--
-- crises        every crisis, running (ended_at NULL) or ended: its terms and listening rules
--               one per line, the holding statement, the priority related cases are raised to,
--               who started and ended it (NULL: a rule, on spike spike_id), and swept_through,
--               the last message id the crisis sweep has read.
-- crisis_cases  the cases found related to a crisis, and when.
CREATE TABLE crises (
  id                INTEGER PRIMARY KEY,
  name              TEXT    NOT NULL,
  terms             TEXT    NOT NULL,
  rule_ids          TEXT    NOT NULL,
  holding_statement TEXT    NOT NULL,
  raise_to          TEXT    NOT NULL,
  started_by        INTEGER,
  spike_id          INTEGER,
  started_at        INTEGER NOT NULL,
  ended_at          INTEGER,
  ended_by          INTEGER,
  swept_through     INTEGER NOT NULL
) STRICT;

-- At most one crisis runs at a time.
CREATE UNIQUE INDEX crises_one_running ON crises (ended_at IS NULL) WHERE ended_at IS NULL;

CREATE TABLE crisis_cases (
  crisis_id INTEGER NOT NULL REFERENCES crises (id),
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (crisis_id, case_id)
) STRICT, WITHOUT ROWID;
