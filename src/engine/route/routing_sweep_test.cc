#include "engine/route/routing_sweep.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

using domain::Platform;

class RoutingSweepTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    sweep_ = std::make_unique<RoutingSweep>(*store_, clock_, presence_, RoutingOptions{});
  }
  Presence presence_{clock_, PresenceOptions{}};
  std::unique_ptr<RoutingSweep> sweep_;
};

TEST_F(RoutingSweepTest, NewCasesGoRoundRobinToPresentAgentsUnderCapacity) {
  domain::User a = AddUser("a", domain::Role::kAgent, 3), b = AddUser("b", domain::Role::kAgent, 3),
               away = AddUser("away");
  AddTeam("care", {a.id, b.id, away.id});
  presence_.Connect(a.id);
  presence_.Connect(b.id);
  std::vector<domain::CaseId> ids;
  for (int i = 0; i < 8; ++i) ids.push_back(AddCase());
  auto counts = sweep_->RunOnce();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->assigned, 6);  // 2 agents × capacity 3
  EXPECT_EQ(counts->queued, 2);
  std::map<domain::UserId, int> got;
  for (domain::CaseId id : ids) {
    domain::Case c = GetCase(id);
    if (c.assignee) ++got[*c.assignee];
    EXPECT_TRUE(c.team.has_value());  // queued cases still land in the team's queue
  }
  EXPECT_EQ(got[a.id], 3);
  EXPECT_EQ(got[b.id], 3);
  EXPECT_EQ(got.count(away.id), 0u);

  // Someone arrives: the waiting cases go to them on the next pass.
  presence_.Connect(away.id);
  counts = sweep_->RunOnce();
  EXPECT_EQ(counts->assigned, 2);
  auto history = *store_->work().ListCaseEvents(ids.back());
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().detail, "auto");
  EXPECT_FALSE(history.back().actor.has_value());  // the system did it
}

TEST_F(RoutingSweepTest, ACustomersNextCaseGoesBackToTheirAgent) {
  domain::User a = AddUser("a"), b = AddUser("b");
  AddTeam("care", {a.id, b.id});
  presence_.Connect(a.id);
  presence_.Connect(b.id);
  domain::CaseId first = AddCase(Platform::kX, "loyal-customer");
  ASSERT_TRUE(sweep_->RunOnce().ok());
  domain::UserId owner = *GetCase(first).assignee;
  for (int i = 0; i < 3; ++i) {
    domain::CaseId next = AddCase(Platform::kX, "loyal-customer");
    ASSERT_TRUE(sweep_->RunOnce().ok());
    EXPECT_EQ(GetCase(next).assignee, owner);
    EXPECT_EQ(store_->work().ListCaseEvents(next)->back().detail, "sticky");
  }
}

TEST_F(RoutingSweepTest, SilentAssigneesLoseWaitingCasesToSomeoneElse) {
  domain::User a = AddUser("a"), b = AddUser("b");
  AddTeam("care", {a.id, b.id});
  presence_.Connect(a.id);
  domain::CaseId id = AddCase();
  ASSERT_TRUE(sweep_->RunOnce().ok());
  ASSERT_EQ(GetCase(id).assignee, a.id);
  clock_.Advance(16 * 60 * 1000);
  // Nobody else is present: a keeps it rather than the case bouncing around.
  EXPECT_EQ(sweep_->RunOnce()->reassigned, 0);
  presence_.Connect(b.id);
  auto counts = sweep_->RunOnce();
  EXPECT_EQ(counts->reassigned, 1);
  EXPECT_EQ(GetCase(id).assignee, b.id);
  auto history = *store_->work().ListCaseEvents(id);
  ASSERT_GE(history.size(), 2u);
  EXPECT_EQ(history[history.size() - 2].detail, "no_reply_timeout");
  EXPECT_EQ(history[history.size() - 2].user, a.id);
}

TEST_F(RoutingSweepTest, CasesNoTeamCoversStayUnassigned) {
  domain::User a = AddUser("a");
  AddTeam("linkedin only", {a.id}, domain::Skills{{}, {Platform::kLinkedIn}});
  presence_.Connect(a.id);
  domain::CaseId id = AddCase(Platform::kX);
  auto counts = sweep_->RunOnce();
  EXPECT_EQ(counts->assigned, 0);
  EXPECT_FALSE(GetCase(id).assignee);
  EXPECT_FALSE(GetCase(id).team);
}

TEST_F(RoutingSweepTest, TheWorkerAssignsWhenWoken) {
  domain::User a = AddUser("a");
  AddTeam("care", {a.id});
  presence_.Connect(a.id);
  sweep_->Start();
  domain::CaseId id = AddCase();
  sweep_->Wake();
  for (int i = 0; i < 200 && !GetCase(id).assignee; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  sweep_->Stop();
  EXPECT_EQ(GetCase(id).assignee, a.id);
}

}  // namespace
}  // namespace fr::engine
