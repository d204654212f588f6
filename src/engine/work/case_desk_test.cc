#include "engine/work/case_desk.h"

#include <gtest/gtest.h>

#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

using domain::CaseEventKind;
using domain::CaseStatus;
using domain::Role;

class CaseDeskTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    desk_ = std::make_unique<CaseDesk>(*store_, clock_, [this](const domain::Case&,
                                                               const domain::CaseEvent& e) {
      heard_.push_back(e);
    });
    dana_ = AddUser("dana", Role::kAgent, 2);
    yossi_ = AddUser("yossi");
    boss_ = AddUser("boss", Role::kSupervisor);
  }
  std::unique_ptr<CaseDesk> desk_;
  std::vector<domain::CaseEvent> heard_;
  domain::User dana_, yossi_, boss_;
};

TEST_F(CaseDeskTest, TakingANewCaseOpensItAndRecordsWhoTookIt) {
  domain::CaseId id = AddCase();
  auto taken = desk_->Assign(dana_, id, dana_.id);
  ASSERT_TRUE(taken.ok()) << taken.status().ToString();
  EXPECT_EQ(taken->assignee, dana_.id);
  EXPECT_EQ(taken->status, CaseStatus::kOpen);
  EXPECT_EQ(taken->assigned_at, kStart);
  EXPECT_EQ(GetCase(id), *taken);
  auto history = store_->work().ListCaseEvents(id);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->at(0).kind, CaseEventKind::kAssigned);
  EXPECT_EQ(history->at(0).detail, "take");
  EXPECT_EQ(history->at(0).actor, dana_.id);
  ASSERT_EQ(heard_.size(), 1u);
  EXPECT_EQ(heard_[0], history->at(0));
}

TEST_F(CaseDeskTest, AgentsCannotTakeOthersCasesOrExceedCapacity) {
  domain::CaseId a = AddCase(), b = AddCase(), c = AddCase();
  ASSERT_TRUE(desk_->Assign(dana_, a, dana_.id).ok());
  EXPECT_EQ(desk_->Assign(yossi_, a, yossi_.id).status().reason(), "not_allowed");
  EXPECT_EQ(desk_->Assign(yossi_, b, dana_.id).status().reason(), "not_allowed");
  ASSERT_TRUE(desk_->Assign(dana_, b, dana_.id).ok());
  EXPECT_EQ(desk_->Assign(dana_, c, dana_.id).status().reason(), "at_capacity");  // capacity 2
  // A supervisor may overfill on purpose, and move cases between people.
  EXPECT_TRUE(desk_->Assign(boss_, c, dana_.id).ok());
  auto moved = desk_->Assign(boss_, a, yossi_.id);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->assignee, yossi_.id);
  EXPECT_EQ(GetCase(c).assignee, dana_.id);
}

TEST_F(CaseDeskTest, OnlyTheAssigneeChangesStatusAndFailuresWriteNothing) {
  domain::CaseId id = AddCase();
  ASSERT_TRUE(desk_->Assign(dana_, id, dana_.id).ok());
  EXPECT_EQ(desk_->SetStatus(yossi_, id, CaseStatus::kResolved).status().reason(), "not_assignee");
  ASSERT_TRUE(desk_->SetStatus(dana_, id, CaseStatus::kPending).ok());
  ASSERT_TRUE(desk_->SetStatus(dana_, id, CaseStatus::kResolved).ok());
  EXPECT_EQ(desk_->SetStatus(dana_, id, CaseStatus::kPending).status().reason(),
            "invalid_transition");
  auto history = *store_->work().ListCaseEvents(id);
  ASSERT_EQ(history.size(), 3u);  // assigned, open>pending, pending>resolved
  EXPECT_EQ(history[1].detail, "open>pending");
  EXPECT_EQ(history[2].detail, "pending>resolved");
  EXPECT_EQ(GetCase(id).status, CaseStatus::kResolved);
  EXPECT_EQ(desk_->Assign(dana_, id, dana_.id).status().reason(), "case_inactive");
}

TEST_F(CaseDeskTest, UnassignAndPriority) {
  domain::CaseId id = AddCase();
  EXPECT_EQ(desk_->Unassign(dana_, id).status().reason(), "not_assigned");
  ASSERT_TRUE(desk_->Assign(dana_, id, dana_.id).ok());
  EXPECT_EQ(desk_->Unassign(yossi_, id).status().reason(), "not_allowed");
  auto urgent = desk_->SetPriority(dana_, id, domain::Priority::kUrgent);
  ASSERT_TRUE(urgent.ok());
  EXPECT_EQ(urgent->priority, domain::Priority::kUrgent);
  auto freed = desk_->Unassign(boss_, id);
  ASSERT_TRUE(freed.ok());
  EXPECT_FALSE(freed->assignee);
  EXPECT_EQ(desk_->SetStatus(dana_, 424242, CaseStatus::kOpen).status().code(), Errc::kNotFound);
}

}  // namespace
}  // namespace fr::engine
