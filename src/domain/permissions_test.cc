#include "domain/permissions.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

TEST(PermissionsTest, RoleMatrix) {
  struct Row {
    Action action;
    bool agent, supervisor, admin;
  };
  const Row rows[] = {
      {Action::kReadCases, true, true, true},
      {Action::kReadDirectory, true, true, true},
      {Action::kWorkCases, true, true, true},
      {Action::kManageOwnAccount, true, true, true},
      {Action::kAssignOthers, false, true, true},
      {Action::kSendOnAnyCase, false, true, true},
      {Action::kApproveReplies, false, true, true},
      {Action::kManageTeams, false, true, true},
      {Action::kManageListening, false, true, true},
      {Action::kViewMetrics, false, true, true},
      {Action::kRunCrisis, false, true, true},
      {Action::kManageUsers, false, false, true},
      {Action::kManageSettings, false, false, true},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(Allows(Role::kAgent, r.action), r.agent) << ActionName(r.action);
    EXPECT_EQ(Allows(Role::kSupervisor, r.action), r.supervisor) << ActionName(r.action);
    EXPECT_EQ(Allows(Role::kAdmin, r.action), r.admin) << ActionName(r.action);
  }
}

TEST(PermissionsTest, RoleNamesRoundTrip) {
  for (Role r : {Role::kAgent, Role::kSupervisor, Role::kAdmin}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  }
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(ParseRole("Admin"));
}

TEST(PeopleTest, UsernameRules) {
  EXPECT_FALSE(CheckUsername("dana"));
  EXPECT_FALSE(CheckUsername("dana.levi-2"));
  EXPECT_FALSE(CheckUsername("דנה_לוי"));
  EXPECT_TRUE(CheckUsername(""));
  EXPECT_TRUE(CheckUsername("_dana"));
  EXPECT_TRUE(CheckUsername("dana levi"));
  EXPECT_TRUE(CheckUsername("dana<script>"));
  EXPECT_TRUE(CheckUsername(std::string(65, 'a')));
  EXPECT_FALSE(CheckUsername(std::string(64, 'a')));
  EXPECT_TRUE(CheckUsername("\xff\xfe"));
}

}  // namespace
}  // namespace fr::domain
