// SqliteTxn: ports::StoreTxn on the writer connection, inside the transaction SqliteStore's
// WriteBatch opens. It never begins or ends a transaction itself; methods that write more than
// one row run in their own nested savepoint, so each method is all-or-nothing even when a unit
// goes on after an error.
//
// InsertMessage stores m.message, its links and its deleted/hidden flags with the message's
// own external id in the dedupe index; it ignores m.id (the store assigns it) and
// m.revisions (history is added with AddRevision). A 0 id (conversation, customer,
// delivery) is stored as "none"; a non-zero id must exist (foreign keys) or kInternal.
//
// Error codes, beyond the port's kUnavailable (busy, I/O, full disk) and kInternal:
//   kConflict   InsertMessage of an external id already stored; AddAlias of an alias that
//               names another message; InsertConversation of an existing (platform, account,
//               key).
//   kNotFound   AddRevision / AddAlias / MarkAddressed / SetConversationCase / UpdateCase of
//               an unknown id.
//   kInvalidArgument  UpsertCustomer of a profile without a platform user id.
// Thread safety: none; used by the one thread running WriteBatch.
#pragma once

#include <functional>

#include "ports/store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_drafts.h"
#include "storage/sqlite/sqlite_insights.h"
#include "storage/sqlite/sqlite_crisis.h"
#include "storage/sqlite/sqlite_metrics.h"
#include "storage/sqlite/sqlite_topics.h"
#include "storage/sqlite/sqlite_people.h"
#include "storage/sqlite/sqlite_replies.h"
#include "storage/sqlite/sqlite_sla.h"
#include "storage/sqlite/sqlite_work.h"
#include "storage/sqlite/touched_cases.h"

namespace fr::storage::sqlite {

class SqliteTxn final : public ports::StoreTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open, and outlives this.
  // `case_hook` (may be empty) runs after each case write; it must outlive this.
  SqliteTxn(SqliteConnection& db, const ports::CaseWriteHook& case_hook)
      : db_(db),
        case_hook_(case_hook),
        people_(db),
        work_(db),
        replies_(db, touched_),
        sla_(db, touched_),
        drafts_(db),
        insights_(db, touched_),
        metrics_(db),
        crisis_(db),
        topics_(db, touched_) {}

  // ports::StoreTxn
  Result<std::int64_t> InsertDelivery(std::string_view channel, UnixMillis received_at,
                                      std::string_view raw_body) override;
  Result<std::optional<ports::StoredMessage>> FindMessage(domain::Platform platform,
                                                          std::string_view external_id) override;
  Result<ports::MessageId> InsertMessage(const ports::StoredMessage& m) override;
  Status AddAlias(domain::Platform platform, std::string_view alias, ports::MessageId id) override;
  Status MarkAddressed(ports::MessageId id, ports::CaseId case_id) override;
  Status AddRevision(ports::MessageId id, const ports::Revision& r) override;
  Result<ports::CustomerId> UpsertCustomer(domain::Platform platform,
                                           const domain::Author& profile) override;
  Result<std::optional<domain::Conversation>> FindConversation(domain::Platform platform,
                                                               std::string_view account_id,
                                                               std::string_view key) override;
  Result<ports::ConversationId> InsertConversation(const domain::Conversation& c) override;
  Result<std::optional<domain::Conversation>> GetConversation(ports::ConversationId id) override;
  Status SetConversationCase(ports::ConversationId id, ports::CaseId case_id) override;
  Result<std::optional<domain::Case>> GetCase(ports::CaseId id) override;
  Result<std::optional<domain::Case>> FindActiveCaseOfCustomer(ports::CustomerId customer,
                                                               std::string_view account_id,
                                                               UnixMillis since) override;
  Result<ports::CaseId> InsertCase(const domain::Case& c) override;
  Status UpdateCase(const domain::Case& c) override;
  Status SetThreadedThrough(std::int64_t delivery_id) override;
  ports::PeopleTxn& people() override { return people_; }
  ports::WorkTxn& work() override { return work_; }
  ports::ReplyTxn& replies() override { return replies_; }
  ports::SlaTxn& sla() override { return sla_; }
  ports::DraftTxn& drafts() override { return drafts_; }
  ports::InsightTxn& insights() override { return insights_; }
  ports::MetricsTxn& metrics() override { return metrics_; }
  ports::CrisisTxn& crisis() override { return crisis_; }
  ports::TopicTxn& topics() override { return topics_; }

  // The cases whose metric inputs changed since the last call (ports::BatchEndHook).
  std::vector<ports::CaseId> TakeTouchedCases() { return touched_.Take(); }

 private:
  // Runs `body` in a nested savepoint: on error everything it wrote is rolled back and its
  // Status returned.
  Status Atomically(const std::function<Status()>& body);

  SqliteConnection& db_;
  const ports::CaseWriteHook& case_hook_;
  TouchedCases touched_;  // before the parts that add to it
  SqlitePeopleTxn people_;
  SqliteWorkTxn work_;
  SqliteReplyTxn replies_;
  SqliteSlaTxn sla_;
  SqliteDraftTxn drafts_;
  SqliteInsightTxn insights_;
  SqliteMetricsTxn metrics_;
  SqliteCrisisTxn crisis_;
  SqliteTopicTxn topics_;
};

}  // namespace fr::storage::sqlite
