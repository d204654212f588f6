-- The outbox (docs/outbox.md): every reply, stored with its idempotency key before any API
-- call, and the append-only audit log of every outgoing word.
--
-- replies      one row per reply with every field of domain::Reply. author_id and approver_id
--              are NULL for "the system" / "nobody yet"; echo_message_id is the stored echo.
--              next_attempt_at is when the sender looks at it again: a queued reply's next
--              attempt, or the end of a sending reply's wait for its echo.
-- reply_audit  one row per step of a reply (written, edited, approved, rejected,
--              send_attempt, sent, retry, failed, echo_matched) with the exact text at that
--              moment; actor_id NULL is the system. Triggers refuse UPDATE and DELETE.
CREATE TABLE replies (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES cases (id),
  author_id       INTEGER REFERENCES users (id),
  platform        TEXT    NOT NULL,
  account_id      TEXT    NOT NULL,
  route           TEXT    NOT NULL,
  in_reply_to     TEXT    NOT NULL DEFAULT '',
  recipient_id    TEXT    NOT NULL DEFAULT '',
  text            TEXT    NOT NULL,
  message_tag     TEXT    NOT NULL DEFAULT '',
  idempotency_key TEXT    NOT NULL UNIQUE,
  status          TEXT    NOT NULL,
  approval_reason TEXT    NOT NULL DEFAULT '',
  approver_id     INTEGER REFERENCES users (id),
  review_note     TEXT    NOT NULL DEFAULT '',
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  platform_id     TEXT    NOT NULL DEFAULT '',
  error_code      TEXT    NOT NULL DEFAULT '',
  error_text      TEXT    NOT NULL DEFAULT '',
  echo_message_id INTEGER REFERENCES messages (id),
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The sender's queue (DueReplies, NextDueAt): only replies still on their way.
CREATE INDEX replies_due ON replies (next_attempt_at, id) WHERE status IN ('queued', 'sending');
-- Echo matching: by the platform's id once sent, by account while in doubt.
CREATE INDEX replies_by_platform_id ON replies (platform, platform_id);
CREATE INDEX replies_sending ON replies (platform, account_id, id) WHERE status = 'sending';
CREATE INDEX replies_by_case ON replies (case_id, id);
-- The approval queue (in id order within a status) and the gauges' counts.
CREATE INDEX replies_by_status ON replies (status);

CREATE TABLE reply_audit (
  id          INTEGER PRIMARY KEY,
  reply_id    INTEGER NOT NULL REFERENCES replies (id),
  case_id     INTEGER NOT NULL REFERENCES cases (id),
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users (id),
  action      TEXT    NOT NULL,
  text        TEXT    NOT NULL,
  platform_id TEXT    NOT NULL DEFAULT '',
  error_code  TEXT    NOT NULL DEFAULT '',
  error_text  TEXT    NOT NULL DEFAULT '',
  detail      TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reply_audit_by_reply ON reply_audit (reply_id, id);
CREATE INDEX reply_audit_by_case ON reply_audit (case_id, id);

CREATE TRIGGER reply_audit_no_update BEFORE UPDATE ON reply_audit
BEGIN
  SELECT RAISE(ABORT, 'reply_audit is append-only');
END;
CREATE TRIGGER reply_audit_no_delete BEFORE DELETE ON reply_audit
BEGIN
  SELECT RAISE(ABORT, 'reply_audit is append-only');
END;
