// The topics part of the SQLite store (ports/topic_store.h; migration 0015_topics.sql).
#pragma once

#include "ports/topic_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"
#include "storage/sqlite/touched_cases.h"

namespace fr::storage::sqlite {

class SqliteTopicTxn final : public ports::TopicTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open; both outlive this.
  SqliteTopicTxn(SqliteConnection& db, TouchedCases& touched) : db_(db), touched_(touched) {}

  Result<std::int64_t> InsertTopic(const ports::StoredTopic& topic) override;
  Status UpdateTopic(const ports::StoredTopic& topic) override;
  Status SetTopicMembers(UnixMillis from, UnixMillis to,
                         const std::map<std::int64_t, std::int64_t>& topic_of) override;
  Status MarkSentToProduct(std::int64_t id, UnixMillis at) override;

 private:
  SqliteConnection& db_;
  TouchedCases& touched_;
};

class SqliteTopicReader final : public ports::TopicReader {
 public:
  explicit SqliteTopicReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::vector<ports::StoredTopic>> TopicsSeenSince(UnixMillis since) override;
  Result<std::optional<ports::StoredTopic>> GetTopic(std::int64_t id) override;
  Result<std::vector<ports::ComplaintText>> ComplaintsBetween(UnixMillis from, UnixMillis to,
                                                              int limit) override;
  Result<std::map<std::int64_t, std::int64_t>> TopicCounts(UnixMillis from, UnixMillis to) override;
  Result<std::vector<UnixMillis>> TopicTimes(std::int64_t id, UnixMillis from,
                                             UnixMillis to) override;
  Result<std::vector<ports::SeriesMessage>> TopicExamples(std::int64_t id, UnixMillis from,
                                                          UnixMillis to, int limit) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
