// The X listening sources against a loopback server speaking X's stream and search protocol,
// with the shared fixtures' lines and pages.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <condition_variable>
#include <mutex>

#include "base/metrics.h"
#include "channels/x/x_filtered_stream.h"
#include "channels/x/x_recent_search.h"
#include "channels/x/x_test_util.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/loopback_http_server.h"
#include "tests/support/event_json.h"
#include "tests/support/temp_dir.h"

namespace fr::channels::x {
namespace {

using fr::testing::LoopbackHttpServer;
using std::chrono::milliseconds;

// The bytes of the shared X fixture `name`.
std::string ReadFixture(const std::string& name) {
  return fr::testing::ReadFileOrDie(testing::FixtureDir() + "/" + name);
}

// Each element of a fixture holding an array of stream objects, as one minified line.
std::vector<std::string> StreamLines(const std::string& name) {
  simdjson::dom::parser parser;
  simdjson::padded_string json(ReadFixture(name));
  std::vector<std::string> lines;
  for (simdjson::dom::element e : parser.parse(json).get_array()) {
    lines.push_back(simdjson::minify(e));
  }
  return lines;
}

// A Hebrew post as X streams it, with its author expanded.
constexpr char kHebrewLine[] =
    R"({"data":{"id":"1860000000000000001","text":"הקנטינה בדיזנגוף מכרה לי סלט מקולקל","author_id":"55",)"
    R"("created_at":"2026-11-23T08:00:00.000Z","conversation_id":"1860000000000000001"},)"
    R"("includes":{"users":[{"id":"55","username":"noa_k","name":"נועה","public_metrics":{"followers_count":12400}}]},)"
    R"("matching_rules":[{"id":"9","tag":"brand"}]})";

XListenConfig Config(const LoopbackHttpServer& server) {
  XListenConfig c;
  c.api_base = server.base_url();
  c.bearer_token = "app-bearer";
  c.account = {testing::kBrandId, "AcmeCare"};
  return c;
}

// What the sources handed to ingest.
class SinkRecorder {
 public:
  struct Heard {
    std::string channel;
    std::string raw;
    domain::ParsedDelivery delivery;
  };

  ports::HeardSink Sink() {
    return [this](std::string_view channel, std::string raw, domain::ParsedDelivery d) {
      std::lock_guard lock(mu_);
      if (fail_) return Status(Errc::kUnavailable, "store_down", "the store is down");
      heard_.push_back({std::string(channel), std::move(raw), std::move(d)});
      return Status::Ok();
    };
  }
  void Fail(bool fail) {
    std::lock_guard lock(mu_);
    fail_ = fail;
  }
  std::vector<Heard> heard() const {
    std::lock_guard lock(mu_);
    return heard_;
  }

