// SpikeWatcher on a real store with a manual clock: two weeks of ordinary minutes, a burst
// that is raised once and stored, a restart in the middle of it that neither raises it again
// nor loses it, and its end.
#include "engine/metrics/spike_watcher.h"

#include <gtest/gtest.h>

#include "domain/metrics/volume_series.h"
#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kMinute = 60'000;
const std::string kSeries = "account:x:brand";

class SpikeWatcherTest : public StoreFixture {
 protected:
  // `per_minute` messages (none negative) in each minute of [from, to).
  void Count(UnixMillis from, UnixMillis to, int per_minute) {
    Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
      const std::vector<std::string> series = {kSeries};
      for (UnixMillis m = from; m < to; m += kMinute) {
        for (int i = 0; i < per_minute; ++i) {
          FR_RETURN_IF_ERROR(txn.metrics().CountMinute(series, m, false));
        }
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::vector<ports::SpikeAlert> Stored() {
    auto alerts = store_->metrics().RecentSpikeAlerts(10);
    EXPECT_TRUE(alerts.ok());
    return alerts.ok() ? *alerts : std::vector<ports::SpikeAlert>{};
  }

  UnixMillis Minute() const { return domain::metrics::MinuteOf(clock_.NowMillis()); }
};

TEST_F(SpikeWatcherTest, ABurstIsRaisedOnceAcrossARestartAndEnds) {
  const UnixMillis start = Minute();
  Count(start, start + 15 * 1440 * kMinute, 1);  // two weeks of one message a minute
  clock_.Advance(15 * 1440 * kMinute);
  SpikeWatcher watcher(*store_, clock_);
  auto first = watcher.Tick();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->empty());

  // Ten minutes of twenty a minute, ripe after the lag.
  const UnixMillis onset = Minute();
  Count(onset, onset + 10 * kMinute, 20);
  clock_.Advance(6 * kMinute);
  auto raised = watcher.Tick();
  ASSERT_TRUE(raised.ok());
  ASSERT_EQ(raised->size(), 1u);
  EXPECT_EQ((*raised)[0].series, kSeries);
  EXPECT_EQ((*raised)[0].kind, domain::metrics::SpikeKind::kVolume);
  EXPECT_FALSE((*raised)[0].ended_at);
  EXPECT_GE((*raised)[0].started_at, onset);
  EXPECT_LE((*raised)[0].started_at, onset + 4 * kMinute);
  ASSERT_EQ(Stored().size(), 1u);

  // A restart during the burst: the new watcher replays the last half hour and continues
  // the stored spike instead of raising a second one.
  clock_.Advance(2 * kMinute);
  SpikeWatcher restarted(*store_, clock_);
  auto replayed = restarted.Tick();
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_TRUE(replayed->empty());
  ASSERT_EQ(Stored().size(), 1u);
  EXPECT_FALSE(Stored()[0].ended_at);

  // Back to one a minute: the spike ends after its quiet minutes.
  Count(onset + 10 * kMinute, onset + 60 * kMinute, 1);
  clock_.Advance(50 * kMinute);
  auto ended = restarted.Tick();
  ASSERT_TRUE(ended.ok());
  ASSERT_EQ(ended->size(), 1u);
  EXPECT_TRUE((*ended)[0].ended_at);
  ASSERT_EQ(Stored().size(), 1u);
  EXPECT_TRUE(Stored()[0].ended_at);
  EXPECT_EQ((*ended)[0], Stored()[0]);  // as stored: its start and its figures too
}

TEST_F(SpikeWatcherTest, AStoredSpikeTheDataNoLongerShowsIsEnded) {
  const UnixMillis start = Minute();
  Count(start, start + 3 * 1440 * kMinute, 1);
  ports::SpikeAlert stale{0, kSeries, domain::metrics::SpikeKind::kVolume, start, std::nullopt, 50, 5, 9};
  ASSERT_TRUE(ports::WriteOne(*store_, [&](ports::StoreTxn& txn) {
                return txn.metrics().InsertSpikeAlert(stale).status();
              }).ok());
  clock_.Advance(3 * 1440 * kMinute);
  SpikeWatcher watcher(*store_, clock_);
  auto changed = watcher.Tick();
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 1u);
  EXPECT_TRUE((*changed)[0].ended_at);
  EXPECT_TRUE(Stored()[0].ended_at);
}

}  // namespace
}  // namespace fr::engine
