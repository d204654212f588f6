#include "storage/sqlite/sqlite_search.h"

#include <sqlite3.h>

#include <exception>

#include "domain/text_normalize.h"

namespace fr::storage::sqlite {
namespace {

void SearchDocumentFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_text(context, "", 0, SQLITE_STATIC);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int size = sqlite3_value_bytes(argv[0]);
  try {
    std::string document =
        SearchDocument(std::string_view(text ? text : "", static_cast<std::size_t>(size)));
    sqlite3_result_text64(context, document.data(), document.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } catch (const std::exception&) {  // out of memory: no exception may cross into SQLite
    sqlite3_result_error_nomem(context);
  }
}

}  // namespace

std::string SearchDocument(std::string_view text) {
  std::string document;
  for (const std::string& word : domain::MatchWords(text)) {
    for (const std::string& form : domain::WordForms(word)) {
      if (!document.empty()) document += ' ';
      document += form;
    }
  }
  return document;
}

std::string FtsWordQuery(std::string_view word, bool prefix) {
  std::string query = "\"";
  for (char c : word) {
    if (c == '"') query += '"';  // FTS5 doubles a quote inside a string
    query += c;
  }
  query += '"';
  if (prefix) query += '*';
  return query;
}

Status RegisterSearchFunctions(SqliteConnection& db) {
  const int rc = sqlite3_create_function_v2(
      db.handle(), "fr_search_document", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
      nullptr, &SearchDocumentFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db.handle(), rc, "register fr_search_document");
  return Status::Ok();
}

}  // namespace fr::storage::sqlite
