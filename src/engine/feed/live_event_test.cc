#include "engine/feed/live_event.h"

#include <gtest/gtest.h>

namespace fr::engine {
namespace {

constexpr domain::UserId kDana = 10;
constexpr domain::UserId kYoav = 11;
constexpr domain::TeamId kXTeam = 1;
constexpr domain::TeamId kMetaTeam = 2;

TEST(LiveEventTest, ScopeNamesTheCaseOwnersAndThePeopleTheEventConcerns) {
  CaseChanged unassigned;
  unassigned.kase.team = kXTeam;
  unassigned.event.kind = domain::CaseEventKind::kUnassigned;
  unassigned.event.user = kDana;
  domain::LiveScope scope = ScopeOf(unassigned);
  EXPECT_EQ(scope.team, kXTeam);
  EXPECT_FALSE(scope.assignee);
  EXPECT_EQ(scope.concerned, std::vector<domain::UserId>{kDana});

  ReplyChanged reply;
  reply.reply.author = kYoav;
  reply.kase.assignee = kDana;
  scope = ScopeOf(reply);
  EXPECT_EQ(scope.assignee, kDana);
  EXPECT_EQ(scope.concerned, std::vector<domain::UserId>{kYoav});

  FiledMessage message;
  message.kase.team = kMetaTeam;
  scope = ScopeOf(message);
  EXPECT_EQ(scope.team, kMetaTeam);
  EXPECT_TRUE(scope.concerned.empty());
}

}  // namespace
}  // namespace fr::engine
