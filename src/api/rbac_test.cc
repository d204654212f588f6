// The RBAC matrix: every /api route × every role, through the real router, gate, engine and a
// real SQLite store. A route added without a row here fails the first test, so no route can
// ship without a decision on who may call it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <yaml-cpp/yaml.h>

#include <map>

#include "api/api_routes.h"
#include "api/api_test_world.h"
#include "api/error_response.h"
#include "tests/support/fake_nlp.h"

namespace fr::api {
namespace {

using domain::Action;
using domain::Role;

// nullopt = open to anonymous callers.
const std::map<std::string, std::optional<Action>>& RouteTable() {
  static const std::map<std::string, std::optional<Action>> kTable = {
      {"POST /api/v1/session", std::nullopt},
      {"GET /api/v1/session", Action::kReadCases},
      {"GET /api/v1/listening/rules", Action::kReadCases},
      {"PUT /api/v1/listening/rules/{id}", Action::kManageListening},
      {"DELETE /api/v1/listening/rules/{id}", Action::kManageListening},
      {"POST /api/v1/messages/{id}/labels", Action::kWorkCases},
      {"DELETE /api/v1/session", Action::kReadCases},
      {"GET /api/v1/users", Action::kReadDirectory},
      {"POST /api/v1/users", Action::kManageUsers},
      {"PATCH /api/v1/users/{id}", Action::kManageUsers},
      {"PUT /api/v1/users/{id}/password", Action::kManageUsers},
      {"GET /api/v1/teams", Action::kReadDirectory},
      {"POST /api/v1/teams", Action::kManageTeams},
      {"PUT /api/v1/teams/{id}", Action::kManageTeams},
      {"DELETE /api/v1/teams/{id}", Action::kManageTeams},
      {"PUT /api/v1/me/password", Action::kManageOwnAccount},
      {"GET /api/v1/me/tokens", Action::kManageOwnAccount},
      {"POST /api/v1/me/tokens", Action::kManageOwnAccount},
      {"DELETE /api/v1/me/tokens/{id}", Action::kManageOwnAccount},
      {"GET /api/v1/cases", Action::kReadCases},
      {"GET /api/v1/cases/{id}", Action::kReadCases},
      {"GET /api/v1/messages/{platform}/{external_id}", Action::kReadCases},
      {"POST /api/v1/cases/{id}/assign", Action::kWorkCases},
      {"POST /api/v1/cases/{id}/take", Action::kWorkCases},
      {"POST /api/v1/cases/{id}/unassign", Action::kWorkCases},
      {"PATCH /api/v1/cases/{id}", Action::kWorkCases},
      {"GET /api/v1/cases/{id}/events", Action::kReadCases},
      {"PUT /api/v1/cases/{id}/activity", Action::kReadCases},
      {"GET /api/v1/cases/{id}/activity", Action::kReadCases},
      {"PUT /api/v1/me/presence", Action::kWorkCases},
      {"GET /api/v1/presence", Action::kReadDirectory},
      {"POST /api/v1/cases/{id}/replies/check", Action::kWorkCases},
      {"POST /api/v1/cases/{id}/replies", Action::kWorkCases},
      {"POST /api/v1/cases/{id}/move-to-private", Action::kWorkCases},
      {"GET /api/v1/cases/{id}/replies", Action::kReadCases},
      {"GET /api/v1/approvals", Action::kApproveReplies},
      {"GET /api/v1/crisis", Action::kReadCases},
      {"GET /api/v1/crises", Action::kViewMetrics},
      {"GET /api/v1/crises/{id}", Action::kViewMetrics},
      {"POST /api/v1/crises", Action::kRunCrisis},
      {"PATCH /api/v1/crises/{id}", Action::kRunCrisis},
      {"POST /api/v1/crises/{id}/end", Action::kRunCrisis},
      {"GET /api/v1/topics", Action::kViewMetrics},
      {"GET /api/v1/topics/{id}/issue", Action::kViewMetrics},
      {"POST /api/v1/topics/{id}/send", Action::kViewMetrics},
      {"POST /api/v1/replies/{id}/approve", Action::kApproveReplies},
      {"POST /api/v1/replies/{id}/reject", Action::kApproveReplies},
      {"GET /api/v1/replies/{id}/audit", Action::kReadCases},
      {"GET /api/v1/cases/{id}/draft", Action::kWorkCases},
      {"PUT /api/v1/cases/{id}/draft", Action::kWorkCases},
      {"DELETE /api/v1/cases/{id}/draft", Action::kWorkCases},
      {"GET /api/v1/stream", Action::kReadCases},
      {"GET /api/v1/settings", Action::kReadDirectory},
      {"GET /api/v1/metrics/cases", Action::kViewMetrics},
      {"GET /api/v1/alerts", Action::kViewMetrics},
      {"GET /api/v1/alerts/{id}", Action::kViewMetrics},
      {"GET /api/v1/metrics/cases.csv", Action::kViewMetrics},
      {"GET /api/v1/metrics/{metric}", Action::kViewMetrics},
  };
  return kTable;
}

std::string ErrorCode(const ApiResponse& r) {
  if (r.body.empty()) return "";
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
  return std::string(v.at("error").at("code").as_string());
}

class RbacTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteStore& store = world_.store();
    desk_ = std::make_unique<engine::CaseDesk>(store, clock_);
    outbox_ = std::make_unique<engine::Outbox>(store, clock_,
                                               std::vector<const ports::ReplyGateway*>{},
                                               engine::OutboxOptions{}, metrics_);
    replies_ = std::make_unique<engine::ReplyDesk>(store, clock_, *outbox_,
                                                   std::vector<const ports::ReplyGateway*>{},
                                                   engine::ReplyDeskOptions{});
    drafts_ = std::make_unique<engine::DraftKeeper>(store, clock_);
    ApiServices services{store, world_.authenticator(), world_.directory(), *desk_, presence_,
                         nullptr, *replies_, *outbox_, hub_, SessionCookieOptions{}};
    services.drafts = drafts_.get();
    services.listening = &listening_;
    services.labels = &labels_;
    services.spikes = &explainer_;
    crisis_ = std::make_unique<engine::CrisisDesk>(store, clock_, *desk_, nullptr);
    services.crisis = crisis_.get();
    services.topics = &topics_;
    AddApiRoutes(router_, world_.gate(), services);
    for (Role role : {Role::kAgent, Role::kSupervisor, Role::kAdmin}) {
      const domain::User user =
          world_.AddUser(std::string(domain::RoleName(role)), role, kPassword);
      tokens_[role] = world_.ApiToken(user, "rbac");
    }
  }

