#include "engine/feed/event_hub.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace fr::engine {
namespace {

using domain::Role;

constexpr domain::UserId kDana = 10;
constexpr domain::UserId kYoav = 11;
constexpr domain::TeamId kXTeam = 1;
constexpr domain::TeamId kMetaTeam = 2;

CaseChanged Assigned(domain::CaseId id, std::optional<domain::TeamId> team, domain::UserId to) {
  CaseChanged c;
  c.kase.id = id;
  c.kase.team = team;
  c.kase.assignee = to;
  c.event.case_id = id;
  c.event.kind = domain::CaseEventKind::kAssigned;
  c.event.user = to;
  return c;
}

domain::CaseId CaseIdOf(const LiveEvent& e) { return std::get<CaseChanged>(e.payload).kase.id; }

std::vector<domain::CaseId> CaseIds(const LiveSubscription::Batch& batch) {
  std::vector<domain::CaseId> ids;
  for (const auto& e : batch.events) ids.push_back(CaseIdOf(*e));
  return ids;
}

class EventHubTest : public ::testing::Test {
 protected:
  ManualClock clock_{1'800'000'000'000};
  metrics::Registry metrics_;
};

TEST_F(EventHubTest, EachSubscriberGetsWhatItsViewerMaySeeInPublishOrder) {
  EventHub hub(clock_, metrics_);
  auto dana = hub.Subscribe({kDana, Role::kAgent, {kXTeam}}, [] {});
  auto boss = hub.Subscribe({99, Role::kSupervisor, {}}, [] {});
  hub.Publish(Assigned(1, kXTeam, kYoav));
  clock_.Advance(5);
  hub.Publish(Assigned(2, kMetaTeam, kYoav));
  hub.Publish(Assigned(3, kMetaTeam, kDana));

  LiveSubscription::Batch seen = dana->Take();
  EXPECT_EQ(CaseIds(seen), (std::vector<domain::CaseId>{1, 3}));
  EXPECT_FALSE(seen.overflowed);
  EXPECT_EQ(seen.events[0]->at, 1'800'000'000'000);
  EXPECT_EQ(seen.events[1]->at, 1'800'000'000'005);
  EXPECT_EQ(CaseIds(boss->Take()), (std::vector<domain::CaseId>{1, 2, 3}));
  EXPECT_TRUE(dana->Take().events.empty());  // taken once
  EXPECT_EQ(metrics_.GetCounter("feedroom_live_events_total", "")->Value(), 3u);
}

TEST_F(EventHubTest, WakeComesWhenTheQueueStopsBeingEmpty) {
  EventHub hub(clock_, metrics_);
  int wakes = 0;
  auto boss = hub.Subscribe({99, Role::kAdmin, {}}, [&wakes] { ++wakes; });
  hub.Publish(Assigned(1, kXTeam, kYoav));
  hub.Publish(Assigned(2, kXTeam, kYoav));
  EXPECT_EQ(wakes, 1);  // the reader takes both at once
  EXPECT_EQ(boss->Take().events.size(), 2u);
  hub.Publish(Assigned(3, kXTeam, kYoav));
  EXPECT_EQ(wakes, 2);
}

TEST_F(EventHubTest, ASlowSubscriberIsDroppedWithAnOverflowNoticeAndOthersCarryOn) {
  EventHub hub(clock_, metrics_, EventHubOptions{.queue_limit = 2});
  int slow_wakes = 0;
  auto slow = hub.Subscribe({99, Role::kSupervisor, {}}, [&slow_wakes] { ++slow_wakes; });
  auto fast = hub.Subscribe({98, Role::kSupervisor, {}}, [] {});
  for (domain::CaseId id = 1; id <= 3; ++id) {
    hub.Publish(Assigned(id, kXTeam, kYoav));
    EXPECT_EQ(fast->Take().events.size(), 1u);
  }
  EXPECT_EQ(slow_wakes, 2);  // the first event, then the overflow

  LiveSubscription::Batch dropped = slow->Take();
  EXPECT_TRUE(dropped.overflowed);
  EXPECT_TRUE(dropped.events.empty());  // what it missed is gone: its client reloads
  hub.Publish(Assigned(4, kXTeam, kYoav));
  EXPECT_TRUE(slow->Take().events.empty());
  EXPECT_TRUE(slow->Take().overflowed);
  EXPECT_EQ(slow_wakes, 2);
  EXPECT_EQ(CaseIds(fast->Take()), (std::vector<domain::CaseId>{4}));
  EXPECT_EQ(metrics_.GetCounter("feedroom_live_overflows_total", "")->Value(), 1u);
}

TEST_F(EventHubTest, ACancelledSubscriptionIsNeitherWokenNorFed) {
  EventHub hub(clock_, metrics_);
  int wakes = 0;
  auto gone = hub.Subscribe({99, Role::kAdmin, {}}, [&wakes] { ++wakes; });
  hub.Publish(Assigned(1, kXTeam, kYoav));
  gone->Cancel();
  gone->Cancel();  // idempotent
  hub.Publish(Assigned(2, kXTeam, kYoav));
  EXPECT_EQ(wakes, 1);
  LiveSubscription::Batch after = gone->Take();
  EXPECT_TRUE(after.events.empty());
  EXPECT_FALSE(after.overflowed);
}

TEST_F(EventHubTest, ASubscriptionMayOutliveItsHub) {
  std::shared_ptr<LiveSubscription> kept;
  {
    EventHub hub(clock_, metrics_);
    kept = hub.Subscribe({99, Role::kAdmin, {}}, [] {});
    hub.Publish(Assigned(1, kXTeam, kYoav));
  }
  EXPECT_EQ(CaseIds(kept->Take()), (std::vector<domain::CaseId>{1}));
  kept->Cancel();
}

// Publishers on several threads and a reader on another: every event arrives once, and each
// publisher's events in the order it published them.
TEST_F(EventHubTest, ConcurrentPublishersAndAReaderLoseNothing) {
  EventHub hub(clock_, metrics_, EventHubOptions{.queue_limit = 100000});
  std::atomic<int> wakes{0};
  auto reader = hub.Subscribe({99, Role::kAdmin, {}}, [&wakes] { wakes.fetch_add(1); });
  constexpr int kThreads = 4, kPerThread = 2000;
  std::atomic<bool> done{false};
  std::vector<domain::CaseId> received;
  std::thread consumer([&] {
    while (true) {
      bool last = done.load();
      for (domain::CaseId id : CaseIds(reader->Take())) received.push_back(id);
      if (last) return;
      std::this_thread::yield();
    }
  });
  std::vector<std::thread> publishers;
  for (int t = 0; t < kThreads; ++t) {
    publishers.emplace_back([&hub, t] {
      for (int i = 0; i < kPerThread; ++i) hub.Publish(Assigned(t * kPerThread + i, kXTeam, kYoav));
    });
  }
  for (auto& p : publishers) p.join();
  done.store(true);
  consumer.join();

  ASSERT_EQ(received.size(), static_cast<std::size_t>(kThreads * kPerThread));
  std::vector<domain::CaseId> last(kThreads, -1);
  for (domain::CaseId id : received) {
    int t = static_cast<int>(id / kPerThread);
    EXPECT_GT(id, last[t]);
    last[t] = id;
  }
  EXPECT_GE(wakes.load(), 1);
}

}  // namespace
}  // namespace fr::engine
