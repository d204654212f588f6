#include "api/api_test_world.h"

#include <gtest/gtest.h>

#include <utility>

#include <boost/json.hpp>

namespace fr::api {

ApiTestWorld::ApiTestWorld(const Clock& clock, engine::AuthOptions auth) {
  storage::sqlite::SqliteOptions options;
  options.path = dir_.File("t.db");
  store_ = std::move(storage::sqlite::SqliteStore::Open(options)).value();
  auth.password_cost = secrets::MinimumPasswordCost();
  authenticator_ = std::make_unique<engine::Authenticator>(*store_, clock, auth);
  directory_ = std::make_unique<engine::Directory>(*store_, clock, auth.password_cost);
  gate_ = std::make_unique<AuthGate>(*authenticator_);
}

domain::User ApiTestWorld::AddUser(const std::string& username, domain::Role role,
                                   const std::string& password, const std::string& display_name) {
  auto user = directory_->AddUser({username, display_name, role, password, 5, false, {}});
  EXPECT_TRUE(user.ok()) << username << ": " << user.status().ToString();
  return user.ok() ? *user : domain::User{};
}

std::string ApiTestWorld::ApiToken(const domain::User& user, std::string_view name) {
  auto token = authenticator_->CreateApiToken(user.id, name);
  EXPECT_TRUE(token.ok()) << user.username << ": " << token.status().ToString();
  return token.ok() ? token->token : "";
}

std::map<std::string, std::string> ApiTestWorld::AgentAndSupervisorTokens() {
  return {{"dana", ApiToken(AddUser("dana", domain::Role::kAgent, "a long password"), "t")},
          {"rina", ApiToken(AddUser("rina", domain::Role::kSupervisor, "a long password"), "t")}};
}

std::string ApiTestWorld::SessionCookie(std::string_view username, std::string_view password) {
  auto session = authenticator_->Login(username, password, "192.0.2.1");
  EXPECT_TRUE(session.ok()) << username << ": " << session.status().ToString();
  return session.ok() ? std::string(kSessionCookie) + "=" + session->token : "";
}

ApiResponse CallAs(Router& router, const std::string& token, const std::string& method,
                   const std::string& path, const std::string& body) {
  ApiRequest req;
  req.method = method;
  req.path = path.substr(0, path.find('?'));
  if (path.find('?') != std::string::npos) {
    std::string_view query = std::string_view(path).substr(path.find('?') + 1);
    while (!query.empty()) {
      const std::string_view pair = query.substr(0, query.find('&'));
      const std::size_t eq = pair.find('=');
      req.query.emplace_back(std::string(pair.substr(0, eq)),
                             eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
      query.remove_prefix(std::min(query.size(), pair.size() + 1));
    }
  }
  req.body = body;
  req.headers.Add("Authorization", "Bearer " + token);
  ApiResponse out;
  router.Dispatch(req, [&out](ApiResponse r) { out = std::move(r); });
  return out;
}

std::string ErrorCodeOf(const ApiResponse& r) {
  return std::string(boost::json::parse(r.body).at("error").at("code").as_string());
}

}  // namespace fr::api