  // Three failed logins lock a user name out (LoginIsRateLimitedWithAJson429).
  static engine::AuthOptions ThreeFailuresPerUser() {
    engine::AuthOptions auth;
    auth.login_limits.max_failures_per_user = 3;
    return auth;
  }

  ApiResponse Call(const std::string& method, const std::string& path,
                   std::vector<std::pair<std::string, std::string>> headers = {},
                   const std::string& body = "") {
    ApiRequest req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.client_address = "192.0.2.7";
    for (auto& [k, v] : headers) req.headers.Add(k, v);
    ApiResponse out;
    bool answered = false;
    router_.Dispatch(req, [&](ApiResponse r) {
      out = std::move(r);
      answered = true;
    });
    EXPECT_TRUE(answered) << method << " " << path;
    return out;
  }

  static constexpr char kPassword[] = "rbac-password-1";
  SystemClock clock_;
  ApiTestWorld world_{clock_, ThreeFailuresPerUser()};
  std::unique_ptr<engine::CaseDesk> desk_;
  metrics::Registry metrics_;
  std::unique_ptr<engine::Outbox> outbox_;
  std::unique_ptr<engine::ReplyDesk> replies_;
  std::unique_ptr<engine::DraftKeeper> drafts_;
  engine::Presence presence_{clock_, engine::PresenceOptions{}};
  engine::EventHub hub_{clock_, metrics_};
  fr::testing::FakeCompiler compiler_;
  engine::RuleBook rules_{compiler_};
  engine::ListeningDesk listening_{world_.store(), rules_, clock_};
  engine::LabelDesk labels_{world_.store(), clock_};
  engine::SpikeExplainer explainer_{world_.store()};
  std::unique_ptr<engine::CrisisDesk> crisis_;
  engine::TopicDesk topics_{world_.store(), nullptr};
  Router router_;
  std::map<Role, std::string> tokens_;
};

