-- Working a case (docs/workflow.md): priority, the team and agent it is assigned to, and the
-- times the SLA and the routing need; plus the case's history of who did what.
ALTER TABLE cases ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
  CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
ALTER TABLE cases ADD COLUMN team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL;
ALTER TABLE cases ADD COLUMN assignee_id INTEGER REFERENCES users (id);
ALTER TABLE cases ADD COLUMN assigned_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN first_response_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN last_agent_reply_at INTEGER NOT NULL DEFAULT 0;

-- An agent's load (active cases assigned to them) and the routing sweep's queue.
CREATE INDEX cases_by_assignee ON cases (assignee_id, status) WHERE assignee_id IS NOT NULL;
CREATE INDEX cases_unassigned ON cases (status, opened_at) WHERE assignee_id IS NULL;

CREATE TABLE case_events (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES cases (id),
  at       INTEGER NOT NULL,
  kind     TEXT    NOT NULL,
  actor_id INTEGER REFERENCES users (id),  -- NULL: the system (routing, SLA, a customer)
  user_id  INTEGER REFERENCES users (id),  -- the person the event is about (new assignee)
  detail   TEXT    NOT NULL                -- status names, reasons: short machine-readable text
) STRICT;
CREATE INDEX case_events_by_case ON case_events (case_id, id);
