-- People (docs/people.md): users with argon2id passwords, teams with members, browser sessions
-- and API tokens. Tokens are stored only as SHA-256 digests. Skills and scopes are short
-- comma-separated lists ("he,en", "x,facebook"), read and written only by sqlite_people.cc.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL,
  username_key  TEXT    NOT NULL UNIQUE,  -- NFC + case-folded: login is case-insensitive
  display_name  TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  password_hash TEXT    NOT NULL,
  capacity      INTEGER NOT NULL CHECK (capacity >= 0),
  active        INTEGER NOT NULL CHECK (active IN (0, 1)),
  in_training   INTEGER NOT NULL CHECK (in_training IN (0, 1)),
  languages     TEXT    NOT NULL,
  platforms     TEXT    NOT NULL,
  created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE teams (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  languages TEXT NOT NULL,
  platforms TEXT NOT NULL,
  calendar  TEXT NOT NULL,
  signature TEXT NOT NULL CHECK (signature IN ('caret', 'dash_name', 'none'))
) STRICT;

CREATE TABLE team_members (
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (team_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX team_members_by_user ON team_members (user_id);

CREATE TABLE sessions (
  token_digest TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  csrf_token   TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  name         TEXT    NOT NULL,
  token_digest TEXT    NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