// "/api/v1/cases/{id}" -> "/api/v1/cases/999999"; platforms get a real name.
std::string ConcretePath(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    std::size_t close = pattern.find('}', i);
    out += pattern.substr(i, close - i + 1) == "{platform}" ? "x" : "999999";
    i = close;
  }
  return out;
}

TEST_F(RbacTest, EveryRouteHasARowAndEveryRowARoute) {
  std::set<std::string> routes;
  for (const std::string& r : router_.Describe()) routes.insert(r);
  std::set<std::string> rows;
  for (const auto& [route, action] : RouteTable()) rows.insert(route);
  EXPECT_EQ(routes, rows);
}

// schema/openapi.yaml documents every /api route with the permission the server enforces.
TEST_F(RbacTest, OpenApiDocumentsEveryRouteWithItsPermission) {
  YAML::Node doc = YAML::LoadFile(std::string(FR_SOURCE_DIR) + "/schema/openapi.yaml");
  std::map<std::string, std::string> documented;
  for (const auto& path : doc["paths"]) {
    std::string p = path.first.as<std::string>();
    if (p.rfind("/api/", 0) != 0) continue;
    for (const auto& op : path.second) {
      std::string method = op.first.as<std::string>();
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      YAML::Node permission = op.second["x-permission"];
      documented[method + " " + p] = permission ? permission.as<std::string>() : "";
    }
  }
  std::map<std::string, std::string> enforced;
  for (const auto& [route, action] : RouteTable()) {
    enforced[route] = action ? std::string(domain::ActionName(*action)) : "";
  }
  EXPECT_EQ(documented, enforced);
}

TEST_F(RbacTest, AnonymousCallersGet401OnEveryRouteButLogin) {
  for (const auto& [route, action] : RouteTable()) {
    if (!action) continue;
    std::string method = route.substr(0, route.find(' '));
    ApiResponse r = Call(method, ConcretePath(route.substr(route.find(' ') + 1)));
    EXPECT_EQ(r.status, 401) << route;
    EXPECT_EQ(ErrorCode(r), "unauthenticated") << route;
  }
}

TEST_F(RbacTest, EachRoleReachesExactlyWhatItsPermissionsAllow) {
  for (const auto& [route, action] : RouteTable()) {
    if (!action) continue;
    std::string method = route.substr(0, route.find(' '));
    std::string path = ConcretePath(route.substr(route.find(' ') + 1));
    for (Role role : {Role::kAgent, Role::kSupervisor, Role::kAdmin}) {
      ApiResponse r = Call(method, path, {{"Authorization", "Bearer " + tokens_[role]}}, "{}");
      std::string who = route + " as " + std::string(domain::RoleName(role));
      EXPECT_NE(r.status, 401) << who;
      if (domain::Allows(role, *action)) {
        EXPECT_NE(ErrorCode(r), "forbidden") << who << ": " << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << who;
        EXPECT_EQ(ErrorCode(r), "forbidden") << who;
      }
    }
  }
}

