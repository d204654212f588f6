#include "engine/ingest/ingestor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "storage/sqlite/sqlite_store.h"
#include "tests/support/flaky_store.h"
#include "tests/support/temp_dir.h"

namespace fr::engine {
namespace {

domain::ParsedDelivery OneTweet(const std::string& id, const std::string& author) {
  domain::ParsedDelivery d;
  domain::InboundEvent e;
  e.message.platform = domain::Platform::kX;
  e.message.account_id = "brand";
  e.message.external_id = id;
  e.message.author.id = author;
  e.message.text = "שלום " + id;
  e.message.kind = domain::MessageKind::kMention;
  e.message.created_at = 1763800000000;
  d.events.push_back(e);
  return d;
}

// For tests that never recover anything.
DeliveryParser NoReparse() {
  return [](std::string_view, std::string_view) -> Result<domain::ParsedDelivery> {
    return Status(Errc::kInternal, "unexpected", "nothing should be re-parsed");
  };
}

class IngestorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("t.db");
    store_ = std::move(storage::sqlite::SqliteStore::Open(options)).value();
  }
  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  SystemClock clock_;
  metrics::Registry metrics_;
};

TEST_F(IngestorTest, ConcurrentSubmissionsAreGroupCommittedAndEachAcknowledgedOnce) {
  Ingestor ingestor(*store_, clock_, metrics_, IngestOptions{}, NoReparse());
  ASSERT_TRUE(ingestor.Start().ok());
  constexpr int kThreads = 8, kPerThread = 100;
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::promise<Status> done;
        auto f = done.get_future();
        // Every id twice across threads 0/1 pairs: duplicates must be stored once.
        std::string id = std::to_string((t / 2) * kPerThread + i);
        ingestor.Submit("x", "{}", OneTweet(id, "c" + std::to_string(t)),
                        [&done](const Status& s) { done.set_value(s); });
        (f.get().ok() ? ok : failed).fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  ingestor.Stop(Ingestor::StopMode::kDrainBacklog);
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(store_->CountMessages().value(), kThreads / 2 * kPerThread);
  metrics::Histogram* batches = metrics_.GetHistogram("feedroom_store_commit_batch_size", "", {});
  EXPECT_LT(batches->Count(), static_cast<std::uint64_t>(kThreads * kPerThread))
      << "no two deliveries ever shared a commit";
}

TEST_F(IngestorTest, StopAppendsEverythingQueuedThenRefusesNewWork) {
  Ingestor ingestor(*store_, clock_, metrics_, IngestOptions{}, NoReparse());
  ASSERT_TRUE(ingestor.Start().ok());
  std::atomic<int> ok{0};
  for (int i = 0; i < 500; ++i) {
    ingestor.Submit("x", "{}", OneTweet(std::to_string(i), "c"), [&ok](const Status& s) {
      if (s.ok()) ok.fetch_add(1);
    });
  }
  ingestor.Stop();
  EXPECT_EQ(ok.load(), 500);
  EXPECT_EQ(store_->LastDeliveryId().value(), 500);  // all appended; threading may remain
  EXPECT_FALSE(ingestor.Running());

  Status after;
  ingestor.Submit("x", "{}", OneTweet("late", "c"), [&after](const Status& s) { after = s; });
  EXPECT_EQ(after.code(), Errc::kUnavailable);
  EXPECT_EQ(after.reason(), "shutting_down");
}

TEST_F(IngestorTest, DeliveriesWithoutEventsAreAcknowledgedWithoutAWrite) {
  Ingestor ingestor(*store_, clock_, metrics_, IngestOptions{}, NoReparse());
  ASSERT_TRUE(ingestor.Start().ok());
  Status result(Errc::kInternal, "unset", "");
  domain::ParsedDelivery only_skipped;
  only_skipped.skipped.push_back("favorite_events");
  ingestor.Submit("x", "{}", only_skipped, [&result](const Status& s) { result = s; });
  EXPECT_TRUE(result.ok());
  ingestor.Stop();
  EXPECT_EQ(metrics_.GetHistogram("feedroom_store_commit_batch_size", "", {})->Count(), 0u);
}

TEST_F(IngestorTest, StoreFailuresReachTheCallbackSoThePlatformRetries) {
  fr::testing::FlakyStore failing(*store_);
  failing.FailAllWrites();
  Ingestor ingestor(failing, clock_, metrics_, IngestOptions{}, NoReparse());
  ASSERT_TRUE(ingestor.Start().ok());
  std::promise<Status> done;
  ingestor.Submit("x", "{}", OneTweet("1", "c"), [&done](const Status& s) { done.set_value(s); });
  Status s = done.get_future().get();
  EXPECT_EQ(s.code(), Errc::kUnavailable);
  ingestor.Stop();
  EXPECT_EQ(metrics_.GetCounter("feedroom_ingest_write_failures_total", "")->Value(), 1u);
}

