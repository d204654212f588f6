// The feed poller against a loopback server: conditional GET, new items only, waits asked
// for, redirects, and the stored form threading would read again.
#include "channels/feed/feed_poller.h"

#include <gtest/gtest.h>

#include <mutex>

#include "channels/feed/feed_test_util.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/loopback_http_server.h"
#include "tests/support/temp_dir.h"

namespace fr::channels::feed {
namespace {

using fr::testing::LoopbackHttpServer;
using std::chrono::milliseconds;

// A Hebrew complaint forum's feed with `n` of its newest items (item i links to /t/i).
std::string ForumFeed(int n) {
  std::string items;
  const char* titles[] = {"הקנטינה בדיזנגוף – הרעלת מזון?", "שירות לקוחות של קנטינה",
                          "מישהו קיבל החזר מקנטינה?"};
  for (int i = n - 1; i >= 0; --i) {
    items += "<item><title>" + std::string(titles[i]) + "</title><link>/t/" + std::to_string(i) +
             "</link><guid isPermaLink=\"false\">forum-" + std::to_string(i) +
             "</guid><dc:creator>נועה כ.</dc:creator><pubDate>Mon, 23 Nov 2026 0" +
             std::to_string(i) +
             ":00:00 +0200</pubDate><description>&lt;p&gt;אכלתי &lt;b&gt;סלט&lt;/b&gt; ויש לי "
             "כאבי בטן&lt;/p&gt;</description></item>";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>פורום צרכנות</title>"
         "<link>https://forum.example/</link>" +
         items + "</channel></rss>";
}

class SinkRecorder {
 public:
  ports::HeardSink Sink() {
    return [this](std::string_view channel, std::string raw, domain::ParsedDelivery d) {
      std::lock_guard lock(mu_);
      if (fail_) return Status(Errc::kUnavailable, "store_down", "the store is down");
      channels_.emplace_back(channel);
      raws_.push_back(std::move(raw));
      deliveries_.push_back(std::move(d));
      return Status::Ok();
    };
  }
  void Fail(bool f) { fail_ = f; }
  std::vector<std::string> channels_, raws_;
  std::vector<domain::ParsedDelivery> deliveries_;
  bool fail_ = false;
  std::mutex mu_;
};

class FeedPollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("f.db");
    auto store = storage::sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  ManualClock clock_{1'795'000'000'000};
  metrics::Registry metrics_;
  LoopbackHttpServer server_;
  SinkRecorder sink_;
};

TEST_F(FeedPollerTest, NewItemsOnlyConditionalRequestsAndThePublishersPace) {
  const FeedConfig feed{"forum.example", server_.base_url() + "/feeds/rss", milliseconds(600'000)};
  FeedPoller poller({feed}, *store_, clock_, sink_.Sink(), metrics_);
  const fr::testing::HeaderList validators = {
      {"Content-Type", "application/rss+xml; charset=utf-8"},
      {"ETag", "\"v1\""},
      {"Last-Modified", "Mon, 23 Nov 2026 02:00:00 GMT"}};

  // 1. Two items: one delivery with both.
  server_.Enqueue({200, validators, ForumFeed(2)});
  EXPECT_EQ(poller.PollDue(), milliseconds(600'000));
  ASSERT_EQ(sink_.deliveries_.size(), 1u);
  EXPECT_EQ(sink_.channels_[0], "rss");
  const auto& events = sink_.deliveries_[0].events;
  ASSERT_EQ(events.size(), 2u);
  const domain::Message& m = events[0].message;
  EXPECT_EQ(m.platform, domain::Platform::kRss);
  EXPECT_EQ(m.account_id, "forum.example");
  EXPECT_EQ(m.external_id, "forum.example:forum-1");
  EXPECT_EQ(m.author.id, "forum.example:נועה כ.");
  EXPECT_EQ(m.author.name, "נועה כ.");
  EXPECT_EQ(m.text, "שירות לקוחות של קנטינה\n\nאכלתי סלט ויש לי כאבי בטן");
  EXPECT_EQ(m.created_at, 1795388400000);  // 01:00 +0200 on 23 Nov 2026
  EXPECT_TRUE(m.overheard);
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].url, server_.base_url() + "/t/1");
  auto again = poller.ParseStored(sink_.raws_[0]);  // what recovery would thread
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->events, events);

  // 2. Not due yet: no request.
  clock_.Advance(300'000);
  poller.PollDue();
  EXPECT_EQ(server_.requests().size(), 1u);

  // 3. Due: a conditional request, answered 304.
  clock_.Advance(300'000);
  server_.Enqueue({304, {}, ""});
  poller.PollDue();
  auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].Header("If-None-Match"), "\"v1\"");
  EXPECT_EQ(requests[1].Header("If-Modified-Since"), "Mon, 23 Nov 2026 02:00:00 GMT");
  EXPECT_EQ(sink_.deliveries_.size(), 1u);

  // 4. A third item: only it is stored.
  clock_.Advance(600'000);
  server_.Enqueue({200, validators, ForumFeed(3)});
  poller.PollDue();
  ASSERT_EQ(sink_.deliveries_.size(), 2u);
  ASSERT_EQ(sink_.deliveries_[1].events.size(), 1u);
  EXPECT_EQ(sink_.deliveries_[1].events[0].message.external_id, "forum.example:forum-2");

  // 5. Asked to wait: Retry-After wins over the interval.
  clock_.Advance(600'000);
  server_.Enqueue({503, {{"Retry-After", "3600"}}, ""});
  EXPECT_EQ(poller.PollDue(), milliseconds(3'600'000));

  const std::string text = metrics_.RenderText();
  EXPECT_NE(
      text.find(R"(feedroom_feed_polls_total{feed="forum.example",outcome="not_modified"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(outcome="fetched"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(outcome="asked_to_wait"} 1)"), std::string::npos);
}

TEST_F(FeedPollerTest, ARestartKeepsTheValidatorsAndAFailedStoreFetchesAgain) {
  const FeedConfig feed{"forum.example", server_.base_url() + "/rss", milliseconds(60'000)};
  {
    FeedPoller first({feed}, *store_, clock_, sink_.Sink(), metrics_);
    sink_.Fail(true);
    server_.Enqueue({200, {{"ETag", "\"v1\""}}, ForumFeed(1)});
    first.PollDue();  // not stored: the validators are not kept
    sink_.Fail(false);
    clock_.Advance(60'000);
    server_.Enqueue({200, {{"ETag", "\"v1\""}}, ForumFeed(1)});
    first.PollDue();
  }
  EXPECT_EQ(server_.requests()[1].Header("If-None-Match"), "");
  ASSERT_EQ(sink_.deliveries_.size(), 1u);
  FeedPoller second({feed}, *store_, clock_, sink_.Sink(), metrics_);
  server_.Enqueue({304, {}, ""});
  second.PollDue();
  EXPECT_EQ(server_.requests()[2].Header("If-None-Match"), "\"v1\"");
}

TEST_F(FeedPollerTest, FollowsRedirectsAndReadsRecordedFeeds) {
  const FeedConfig feed{"reddit", server_.base_url() + "/old", milliseconds(60'000)};
  FeedPoller poller({feed}, *store_, clock_, sink_.Sink(), metrics_);
  server_.Enqueue({301, {{"Location", "/r/feed.rss"}}, ""});
  server_.Enqueue({200,
                   {{"Content-Type", "text/xml"}},
                   testing::ReadBytes(testing::FixtureDir() + "/rss-parser/reddit.rss")});
  poller.PollDue();
  auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].target, "/r/feed.rss");
  ASSERT_EQ(sink_.deliveries_.size(), 1u);
  EXPECT_GT(sink_.deliveries_[0].events.size(), 5u);
  for (const auto& e : sink_.deliveries_[0].events) {
    EXPECT_TRUE(e.message.external_id.starts_with("reddit:")) << e.message.external_id;
    EXPECT_FALSE(e.message.text.empty()) << e.message.external_id;
  }
}

TEST_F(FeedPollerTest, WhatIsNotAFeedIsCountedAndSkipped) {
  const FeedConfig feed{"blog", server_.base_url() + "/", milliseconds(60'000)};
  FeedPoller poller({feed}, *store_, clock_, sink_.Sink(), metrics_);
  server_.Enqueue({200, {{"Content-Type", "text/html"}}, "<html><body>Login</body></html>"});
  poller.PollDue();
  EXPECT_TRUE(sink_.deliveries_.empty());
  EXPECT_NE(metrics_.RenderText().find(R"(outcome="not_a_feed"} 1)"), std::string::npos);
  EXPECT_TRUE(IsValidFeedId("forum.example-2_b"));
  EXPECT_FALSE(IsValidFeedId("Forum"));
  EXPECT_FALSE(IsValidFeedId(""));
}

}  // namespace
}  // namespace fr::channels::feed
