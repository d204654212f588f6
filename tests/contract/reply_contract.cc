// The outbox part of the Store contract (ports/reply_store.h): replies, the sender's queue and
// the audit log, through the port only. Runs for every Store the contract suite is
// instantiated for.
#include <string>
#include <vector>

#include "tests/contract/store_contract.h"

namespace fr::contract {
namespace {

using domain::Platform;
using domain::Reply;
using domain::ReplyId;
using domain::ReplyRoute;
using domain::ReplyStatus;
using ports::ReplyAuditAction;
using ports::ReplyAuditEntry;
using ports::StoreTxn;

constexpr UnixMillis kT0 = 1'800'000'000'000;

Reply MakeReply(domain::CaseId case_id, domain::UserId author, std::string key) {
  Reply r;
  r.case_id = case_id;
  r.author = author;
  r.platform = Platform::kX;
  r.account_id = "1500000000000000001";
  r.route = ReplyRoute::kPublicReply;
  r.in_reply_to = "1790123456789012345";
  r.text = "שלום דנה, ההזמנה בדרך 🚚 ^דנ";
  r.idempotency_key = std::move(key);
  r.status = ReplyStatus::kQueued;
  r.next_attempt_at = kT0;
  r.created_at = kT0;
  return r;
}

}  // namespace

void ReplyContractTest::SetUp() {
  StoreContractTest::SetUp();
  ASSERT_NE(store_, nullptr);
  Status s = Write([&](StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(author_, InsertTestUser(txn, "dana", "דנה", kT0));
    FR_ASSIGN_OR_RETURN(case_id_, InsertOpenXCase(txn, kT0));
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
}

ReplyId ReplyContractTest::AddReply(const Reply& r) {
  ReplyId id = 0;
  Status s = Write([&](StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(id, txn.replies().InsertReply(r));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return id;
}

namespace {

TEST_P(ReplyContractTest, ReplyRoundTripsEveryField) {
  domain::MessageId echo = 0;
  ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                ports::StoredMessage m;
                m.message.external_id = "1790000000000000099";
                m.message.account_id = "1500000000000000001";
                m.message.created_at = kT0;
                m.message.is_outbound = true;
                m.received_at = kT0;
                FR_ASSIGN_OR_RETURN(echo, txn.InsertMessage(m));
                return Status::Ok();
              }).ok());
  Reply in = MakeReply(case_id_, author_, "key-1");
  in.platform = Platform::kMessenger;
  in.route = ReplyRoute::kDirectMessage;
  in.in_reply_to = "";
  in.recipient_id = "00042";
  in.message_tag = "HUMAN_AGENT";
  in.status = ReplyStatus::kSent;
  in.approval_reason = "sensitive:health";
  in.approver = author_;
  in.review_note = "בסדר";
  in.attempts = 3;
  in.next_attempt_at = kT0 + 5;
  in.platform_id = "m_AbC-123";
  in.error_code = "613";
  in.error_text = "Calls to this api have exceeded the rate limit.";
  in.echo_message_id = echo;
  in.sent_at = kT0 + 9;
  in.id = 777;  // ignored
  ReplyId id = AddReply(in);
  ASSERT_GT(id, 0);
  in.id = id;
  auto read = store_->replies().GetReply(id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(**read, in);
  Reply in_txn;
  ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                FR_ASSIGN_OR_RETURN(auto r, txn.replies().GetReply(id));
                if (r) in_txn = *r;
                return Status::Ok();
              }).ok());
  EXPECT_EQ(in_txn, in);
  EXPECT_FALSE(store_->replies().GetReply(id + 1)->has_value());
}

TEST_P(ReplyContractTest, SystemRepliesHaveNoAuthorAndNoApprover) {
  ReplyId id = AddReply(MakeReply(case_id_, 0, "key-1"));
  auto r = store_->replies().GetReply(id);
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_EQ((*r)->author, 0);
  EXPECT_FALSE((*r)->approver.has_value());
  EXPECT_FALSE((*r)->echo_message_id.has_value());
}

TEST_P(ReplyContractTest, IdempotencyKeyIsRequiredAndUnique) {
  AddReply(MakeReply(case_id_, author_, "same"));
  Status dup = Write([&](StoreTxn& txn) {
    return txn.replies().InsertReply(MakeReply(case_id_, author_, "same")).status();
  });
  EXPECT_EQ(dup.code(), Errc::kConflict);
  EXPECT_EQ(dup.reason(), "duplicate_idempotency_key");
  Status empty = Write([&](StoreTxn& txn) {
    return txn.replies().InsertReply(MakeReply(case_id_, author_, "")).status();
  });
  EXPECT_EQ(empty.code(), Errc::kInvalidArgument);
  EXPECT_EQ(*store_->replies().CountReplies(ReplyStatus::kQueued), 1);
}

TEST_P(ReplyContractTest, UpdateMovesStateButKeepsKeyCaseAndCreation) {
  Reply r = MakeReply(case_id_, author_, "key-1");
  r.id = AddReply(r);
  Reply changed = r;
  changed.status = ReplyStatus::kSending;
  changed.attempts = 1;
  changed.text = "טקסט ערוך";
  changed.next_attempt_at = kT0 + 60'000;
  changed.idempotency_key = "other";
  changed.created_at = 1;
  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.replies().UpdateReply(changed); }).ok());
  Reply want = changed;
  want.idempotency_key = "key-1";
  want.created_at = kT0;
  EXPECT_EQ(**store_->replies().GetReply(r.id), want);

  changed.id = r.id + 100;
  Status missing = Write([&](StoreTxn& txn) { return txn.replies().UpdateReply(changed); });
  EXPECT_EQ(missing.code(), Errc::kNotFound);
}

