// The stream route without sockets: the router, auth gate and a real store decide on the
// handshake; the upgrade is then driven through a fake LiveConnection, as the HTTP server
// drives it.
#include "api/stream_route.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"

namespace fr::api {
namespace {

namespace json = boost::json;
using domain::Role;

class FakeConnection final : public LiveConnection {
 public:
  void Wake() override { ++wakes; }
  int wakes = 0;
};

std::string Type(const std::string& message) {
  return std::string(json::parse(message).at("type").as_string());
}

engine::CaseChanged Assigned(domain::CaseId id, std::optional<domain::TeamId> team,
                             domain::UserId to) {
  engine::CaseChanged c;
  c.kase.id = id;
  c.kase.team = team;
  c.kase.assignee = to;
  c.event.kind = domain::CaseEventKind::kAssigned;
  c.event.user = to;
  return c;
}

class StreamRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    noa_ = world_.AddUser("noa", Role::kAgent, kPassword, "נועה");
    domain::Team team;
    team.name = "צוות X";
    team.members = {noa_.id};
    team_ = world_.directory().AddTeam(team).value().id;
    token_ = world_.ApiToken(noa_, "stream");
    AddStreamRoute(router_, world_.gate(), hub_, presence_, nullptr, world_.store(), CaseSla{});
  }

  ApiResponse Open(std::vector<std::pair<std::string, std::string>> headers) {
    ApiRequest req;
    req.method = "GET";
    req.path = "/api/v1/stream";
    for (auto& [k, v] : headers) req.headers.Add(k, v);
    ApiResponse out;
    router_.Dispatch(req, [&out](ApiResponse r) { out = std::move(r); });
    return out;
  }

  std::string SessionCookie() { return world_.SessionCookie("noa", kPassword); }

  static std::string ErrorCode(const ApiResponse& r) {
    if (r.body.empty()) return "";
    return std::string(json::parse(r.body).at("error").at("code").as_string());
  }

  static constexpr char kPassword[] = "stream-password-1";
  ManualClock clock_{1'800'000'000'000};
  ApiTestWorld world_{clock_};
  metrics::Registry metrics_;
  engine::Presence presence_{clock_, engine::PresenceOptions{}};
  engine::EventHub hub_{clock_, metrics_, engine::EventHubOptions{.queue_limit = 3}};
  Router router_;
  domain::User noa_;
  domain::TeamId team_ = 0;
  std::string token_;
};

TEST_F(StreamRouteTest, AnonymousHandshakesAreRefusedWithoutAnUpgrade) {
  ApiResponse r = Open({});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(ErrorCode(r), "unauthenticated");
  EXPECT_FALSE(r.upgrade);
  EXPECT_FALSE(Open({{"Authorization", "Bearer nope"}}).upgrade);
}

TEST_F(StreamRouteTest, CookieHandshakesMustComeFromTheServersOwnOrigin) {
  std::string cookie = SessionCookie();
  ApiResponse forged = Open({{"Cookie", cookie},
                             {"Host", "feedroom.example:8080"},
                             {"Origin", "https://evil.example"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(ErrorCode(forged), "cross_origin");
  EXPECT_FALSE(forged.upgrade);
  EXPECT_EQ(ErrorCode(Open({{"Cookie", cookie}, {"Host", "a.example"}, {"Origin", "null"}})),
            "cross_origin");

  EXPECT_TRUE(Open({{"Cookie", cookie},
                    {"Host", "Feedroom.example:8080"},
                    {"Origin", "https://feedroom.example:8080"}})
                  .upgrade);
  EXPECT_TRUE(Open({{"Cookie", cookie}}).upgrade);  // not a browser: no Origin
  // A token is never sent by a browser on its own: any origin may use one.
  EXPECT_TRUE(Open({{"Authorization", "Bearer " + token_},
                    {"Host", "feedroom.example"},
                    {"Origin", "https://tools.example"}})
                  .upgrade);
}

TEST_F(StreamRouteTest, AnOpenStreamSaysHelloThenFeedsWhatItsUserMaySee) {
  ApiResponse r = Open({{"Authorization", "Bearer " + token_}});
  ASSERT_TRUE(r.upgrade) << r.body;
  auto connection = std::make_shared<FakeConnection>();
  std::shared_ptr<LiveSource> source = r.upgrade(connection);
  ASSERT_TRUE(source);
  EXPECT_TRUE(presence_.IsPresent(noa_.id));

  LiveOutgoing first = source->TakeOutgoing();
  ASSERT_EQ(first.messages.size(), 1u);
  json::value hello = json::parse(first.messages[0]);
  EXPECT_EQ(hello.at("type").as_string(), "hello");
  EXPECT_EQ(hello.at("user").at("display_name").as_string(), "נועה");
  EXPECT_EQ(hello.at("team_ids"), json::value(json::array{json::value(std::to_string(team_))}));
  EXPECT_FALSE(first.close);

  hub_.Publish(Assigned(1, team_, noa_.id + 1));      // her team's
  hub_.Publish(Assigned(2, team_ + 1, noa_.id + 1));  // another team's: not for her
  EXPECT_EQ(connection->wakes, 1);
  LiveOutgoing next = source->TakeOutgoing();
  ASSERT_EQ(next.messages.size(), 1u);
  EXPECT_EQ(json::parse(next.messages[0]).at("case").at("id").as_string(), "1");
  EXPECT_TRUE(source->TakeOutgoing().messages.empty());

  source->OnClosed();
  EXPECT_FALSE(presence_.IsPresent(noa_.id));
  hub_.Publish(Assigned(3, team_, noa_.id));
  EXPECT_EQ(connection->wakes, 1);
}

TEST_F(StreamRouteTest, AStreamThatFallsBehindGetsOverflowAndIsClosed) {
  ApiResponse r = Open({{"Authorization", "Bearer " + token_}});
  ASSERT_TRUE(r.upgrade);
  auto connection = std::make_shared<FakeConnection>();
  std::shared_ptr<LiveSource> source = r.upgrade(connection);
  for (domain::CaseId id = 1; id <= 4; ++id) hub_.Publish(Assigned(id, team_, noa_.id));
  LiveOutgoing out = source->TakeOutgoing();
  ASSERT_EQ(out.messages.size(), 2u);
  EXPECT_EQ(Type(out.messages[0]), "hello");
  EXPECT_EQ(Type(out.messages[1]), "overflow");
  ASSERT_TRUE(out.close);
  EXPECT_EQ(out.close->code, 1013);
  source->OnClosed();
  EXPECT_FALSE(presence_.IsPresent(noa_.id));
}

TEST(SameOriginTest, ComparesTheOriginsAuthorityWithTheHostHeader) {
  auto request = [](std::string origin, std::string host) {
    ApiRequest req;
    if (!origin.empty()) req.headers.Add("Origin", origin);
    if (!host.empty()) req.headers.Add("Host", host);
    return req;
  };
  EXPECT_TRUE(IsSameOrigin(request("", "")));
  EXPECT_TRUE(IsSameOrigin(request("http://127.0.0.1:8080", "127.0.0.1:8080")));
  EXPECT_FALSE(IsSameOrigin(request("http://127.0.0.1:8081", "127.0.0.1:8080")));
  EXPECT_FALSE(IsSameOrigin(request("http://127.0.0.1:8080", "")));
  EXPECT_FALSE(IsSameOrigin(request("http://feedroom.example.evil.example", "feedroom.example")));
}

}  // namespace
}  // namespace fr::api
