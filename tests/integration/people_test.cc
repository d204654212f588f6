// End-to-end sign-in over real HTTP: `feedroom user add` / `token create` on the command line,
// then the session cookie, CSRF token and refusals as a browser and a script see them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/integration/server_process.h"
#include "tests/support/temp_dir.h"

namespace fr::testing {
namespace {

namespace json = boost::json;

class PeopleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.path() + "/feedroom.toml";
    WriteFile(config_,
              "[auth]\npassword_memory_kib = 8\npassword_passes = 1\nsecure_cookies = true\n"
              "max_failed_logins_per_user = 2\n\n"
              "[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"1\"\nhandle = \"brand\"\n");
    data_ = dir_.path() + "/data";
  }
  std::vector<std::string> UserAdd(const std::string& username, const std::string& role) {
    return {"user", "add", "--config", config_, "--data", data_, "--username", username,
            "--role", role, "--name", "דנה כהן", "--languages", "he,en", "--platforms", "x"};
  }
  TempDir dir_;
  std::string config_;
  std::string data_;
};

TEST_F(PeopleTest, UserAddReadsThePasswordFromStdinAndReportsProblems) {
  CommandResult ok = RunFeedroom(UserAdd("dana", "supervisor"), "a long password\n");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("added user dana"), std::string::npos);

  CommandResult again = RunFeedroom(UserAdd("DANA", "agent"), "a long password\n");
  EXPECT_EQ(again.exit_code, 3) << again.output;  // taken, case-insensitively
  CommandResult role = RunFeedroom(UserAdd("yossi", "root"), "a long password\n");
  EXPECT_EQ(role.exit_code, 2);
  EXPECT_NE(role.output.find("--role"), std::string::npos);
  CommandResult weak = RunFeedroom(UserAdd("yossi", "agent"), "short\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_NE(weak.output.find("at least 10 characters"), std::string::npos) << weak.output;
  CommandResult none = RunFeedroom(UserAdd("yossi", "agent"), "");
  EXPECT_EQ(none.exit_code, 2);
}

TEST_F(PeopleTest, BrowserSessionOverHttp) {
  ASSERT_EQ(RunFeedroom(UserAdd("dana", "agent"), "a long password\n").exit_code, 0);
  ServerProcess server(config_, data_);

  HttpResult anonymous = HttpCall(server.port(), "GET", "/api/v1/cases");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(json::parse(anonymous.body).at("error").at("code").as_string(), "unauthenticated");

  HttpResult login = HttpCall(server.port(), "POST", "/api/v1/session",
                              {{"content-type", "application/json"}},
                              R"({"username":"Dana","password":"a long password"})");
  ASSERT_EQ(login.status, 200) << login.body;
  json::value body = json::parse(login.body);
  EXPECT_EQ(body.at("user").at("display_name").as_string(), "דנה כהן");
  std::string csrf(body.at("csrf_token").as_string());
  const std::string& cookie = login.set_cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);  // secure_cookies = true
  std::string session = cookie.substr(0, cookie.find(';'));

  EXPECT_EQ(HttpCall(server.port(), "GET", "/api/v1/cases", {{"cookie", session}}).status, 200);
  HttpResult forged = HttpCall(server.port(), "POST", "/api/v1/me/tokens", {{"cookie", session}},
                               R"({"name":"x"})");
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(json::parse(forged.body).at("error").at("code").as_string(), "csrf_failed");
  EXPECT_EQ(HttpCall(server.port(), "POST", "/api/v1/me/tokens",
                     {{"cookie", session}, {"x-csrf-token", csrf}}, R"({"name":"x"})")
                .status,
            201);
  // An agent may not add users.
  EXPECT_EQ(HttpCall(server.port(), "POST", "/api/v1/users", {{"cookie", session}, {"x-csrf-token", csrf}},
                     R"({"username":"x","role":"admin","password":"a long password"})")
                .status,
            403);
  EXPECT_EQ(HttpCall(server.port(), "DELETE", "/api/v1/session",
                     {{"cookie", session}, {"x-csrf-token", csrf}})
                .status,
            204);
  EXPECT_EQ(HttpCall(server.port(), "GET", "/api/v1/cases", {{"cookie", session}}).status, 401);
}