TEST_P(ReplyContractTest, DueRepliesAreQueuedOrPastTheirEchoWaitEarliestFirst) {
  auto add = [&](std::string key, ReplyStatus status, UnixMillis next) {
    Reply r = MakeReply(case_id_, author_, std::move(key));
    r.status = status;
    r.next_attempt_at = next;
    return AddReply(r);
  };
  ReplyId late = add("late", ReplyStatus::kQueued, kT0 + 300);
  ReplyId early = add("early", ReplyStatus::kQueued, kT0 + 100);
  ReplyId sending = add("sending", ReplyStatus::kSending, kT0 + 200);
  add("future", ReplyStatus::kQueued, kT0 + 10'000);
  add("sent", ReplyStatus::kSent, kT0);
  add("failed", ReplyStatus::kFailed, kT0);
  add("held", ReplyStatus::kAwaitingApproval, kT0);
  add("rejected", ReplyStatus::kRejected, kT0);

  auto ids = [](const std::vector<Reply>& rs) {
    std::vector<ReplyId> out;
    for (const Reply& r : rs) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(*store_->replies().DueReplies(kT0 + 300, 10)),
            (std::vector<ReplyId>{early, sending, late}));
  EXPECT_EQ(ids(*store_->replies().DueReplies(kT0 + 300, 2)),
            (std::vector<ReplyId>{early, sending}));
  EXPECT_TRUE(store_->replies().DueReplies(kT0 + 99, 10)->empty());
  EXPECT_EQ(*store_->replies().NextDueAt(), kT0 + 100);
  EXPECT_EQ(*store_->replies().CountReplies(ReplyStatus::kQueued), 3);
  EXPECT_EQ(*store_->replies().CountReplies(ReplyStatus::kAwaitingApproval), 1);
}

TEST_P(ReplyContractTest, RecentRepliesAreTheNewestNotRejectedOrFailedOnAnyCase) {
  std::vector<ReplyId> ids;
  const ReplyStatus statuses[] = {ReplyStatus::kSent, ReplyStatus::kRejected, ReplyStatus::kQueued,
                                  ReplyStatus::kFailed, ReplyStatus::kAwaitingApproval};
  for (int i = 0; i < 5; ++i) {
    Reply r = MakeReply(case_id_, author_, "recent-" + std::to_string(i));
    r.status = statuses[i];
    ids.push_back(AddReply(r));
  }
  auto recent = store_->replies().RecentReplies(10);
  ASSERT_TRUE(recent.ok()) << recent.status().ToString();
  std::vector<ReplyId> got;
  for (const Reply& r : *recent) got.push_back(r.id);
  EXPECT_EQ(got, (std::vector<ReplyId>{ids[4], ids[2], ids[0]}));
  EXPECT_EQ(store_->replies().RecentReplies(2)->size(), 2u);
}

TEST_P(ReplyContractTest, NoNextDueTimeWithoutPendingReplies) {
  Reply r = MakeReply(case_id_, author_, "key-1");
  r.status = ReplyStatus::kSent;
  AddReply(r);
  EXPECT_FALSE(store_->replies().NextDueAt()->has_value());
}

TEST_P(ReplyContractTest, FindsRepliesByPlatformIdAndInDoubtRepliesByAccount) {
  Reply sent = MakeReply(case_id_, author_, "sent");
  sent.status = ReplyStatus::kSent;
  sent.platform_id = "1790000000000000001";
  sent.id = AddReply(sent);
  Reply dm = MakeReply(case_id_, author_, "dm");
  dm.status = ReplyStatus::kSending;
  dm.route = ReplyRoute::kDirectMessage;
  dm.id = AddReply(dm);
  Reply other_account = MakeReply(case_id_, author_, "other");
  other_account.status = ReplyStatus::kSending;
  other_account.account_id = "99";
  AddReply(other_account);
  Reply queued = MakeReply(case_id_, author_, "queued");
  AddReply(queued);

  ASSERT_TRUE(
      Write([&](StoreTxn& txn) -> Status {
        FR_ASSIGN_OR_RETURN(
            auto found, txn.replies().FindReplyByPlatformId(Platform::kX, "1790000000000000001"));
        EXPECT_TRUE(found && found->id == sent.id);
        FR_ASSIGN_OR_RETURN(auto other_platform, txn.replies().FindReplyByPlatformId(
                                                     Platform::kFacebook, "1790000000000000001"));
        EXPECT_FALSE(other_platform.has_value());
        FR_ASSIGN_OR_RETURN(auto in_doubt,
                            txn.replies().SendingReplies(Platform::kX, "1500000000000000001"));
        EXPECT_EQ(in_doubt, std::vector<Reply>{dm});
        return Status::Ok();
      }).ok());
}

TEST_P(ReplyContractTest, CaseRepliesAndApprovalQueueOldestFirst) {
  Reply held = MakeReply(case_id_, author_, "held");
  held.status = ReplyStatus::kAwaitingApproval;
  held.approval_reason = "vip";
  ReplyId first = AddReply(held);
  ReplyId queued = AddReply(MakeReply(case_id_, author_, "queued"));
  held.idempotency_key = "held-2";
  ReplyId second = AddReply(held);

  auto of_case = store_->replies().CaseReplies(case_id_);
  ASSERT_TRUE(of_case.ok());
  ASSERT_EQ(of_case->size(), 3u);
  EXPECT_EQ((*of_case)[0].id, first);
  EXPECT_EQ((*of_case)[1].id, queued);
  EXPECT_EQ((*of_case)[2].id, second);
  EXPECT_TRUE(store_->replies().CaseReplies(case_id_ + 1)->empty());

  auto awaiting = store_->replies().AwaitingApproval(10);
  ASSERT_TRUE(awaiting.ok());
  ASSERT_EQ(awaiting->size(), 2u);
  EXPECT_EQ((*awaiting)[0].id, first);
  EXPECT_EQ((*awaiting)[0].approval_reason, "vip");
  EXPECT_EQ((*awaiting)[1].id, second);
  EXPECT_EQ(store_->replies().AwaitingApproval(1)->size(), 1u);
}

TEST_P(ReplyContractTest, AuditLogKeepsEveryEntryOfAReplyAndItsCase) {
  ReplyId a = AddReply(MakeReply(case_id_, author_, "a"));
  ReplyId b = AddReply(MakeReply(case_id_, author_, "b"));
  ReplyAuditEntry written{0,      a,  case_id_, kT0, author_, ReplyAuditAction::kWritten,
                          "שלום", "", "",       "",  ""};
  ReplyAuditEntry other{0,   b,  case_id_, kT0 + 1, author_, ReplyAuditAction::kWritten,
                        "b", "", "",       "",      ""};
  ReplyAuditEntry retry{0,
                        a,
                        case_id_,
                        kT0 + 2,
                        std::nullopt,
                        ReplyAuditAction::kRetry,
                        "שלום",
                        "",
                        "88",
                        "Rate limit exceeded",
                        "retry_at=1800000900000"};
  ReplyAuditEntry sent{0,
                       a,
                       case_id_,
                       kT0 + 3,
                       std::nullopt,
                       ReplyAuditAction::kSent,
                       "שלום",
                       "1790000000000000001",
                       "",
                       "",
                       ""};
  for (ReplyAuditEntry* e : {&written, &other, &retry, &sent}) {
    ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                  FR_ASSIGN_OR_RETURN(e->id, txn.replies().AppendAudit(*e));
                  return Status::Ok();
                }).ok());
  }
  EXPECT_EQ(*store_->replies().ReplyAudit(a), (std::vector<ReplyAuditEntry>{written, retry, sent}));
  EXPECT_EQ(*store_->replies().CaseReplyAudit(case_id_),
            (std::vector<ReplyAuditEntry>{written, other, retry, sent}));
  EXPECT_TRUE(store_->replies().ReplyAudit(a + b)->empty());
}

TEST_P(ReplyContractTest, AFailedUnitLeavesNoReplyAndNoAudit) {
  Status s = Write([&](StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(ReplyId id, txn.replies().InsertReply(MakeReply(case_id_, author_, "k")));
    FR_RETURN_IF_ERROR(
        txn.replies()
            .AppendAudit(ReplyAuditEntry{0, id, case_id_, kT0, author_, ReplyAuditAction::kWritten,
                                         "x", "", "", "", ""})
            .status());
    return Status(Errc::kUnavailable, "test", "the unit gives up");
  });
  EXPECT_EQ(s.code(), Errc::kUnavailable);
  EXPECT_TRUE(store_->replies().CaseReplies(case_id_)->empty());
  EXPECT_TRUE(store_->replies().CaseReplyAudit(case_id_)->empty());
  // The key is free again.
  EXPECT_GT(AddReply(MakeReply(case_id_, author_, "k")), 0);
}

}  // namespace
}  // namespace fr::contract
