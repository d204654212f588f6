// The drafts part of the Store contract (ports/draft_store.h): one draft per (user, case),
// replaced by the next put, Hebrew and long texts kept exactly, deletes idempotent, unknown
// cases refused, and a draft deleted in the same transaction as other work rolls back with it.
#include "tests/contract/store_contract.h"

namespace fr::contract {
namespace {

using domain::Draft;
using domain::DraftRoute;
using ports::StoreTxn;

constexpr UnixMillis kT0 = 1'800'000'000'000;

Draft MakeDraft(domain::UserId user, domain::CaseId kase, std::string text) {
  Draft d;
  d.user_id = user;
  d.case_id = kase;
  d.route = DraftRoute::kPublicReply;
  d.text = std::move(text);
  d.updated_at = kT0;
  return d;
}

}  // namespace

void DraftContractTest::SetUp() {
  StoreContractTest::SetUp();
  ASSERT_NE(store_, nullptr);
  Status s = Write([&](StoreTxn& txn) -> Status {
    for (auto [name, id] : {std::pair{"dana", &dana_}, std::pair{"yossi", &yossi_}}) {
      FR_ASSIGN_OR_RETURN(*id, InsertTestUser(txn, name, name, kT0));
    }
    for (domain::CaseId* id : {&case_a_, &case_b_}) {
      FR_ASSIGN_OR_RETURN(*id, InsertOpenXCase(txn, kT0));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
}

Status DraftContractTest::Put(const Draft& d) {
  return Write([&](StoreTxn& txn) { return txn.drafts().PutDraft(d); });
}

TEST_P(DraftContractTest, ADraftRoundTripsAndTheNextPutReplacesIt) {
  EXPECT_EQ(*store_->drafts().GetDraft(dana_, case_a_), std::nullopt);
  Draft d = MakeDraft(dana_, case_a_, "שלום דנה, אנחנו בודקים 🙏");
  ASSERT_TRUE(Put(d).ok());
  auto read = store_->drafts().GetDraft(dana_, case_a_);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, d);

  Draft move;
  move.user_id = dana_;
  move.case_id = case_a_;
  move.route = DraftRoute::kMoveToPrivate;
  move.public_text = "שלחנו לך הודעה פרטית";
  move.private_text = std::string(40'000, 'x');  // 10,000 four-byte characters' worth
  move.updated_at = kT0 + 5000;
  ASSERT_TRUE(Put(move).ok());
  EXPECT_EQ(*store_->drafts().GetDraft(dana_, case_a_), move);
}

TEST_P(DraftContractTest, DraftsBelongToTheirUserAndCase) {
  ASSERT_TRUE(Put(MakeDraft(dana_, case_a_, "dana on a")).ok());
  ASSERT_TRUE(Put(MakeDraft(yossi_, case_a_, "yossi on a")).ok());
  ASSERT_TRUE(Put(MakeDraft(dana_, case_b_, "dana on b")).ok());
  EXPECT_EQ((*store_->drafts().GetDraft(dana_, case_a_))->text, "dana on a");
  EXPECT_EQ((*store_->drafts().GetDraft(yossi_, case_a_))->text, "yossi on a");
  EXPECT_EQ((*store_->drafts().GetDraft(dana_, case_b_))->text, "dana on b");
  EXPECT_EQ(*store_->drafts().GetDraft(yossi_, case_b_), std::nullopt);
}

TEST_P(DraftContractTest, DeletingIsIdempotentAndTouchesOneDraft) {
  ASSERT_TRUE(Put(MakeDraft(dana_, case_a_, "a")).ok());
  ASSERT_TRUE(Put(MakeDraft(yossi_, case_a_, "b")).ok());
  std::vector<bool> deleted;
  for (int i = 0; i < 2; ++i) {
    Status s = Write([&](StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(bool was, txn.drafts().DeleteDraft(dana_, case_a_));
      deleted.push_back(was);
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  EXPECT_EQ(deleted, (std::vector<bool>{true, false}));
  EXPECT_EQ(*store_->drafts().GetDraft(dana_, case_a_), std::nullopt);
  EXPECT_TRUE(store_->drafts().GetDraft(yossi_, case_a_)->has_value());
}

TEST_P(DraftContractTest, ADraftForAnUnknownCaseOrUserIsNotFound) {
  EXPECT_EQ(Put(MakeDraft(dana_, 987654, "x")).code(), Errc::kNotFound);
  EXPECT_EQ(Put(MakeDraft(987654, case_a_, "x")).code(), Errc::kNotFound);
  EXPECT_EQ(*store_->drafts().GetDraft(dana_, 987654), std::nullopt);
}

TEST_P(DraftContractTest, ADeleteRollsBackWithTheUnitItBelongsTo) {
  ASSERT_TRUE(Put(MakeDraft(dana_, case_a_, "kept")).ok());
  Status s = Write([&](StoreTxn& txn) -> Status {
    FR_RETURN_IF_ERROR(txn.drafts().DeleteDraft(dana_, case_a_).status());
    return Status(Errc::kConflict, "later_step_failed", "the reply could not be stored");
  });
  EXPECT_EQ(s.reason(), "later_step_failed");
  EXPECT_EQ((*store_->drafts().GetDraft(dana_, case_a_))->text, "kept");
}

}  // namespace fr::contract