TEST_F(PeopleTest, AgentsChangeTheirOwnPasswordWithTheCurrentOne) {
  ASSERT_EQ(RunFeedroom(UserAdd("dana", "agent"), "a long password\n").exit_code, 0);
  ServerProcess server(config_, data_);
  auto login = [&](const std::string& password) {
    return HttpCall(server.port(), "POST", "/api/v1/session", {{"content-type", "application/json"}},
                    R"({"username":"dana","password":")" + password + R"("})");
  };
  HttpResult signed_in = login("a long password");
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  std::string csrf(json::parse(signed_in.body).at("csrf_token").as_string());
  std::string session = signed_in.set_cookie.substr(0, signed_in.set_cookie.find(';'));
  auto change = [&](const std::string& body) {
    return HttpCall(server.port(), "PUT", "/api/v1/me/password",
                    {{"cookie", session}, {"x-csrf-token", csrf}}, body);
  };
  HttpResult wrong = change(R"({"current_password":"guess","new_password":"ארוכה ובטוחה 2026"})");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(json::parse(wrong.body).at("error").at("code").as_string(), "wrong_password");
  EXPECT_EQ(change(R"({"current_password":"a long password","new_password":"short"})").status, 400);
  EXPECT_EQ(change(R"({"current_password":"a long password","new_password":"ארוכה ובטוחה 2026"})")
                .status,
            204);
  // Every session ended; the new password signs in, the old one does not.
  EXPECT_EQ(HttpCall(server.port(), "GET", "/api/v1/cases", {{"cookie", session}}).status, 401);
  EXPECT_EQ(login("a long password").status, 401);
  EXPECT_EQ(login("ארוכה ובטוחה 2026").status, 200);
}

TEST_F(PeopleTest, LoginAttemptsAreLimited) {
  ASSERT_EQ(RunFeedroom(UserAdd("dana", "agent"), "a long password\n").exit_code, 0);
  ServerProcess server(config_, data_);
  auto attempt = [&](const std::string& password) {
    return HttpCall(server.port(), "POST", "/api/v1/session", {},
                    R"({"username":"dana","password":")" + password + R"("})");
  };
  EXPECT_EQ(attempt("guess-one!!").status, 401);
  EXPECT_EQ(attempt("guess-two!!").status, 401);
  HttpResult limited = attempt("a long password");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(json::parse(limited.body).at("error").at("code").as_string(), "too_many_attempts");
}

TEST_F(PeopleTest, TeamAddNamesItsMembersAndRefusesUnknownOnes) {
  ASSERT_EQ(RunFeedroom(UserAdd("dana", "agent"), "a long password\n").exit_code, 0);
  std::vector<std::string> add = {"team", "add", "--config", config_, "--data", data_, "--name",
                                  "שירות X", "--members", "dana", "--platforms", "x",
                                  "--signature", "caret"};
  CommandResult ok = RunFeedroom(add, "");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("1 members"), std::string::npos) << ok.output;
  EXPECT_EQ(RunFeedroom(add, "").exit_code, 3);  // the name is taken
  add[7] = "other";
  add[9] = "dana,ghost";
  CommandResult unknown = RunFeedroom(add, "");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.output.find("ghost"), std::string::npos) << unknown.output;
}

TEST_F(PeopleTest, TokenCreateNeedsAnActiveUser) {
  CommandResult r = RunFeedroom({"token", "create", "--config", config_, "--data", data_,
                                 "--username", "nobody", "--name", "CRM"},
                                "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("no active user"), std::string::npos);
}

}  // namespace
}  // namespace fr::testing
