#include "domain/live_audience.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

constexpr UserId kDana = 7;
constexpr UserId kYoav = 8;
constexpr TeamId kXTeam = 1;
constexpr TeamId kMetaTeam = 2;

const LiveViewer kAgentInX{kDana, Role::kAgent, {kXTeam}};

TEST(LiveAudienceTest, SupervisorsAndAdminsSeeEverything) {
  LiveScope someone_elses{kMetaTeam, kYoav, {}};
  EXPECT_TRUE(MaySeeLive({1, Role::kSupervisor, {}}, someone_elses));
  EXPECT_TRUE(MaySeeLive({2, Role::kAdmin, {}}, someone_elses));
  EXPECT_FALSE(MaySeeLive({3, Role::kAgent, {}}, someone_elses));
}

TEST(LiveAudienceTest, AnAgentSeesTheirOwnCasesWhateverTheTeam) {
  EXPECT_TRUE(MaySeeLive(kAgentInX, {kMetaTeam, kDana, {}}));
  EXPECT_TRUE(MaySeeLive(kAgentInX, {std::nullopt, kDana, {}}));
}

TEST(LiveAudienceTest, AnAgentSeesTheCasesOfTheirTeamsAssignedOrNot) {
  EXPECT_TRUE(MaySeeLive(kAgentInX, {kXTeam, std::nullopt, {}}));
  EXPECT_TRUE(MaySeeLive(kAgentInX, {kXTeam, kYoav, {}}));
  EXPECT_FALSE(MaySeeLive(kAgentInX, {kMetaTeam, std::nullopt, {}}));
  EXPECT_FALSE(MaySeeLive(kAgentInX, {kMetaTeam, kYoav, {}}));
}

TEST(LiveAudienceTest, TheSharedPoolIsUnassignedCasesWithoutATeam) {
  EXPECT_TRUE(MaySeeLive(kAgentInX, {std::nullopt, std::nullopt, {}}));
  EXPECT_TRUE(MaySeeLive({kYoav, Role::kAgent, {}}, {std::nullopt, std::nullopt, {}}));
  // Once someone holds it, it is theirs (and their team's) only.
  EXPECT_FALSE(MaySeeLive(kAgentInX, {std::nullopt, kYoav, {}}));
}

TEST(LiveAudienceTest, AnAgentSeesWhatNamesThem) {
  // The case was taken from Dana and given to Yoav of another team: Dana hears of it.
  EXPECT_TRUE(MaySeeLive(kAgentInX, {kMetaTeam, kYoav, {kDana}}));
  EXPECT_FALSE(MaySeeLive({9, Role::kAgent, {}}, {kMetaTeam, kYoav, {kDana}}));
}

TEST(LiveAudienceTest, SupervisorsOnlyEventsReachNoAgent) {
  LiveScope spike;
  spike.supervisors_only = true;
  EXPECT_TRUE(MaySeeLive({1, Role::kSupervisor, {}}, spike));
  EXPECT_TRUE(MaySeeLive({2, Role::kAdmin, {}}, spike));
  EXPECT_FALSE(MaySeeLive(kAgentInX, spike));  // though it is in no team and nobody's
  EXPECT_TRUE(MaySeeLive(kAgentInX, LiveScope{}));
}

}  // namespace
}  // namespace fr::domain
