#include "channels/common/http_stream.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/support/loopback_http_server.h"

namespace fr::channels {
namespace {

using std::chrono::milliseconds;
using fr::testing::LoopbackHttpServer;
using fr::testing::RefusingPort;

HttpRequest Get(std::string url) {
  HttpRequest r;
  r.url = std::move(url);
  r.headers = {{"Authorization", "Bearer app"}};
  r.timeout = milliseconds(3000);
  return r;
}

TEST(HttpStreamTest, DeliversEveryPieceInOrderUntilTheServerCloses) {
  LoopbackHttpServer server;
  server.Enqueue({.status = 200, .chunks = {"{\"a\":1}\r\n", "\r\n", "{\"b\":\"שלום\"}\r\n"},
                  .chunk_gap = milliseconds(20)});
  std::string received;
  StreamCallbacks cb{[&](std::string_view bytes) {
                       received.append(bytes);
                       return true;
                     },
                     {}};

  auto end = StreamHttp(Get(server.base_url() + "/2/tweets/search/stream"), milliseconds(2000), cb);

  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ(end->why, StreamEnd::Why::kServerClosed);
  EXPECT_EQ(end->status, 200);
  EXPECT_EQ(received, "{\"a\":1}\r\n\r\n{\"b\":\"שלום\"}\r\n");
  EXPECT_EQ(server.requests().at(0).Header("authorization"), "Bearer app");
}

TEST(HttpStreamTest, SilenceLongerThanTheIdleTimeoutEndsTheStream) {
  LoopbackHttpServer server;
  server.Enqueue({.status = 200, .hang = true, .chunks = {"\r\n"}});
  std::string received;
  StreamCallbacks cb{[&](std::string_view bytes) {
                       received.append(bytes);
                       return true;
                     },
                     {}};
  const auto start = std::chrono::steady_clock::now();

  auto end = StreamHttp(Get(server.base_url() + "/s"), milliseconds(1200), cb);

  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ(end->why, StreamEnd::Why::kIdle);
  EXPECT_EQ(received, "\r\n");
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(1200));
}

TEST(HttpStreamTest, TheCallerCanStopAStreamThatIsStillSending) {
  LoopbackHttpServer server;
  server.Enqueue({.status = 200, .hang = true, .chunks = {"\r\n"}});
  std::atomic<bool> stop{false};
  StreamCallbacks cb{[](std::string_view) { return true; }, [&] { return stop.load(); }};
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(300));
    stop = true;
  });

  auto end = StreamHttp(Get(server.base_url() + "/s"), milliseconds(60000), cb);
  stopper.join();

  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ(end->why, StreamEnd::Why::kStopped);
}

TEST(HttpStreamTest, ReturningFalseFromOnBytesStopsTheStream) {
  LoopbackHttpServer server;
  server.Enqueue({.status = 200, .hang = true, .chunks = {"one\r\n", "two\r\n"}});
  int pieces = 0;
  StreamCallbacks cb{[&](std::string_view) { return ++pieces < 1; }, {}};

  auto end = StreamHttp(Get(server.base_url() + "/s"), milliseconds(60000), cb);

  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ(end->why, StreamEnd::Why::kStopped);
  EXPECT_EQ(pieces, 1);
}

TEST(HttpStreamTest, AnErrorAnswerIsReturnedWithItsBodyAndHeadersNotStreamed) {
  LoopbackHttpServer server;
  server.Enqueue({429, {{"x-rate-limit-reset", "1700000000"}}, R"({"title":"TooManyConnections"})"});
  bool called = false;
  StreamCallbacks cb{[&](std::string_view) { return called = true; }, {}};

  auto end = StreamHttp(Get(server.base_url() + "/s"), milliseconds(2000), cb);

  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ(end->why, StreamEnd::Why::kServerClosed);
  EXPECT_EQ(end->status, 429);
  EXPECT_EQ(end->headers.Get("X-Rate-Limit-Reset"), "1700000000");
  EXPECT_EQ(end->error_body, R"({"title":"TooManyConnections"})");
  EXPECT_FALSE(called);
}

TEST(HttpStreamTest, ARefusedConnectionIsANetworkError) {
  RefusingPort port;
  StreamCallbacks cb{[](std::string_view) { return true; }, {}};

  auto end = StreamHttp(Get(port.base_url() + "/s"), milliseconds(2000), cb);

  ASSERT_FALSE(end.ok());
  EXPECT_EQ(end.status().code(), Errc::kUnavailable);
  EXPECT_EQ(end.status().reason(), kRequestNotSent);
}

TEST(HttpStreamTest, AServerThatNeverAnswersEndsAsIdleAfterTheRequestTimeout) {
  LoopbackHttpServer server;
  server.Enqueue({.status = 200, .hang = true});
  StreamCallbacks cb{[](std::string_view) { return true; }, {}};
  HttpRequest r = Get(server.base_url() + "/s");
  r.timeout = milliseconds(1000);

  auto end = StreamHttp(r, milliseconds(60000), cb);

  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ(end->why, StreamEnd::Why::kIdle);
  EXPECT_EQ(end->status, 0);
}

}  // namespace
}  // namespace fr::channels
