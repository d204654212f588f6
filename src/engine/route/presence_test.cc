#include "engine/route/presence.h"

#include <gtest/gtest.h>

namespace fr::engine {
namespace {

TEST(PresenceTest, ConnectionsNestHeartbeatsExpireAwayWins) {
  ManualClock clock(1000);
  Presence p(clock, PresenceOptions{60'000, 30'000});
  EXPECT_FALSE(p.IsPresent(1));
  p.Connect(1);
  p.Connect(1);  // a second tab
  p.Disconnect(1);
  EXPECT_TRUE(p.IsPresent(1));
  p.Disconnect(1);
  EXPECT_FALSE(p.IsPresent(1));
  p.Disconnect(1);  // an extra close must not go negative
  p.Connect(1);
  EXPECT_TRUE(p.IsPresent(1));

  p.Heartbeat(2);
  EXPECT_EQ(p.PresentUsers(), (std::set<domain::UserId>{1, 2}));
  clock.Advance(60'000);
  EXPECT_FALSE(p.IsPresent(2));  // heartbeat expired
  p.SetAway(1, true);
  EXPECT_FALSE(p.IsPresent(1));
  p.SetAway(1, false);
  EXPECT_TRUE(p.IsPresent(1));
}

TEST(PresenceTest, CaseActivityShowsWritersFirstAndExpires) {
  ManualClock clock(1000);
  Presence p(clock, PresenceOptions{60'000, 30'000});
  p.SetActivity(1, 77, CaseActivity::kViewing);
  p.SetActivity(2, 77, CaseActivity::kWriting);
  auto on = p.ActivityOn(77);
  ASSERT_EQ(on.size(), 2u);
  EXPECT_EQ(on[0].user, 2);
  EXPECT_EQ(on[0].activity, CaseActivity::kWriting);
  p.ClearActivity(2, 77);
  EXPECT_EQ(p.ActivityOn(77).size(), 1u);
  clock.Advance(30'000);
  EXPECT_TRUE(p.ActivityOn(77).empty());
  EXPECT_TRUE(p.ActivityOn(78).empty());
}

}  // namespace
}  // namespace fr::engine
