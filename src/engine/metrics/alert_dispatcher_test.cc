// AlertDispatcher with a real store and hub and recording sinks behind the AlertSink port:
// a started spike is explained, reaches supervisors' streams (not agents') and every sink;
// an ended one only the sinks that want it; failures worth retrying are retried after
// doubling pauses, up to the limit; others are given up at once.
#include "engine/metrics/alert_dispatcher.h"

#include <gtest/gtest.h>

#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kSecond = 1000;

// Records what it is given; fails the first `failures` deliveries with `failure`.
class RecordingSink final : public ports::AlertSink {
 public:
  RecordingSink(std::string name, bool wants_ended, int failures = 0,
                Status failure = Status(Errc::kUnavailable, "down", "try later"))
      : name_(std::move(name)), wants_ended_(wants_ended), failures_(failures), failure_(failure) {}
  std::string_view name() const override { return name_; }
  bool wants_ended() const override { return wants_ended_; }
  Status Deliver(const ports::AlertNotice& notice) override {
    ++attempts;
    if (failures_ > 0) {
      --failures_;
      return failure_;
    }
    delivered.push_back(notice);
    return Status::Ok();
  }
  int attempts = 0;
  std::vector<ports::AlertNotice> delivered;

 private:
  std::string name_;
  bool wants_ended_;
  int failures_;
  Status failure_;
};

class AlertDispatcherTest : public StoreFixture {
 protected:
  AlertDispatcher& Make(std::vector<RecordingSink*> sinks, AlertDispatcherOptions options = {}) {
    std::vector<std::unique_ptr<ports::AlertSink>> owned;
    for (RecordingSink* s : sinks) owned.emplace_back(s);
    options.public_url = "https://care.example.com";
    explainer_ = std::make_unique<SpikeExplainer>(*store_);  // the store opens in SetUp
    dispatcher_ = std::make_unique<AlertDispatcher>(
        *explainer_, hub_, clock_, metrics_, std::move(owned),
        [](const std::string& series) { return "label of " + series; }, options);
    return *dispatcher_;
  }

  static ports::SpikeAlert Alert(std::optional<UnixMillis> ended = std::nullopt) {
    return {7, "account:x:brand", domain::metrics::SpikeKind::kVolume, kStart, ended, 30, 2.0, 9.0};
  }

  std::uint64_t Count(const std::string& sink, const std::string& outcome) {
    return metrics_.GetCounter("feedroom_alert_deliveries_total", "",
                               {{"sink", sink}, {"outcome", outcome}})->Value();
  }

  metrics::Registry metrics_;
  EventHub hub_{clock_, metrics_};
  std::unique_ptr<SpikeExplainer> explainer_;
  std::unique_ptr<AlertDispatcher> dispatcher_;
};

TEST_F(AlertDispatcherTest, AStartedSpikeReachesSupervisorsAndEverySink) {
  auto* chat = new RecordingSink("webhook", true);
  auto* mail = new RecordingSink("email", false);
  AlertDispatcher& d = Make({chat, mail});
  auto boss = hub_.Subscribe({1, domain::Role::kSupervisor, {}}, [] {});
  auto agent = hub_.Subscribe({2, domain::Role::kAgent, {}}, [] {});

  d.Notify({Alert()});
  auto seen = boss->Take();
  ASSERT_EQ(seen.events.size(), 1u);
  const auto& live = std::get<SpikeChanged>(seen.events[0]->payload);
  EXPECT_TRUE(live.started);
  EXPECT_EQ(live.spike.alert.id, 7);
  EXPECT_TRUE(agent->Take().events.empty());

  EXPECT_EQ(d.pending(), 2u);
  EXPECT_EQ(d.DeliverDue(), 2);
  ASSERT_EQ(chat->delivered.size(), 1u);
  ASSERT_EQ(mail->delivered.size(), 1u);
  EXPECT_EQ(chat->delivered[0].series_label, "label of account:x:brand");
  EXPECT_EQ(chat->delivered[0].link, "https://care.example.com/dashboard?alert=7");
  EXPECT_TRUE(chat->delivered[0].started);
  EXPECT_EQ(Count("webhook", "delivered"), 1u);

  // Its end: the chat hears of it, the mailbox does not.
  d.Notify({Alert(kStart + 600 * kSecond)});
  EXPECT_EQ(d.DeliverDue(), 1);
  ASSERT_EQ(chat->delivered.size(), 2u);
  EXPECT_FALSE(chat->delivered[1].started);
  EXPECT_EQ(mail->delivered.size(), 1u);
  EXPECT_FALSE(std::get<SpikeChanged>(boss->Take().events[0]->payload).started);
}

TEST_F(AlertDispatcherTest, RetriesWithDoublingPausesThenGivesUp) {
  auto* flaky = new RecordingSink("webhook", true, /*failures=*/2);
  auto* dead = new RecordingSink("email", false, /*failures=*/100);
  AlertDispatcher& d = Make({flaky, dead}, AlertDispatcherOptions{3, std::chrono::milliseconds(30'000), ""});
  d.Notify({Alert()});
  EXPECT_EQ(d.DeliverDue(), 0);  // both fail once
  EXPECT_EQ(d.DeliverDue(), 0);  // not due yet
  EXPECT_EQ(flaky->attempts, 1);
  clock_.Advance(30 * kSecond);
  EXPECT_EQ(d.DeliverDue(), 0);  // second failures; next pause 60 s
  clock_.Advance(59 * kSecond);
  EXPECT_EQ(d.DeliverDue(), 0);
  EXPECT_EQ(flaky->attempts, 2);
  clock_.Advance(1 * kSecond);
  EXPECT_EQ(d.DeliverDue(), 1);  // the webhook's third try succeeds; the mail's third fails
  EXPECT_EQ(flaky->delivered.size(), 1u);
  EXPECT_EQ(dead->attempts, 3);
  EXPECT_EQ(d.pending(), 0u);
  EXPECT_EQ(Count("email", "given_up"), 1u);
  EXPECT_EQ(Count("email", "retried"), 2u);
  EXPECT_EQ(Count("webhook", "delivered"), 1u);
}

TEST_F(AlertDispatcherTest, APermanentRefusalIsNotRetried) {
  auto* refusing = new RecordingSink("webhook", true, 1,
                                     Status(Errc::kInvalidArgument, "webhook_refused", "404"));
  AlertDispatcher& d = Make({refusing});
  d.Notify({Alert()});
  EXPECT_EQ(d.DeliverDue(), 0);
  EXPECT_EQ(d.pending(), 0u);
  EXPECT_EQ(refusing->attempts, 1);
  EXPECT_EQ(Count("webhook", "given_up"), 1u);
}

}  // namespace
}  // namespace fr::engine
