#include "domain/routing.h"

#include <gtest/gtest.h>

#include <map>

namespace fr::domain {
namespace {

AgentSnapshot Agent(UserId id, bool present = true, std::int64_t load = 0, int capacity = 3,
                    Skills skills = {}) {
  AgentSnapshot a;
  a.user.id = id;
  a.user.capacity = capacity;
  a.user.skills = std::move(skills);
  a.present = present;
  a.load = load;
  return a;
}

RoutingCase For(Platform platform, std::string language = "",
                std::optional<UserId> previous = std::nullopt,
                std::optional<UserId> exclude = std::nullopt) {
  return RoutingCase{platform, std::move(language), previous, exclude};
}

Team MakeTeam(TeamId id, std::vector<UserId> members, Skills scope = {}) {
  Team t;
  t.id = id;
  t.members = std::move(members);
  t.scope = std::move(scope);
  return t;
}

TEST(RoutingTest, RoundRobinIsFairAcrossManyCases) {
  std::vector<Team> teams = {MakeTeam(1, {10, 11, 12})};
  std::vector<AgentSnapshot> agents = {Agent(10, true, 0, 100), Agent(11, true, 0, 100),
                                       Agent(12, true, 0, 100)};
  std::vector<std::optional<UserId>> last;
  std::map<UserId, int> got;
  for (int i = 0; i < 300; ++i) {
    RoutingChoice choice = Route(For(Platform::kX), teams, agents, last);
    ASSERT_TRUE(choice.agent);
    ++got[*choice.agent];
  }
  EXPECT_EQ(got[10], 100);
  EXPECT_EQ(got[11], 100);
  EXPECT_EQ(got[12], 100);
}

TEST(RoutingTest, SkipsAbsentFullAndUnskilledAgents) {
  std::vector<Team> teams = {MakeTeam(1, {10, 11, 12, 13})};
  std::vector<AgentSnapshot> agents = {
      Agent(10, /*present=*/false), Agent(11, true, /*load=*/3, /*capacity=*/3),
      Agent(12, true, 0, 3, Skills{{"en"}, {}}), Agent(13, true, 2, 3, Skills{{"he"}, {}})};
  std::vector<std::optional<UserId>> last;
  RoutingChoice hebrew = Route(For(Platform::kX, "he"), teams, agents, last);
  EXPECT_EQ(hebrew.agent, 13);
  RoutingChoice english = Route(For(Platform::kX, "en"), teams, agents, last);
  EXPECT_EQ(english.agent, 12);
  agents[3].load = 3;  // 13 is full now
  RoutingChoice waits = Route(For(Platform::kX, "he"), teams, agents, last);
  EXPECT_EQ(waits.team, 1);  // the case waits in the team's queue
  EXPECT_FALSE(waits.agent);
}

TEST(RoutingTest, StickyToThePreviousAgentWhenEligible) {
  std::vector<Team> teams = {MakeTeam(1, {10, 11})};
  std::vector<AgentSnapshot> agents = {Agent(10), Agent(11)};
  std::vector<std::optional<UserId>> last;
  RoutingCase c = For(Platform::kFacebook, "", /*previous=*/11);
  RoutingChoice choice = Route(c, teams, agents, last);
  EXPECT_EQ(choice.agent, 11);
  EXPECT_TRUE(choice.sticky);
  agents[1].present = false;  // gone home: the case goes to whoever is there
  choice = Route(c, teams, agents, last);
  EXPECT_EQ(choice.agent, 10);
  EXPECT_FALSE(choice.sticky);
}

TEST(RoutingTest, ExcludedAgentIsNeverPickedOnReassignment) {
  std::vector<Team> teams = {MakeTeam(1, {10, 11})};
  std::vector<AgentSnapshot> agents = {Agent(10), Agent(11)};
  std::vector<std::optional<UserId>> last;
  RoutingCase c = For(Platform::kX, "", /*previous=*/10, /*exclude=*/10);
  EXPECT_EQ(Route(c, teams, agents, last).agent, 11);
}

TEST(RoutingTest, TeamsByScopeInOrderWithOverflow) {
  std::vector<Team> teams = {MakeTeam(1, {10}, Skills{{"he"}, {Platform::kX}}),
                             MakeTeam(2, {11}, Skills{})};
  std::vector<AgentSnapshot> agents = {Agent(10), Agent(11)};
  std::vector<std::optional<UserId>> last;
  EXPECT_EQ(Route(For(Platform::kX, "he"), teams, agents, last).team, 1);
  EXPECT_EQ(Route(For(Platform::kInstagram, "he"), teams, agents, last).team, 2);
  agents[0].present = false;  // the X team is away: the catch-all team takes it
  RoutingChoice overflow = Route(For(Platform::kX, "he"), teams, agents, last);
  EXPECT_EQ(overflow.team, 2);
  EXPECT_EQ(overflow.agent, 11);
  std::vector<Team> none = {MakeTeam(1, {10}, Skills{{}, {Platform::kLinkedIn}})};
  RoutingChoice unrouted = Route(For(Platform::kX), none, agents, last);
  EXPECT_FALSE(unrouted.team);
  EXPECT_FALSE(unrouted.agent);
}

}  // namespace
}  // namespace fr::domain
