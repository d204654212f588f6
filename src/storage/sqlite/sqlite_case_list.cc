// SqliteStore::ListCases: the inbox's case list with its filters, search and two orders, each
// case with its customer and a preview of its newest inbound message, in one statement.
//
// The statement has two levels, so the per-case work is done for one page only:
//   inner: the matching cases, ordered and limited (keyset paging). Latest activity first
//          walks cases_by_activity (or a filter's index); SLA due order walks
//          sla_clocks_running_by_due and joins each clock's case. A search adds, per word,
//          "c.id IN (cases with a message that has the word UNION ALL cases whose customer's
//          handle or name has it)", each side one FTS5 lookup (0008_case_search.sql).
//   outer: for those cases only, the customer by primary key and the preview: the newest
//          inbound, not deleted message found by walking messages_by_case backwards from the
//          case's newest message, then read by primary key.
// Only the filters present appear in the SQL text (an "?1 IS NULL OR ..." form would defeat
// index selection); the text for each combination is prepared once per connection.
// docs/case-list.md has the query plans.
#include <algorithm>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/unicode.h"
#include "domain/message.h"
#include "domain/platform.h"
#include "domain/text_normalize.h"
#include "storage/sqlite/sqlite_rows.h"
#include "storage/sqlite/sqlite_search.h"
#include "storage/sqlite/sqlite_store.h"

namespace fr::storage::sqlite {
namespace {

using domain::CaseStatus;

constexpr CaseStatus kActive[] = {CaseStatus::kNew, CaseStatus::kOpen, CaseStatus::kPending};
constexpr CaseStatus kAllStatuses[] = {CaseStatus::kNew, CaseStatus::kOpen, CaseStatus::kPending,
                                       CaseStatus::kResolved, CaseStatus::kClosed};

// SQL text and its parameters, numbered in the order they are added.
class SqlBuilder {
 public:
  // Adds a parameter and returns its placeholder ("?3"), which may be used several times.
  std::string Param(std::variant<std::int64_t, std::string> value) {
    params_.push_back(std::move(value));
    return "?" + std::to_string(params_.size());
  }
  void Bind(Statement& st) const {
    for (std::size_t i = 0; i < params_.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      if (const auto* n = std::get_if<std::int64_t>(&params_[i])) {
        st.BindInt(index, *n);
      } else {
        st.BindText(index, std::get<std::string>(params_[i]));
      }
    }
  }

  std::string sql;

 private:
  std::vector<std::variant<std::int64_t, std::string>> params_;
};

// The statuses the filter allows, in enum order; nullopt when any status will do.
std::optional<std::vector<CaseStatus>> AllowedStatuses(const ports::CaseFilter& f) {
  const bool active = f.active_only || f.sla.has_value();
  if (f.statuses.empty() && !active) return std::nullopt;
  std::vector<CaseStatus> allowed;
  for (CaseStatus s : kAllStatuses) {
    const bool listed = f.statuses.empty() ||
                        std::find(f.statuses.begin(), f.statuses.end(), s) != f.statuses.end();
    const bool is_active =
        std::find(std::begin(kActive), std::end(kActive), s) != std::end(kActive);
    if (listed && (!active || is_active)) allowed.push_back(s);
  }
  return allowed;
}

// " AND c.status IN ('new', 'open')": the names are our own constants, never client text.
// With `use_index` false the column is written +c.status, which keeps SQLite from walking the
// status index: a search's matches should drive the query, as they narrow it far more.
std::string StatusClause(const std::vector<CaseStatus>& allowed, bool use_index) {
  const std::string column = use_index ? " AND c.status" : " AND +c.status";
  if (allowed.size() == 1) {
    return column + " = '" + std::string(domain::CaseStatusName(allowed[0])) + "'";
  }
  std::string clause = column + " IN (";
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) clause += ", ";
    clause += "'" + std::string(domain::CaseStatusName(allowed[i])) + "'";
  }
  return clause + ")";
}

// The running clocks `u` keeps (k is sla_clocks).
std::string UrgencyClause(const ports::SlaUrgencyFilter& u, SqlBuilder& q) {
  const std::string now = q.Param(u.now);
  switch (u.urgency) {
    case ports::SlaUrgency::kWarning:
      return " AND k.warn_at <= " + now + " AND k.due_at > " + now;
    case ports::SlaUrgency::kBreached:
      return " AND k.due_at <= " + now;
    case ports::SlaUrgency::kBreaching:
      break;
  }
  return " AND (k.warn_at <= " + now + " OR k.due_at <= " + q.Param(u.now + u.due_within) + ")";
}

