// The live stream end to end: the real `feedroom serve`, real WebSockets (ws_client.h). The
// handshake is refused without a caller or from a foreign page; an agent's stream says hello,
// makes them present, and brings the case a signed webhook opened once routing gives it to
// them; an agent of another team never hears of that case once it is in a team not theirs;
// stopping the server closes the streams with 1001 at once.
#include <signal.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <set>
#include <thread>

#include "base/crypto.h"
#include "tests/integration/server_process.h"
#include "tests/integration/ws_client.h"
#include "tests/support/temp_dir.h"

namespace fr::testing {
namespace {

namespace json = boost::json;
using std::chrono::milliseconds;

constexpr char kXSecret[] = "stream-test-secret";
constexpr char kBrand[] = "1500000000000000001";
constexpr milliseconds kPatience(20'000);  // ASan builds on a busy machine are slow

std::string Config() {
  return std::string("[auth]\npassword_memory_kib = 8\npassword_passes = 1\n\n") +
         "[x]\nconsumer_secret = \"" + kXSecret + "\"\n[[x.accounts]]\nuser_id = \"" + kBrand + "\"\nhandle = \"kantina_il\"\n";
}

// A signed X delivery of one customer mention.
HttpResult PostMention(std::uint16_t port, const std::string& id, const std::string& text) {
  json::object user{{"id_str", "42"}, {"screen_name", "dana"}, {"name", "דנה"},
                    {"followers_count", 120}};
  json::object tweet{{"id_str", id}, {"text", text}, {"timestamp_ms", "1763800000000"},
                     {"user", std::move(user)}};
  json::object delivery{{"for_user_id", kBrand},
                        {"tweet_create_events", json::array{std::move(tweet)}}};
  std::string body = json::serialize(delivery);
  return HttpCall(port, "POST", "/webhooks/x",
                  {{"x-twitter-webhooks-signature",
                    "sha256=" + crypto::Base64(crypto::HmacSha256(kXSecret, body))},
                   {"content-type", "application/json"}},
                  body);
}

struct Caller {
  std::uint16_t port = 0;
  std::string token;

  std::vector<std::pair<std::string, std::string>> Auth() const {
    return {{"authorization", "Bearer " + token}, {"content-type", "application/json"}};
  }
  json::value Json(const std::string& method, const std::string& target, int want,
                   const std::string& body = "") const {
    HttpResult r = HttpCall(port, method, target, Auth(), body);
    EXPECT_EQ(r.status, want) << method << " " << target << ": " << r.body;
    return r.body.empty() || r.status == 0 ? json::value() : json::parse(r.body);
  }
  std::string Id() const {
    return std::string(Json("GET", "/api/v1/session", 200).at("user").at("id").as_string());
  }
};

// The first message of `stream` that satisfies `want`: among those already read into `seen`
// (events of one change may come in either order across publishers), else read on, appending
// to `seen`. Fails the test if none comes within kPatience.
json::value Await(WsClient& stream, const std::function<bool(const json::value&)>& want,
                  std::vector<json::value>& seen) {
  for (const json::value& v : seen) {
    if (want(v)) return v;
  }
  auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    std::optional<std::string> text = stream.Next(std::max(left, milliseconds(1)));
    if (!text) break;
    seen.push_back(json::parse(*text));
    if (want(seen.back())) return seen.back();
  }
  ADD_FAILURE() << "the awaited event did not come; read " << seen.size() << " messages";
  return json::value();
}

std::function<bool(const json::value&)> Event(const std::string& type, const std::string& case_id,
                                              const std::string& assignee = "") {
  return [=](const json::value& v) {
    if (v.at("type").as_string() != type || !v.as_object().contains("case")) return false;
    const json::value& c = v.at("case");
    if (c.at("id").as_string() != case_id) return false;
    return assignee.empty() || (c.at("assignee_id").is_string() &&
                                c.at("assignee_id").as_string() == assignee);
  };
}

bool Present(const Caller& boss, const std::string& user_id) {
  json::value presence = boss.Json("GET", "/api/v1/presence", 200);
  for (const json::value& p : presence.at("items").as_array()) {
    if (p.at("user_id").as_string() == user_id) return p.at("present").as_bool();
  }
  return false;
}

class StreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.File("feedroom.toml");
    data_ = dir_.File("data");
    WriteFile(config_, Config());
    noa_.token = CreateUserAndToken(config_, data_, "noa", "agent");
    omer_.token = CreateUserAndToken(config_, data_, "omer", "agent");
    boss_.token = CreateUserAndToken(config_, data_, "boss", "supervisor");
    server_ = std::make_unique<ServerProcess>(config_, data_);
    noa_.port = omer_.port = boss_.port = server_->port();
  }