 private:
  mutable std::mutex mu_;
  bool fail_ = false;
  std::vector<Heard> heard_;
};

// Waits up to 15 s for `server` to have received `n` requests.
bool AwaitRequests(const LoopbackHttpServer& server, size_t n) {
  for (int i = 0; i < 1500 && server.requests().size() < n; ++i) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  return server.requests().size() >= n;
}

TEST(XFilteredStreamTest, SyncsRulesStreamsPostsAndReconnectsAsXPrescribes) {
  LoopbackHttpServer server;
  // 1-3: the rules: X holds two others; they are deleted and ours added.
  server.Enqueue({200, {}, ReadFixture("sns-python-twitter/get_rules.json")});
  server.Enqueue({200, {}, R"({"meta":{"summary":{"deleted":2,"not_deleted":0}}})"});
  server.Enqueue({201, {}, R"({"data":[{"value":"קנטינה OR cantina","tag":"brand","id":"9"}]})"});
  // 4: a recorded stream (with an empty in-band errors object) and a Hebrew post; then X closes.
  std::vector<std::string> lines = StreamLines("twitter-dart/connect_sample_stream_with_error.json");
  const size_t recorded_posts = lines.size() - 1;  // all but {"errors":[]}
  lines.push_back(kHebrewLine);
  std::vector<std::string> chunks = {"\r\n"};
  for (const std::string& l : lines) chunks.push_back(l + "\r\n");
  // One line split across two network reads.
  const std::string last = chunks.back();
  chunks.back() = last.substr(0, 40);
  chunks.push_back(last.substr(40));
  server.Enqueue({.status = 200, .chunks = chunks, .chunk_gap = milliseconds(2)});
  // 5: a keep-alive, then silence beyond the heartbeat timeout.
  server.Enqueue({.status = 200, .hang = true, .chunks = {"\r\n"}});
  // 6: X asks us to reconnect in band.
  server.Enqueue({.status = 200,
                  .hang = true,
                  .chunks = {R"({"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect"}]})"
                             "\r\n"}});
  // 7: too many connections.
  server.Enqueue({429, {}, R"({"title":"ConnectionException","type":"https://api.x.com/2/problems/streaming-connection"})"});

  XListenConfig config = Config(server);
  config.stream = true;
  config.stream_rules = {{"קנטינה OR cantina", "brand"}};
  config.backfill_minutes = 2;
  config.heartbeat_timeout = milliseconds(1000);
  SinkRecorder sink;
  metrics::Registry metrics;
  XFilteredStream stream(config, sink.Sink(), metrics);
  stream.Start();
  ASSERT_TRUE(AwaitRequests(server, 7));
  stream.Stop();

  const auto requests = server.requests();
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/2/tweets/search/stream/rules");
  EXPECT_EQ(requests[0].Header("Authorization"), "Bearer app-bearer");
  EXPECT_EQ(requests[1].body, R"({"delete":{"ids":["1165037377523306497","1165037377523306498"]}})");
  EXPECT_EQ(requests[2].body, R"({"add":[{"value":"קנטינה OR cantina","tag":"brand"}]})");
  EXPECT_TRUE(requests[3].target.starts_with("/2/tweets/search/stream?tweet.fields="));
  EXPECT_EQ(requests[3].target.find("backfill_minutes"), std::string::npos);
  for (size_t i = 4; i < 7; ++i) {
    EXPECT_NE(requests[i].target.find("&backfill_minutes=2"), std::string::npos) << i;
  }

  const auto heard = sink.heard();
  ASSERT_EQ(heard.size(), recorded_posts + 1);
  for (const auto& h : heard) {
    EXPECT_EQ(h.channel, "x_stream");
    ASSERT_EQ(h.delivery.events.size(), 1u);
    EXPECT_TRUE(h.delivery.events[0].message.overheard) << h.raw;
    auto again = stream.ParseStored(h.raw);  // what recovery would thread
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->events, h.delivery.events);
  }
  const domain::Message& hebrew = heard.back().delivery.events[0].message;
  EXPECT_EQ(heard.back().raw, kHebrewLine);
  EXPECT_EQ(hebrew.text, "הקנטינה בדיזנגוף מכרה לי סלט מקולקל");
  EXPECT_EQ(hebrew.author.handle, "noa_k");
  EXPECT_EQ(hebrew.author.followers, 12400);
  EXPECT_EQ(hebrew.account_id, testing::kBrandId);

  const std::string text = metrics.RenderText();
  EXPECT_NE(text.find(R"(feedroom_source_events_total{source="x_stream",event="heartbeat_missed"} 1)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(source="x_stream",event="operational_disconnect"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(source="x_stream",event="rate_limited"} 1)"), std::string::npos);
}

TEST(XFilteredStreamTest, APostThatCannotBeStoredEndsTheConnectionToAskForItAgain) {
  LoopbackHttpServer server;
  server.Enqueue({200, {}, R"({"meta":{"result_count":0}})"});  // no rules on X
  server.Enqueue({201, {}, "{}"});
  server.Enqueue({.status = 200, .hang = true, .chunks = {std::string(kHebrewLine) + "\r\n"}});
  server.Enqueue({.status = 200, .hang = true, .chunks = {"\r\n"}});
  XListenConfig config = Config(server);
  config.stream = true;
  config.stream_rules = {{"cantina", ""}};
  SinkRecorder sink;
  sink.Fail(true);
  metrics::Registry metrics;
  XFilteredStream stream(config, sink.Sink(), metrics);
  stream.Start();
  ASSERT_TRUE(AwaitRequests(server, 4));  // the hanging stream was left, and rejoined
  stream.Stop();
  EXPECT_NE(metrics.RenderText().find(R"(source="x_stream",event="not_stored"} 1)"),
            std::string::npos);
}

class XRecentSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("s.db");
    auto store = storage::sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  std::optional<std::string> Cursor() {
    auto c = store_->insights().GetSourceCursor("x_search:קנטינה OR cantina");
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : std::nullopt;
  }

  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  ManualClock clock_{1'790'000'000'000};
  metrics::Registry metrics_;
};

TEST_F(XRecentSearchTest, PollsSinceTheNewestStoredFollowingPagesAndHonoursRateLimits) {
  LoopbackHttpServer server;
  XListenConfig config = Config(server);
  config.searches = {"קנטינה OR cantina"};
  SinkRecorder sink;
  XRecentSearch search(config, *store_, clock_, sink.Sink(), metrics_);

  // First poll: one page, from now on.
  server.Enqueue({200, {}, ReadFixture("sns-python-twitter/search_tweets_query.json")});
  EXPECT_EQ(search.PollAll(), config.search_interval);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_TRUE(requests[0].target.starts_with(
      "/2/tweets/search/recent?query=%D7%A7%D7%A0%D7%98%D7%99%D7%A0%D7%94%20OR%20cantina&max_results=100&"))
      << requests[0].target;
  EXPECT_EQ(requests[0].target.find("since_id"), std::string::npos);
  ASSERT_EQ(sink.heard().size(), 1u);
  EXPECT_EQ(sink.heard()[0].channel, "x_search");
  EXPECT_EQ(sink.heard()[0].delivery.events.size(), 4u);
  EXPECT_EQ(Cursor(), "1276035977375477760");

  // Next poll: since that id, two pages.
  server.Enqueue({200, {}, R"({"data":[{"id":"1300","text":"cantina again","author_id":"5"}],)"
                           R"("meta":{"newest_id":"1300","oldest_id":"1300","result_count":1,"next_token":"b26v89c19zqg8o3f"}})"});
  server.Enqueue({200, {}, R"({"data":[{"id":"1290","text":"והקנטינה שוב סגורה","author_id":"6"}],)"
                           R"("meta":{"newest_id":"1290","oldest_id":"1290","result_count":1}})"});
  search.PollAll();
  requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_NE(requests[1].target.find("&since_id=1276035977375477760"), std::string::npos);
  EXPECT_NE(requests[2].target.find("&next_token=b26v89c19zqg8o3f"), std::string::npos);
  EXPECT_EQ(sink.heard().size(), 3u);
  EXPECT_EQ(Cursor(), "1300");

  // Rate-limited: wait for X's reset.
  const std::int64_t reset_s = clock_.NowMillis() / 1000 + 600;
  server.Enqueue({429, {{"x-rate-limit-reset", std::to_string(reset_s)}}, R"({"title":"Too Many Requests"})"});
  const milliseconds wait = search.PollAll();
  EXPECT_GE(wait, milliseconds(599'000));
  EXPECT_LE(wait, milliseconds(601'000));

  // A page that cannot be stored leaves the cursor where it was.
  sink.Fail(true);
  server.Enqueue({200, {}, R"({"data":[{"id":"1400","text":"cantina","author_id":"5"}],"meta":{"newest_id":"1400"}})"});
  search.PollAll();
  EXPECT_EQ(Cursor(), "1300");
}

TEST_F(XRecentSearchTest, NothingNewLeavesTheCursorAndBadAnswersAreSkipped) {
  LoopbackHttpServer server;
  XListenConfig config = Config(server);
  config.searches = {"קנטינה OR cantina"};
  SinkRecorder sink;
  XRecentSearch search(config, *store_, clock_, sink.Sink(), metrics_);
  server.Enqueue({200, {}, R"({"meta":{"result_count":0}})"});
  server.Enqueue({200, {}, R"({"data":[{"id":"1"}]})"});  // a post without text
  server.Enqueue({503, {}, "overloaded"});
  search.PollAll();
  search.PollAll();
  search.PollAll();
  EXPECT_TRUE(sink.heard().empty());
  EXPECT_EQ(Cursor(), std::nullopt);
  const std::string text = metrics_.RenderText();
  EXPECT_NE(text.find(R"(source="x_search",event="bad_page"} 1)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(source="x_search",event="http_error"} 1)"), std::string::npos);
}

}  // namespace
}  // namespace fr::channels::x
