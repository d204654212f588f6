#include "storage/sqlite/sqlite_topics.h"

#include <algorithm>
#include <charconv>

#include "storage/sqlite/sqlite_metrics.h"
#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

using ports::StoredTopic;

constexpr char kTopicColumns[] =
    "id, terms, display_terms, name, first_seen, last_seen, members, recent_members, trend,"
    " example_ids, sent_to_product_at";

std::string Lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string IdLines(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> text;
  for (std::int64_t id : ids) text.push_back(std::to_string(id));
  return Lines(text);
}

Result<std::vector<StoredTopic>> ReadTopics(Statement& st) {
  std::vector<StoredTopic> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    StoredTopic t;
    t.id = st.ColumnInt(0);
    t.terms = SplitLines(st.ColumnText(1));
    t.display_terms = SplitLines(st.ColumnText(2));
    t.name = st.ColumnText(3);
    t.first_seen = st.ColumnInt(4);
    t.last_seen = st.ColumnInt(5);
    t.members = st.ColumnInt(6);
    t.recent_members = st.ColumnInt(7);
    t.trend = st.ColumnDouble(8);
    for (const std::string& id : SplitLines(st.ColumnText(9))) {
      std::int64_t parsed = 0;
      auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), parsed);
      if (ec != std::errc() || end != id.data() + id.size()) return CorruptRow("topics", "example_ids");
      t.example_ids.push_back(parsed);
    }
    t.sent_to_product_at = st.ColumnOptionalInt(10);
    out.push_back(std::move(t));
  }
}

// Binds the fields of `t` after the id: ?2..?10.
void BindTopic(Statement& st, const StoredTopic& t) {
  st.BindText(2, Lines(t.terms)).BindText(3, Lines(t.display_terms)).BindText(4, t.name);
  st.BindInt(5, t.first_seen).BindInt(6, t.last_seen).BindInt(7, t.members);
  st.BindInt(8, t.recent_members).BindDouble(9, t.trend).BindText(10, IdLines(t.example_ids));
}

}  // namespace

Result<std::int64_t> SqliteTopicTxn::InsertTopic(const StoredTopic& t) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO topics (id, terms, display_terms, name, first_seen,"
                                  " last_seen, members, recent_members, trend, example_ids)"
                                  " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  BindTopic(st, t);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Status SqliteTopicTxn::UpdateTopic(const StoredTopic& t) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE topics SET terms = ?2, display_terms = ?3, name = ?4,"
                                  " first_seen = ?5, last_seen = ?6, members = ?7,"
                                  " recent_members = ?8, trend = ?9, example_ids = ?10"
                                  " WHERE id = ?1"));
  st.BindInt(1, t.id);
  BindTopic(st, t);
  FR_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return Status(Errc::kNotFound, "not_found", "no such topic");
  return Status::Ok();
}

Status SqliteTopicTxn::SetTopicMembers(UnixMillis from, UnixMillis to,
                                       const std::map<std::int64_t, std::int64_t>& topic_of) {
  // What the range holds now, to change only what differs (and touch only those cases).
  std::map<std::int64_t, std::int64_t> stored;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT message_id, topic_id FROM message_topics"
                                                  " WHERE created_at >= ?1 AND created_at < ?2"));
    st.BindInt(1, from).BindInt(2, to);
    while (true) {
      FR_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      stored.emplace(st.ColumnInt(0), st.ColumnInt(1));
    }
  }
  std::vector<std::int64_t> changed;
  FR_ASSIGN_OR_RETURN(Statement remove, db_.Prepare("DELETE FROM message_topics WHERE message_id = ?1"));
  for (const auto& [message, topic] : stored) {
    if (topic_of.count(message)) continue;
    remove.BindInt(1, message);
    FR_RETURN_IF_ERROR(remove.Run());
    changed.push_back(message);
  }
  FR_ASSIGN_OR_RETURN(Statement put,
                      db_.Prepare("INSERT OR REPLACE INTO message_topics (message_id, topic_id,"
                                  " created_at) SELECT id, ?2, created_at FROM messages"
                                  " WHERE id = ?1"));
  for (const auto& [message, topic] : topic_of) {
    auto was = stored.find(message);
    if (was != stored.end() && was->second == topic) continue;
    put.BindInt(1, message).BindInt(2, topic);
    FR_RETURN_IF_ERROR(put.Run());
    changed.push_back(message);
  }
  FR_ASSIGN_OR_RETURN(Statement case_of, db_.Prepare("SELECT case_id FROM messages WHERE id = ?1"));
  for (std::int64_t message : changed) {
    case_of.BindInt(1, message);
    FR_ASSIGN_OR_RETURN(bool row, case_of.Step());
    if (row) touched_.Add(case_of.ColumnInt(0));
    FR_RETURN_IF_ERROR(case_of.Run());  // resets it for the next message
  }
  return Status::Ok();
}

