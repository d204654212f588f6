-- SLA clocks (docs/sla.md): when each case entered its status (pauses run from it), and the
-- clocks themselves: the first response and the current next response of every case, with
-- their due times stored so a restarted server re-arms warnings and breaches from the table.
ALTER TABLE cases ADD COLUMN status_since INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET status_since = opened_at;

CREATE TABLE sla_clocks (
  case_id       INTEGER NOT NULL REFERENCES cases (id),
  metric        TEXT    NOT NULL CHECK (metric IN ('first_response', 'next_response')),
  started_at    INTEGER NOT NULL,
  target_ms     INTEGER NOT NULL,
  warn_after_ms INTEGER NOT NULL,
  phase         TEXT    NOT NULL CHECK (phase IN ('running', 'paused', 'stopped')),
  phase_since   INTEGER NOT NULL,
  consumed_ms   INTEGER NOT NULL,
  warn_at       INTEGER,            -- NULL unless running
  due_at        INTEGER,            -- NULL unless running
  warned        INTEGER NOT NULL DEFAULT 0,  -- the warning was raised
  breached      INTEGER NOT NULL DEFAULT 0,  -- the breach was raised
  PRIMARY KEY (case_id, metric)
) STRICT, WITHOUT ROWID;

-- The scheduler's two queues: running clocks whose warning or breach is still to be raised.
CREATE INDEX sla_clocks_to_warn ON sla_clocks (warn_at) WHERE phase = 'running' AND warned = 0;
CREATE INDEX sla_clocks_to_breach ON sla_clocks (due_at) WHERE phase = 'running' AND breached = 0;