  // Creates a team of `member` covering `platforms` (a JSON list); returns its id.
  std::string AddTeam(const std::string& name, const std::string& platforms,
                      const std::string& member) {
    return std::string(boss_.Json("POST", "/api/v1/teams", 201,
                                  R"({"name":")" + name + R"(","platforms":)" + platforms +
                                      R"(,"members":[")" + member + R"("]})")
                           .at("id")
                           .as_string());
  }

  TempDir dir_;
  std::string config_, data_;
  Caller noa_, omer_, boss_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(StreamTest, HandshakesNeedACallerFromThisServersOwnPages) {
  const std::vector<std::pair<std::string, std::string>> handshake = {
      {"connection", "Upgrade"}, {"upgrade", "websocket"}, {"sec-websocket-version", "13"},
      {"sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="}};
  HttpResult anonymous = HttpCall(server_->port(), "GET", "/api/v1/stream", handshake);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(json::parse(anonymous.body).at("error").at("code").as_string(), "unauthenticated");

  HttpResult login = HttpCall(server_->port(), "POST", "/api/v1/session",
                              {{"content-type", "application/json"}},
                              std::string(R"({"username":"noa","password":")") + kTestPassword +
                                  R"("})");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.set_cookie.substr(0, login.set_cookie.find(';'));
  auto forged = handshake;
  forged.emplace_back("cookie", cookie);
  forged.emplace_back("origin", "https://evil.example");
  HttpResult cross = HttpCall(server_->port(), "GET", "/api/v1/stream", forged);
  EXPECT_EQ(cross.status, 403);
  EXPECT_EQ(json::parse(cross.body).at("error").at("code").as_string(), "cross_origin");

  // Not a WebSocket handshake at all.
  HttpResult plain = HttpCall(server_->port(), "GET", "/api/v1/stream", noa_.Auth());
  EXPECT_EQ(plain.status, 426);
  EXPECT_EQ(json::parse(plain.body).at("error").at("code").as_string(), "upgrade_required");

  // The web app's own page, signed in with its cookie.
  auto own_page = WsClient::Open(
      server_->port(), "/api/v1/stream",
      {{"cookie", cookie}, {"origin", "http://127.0.0.1:" + std::to_string(server_->port())}});
  ASSERT_TRUE(own_page);
  std::optional<std::string> hello = own_page->Next(kPatience);
  ASSERT_TRUE(hello);
  EXPECT_EQ(json::parse(*hello).at("user").at("username").as_string(), "noa");
}

