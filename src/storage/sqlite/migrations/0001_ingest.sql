-- 0001_ingest: the tables ingest writes and the case views read.
--
-- Conventions (every later migration follows them):
--   * Tables are STRICT: a value of the wrong type is an error, never silently converted. In
--     particular every platform id is TEXT, so "00042" or "1790123456789012345" round-trips
--     byte-exact and is never turned into a number.
--   * Enums are stored as their stable names: PlatformName ("x", "facebook", ...),
--     CaseStatusName ("new", "open", ...), VisibilityName ("public" | "private"),
--     MessageKindName ("post", "comment", ...), RevisionKindName ("edit", "delete", ...).
--     No CHECK lists them, so adding a value needs no table rebuild; the store refuses unknown
--     names when it reads a row.
--   * Times are INTEGER milliseconds since the Unix epoch, UTC.
--   * Our own ids are INTEGER PRIMARY KEY (64-bit rowids). A foreign key column holds NULL
--     where the domain says 0 ("none": the brand's own messages have no customer).
--   * Booleans are INTEGER 0/1; a NULL boolean or count means "the platform never said".
--
-- deliveries         raw bytes of each webhook delivery, kept for audit and re-parsing;
--                    channel is the webhook channel's name ("x", "meta"), not a platform.
-- customers          one person on one network; UNIQUE (platform, platform_user_id).
-- cases              the unit of work; indexed for the case list (latest activity first,
--                    optionally by status or platform) and for a customer's latest case.
-- conversations      one thread per (platform, account_id, key); case_id is the case its
--                    newest messages belong to.
-- messages           the normalised Message (author_* is the author as the platform showed it
--                    then), our links (conversation, case, customer, delivery) and its state
--                    (deleted, hidden). text is the current text, after the latest edit.
-- message_attachments the attachments of a message in platform order (seq from 0).
-- message_ids        the dedupe index: (platform, external_id) -> message, holding each
--                    message's own external id and its aliases (ids of X edits).
-- message_revisions  how a message changed after it arrived, seq from 1, oldest first.

CREATE TABLE deliveries (
  id          INTEGER PRIMARY KEY,
  channel     TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  body        BLOB    NOT NULL
) STRICT;

CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  platform         TEXT    NOT NULL,
  platform_user_id TEXT    NOT NULL,
  handle           TEXT    NOT NULL DEFAULT '',
  name             TEXT    NOT NULL DEFAULT '',
  followers        INTEGER,
  verified         INTEGER CHECK (verified IN (0, 1)),
  UNIQUE (platform, platform_user_id)
) STRICT;

CREATE TABLE cases (
  id                       INTEGER PRIMARY KEY,
  status                   TEXT    NOT NULL,
  platform                 TEXT    NOT NULL,
  account_id               TEXT    NOT NULL,
  customer_id              INTEGER REFERENCES customers (id),
  opened_at                INTEGER NOT NULL,
  last_activity_at         INTEGER NOT NULL,
  last_customer_message_at INTEGER NOT NULL,
  message_count            INTEGER NOT NULL DEFAULT 0,
  reopen_count             INTEGER NOT NULL DEFAULT 0
) STRICT;

-- ListCases: keyset pagination on (last_activity_at, id) descending, with or without filters.
CREATE INDEX cases_by_activity ON cases (last_activity_at DESC, id DESC);
CREATE INDEX cases_by_status_activity ON cases (status, last_activity_at DESC, id DESC);
CREATE INDEX cases_by_platform_activity ON cases (platform, last_activity_at DESC, id DESC);
-- FindActiveCaseOfCustomer. Without last_activity_at, so the entry does not move each time
-- the case gets a message (a customer has few cases; they are sorted after the lookup).
CREATE INDEX cases_by_customer ON cases (customer_id, account_id);

CREATE TABLE conversations (
  id          INTEGER PRIMARY KEY,
  platform    TEXT    NOT NULL,
  account_id  TEXT    NOT NULL,
  key         TEXT    NOT NULL,
  visibility  TEXT    NOT NULL,
  customer_id INTEGER REFERENCES customers (id),
  case_id     INTEGER REFERENCES cases (id),
  UNIQUE (platform, account_id, key)
) STRICT;

CREATE INDEX conversations_by_case ON conversations (case_id);

CREATE TABLE messages (
  id                 INTEGER PRIMARY KEY,
  platform           TEXT    NOT NULL,
  account_id         TEXT    NOT NULL,
  external_id        TEXT    NOT NULL,
  thread_key         TEXT    NOT NULL DEFAULT '',
  parent_id          TEXT    NOT NULL DEFAULT '',
  author_id          TEXT    NOT NULL DEFAULT '',
  author_handle      TEXT    NOT NULL DEFAULT '',
  author_name        TEXT    NOT NULL DEFAULT '',
  author_followers   INTEGER,
  author_verified    INTEGER CHECK (author_verified IN (0, 1)),
  counterpart_id     TEXT    NOT NULL DEFAULT '',
  text               TEXT    NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  visibility         TEXT    NOT NULL,
  kind               TEXT    NOT NULL,
  is_outbound        INTEGER NOT NULL DEFAULT 0 CHECK (is_outbound IN (0, 1)),
  edit_of            TEXT    NOT NULL DEFAULT '',
  conversation_id    INTEGER REFERENCES conversations (id),
  case_id            INTEGER REFERENCES cases (id),
  author_customer_id INTEGER REFERENCES customers (id),
  delivery_id        INTEGER REFERENCES deliveries (id),
  received_at        INTEGER NOT NULL,
  deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  hidden             INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;

-- GetCaseDetail: a case's messages in platform order.
CREATE INDEX messages_by_case ON messages (case_id, created_at, id);

CREATE TABLE message_attachments (
  message_id INTEGER NOT NULL REFERENCES messages (id),
  seq        INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  url        TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (message_id, seq)
) STRICT;

CREATE TABLE message_ids (
  platform    TEXT    NOT NULL,
  external_id TEXT    NOT NULL,
  message_id  INTEGER NOT NULL REFERENCES messages (id),
  PRIMARY KEY (platform, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE message_revisions (
  message_id    INTEGER NOT NULL REFERENCES messages (id),
  seq           INTEGER NOT NULL,
  kind          TEXT    NOT NULL,
  previous_text TEXT    NOT NULL,
  text          TEXT    NOT NULL,
  at            INTEGER NOT NULL,
  PRIMARY KEY (message_id, seq)
) STRICT;
