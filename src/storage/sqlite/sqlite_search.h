// Case search in the SQLite store: the text its full-text indexes hold (search_text, see
// migrations/0008_case_search.sql) and the FTS5 queries that look words up in it. Matching
// follows domain/text_normalize.h, the one place that decides when two spellings are the
// same word, so a search finds what the reply rules would call the same word.
// Thread safety: pure functions; RegisterSearchFunctions uses the connection it is given.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "storage/sqlite/sqlite_connection.h"

namespace fr::storage::sqlite {

// The search_text of `text`: its words in matching form (domain::MatchWords), each followed by
// its Hebrew prefix-stripped forms (domain::WordForms), separated by single spaces; "" for a
// text without words. "הַחְזָר לא" → "החזר חזר לא".
std::string SearchDocument(std::string_view text);

// The FTS5 query for one word in matching form (a MatchWords result): the word as a quoted
// string, with '*' after it when `prefix` (words that start with it match too).
std::string FtsWordQuery(std::string_view word, bool prefix);

// Registers the SQL function fr_search_document(text) (SearchDocument; NULL gives '') on
// `db`. The store's writer needs it (customer upserts, and migration 0008's backfill).
Status RegisterSearchFunctions(SqliteConnection& db);

}  // namespace fr::storage::sqlite
