-- Drafts kept on the server (docs/replies.md): the words an agent has typed for a case and not
-- sent yet, one draft per (user, case), so that a session that expires or a browser that
-- closes loses nothing. A stored reply deletes its author's draft of the case in the same
-- transaction. Texts are NFC; empty when not given.
CREATE TABLE drafts (
  user_id      INTEGER NOT NULL REFERENCES users (id),
  case_id      INTEGER NOT NULL REFERENCES cases (id),
  route        TEXT    NOT NULL CHECK (route IN ('public_reply', 'private_reply',
                                                 'direct_message', 'move_to_private')),
  text         TEXT    NOT NULL,
  public_text  TEXT    NOT NULL,
  private_text TEXT    NOT NULL,
  updated_at   INTEGER NOT NULL,  -- UTC ms
  PRIMARY KEY (user_id, case_id)
) STRICT, WITHOUT ROWID;
