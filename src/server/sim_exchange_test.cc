#include "server/sim_exchange.h"

#include <gtest/gtest.h>

namespace fr::server {
namespace {

TEST(SimExchangeTest, RebuildsTheTargetSoThePlatformDecodesWhatTheClientSent) {
  api::ApiRequest request;
  request.method = "POST";
  request.path = "/v21.0/104000000000001_55/comments";
  request.query = {{"message", "שלום & תודה + 100%"}, {"access_token", "a b=c"}};
  request.headers.Add("Authorization", "Bearer page-token");
  request.body = R"({"message":"hi"})";
  channels::sim::SimRequest sim = ToSimRequest(request);
  EXPECT_EQ(sim.method, "POST");
  EXPECT_EQ(sim.target,
            "/v21.0/104000000000001_55/comments"
            "?message=%D7%A9%D7%9C%D7%95%D7%9D%20%26%20%D7%AA%D7%95%D7%93%D7%94%20%2B%20100%25"
            "&access_token=a%20b%3Dc");
  EXPECT_EQ(sim.headers.Get("authorization"), "Bearer page-token");
  EXPECT_EQ(sim.body, R"({"message":"hi"})");
}

TEST(SimExchangeTest, APathWithoutQueryStaysAsItIs) {
  api::ApiRequest request;
  request.method = "GET";
  request.path = "/sim/sent";
  EXPECT_EQ(ToSimRequest(request).target, "/sim/sent");
}

TEST(SimExchangeTest, TheContentTypeHeaderBecomesTheContentType) {
  channels::sim::SimResponse sim;
  sim.status = 429;
  sim.headers = {{"Content-Type", "application/json; charset=utf-8"},
                 {"x-rate-limit-reset", "1767225600"}};
  sim.body = R"({"title":"Too Many Requests"})";
  sim.delay_ms = 5000;
  api::ApiResponse response = ToApiResponse(sim);
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "x-rate-limit-reset");
  EXPECT_EQ(response.headers[0].second, "1767225600");
  EXPECT_EQ(response.body, R"({"title":"Too Many Requests"})");
}

}  // namespace
}  // namespace fr::server