std::size_t CodePoints(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// " AND c.id IN (...)" once per word: every word must occur in the case's messages or in its
// customer's handle or name.
std::string SearchClauses(const std::vector<std::string>& words, SqlBuilder& q) {
  std::string clauses;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool prefix = i + 1 == words.size() && CodePoints(words[i]) >= ports::kMinPrefixChars;
    const std::string match = q.Param(FtsWordQuery(words[i], prefix));
    clauses +=
        " AND c.id IN (SELECT m.case_id FROM messages_fts JOIN messages m"
        " ON m.id = messages_fts.rowid WHERE messages_fts MATCH " +
        match +
        " UNION ALL SELECT s.id FROM customers_fts JOIN cases s"
        " ON s.customer_id = customers_fts.rowid WHERE customers_fts MATCH " +
        match + ")";
  }
  return clauses;
}

// Columns of the outer select after the case's: its sort key, the customer (7), the preview.
// substr keeps one character more than a preview shows, so LeadingGraphemes can tell a cut
// at a cluster boundary from one inside a cluster.
constexpr int kSortKeyColumn = kCaseColumnCount;
constexpr int kCustomerColumn = kSortKeyColumn + 1;
constexpr int kPreviewColumn = kCustomerColumn + 7;
static_assert(ports::kPreviewChars == 200, "the substr length below is kPreviewChars + 1");
constexpr char kOuterSelect[] =
    "SELECT " FR_SQLITE_CASE_COLUMNS ", c.sort_key, " FR_SQLITE_CUSTOMER_COLUMNS
    ", p.id, substr(p.text, 1, 201), p.visibility, p.kind, p.created_at FROM (";
constexpr char kOuterJoins[] =
    ") c LEFT JOIN customers u ON u.id = c.customer_id"
    " LEFT JOIN messages p ON p.id = (SELECT m.id FROM messages m WHERE m.case_id = c.id"
    " AND m.is_outbound = 0 AND m.deleted = 0 ORDER BY m.created_at DESC, m.id DESC LIMIT 1)";

Result<ports::CaseListItem> ReadItem(const Statement& st) {
  ports::CaseListItem item;
  FR_ASSIGN_OR_RETURN(item.kase, ReadCase(st, 0));
  if (!st.ColumnIsNull(kCustomerColumn)) {
    FR_ASSIGN_OR_RETURN(item.customer, ReadCustomer(st, kCustomerColumn));
  }
  if (!st.ColumnIsNull(kPreviewColumn)) {
    ports::MessagePreview p;
    p.id = st.ColumnInt(kPreviewColumn);
    unicode::Shortened text =
        unicode::LeadingGraphemes(st.ColumnText(kPreviewColumn + 1), ports::kPreviewChars);
    p.text = std::move(text.text);
    p.truncated = text.truncated;
    auto visibility = domain::ParseVisibility(st.ColumnText(kPreviewColumn + 2));
    if (!visibility) return CorruptRow("messages", "visibility");
    p.visibility = *visibility;
    auto kind = domain::ParseMessageKind(st.ColumnText(kPreviewColumn + 3));
    if (!kind) return CorruptRow("messages", "kind");
    p.kind = *kind;
    p.created_at = st.ColumnInt(kPreviewColumn + 4);
    item.preview = std::move(p);
  }
  return item;
}

Status InvalidArgument(std::string reason, std::string message) {
  return Status(Errc::kInvalidArgument, std::move(reason), std::move(message));
}

// The statement for one ListCases call; `nothing` when the filter excludes every case.
struct CaseListSql {
  ports::CaseOrder order = ports::CaseOrder::kLatestActivity;
  SqlBuilder query;
  bool nothing = false;
};