Status SqliteTopicTxn::MarkSentToProduct(std::int64_t id, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("UPDATE topics SET sent_to_product_at = ?2 WHERE id = ?1"));
  st.BindInt(1, id).BindInt(2, at);
  FR_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return Status(Errc::kNotFound, "not_found", "no such topic");
  return Status::Ok();
}

Result<std::vector<StoredTopic>> SqliteTopicReader::TopicsSeenSince(UnixMillis since) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kTopicColumns +
                                                " FROM topics WHERE last_seen >= ?1 ORDER BY id"));
  st.BindInt(1, since);
  return ReadTopics(st);
}

Result<std::optional<StoredTopic>> SqliteTopicReader::GetTopic(std::int64_t id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kTopicColumns +
                                                " FROM topics WHERE id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(std::vector<StoredTopic> found, ReadTopics(st));
  if (found.empty()) return std::optional<StoredTopic>();
  return std::optional<StoredTopic>(std::move(found.front()));
}

Result<std::vector<ports::ComplaintText>> SqliteTopicReader::ComplaintsBetween(UnixMillis from,
                                                                               UnixMillis to,
                                                                               int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT m.id, m.created_at, m.text FROM messages m"
                                  " JOIN message_insights i ON i.message_id = m.id"
                                  " WHERE m.created_at >= ?1 AND m.created_at < ?2"
                                  " AND m.is_outbound = 0 AND m.deleted = 0"
                                  " AND i.intent = 'complaint'"
                                  " ORDER BY m.created_at DESC, m.id DESC LIMIT ?3"));
  st.BindInt(1, from).BindInt(2, to).BindInt(3, limit);
  std::vector<ports::ComplaintText> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back({st.ColumnInt(0), st.ColumnInt(1), st.ColumnText(2)});
  }
}

Result<std::map<std::int64_t, std::int64_t>> SqliteTopicReader::TopicCounts(UnixMillis from,
                                                                            UnixMillis to) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT topic_id, count(*) FROM message_topics"
                                                " WHERE created_at >= ?1 AND created_at < ?2"
                                                " GROUP BY topic_id"));
  st.BindInt(1, from).BindInt(2, to);
  std::map<std::int64_t, std::int64_t> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.emplace(st.ColumnInt(0), st.ColumnInt(1));
  }
}

Result<std::vector<UnixMillis>> SqliteTopicReader::TopicTimes(std::int64_t id, UnixMillis from,
                                                              UnixMillis to) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT created_at FROM message_topics"
                                                " WHERE topic_id = ?1 AND created_at >= ?2"
                                                " AND created_at < ?3 ORDER BY created_at"));
  st.BindInt(1, id).BindInt(2, from).BindInt(3, to);
  std::vector<UnixMillis> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(st.ColumnInt(0));
  }
}

Result<std::vector<ports::SeriesMessage>> SqliteTopicReader::TopicExamples(std::int64_t id,
                                                                           UnixMillis from,
                                                                           UnixMillis to,
                                                                           int limit) {
  FR_ASSIGN_OR_RETURN(std::optional<StoredTopic> topic, GetTopic(id));
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT m.id, COALESCE(m.case_id, 0), m.platform, m.account_id,"
                                  " m.author_handle, m.author_name, m.author_followers,"
                                  " m.created_at, 1, m.text FROM message_topics t"
                                  " JOIN messages m ON m.id = t.message_id"
                                  " WHERE t.topic_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3"
                                  " ORDER BY t.created_at DESC LIMIT 200"));
  st.BindInt(1, id).BindInt(2, from).BindInt(3, to);
  std::vector<ports::SeriesMessage> found;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    FR_ASSIGN_OR_RETURN(ports::SeriesMessage m, ReadSeriesMessage(st));  // complaints: negative
    found.push_back(std::move(m));
  }
  // The stored examples first, in their order; then the latest.
  auto rank = [&](const ports::SeriesMessage& m) {
    if (!topic) return std::size_t{0};
    auto at = std::find(topic->example_ids.begin(), topic->example_ids.end(), m.head.message_id);
    return static_cast<std::size_t>(at - topic->example_ids.begin());
  };
  std::stable_sort(found.begin(), found.end(),
                   [&](const ports::SeriesMessage& a, const ports::SeriesMessage& b) {
                     return rank(a) < rank(b);
                   });
  if (found.size() > static_cast<std::size_t>(limit)) found.resize(limit);
  return found;
}

}  // namespace fr::storage::sqlite