TEST_F(StreamTest, AgentsHearOfTheirTeamsCasesOnlyAndStopClosesTheStreams) {
  std::string noa_id = noa_.Id(), omer_id = omer_.Id();
  std::string x_team = AddTeam("שירות X", R"(["x"])", noa_id);
  std::string meta_team = AddTeam("שירות Meta", R"(["facebook","messenger","instagram"])", omer_id);

  auto noa = WsClient::Open(server_->port(), "/api/v1/stream", {noa_.Auth()[0]});
  auto omer = WsClient::Open(server_->port(), "/api/v1/stream", {omer_.Auth()[0]});
  ASSERT_TRUE(noa && omer);
  std::vector<json::value> noa_seen, omer_seen;
  json::value hello = Await(*noa, [](const json::value&) { return true; }, noa_seen);
  ASSERT_TRUE(hello.is_object());
  EXPECT_EQ(hello.at("type").as_string(), "hello");
  EXPECT_EQ(hello.at("user").at("id").as_string(), noa_id);
  EXPECT_EQ(hello.at("team_ids"), json::value(json::array{json::value(x_team)}));
  Await(*omer, [](const json::value& v) { return v.at("type").as_string() == "hello"; },
            omer_seen);
  // Nobody said they are available: the open stream makes them present.
  EXPECT_TRUE(Present(boss_, noa_id));
  EXPECT_TRUE(Present(boss_, omer_id));

  ASSERT_EQ(PostMention(server_->port(), "1900000000000000001",
                        "@kantina_il ההזמנה לא הגיעה, מה קורה?")
                .status,
            200);
  json::value filed = Await(
      *noa, [](const json::value& v) { return v.at("type").as_string() == "message.created"; },
      noa_seen);
  ASSERT_TRUE(filed.is_object());
  std::string case_id(filed.at("case").at("id").as_string());
  EXPECT_EQ(filed.at("message").at("direction").as_string(), "inbound");
  EXPECT_EQ(filed.at("message").at("platform").as_string(), "x");
  json::value assigned = Await(*noa, Event("case.assigned", case_id, noa_id), noa_seen);
  ASSERT_TRUE(assigned.is_object());
  EXPECT_EQ(assigned.at("case").at("team_id").as_string(), x_team);
  EXPECT_EQ(assigned.at("event").at("detail").as_string(), "auto");
  // The stream's case is the REST API's case, field for field (schema/events.md): the
  // single-case read without what it adds (messages, conversations, customers).
  json::value read = noa_.Json("GET", "/api/v1/cases/" + case_id, 200);
  std::set<std::string> rest_fields, stream_fields;
  for (const auto& field : read.as_object()) rest_fields.insert(std::string(field.key()));
  for (const char* added : {"messages", "conversations", "customers"}) rest_fields.erase(added);
  for (const auto& field : assigned.at("case").as_object()) {
    stream_fields.insert(std::string(field.key()));
  }
  EXPECT_EQ(stream_fields, rest_fields);
  EXPECT_TRUE(rest_fields.contains("sla"));

  // A supervisor hands the case to Omer: the first event of it that concerns him. Events
  // reach a stream in the order they were published, so whatever Omer got before it is all
  // he heard of the case while it was Noa's.
  boss_.Json("POST", "/api/v1/cases/" + case_id + "/assign", 200,
             R"({"user_id":")" + omer_id + R"("})");
  ASSERT_TRUE(Await(*omer, Event("case.assigned", case_id, omer_id), omer_seen).is_object());
  for (const json::value& v : omer_seen) {
    if (!v.as_object().contains("case")) continue;
    const json::value& c = v.at("case");
    // While the case was in nobody's team and nobody's hands (the shared pool), or his.
    bool pool = c.at("team_id").is_null() && c.at("assignee_id").is_null();
    bool his = c.at("assignee_id").is_string() && c.at("assignee_id").as_string() == omer_id;
    EXPECT_TRUE(pool || his) << "Omer heard of another team's case: " << json::serialize(v);
  }
  Await(*noa, Event("case.assigned", case_id, omer_id), noa_seen);  // her team's case still

  // Closing a stream ends its presence.
  omer->Close();
  auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (Present(boss_, omer_id) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  EXPECT_FALSE(Present(boss_, omer_id));

  // Stopping the server closes the open stream with "going away"; the client, reading, answers
  // the close, and the stop does not wait out its 5 s grace.
  std::thread reader([&noa] { EXPECT_FALSE(noa->Next(kPatience)); });
  auto before = std::chrono::steady_clock::now();
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(4));
  reader.join();
  EXPECT_EQ(noa->close_code(), 1001);
}

}  // namespace
}  // namespace fr::testing
