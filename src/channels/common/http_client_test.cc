#include "channels/common/http_client.h"

#include <gtest/gtest.h>

#include "tests/support/loopback_http_server.h"

namespace fr::channels {
namespace {

using fr::testing::CannedAnswer;
using fr::testing::LoopbackHttpServer;
using fr::testing::RefusingPort;

HttpRequest Post(std::string url, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.url = std::move(url);
  r.headers = {{"Authorization", "Bearer t0k3n"}, {"Content-Type", "application/json"}};
  r.body = std::move(body);
  r.timeout = std::chrono::milliseconds(5000);
  return r;
}

TEST(HttpClientTest, SendsMethodTargetHeadersAndBodyByteExact) {
  LoopbackHttpServer server;
  server.Enqueue({201, {{"Content-Type", "application/json"}}, R"({"ok":true})", false});
  const std::string body = R"({"text":"שלום, ההזמנה בדרך 🚚"})";

  auto r = SendHttp(Post(server.base_url() + "/2/tweets?x=1", body));

  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/2/tweets?x=1");
  EXPECT_EQ(requests[0].Header("authorization"), "Bearer t0k3n");
  EXPECT_EQ(requests[0].Header("content-type"), "application/json");
  EXPECT_EQ(requests[0].Header("expect"), "");  // no 100-continue round trip
  EXPECT_EQ(requests[0].body, body);
}

TEST(HttpClientTest, ReturnsStatusHeadersCaseInsensitivelyAndBody) {
  LoopbackHttpServer server;
  server.Enqueue({429, {{"x-rate-limit-reset", "1635976418"}}, R"({"title":"Too Many"})", false});

  auto r = SendHttp(Post(server.base_url() + "/", "{}"));

  ASSERT_TRUE(r.ok()) << r.status().ToString();  // an error status is an answer, not a failure
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->headers.Get("X-Rate-Limit-Reset"), "1635976418");
  EXPECT_EQ(r->body, R"({"title":"Too Many"})");
}

TEST(HttpClientTest, CustomMethodWithoutBody) {
  LoopbackHttpServer server;
  server.Enqueue({200, {}, "{}", false});
  HttpRequest req;
  req.method = "DELETE";
  req.url = server.base_url() + "/2/tweets/1";

  ASSERT_TRUE(SendHttp(req).ok());

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "DELETE");
  EXPECT_EQ(requests[0].body, "");
}

TEST(HttpClientTest, RefusedConnectionSurelyNotSent) {
  RefusingPort port;

  auto r = SendHttp(Post(port.base_url() + "/2/tweets", "{}"));

  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Errc::kUnavailable);
  EXPECT_EQ(r.status().reason(), kRequestNotSent);
}

TEST(HttpClientTest, TimeoutAfterTheRequestWasReadMaybeSent) {
  LoopbackHttpServer server;
  CannedAnswer never;
  never.hang = true;
  server.Enqueue(never);
  HttpRequest req = Post(server.base_url() + "/2/tweets", R"({"text":"hi"})");
  req.timeout = std::chrono::milliseconds(300);

  auto r = SendHttp(req);

  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Errc::kUnavailable);
  EXPECT_EQ(r.status().reason(), kRequestMaybeSent);
  EXPECT_NE(r.status().message().find("imeout"), std::string::npos) << r.status().message();
  ASSERT_EQ(server.requests().size(), 1u);  // the server did receive it
}

TEST(HttpClientTest, OversizedAnswerIsAbandonedAsMaybeSent) {
  LoopbackHttpServer server;
  server.Enqueue({200, {}, std::string(kMaxResponseBytes + 1, 'a'), false});

  auto r = SendHttp(Post(server.base_url() + "/", "{}"));

  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), kRequestMaybeSent);
  EXPECT_NE(r.status().message().find("exceeds"), std::string::npos);
}

}  // namespace
}  // namespace fr::channels