TEST_F(RbacTest, CookieSessionsNeedTheCsrfTokenToChangeState) {
  ApiResponse login = Call("POST", "/api/v1/session", {},
                           R"({"username":"agent","password":"rbac-password-1"})");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie;
  for (auto& [k, v] : login.headers) {
    if (k == "Set-Cookie") cookie = v;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // not configured here
  std::string session = cookie.substr(0, cookie.find(';'));
  std::string csrf(boost::json::parse(login.body).at("csrf_token").as_string());

  // Reads need no CSRF token.
  EXPECT_EQ(Call("GET", "/api/v1/me/tokens", {{"Cookie", session}}).status, 200);
  // Writes without it, or with a wrong one, are refused.
  ApiResponse no_csrf = Call("POST", "/api/v1/me/tokens", {{"Cookie", session}}, R"({"name":"a"})");
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(ErrorCode(no_csrf), "csrf_failed");
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/me/tokens",
                           {{"Cookie", session}, {"X-CSRF-Token", csrf + "x"}}, R"({"name":"a"})")),
            "csrf_failed");
  EXPECT_EQ(Call("POST", "/api/v1/me/tokens", {{"Cookie", "other=1; " + session},
                                               {"X-CSRF-Token", csrf}}, R"({"name":"a"})")
                .status,
            201);
  // A bearer token is never sent by a browser on its own: no CSRF token needed.
  EXPECT_EQ(Call("POST", "/api/v1/me/tokens", {{"Authorization", "Bearer " + tokens_[Role::kAgent]}},
                 R"({"name":"b"})")
                .status,
            201);
  // Logging out ends the session.
  EXPECT_EQ(Call("DELETE", "/api/v1/session", {{"Cookie", session}, {"X-CSRF-Token", csrf}}).status,
            204);
  EXPECT_EQ(Call("GET", "/api/v1/session", {{"Cookie", session}}).status, 401);
}

TEST_F(RbacTest, LoginIsRateLimitedWithAJson429) {
  for (int i = 0; i < 3; ++i) {
    ApiResponse r = Call("POST", "/api/v1/session", {},
                         R"({"username":"admin","password":"wrong-password"})");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(ErrorCode(r), "bad_credentials");
  }
  ApiResponse limited = Call("POST", "/api/v1/session", {},
                             R"({"username":"admin","password":"rbac-password-1"})");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(ErrorCode(limited), "too_many_attempts");
}

TEST_F(RbacTest, BadLoginBodiesAre400WithTheField) {
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/session", {}, "not json")), "invalid_json");
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/session", {}, R"({"username":"agent"})")),
            "missing_field");
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/session", {}, R"({"username":1,"password":"x"})")),
            "wrong_type");
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/session", {},
                           R"({"username":"a","password":"b","remember":true})")),
            "unknown_field");
}

TEST_F(RbacTest, AdminsManageUsersAndCannotLockThemselvesOut) {
  auto admin = std::vector<std::pair<std::string, std::string>>{
      {"Authorization", "Bearer " + tokens_[Role::kAdmin]}};
  ApiResponse created = Call("POST", "/api/v1/users", admin,
                             R"({"username":"noa","display_name":"נועה","role":"agent",)"
                             R"("password":"a long password","languages":["he"],"platforms":["x"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto user = boost::json::parse(created.body);
  EXPECT_EQ(user.at("display_name").as_string(), "נועה");
  std::string id(user.at("id").as_string());

  ApiResponse patched = Call("PATCH", "/api/v1/users/" + id, admin, R"({"role":"supervisor","capacity":12})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(boost::json::parse(patched.body).at("role").as_string(), "supervisor");

  std::string admin_id =
      std::to_string((*world_.store().people().FindUserByName("admin"))->user.id);
  ApiResponse lockout = Call("PATCH", "/api/v1/users/" + admin_id, admin, R"({"active":false})");
  EXPECT_EQ(lockout.status, 409);
  EXPECT_EQ(ErrorCode(lockout), "self_lockout");
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/users", admin,
                           R"({"username":"x y","role":"agent","password":"a long password"})")),
            "invalid_username");
  EXPECT_EQ(ErrorCode(Call("POST", "/api/v1/users", admin,
                           R"({"username":"xy","role":"root","password":"a long password"})")),
            "invalid_role");
}

}  // namespace
}  // namespace fr::api
