#include "domain/case_workflow.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

TEST(CaseWorkflowTest, StatusChanges) {
  using S = CaseStatus;
  EXPECT_TRUE(CheckStatusChange(S::kNew, S::kOpen).ok());
  EXPECT_TRUE(CheckStatusChange(S::kOpen, S::kPending).ok());
  EXPECT_TRUE(CheckStatusChange(S::kPending, S::kResolved).ok());
  EXPECT_TRUE(CheckStatusChange(S::kResolved, S::kOpen).ok());  // agent reopens
  EXPECT_TRUE(CheckStatusChange(S::kClosed, S::kOpen).ok());
  EXPECT_TRUE(CheckStatusChange(S::kResolved, S::kClosed).ok());
  EXPECT_TRUE(CheckStatusChange(S::kOpen, S::kOpen).ok());  // no-op
  Status back_to_new = CheckStatusChange(S::kOpen, S::kNew);
  EXPECT_EQ(back_to_new.reason(), "invalid_transition");
  Status pending_closed = CheckStatusChange(S::kClosed, S::kPending);
  EXPECT_EQ(pending_closed.code(), Errc::kConflict);
  EXPECT_NE(pending_closed.message().find("closed to pending"), std::string::npos);
}

User Person(UserId id, Role role) {
  User u;
  u.id = id;
  u.role = role;
  return u;
}

TEST(CaseWorkflowTest, OnlyTheAssigneeOrASupervisorWorksAnAssignedCase) {
  Case c;
  User dana = Person(1, Role::kAgent), yossi = Person(2, Role::kAgent),
       boss = Person(3, Role::kSupervisor);
  EXPECT_TRUE(CheckMayWork(yossi, c).ok());  // unassigned: anyone
  c.assignee = dana.id;
  EXPECT_TRUE(CheckMayWork(dana, c).ok());
  EXPECT_EQ(CheckMayWork(yossi, c).reason(), "not_assignee");
  EXPECT_TRUE(CheckMayWork(boss, c).ok());
}

TEST(CaseWorkflowTest, AgentsTakeFreeCasesSupervisorsAssignAnyone) {
  Case c;
  User dana = Person(1, Role::kAgent), yossi = Person(2, Role::kAgent),
       boss = Person(3, Role::kSupervisor);
  EXPECT_TRUE(CheckMayAssign(dana, c, dana.id).ok());              // take a free case
  EXPECT_EQ(CheckMayAssign(dana, c, yossi.id).reason(), "not_allowed");  // give it away
  c.assignee = yossi.id;
  EXPECT_EQ(CheckMayAssign(dana, c, dana.id).reason(), "not_allowed");   // take from someone
  EXPECT_TRUE(CheckMayAssign(yossi, c, yossi.id).ok());
  EXPECT_TRUE(CheckMayAssign(boss, c, dana.id).ok());
}

TEST(CaseWorkflowTest, TheFirstAgentReplyIsTheFirstResponse) {
  Case c;
  c.last_activity_at = 100;
  NoteAgentReply(c, 500);
  EXPECT_EQ(c.first_response_at, 500);
  EXPECT_EQ(c.last_agent_reply_at, 500);
  EXPECT_EQ(c.status, CaseStatus::kOpen);
  NoteAgentReply(c, 900);
  EXPECT_EQ(c.first_response_at, 500);
  EXPECT_EQ(c.last_agent_reply_at, 900);
  NoteAgentReply(c, 300);  // an echo of an earlier reply, confirmed late
  EXPECT_EQ(c.first_response_at, 300);
  EXPECT_EQ(c.last_agent_reply_at, 900);
}

}  // namespace
}  // namespace fr::domain
