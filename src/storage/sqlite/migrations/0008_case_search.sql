-- The case list's search and SLA queue (docs/case-list.md).
--
-- Search: full-text indexes (FTS5) over message texts and customers' handles and names. The
-- text indexed is search_text, a column the store fills with the words in matching form
-- (domain/text_normalize.h: case-folded, niqqud, cantillation and diacritics removed, final
-- letters folded) plus the Hebrew prefix-stripped forms of each word, separated by spaces
-- (sqlite_search.h; the SQL function fr_search_document that the store registers on its
-- writer computes it). Each index is an external-content table over its column: the
-- triggers below keep it equal to the column through every insert, update and delete, and
-- 'rebuild' would recreate it from the column alone. A deleted message's search_text is '',
-- so it is not found. tokenize='ascii' splits only at the spaces the store wrote (every
-- non-ASCII character is part of a word); detail='none' because searches are sets of
-- words, never phrases; prefix='2 3' makes the prefix search of a word being typed cheap.
ALTER TABLE messages ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

UPDATE messages SET search_text = fr_search_document(text) WHERE deleted = 0;
UPDATE customers SET search_text = fr_search_document(handle || ' ' || name);

CREATE VIRTUAL TABLE messages_fts USING fts5(
  search_text, content = 'messages', content_rowid = 'id',
  tokenize = 'ascii', detail = 'none', columnsize = 0, prefix = '2 3');
CREATE VIRTUAL TABLE customers_fts USING fts5(
  search_text, content = 'customers', content_rowid = 'id',
  tokenize = 'ascii', detail = 'none', columnsize = 0, prefix = '2 3');
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
INSERT INTO customers_fts (customers_fts) VALUES ('rebuild');

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF search_text ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO messages_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF search_text ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO customers_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;

-- sla=warning|breached|breaching: running clocks in due order, with warn_at to filter on
-- without reading the row (the scheduler's partial indexes leave out clocks already raised).
CREATE INDEX sla_clocks_running_by_due ON sla_clocks (due_at, case_id, warn_at)
  WHERE phase = 'running';