Result<CaseListSql> BuildCaseListSql(const ports::CaseFilter& filter,
                                     const std::optional<ports::CaseCursor>& after, int limit) {
  CaseListSql out;
  if (limit < 1) return InvalidArgument("invalid_limit", "limit must be at least 1");
  out.order = filter.sla ? ports::CaseOrder::kSlaDue : ports::CaseOrder::kLatestActivity;
  if (after && after->order != out.order) {
    return InvalidArgument("invalid_cursor", "the cursor continues a list in another order");
  }
  std::vector<std::string> words;
  if (!filter.text.empty()) {
    words = domain::MatchWords(filter.text);
    if (words.empty()) return InvalidArgument("invalid_search", "the search has no words");
    if (words.size() > ports::kMaxSearchWords) {
      return InvalidArgument(
          "invalid_search",
          "a search has at most " + std::to_string(ports::kMaxSearchWords) + " words");
    }
  }
  const std::optional<std::vector<CaseStatus>> statuses = AllowedStatuses(filter);
  if (statuses && statuses->empty()) {  // e.g. status=closed with active=true
    out.nothing = true;
    return out;
  }

  SqlBuilder& q = out.query;
  const bool by_due = out.order == ports::CaseOrder::kSlaDue;
  std::string inner;
  if (by_due) {
    // CROSS JOIN keeps the clocks outside, so their index gives the order.
    inner =
        "SELECT c.*, k.due_at AS sort_key FROM sla_clocks k CROSS JOIN cases c"
        " ON c.id = k.case_id WHERE k.phase = 'running'" +
        UrgencyClause(*filter.sla, q);
  } else {
    inner = "SELECT c.*, c.last_activity_at AS sort_key FROM cases c WHERE 1";
  }
  if (statuses) inner += StatusClause(*statuses, /*use_index=*/words.empty());
  if (filter.platform) {
    inner += " AND c.platform = " + q.Param(std::string(domain::PlatformName(*filter.platform)));
  }
  if (filter.assignee) inner += " AND c.assignee_id = " + q.Param(*filter.assignee);
  if (filter.unassigned_only) inner += " AND c.assignee_id IS NULL";
  if (filter.team) inner += " AND c.team_id = " + q.Param(*filter.team);
  if (filter.customer) inner += " AND c.customer_id = " + q.Param(*filter.customer);
  inner += SearchClauses(words, q);
  if (after) {
    inner += by_due ? " AND (k.due_at, k.case_id) > (" : " AND (c.last_activity_at, c.id) < (";
    inner += q.Param(after->key) + ", " + q.Param(after->id) + ")";
  }
  inner +=
      by_due ? " ORDER BY k.due_at, k.case_id" : " ORDER BY c.last_activity_at DESC, c.id DESC";
  // One more than asked for tells whether another page follows.
  inner += " LIMIT " + q.Param(static_cast<std::int64_t>(limit) + 1);
  q.sql = kOuterSelect + inner + kOuterJoins +
          (by_due ? " ORDER BY c.sort_key, c.id" : " ORDER BY c.sort_key DESC, c.id DESC");
  return out;
}

}  // namespace

Result<ports::CasePage> SqliteStore::ListCases(const ports::CaseFilter& filter,
                                               const std::optional<ports::CaseCursor>& after,
                                               int limit) {
  FR_ASSIGN_OR_RETURN(CaseListSql sql, BuildCaseListSql(filter, after, limit));
  ports::CasePage page;
  if (sql.nothing) return page;
  auto reader = readers_->Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, reader->Prepare(sql.query.sql));
  sql.query.Bind(st);
  std::vector<UnixMillis> keys;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    FR_ASSIGN_OR_RETURN(ports::CaseListItem item, ReadItem(st));
    keys.push_back(st.ColumnInt(kSortKeyColumn));
    page.items.push_back(std::move(item));
  }
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.pop_back();
    page.next = ports::CaseCursor{
        .order = sql.order, .key = keys[page.items.size() - 1], .id = page.items.back().kase.id};
  }
  return page;
}

Result<std::vector<std::string>> SqliteStore::ListCasesPlanForTest(
    const ports::CaseFilter& filter, const std::optional<ports::CaseCursor>& after, int limit) {
  FR_ASSIGN_OR_RETURN(CaseListSql sql, BuildCaseListSql(filter, after, limit));
  std::vector<std::string> plan;
  if (sql.nothing) return plan;
  auto reader = readers_->Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, reader->Prepare("EXPLAIN QUERY PLAN " + sql.query.sql));
  sql.query.Bind(st);
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return plan;
    plan.push_back(st.ColumnText(3));  // id, parent, notused, detail
  }
}

}  // namespace fr::storage::sqlite