TEST_F(IngestorTest, TheThreadedListenerHearsWhatEachCommittedBatchFiled) {
  // Called on the writer thread; read after Stop has joined it.
  std::vector<FiledMessage> heard;
  std::vector<std::int64_t> stored_when_heard;
  ThreadedListener listener = [&](const ApplyNotes& notes) {
    for (const FiledMessage& m : notes.messages) {
      heard.push_back(m);
      // The batch is committed: a reader sees the message already.
      stored_when_heard.push_back(store_->CountMessages().value());
    }
  };
  Ingestor ingestor(*store_, clock_, metrics_, IngestOptions{}, NoReparse(), listener);
  ASSERT_TRUE(ingestor.Start().ok());
  for (const char* id : {"1", "2", "1"}) {  // the duplicate files nothing
    std::promise<Status> done;
    ingestor.Submit("x", "{}", OneTweet(id, std::string("c") + id),
                    [&done](const Status& s) { done.set_value(s); });
    ASSERT_TRUE(done.get_future().get().ok());
  }
  ingestor.Stop(Ingestor::StopMode::kDrainBacklog);
  ASSERT_EQ(heard.size(), 2u);
  EXPECT_EQ(heard[0].id, store_->GetMessage(domain::Platform::kX, "1").value()->id);
  EXPECT_EQ(heard[1].id, store_->GetMessage(domain::Platform::kX, "2").value()->id);
  EXPECT_NE(heard[0].kase.id, heard[1].kase.id);
  EXPECT_EQ(heard[1].kase.message_count, 1);
  for (std::int64_t n : stored_when_heard) EXPECT_GE(n, 1);
}

TEST_F(IngestorTest, StartThreadsDeliveriesThatWereStoredButNotThreaded) {
  // As after a crash between the acknowledgement and the threading: raw deliveries only.
  std::vector<ports::WriteUnit> units;
  for (const char* body : {"first", "second"}) {
    units.push_back([body](ports::StoreTxn& txn) -> Status {
      return txn.InsertDelivery("x", 1763800000000, body).status();
    });
  }
  for (const Status& s : store_->WriteBatch(units)) ASSERT_TRUE(s.ok());
  ASSERT_EQ(store_->ThreadedThrough().value(), 0);

  std::vector<std::string> reparsed;
  DeliveryParser reparse = [&reparsed](std::string_view channel, std::string_view body)
      -> Result<domain::ParsedDelivery> {
    EXPECT_EQ(channel, "x");
    reparsed.emplace_back(body);
    return OneTweet(std::string(body), "dana");
  };
  {
    Ingestor ingestor(*store_, clock_, metrics_, IngestOptions{}, reparse);
    ASSERT_TRUE(ingestor.Start().ok());
    ingestor.Stop(Ingestor::StopMode::kDrainBacklog);
  }
  EXPECT_EQ(reparsed, (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(store_->CountMessages().value(), 2);
  EXPECT_TRUE(store_->GetMessage(domain::Platform::kX, "second").value().has_value());
  EXPECT_GT(store_->ThreadedThrough().value(), 0);

  // A second start finds nothing left to recover.
  Ingestor again(*store_, clock_, metrics_, IngestOptions{}, reparse);
  ASSERT_TRUE(again.Start().ok());
  again.Stop(Ingestor::StopMode::kDrainBacklog);
  EXPECT_EQ(reparsed.size(), 2u);
}

TEST_F(IngestorTest, DeliveriesBeyondTheMemoryBacklogAreThreadedFromTheStoreInOrder) {
  IngestOptions options;
  options.max_batch = 4;
  options.thread_batch = 4;
  options.memory_backlog = 8;
  // Stored bodies are re-parsed: the body is the tweet id.
  DeliveryParser reparse = [](std::string_view, std::string_view body) -> Result<domain::ParsedDelivery> {
    return OneTweet(std::string(body), "c");
  };
  Ingestor ingestor(*store_, clock_, metrics_, options, reparse);
  ASSERT_TRUE(ingestor.Start().ok());
  std::atomic<int> ok{0};
  for (int i = 0; i < 400; ++i) {
    ingestor.Submit("x", std::to_string(i), OneTweet(std::to_string(i), "c"),
                    [&ok](const Status& s) { ok += s.ok(); });
  }
  ingestor.Stop(Ingestor::StopMode::kDrainBacklog);
  EXPECT_EQ(ok.load(), 400);
  EXPECT_EQ(store_->CountMessages().value(), 400);
  EXPECT_EQ(metrics_.GetGauge("feedroom_ingest_backlog", "")->Value(), 0);
  EXPECT_GT(metrics_.GetHistogram("feedroom_thread_batch_size", "", {})->Count(), 0u);
  // One customer, one case: every message attached in arrival order.
  auto page = store_->ListCases({}, std::nullopt, 10).value();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].kase.message_count, 400);
  EXPECT_EQ(store_->ThreadedThrough().value(), 400);
}

TEST_F(IngestorTest, GracefulStopLeavesTheBacklogForTheNextStart) {
  DeliveryParser reparse = [](std::string_view, std::string_view body) -> Result<domain::ParsedDelivery> {
    return OneTweet(std::string(body), "c");
  };
  IngestOptions options;
  options.linger = std::chrono::hours(1);              // never idle long enough to thread
  options.thread_interval = std::chrono::hours(1);
  {
    Ingestor ingestor(*store_, clock_, metrics_, options, reparse);
    ASSERT_TRUE(ingestor.Start().ok());
    std::promise<Status> done;
    ingestor.Submit("x", "77", OneTweet("77", "c"), [&done](const Status& s) { done.set_value(s); });
    ASSERT_TRUE(done.get_future().get().ok());
    ingestor.Stop();  // acknowledged, not threaded
  }
  EXPECT_EQ(store_->CountMessages().value(), 0);
  Ingestor next(*store_, clock_, metrics_, IngestOptions{}, reparse);
  ASSERT_TRUE(next.Start().ok());
  next.Stop(Ingestor::StopMode::kDrainBacklog);
  EXPECT_TRUE(store_->GetMessage(domain::Platform::kX, "77").value().has_value());
}

}  // namespace
}  // namespace fr::engine
