// AlertDispatcher with a real store and hub and recording sinks behind the AlertSink port:
// a started spike is explained, reaches supervisors' streams (not agents') and every sink;
// an ended one only the sinks that want it; failures worth retrying are retried after
// doubling pauses, up to the limit; others are given up at once; what waits is kept in the
// store's outbox and taken back by a new dispatcher after a restart.
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
        *store_, *explainer_, hub_, clock_, metrics_, std::move(owned),
        [](const std::string& series) { return "label of " + series; }, options);
    return *dispatcher_;
  }

  // The test's spike, stored on first use; ended at `ended` if given.
  ports::SpikeAlert Alert(std::optional<UnixMillis> ended = std::nullopt) {
    ports::SpikeAlert a{0, "account:x:brand", domain::metrics::SpikeKind::kVolume, kStart,
                        std::nullopt, 30, 2.0, 9.0};
    if (alert_id_ == 0) {
      EXPECT_TRUE(ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
                    FR_ASSIGN_OR_RETURN(alert_id_, txn.metrics().InsertSpikeAlert(a));
                    return Status::Ok();
                  }).ok());
    }
    a.id = alert_id_;
    a.ended_at = ended;
    return a;
  }

  std::vector<ports::PendingAlertDelivery> Outbox() {
    auto rows = store_->metrics().PendingAlertDeliveries();
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<ports::PendingAlertDelivery>{};
  }

  std::uint64_t Count(const std::string& sink, const std::string& outcome) {
    return metrics_.GetCounter("feedroom_alert_deliveries_total", "",
                               {{"sink", sink}, {"outcome", outcome}})->Value();
  }

  metrics::Registry metrics_;
  EventHub hub_{clock_, metrics_};
  std::unique_ptr<SpikeExplainer> explainer_;
  std::unique_ptr<AlertDispatcher> dispatcher_;
  std::int64_t alert_id_ = 0;
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
  EXPECT_EQ(live.spike.alert.id, alert_id_);
  EXPECT_TRUE(agent->Take().events.empty());

  EXPECT_EQ(d.pending(), 2u);
  EXPECT_EQ(Outbox().size(), 2u);
  EXPECT_EQ(d.DeliverDue(), 2);
  EXPECT_TRUE(Outbox().empty());
  ASSERT_EQ(chat->delivered.size(), 1u);
  ASSERT_EQ(mail->delivered.size(), 1u);
  EXPECT_EQ(chat->delivered[0].series_label, "label of account:x:brand");
  EXPECT_EQ(chat->delivered[0].link,
            "https://care.example.com/dashboard?alert=" + std::to_string(alert_id_));
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
  EXPECT_TRUE(Outbox().empty());
}

TEST_F(AlertDispatcherTest, ARestartGoesOnWithTheOutbox) {
  auto* flaky = new RecordingSink("webhook", true, /*failures=*/1);
  auto* mail = new RecordingSink("email", false);
  AlertDispatcher& before = Make({flaky, mail});
  before.Notify({Alert()});
  EXPECT_EQ(before.DeliverDue(), 1);  // the mail goes; the webhook fails once
  const UnixMillis due = clock_.NowMillis() + 30 * kSecond;
  EXPECT_EQ(Outbox(), (std::vector<ports::PendingAlertDelivery>{
                          {alert_id_, true, "webhook", 1, due}}));

  // The server stops here; the next one has the same sinks, healthy now.
  auto* chat = new RecordingSink("webhook", true);
  AlertDispatcher& after = Make({chat, new RecordingSink("email", false)});
  auto resumed = after.Resume();
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_EQ(*resumed, 1u);
  EXPECT_EQ(after.DeliverDue(), 0);  // the pause the first run set still holds
  clock_.Advance(30 * kSecond);
  EXPECT_EQ(after.DeliverDue(), 1);
  ASSERT_EQ(chat->delivered.size(), 1u);
  EXPECT_TRUE(chat->delivered[0].started);
  EXPECT_EQ(chat->delivered[0].spike.alert.id, alert_id_);
  EXPECT_EQ(chat->delivered[0].series_label, "label of account:x:brand");
  EXPECT_TRUE(Outbox().empty());
}

TEST_F(AlertDispatcherTest, AnOutboxRowForASinkNoLongerConfiguredIsDropped) {
  AlertDispatcher& before = Make({new RecordingSink("webhook", true, /*failures=*/1)});
  before.Notify({Alert()});
  EXPECT_EQ(before.DeliverDue(), 0);
  ASSERT_EQ(Outbox().size(), 1u);

  AlertDispatcher& after = Make({new RecordingSink("email", false)});
  auto resumed = after.Resume();
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_EQ(*resumed, 0u);
  EXPECT_EQ(after.pending(), 0u);
  EXPECT_TRUE(Outbox().empty());
}

}  // namespace
}  // namespace fr::engine
