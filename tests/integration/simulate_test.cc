// End-to-end: the real `feedroom simulate` feeding the real `feedroom serve`. A scenario's
// Hebrew posts and messages arrive in Feedroom as cases through signed webhooks; the
// simulator's control endpoints answer; a reply posted to the fake X API with the configured
// token is accepted, and its echo reaches Feedroom as the brand's outbound message.
#include <signal.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "tests/integration/server_process.h"
#include "tests/support/temp_dir.h"

namespace fr::testing {
namespace {

namespace json = boost::json;

constexpr char kXToken[] = "sim-test-x-token";
constexpr char kPageToken[] = "sim-test-page-token";

constexpr char kConfig[] = R"(
[auth]
password_memory_kib = 8
password_passes = 1

[x]
consumer_secret = "sim-test-x-secret"
[[x.accounts]]
user_id = "1500000000000000001"
handle = "kantina_il"
access_token = "sim-test-x-token"

[meta]
app_secret = "sim-test-meta-secret"
verify_token = "vt"
[[meta.pages]]
page_id = "104000000000001"
name = "קנטינה"
instagram_user_id = "17841400000000001"
access_token = "sim-test-page-token"
)";

// Three customers, three cases: an X mention and its follow-up, a Messenger message, an
// Instagram comment on the brand's reel.
constexpr char kScenario[] = R"(
[[brand_posts]]
key = "reel"
platform = "instagram"
text = "שקשוקה ירוקה"

[[customers]]
key = "dana"
platform = "x"
id = "1600000000000000101"
handle = "dana_levi"
name = "דנה לוי"

[[customers]]
key = "galit"
platform = "messenger"
id = "7100000000000002"
name = "גלית"

[[customers]]
key = "noa"
platform = "instagram"
id = "7200000000000001"
handle = "noa.bakes"

[[steps]]
id = "late"
at = 0
customer = "dana"
kind = "mention"
text = "@kantina_il ההזמנה לא הגיעה"

[[steps]]
at = 30
customer = "galit"
kind = "dm"
text = "לא קיבלתי זיכוי על ההזמנה שבוטלה"

[[steps]]
at = 60
customer = "noa"
kind = "comment"
on = "reel"
text = "יש אגוזים בשקשוקה?"

[[steps]]
at = 90
customer = "dana"
kind = "reply"
in_reply_to = "late"
text = "@kantina_il עדיין מחכה"
)";

std::vector<std::pair<std::string, std::string>> Bearer(const std::string& token) {
  return {{"authorization", "Bearer " + token}, {"content-type", "application/json"}};
}

class SimulateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.File("feedroom.toml");
    WriteFile(config_, kConfig);
    scenario_ = dir_.File("scenario.toml");
    WriteFile(scenario_, kScenario);
    data_ = dir_.File("data");
    token_ = CreateUserAndToken(config_, data_, "reader", "agent");
  }

  // The cases Feedroom lists.
  json::array Cases(std::uint16_t port) {
    HttpResult r = HttpCall(port, "GET", "/api/v1/cases", Bearer(token_));
    if (r.status != 200) return {};
    return json::parse(r.body).at("items").as_array();
  }

  // Every message of every case, by its text.
  std::map<std::string, json::object> MessagesByText(std::uint16_t port) {
    std::map<std::string, json::object> out;
    for (const json::value& c : Cases(port)) {
      HttpResult r = HttpCall(port, "GET",
                              "/api/v1/cases/" + std::string(c.at("id").as_string()),
                              Bearer(token_));
      EXPECT_EQ(r.status, 200) << r.body;
      const json::value detail = json::parse(r.body);
      for (const json::value& m : detail.at("messages").as_array()) {
        out[std::string(m.at("text").as_string())] = m.as_object();
      }
    }
    return out;
  }

  TempDir dir_;
  std::string config_;
  std::string scenario_;
  std::string data_;
  std::string token_;
};

TEST_F(SimulateTest, ScenarioBecomesCasesAndAReplyEchoesBackAsOutbound) {
  ServerProcess server(config_, data_);
  FeedroomProcess sim({"simulate", "--config", config_, "--listen", "127.0.0.1:0", "--scenario",
                       scenario_, "--target",
                       "http://127.0.0.1:" + std::to_string(server.port()), "--speed", "100"});

  // 90 s of scenario in about a second: three customers, three cases, four messages.
  ASSERT_TRUE(Eventually([&] { return MessagesByText(server.port()).size() == 4; }))
      << "cases: " << json::serialize(Cases(server.port()));
  std::map<std::string, json::object> messages = MessagesByText(server.port());
  EXPECT_EQ(Cases(server.port()).size(), 3u);
  ASSERT_TRUE(messages.count("@kantina_il ההזמנה לא הגיעה"));
  const json::object& mention = messages.at("@kantina_il ההזמנה לא הגיעה");
  EXPECT_EQ(mention.at("platform").as_string(), "x");
  EXPECT_EQ(mention.at("kind").as_string(), "mention");
  EXPECT_FALSE(mention.at("is_outbound").as_bool());
  ASSERT_TRUE(messages.count("@kantina_il עדיין מחכה"));
  EXPECT_EQ(messages.at("@kantina_il עדיין מחכה").at("case_id"), mention.at("case_id"));
  ASSERT_TRUE(messages.count("לא קיבלתי זיכוי על ההזמנה שבוטלה"));
  EXPECT_EQ(messages.at("לא קיבלתי זיכוי על ההזמנה שבוטלה").at("platform").as_string(),
            "messenger");
  ASSERT_TRUE(messages.count("יש אגוזים בשקשוקה?"));
  EXPECT_EQ(messages.at("יש אגוזים בשקשוקה?").at("platform").as_string(), "instagram");

  // The control endpoints: nothing sent yet; a queued fault hits the next Graph API call.
  HttpResult sent = HttpCall(sim.port(), "GET", "/sim/sent");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_TRUE(json::parse(sent.body).at("sent").as_array().empty());
  HttpResult fault = HttpCall(sim.port(), "POST", "/sim/faults", {},
                              R"({"platform":"meta","status":503})");
  ASSERT_EQ(fault.status, 200) << fault.body;
  EXPECT_TRUE(json::parse(fault.body).at("queued").as_bool());
  const std::string dm = R"({"recipient":{"id":"7100000000000002"},"messaging_type":"RESPONSE",)"
                         R"("message":{"text":"בודקים"}})";
  EXPECT_EQ(HttpCall(sim.port(), "POST", "/v21.0/104000000000001/messages", Bearer(kPageToken),
                     dm)
                .status,
            503);
  EXPECT_EQ(HttpCall(sim.port(), "DELETE", "/sim/faults").status, 200);

  // The brand answers Dana on the fake X with the configured token: 201, and the echo
  // webhook files the answer in Feedroom as outbound.
  const std::string reply = R"({"text":"מצטערים! בודקים עם השליח","reply":)"
                            R"({"in_reply_to_tweet_id":")" +
                            std::string(mention.at("external_id").as_string()) + R"("}})";
  HttpResult accepted = HttpCall(sim.port(), "POST", "/2/tweets", Bearer(kXToken), reply);
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const std::string reply_id(json::parse(accepted.body).at("data").at("id").as_string());
  HttpResult echoed;
  EXPECT_TRUE(Eventually([&] {
    echoed = HttpCall(server.port(), "GET", "/api/v1/messages/x/" + reply_id, Bearer(token_));
    return echoed.status == 200;
  })) << echoed.status << " " << echoed.body;
  if (echoed.status == 200) {
    json::value outbound = json::parse(echoed.body);
    EXPECT_TRUE(outbound.at("is_outbound").as_bool());
    // X puts the mention of the customer answered in front, as it does for API replies.
    EXPECT_EQ(outbound.at("text").as_string(), "@dana_levi מצטערים! בודקים עם השליח");
    EXPECT_EQ(outbound.at("case_id"), mention.at("case_id"));
  }
  json::array records = json::parse(HttpCall(sim.port(), "GET", "/sim/sent").body)
                            .at("sent")
                            .as_array();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("id").as_string(), reply_id);
  EXPECT_EQ(records[0].at("route").as_string(), "public_reply");

  // A wrong token is refused the way X refuses it, and nothing is recorded.
  EXPECT_EQ(HttpCall(sim.port(), "POST", "/2/tweets", Bearer("wrong-token"), reply).status, 401);
  EXPECT_EQ(sim.StopWith(SIGTERM), 0);
}

// POST /sim/steps plays one step at once: a Hebrew DM from a customer given inline reaches
// Feedroom as a case, through the same signed webhooks (no scenario file needed).
TEST_F(SimulateTest, AnOnDemandHebrewDmBecomesACase) {
  ServerProcess server(config_, data_);
  FeedroomProcess sim({"simulate", "--config", config_, "--listen", "127.0.0.1:0", "--target",
                       "http://127.0.0.1:" + std::to_string(server.port())});
  const std::string step =
      R"({"customer":{"key":"shira","platform":"x","id":"1600000000000000777",)"
      R"("handle":"shira_k","name":"שירה כהן"},"kind":"dm","text":"היי, ההזמנה שלי התעכבה"})";
  HttpResult queued = HttpCall(sim.port(), "POST", "/sim/steps",
                               {{"content-type", "application/json"}}, step);
  ASSERT_EQ(queued.status, 202) << queued.body;
  const json::value answer = json::parse(queued.body);
  EXPECT_TRUE(answer.at("queued").as_bool());
  const std::string external_id(answer.at("external_id").as_string());
  ASSERT_FALSE(external_id.empty());

  HttpResult message;
  ASSERT_TRUE(Eventually([&] {
    message = HttpCall(server.port(), "GET", "/api/v1/messages/x/" + external_id, Bearer(token_));
    return message.status == 200;
  })) << message.status << " " << message.body;
  const json::value m = json::parse(message.body);
  EXPECT_EQ(m.at("text").as_string(), "היי, ההזמנה שלי התעכבה");
  EXPECT_EQ(m.at("platform").as_string(), "x");
  EXPECT_FALSE(m.at("is_outbound").as_bool());
  ASSERT_TRUE(m.at("case_id").is_string()) << message.body;
  EXPECT_EQ(Cases(server.port()).size(), 1u);

  // The customer is remembered by key; a bad step is refused naming the field.
  EXPECT_EQ(HttpCall(sim.port(), "POST", "/sim/steps", {},
                     R"({"customer":"shira","kind":"dm","text":"עדיין מחכה"})")
                .status,
            202);
  HttpResult refused = HttpCall(sim.port(), "POST", "/sim/steps", {},
                                R"({"customer":"shira","kind":"comment","text":"x"})");
  EXPECT_EQ(refused.status, 400);
  const json::value error = json::parse(refused.body).at("error");
  EXPECT_EQ(error.at("code").as_string(), "bad_step");
  EXPECT_EQ(error.at("message").as_string(), "kind: comment does not exist on x");
  EXPECT_TRUE(Eventually([&] { return MessagesByText(server.port()).count("עדיין מחכה") == 1; }));
  EXPECT_EQ(Cases(server.port()).size(), 1u);  // the same conversation
  EXPECT_EQ(sim.StopWith(SIGTERM), 0);
}

TEST_F(SimulateTest, ABadScenarioStopsTheSimulatorWithItsPosition) {
  WriteFile(scenario_, "[[steps]]\nat = 0\ncustomer = \"nobody\"\nkind = \"mention\"\n"
                       "text = \"x\"\n");
  CommandResult r = RunFeedroom({"simulate", "--config", config_, "--scenario", scenario_,
                                 "--target", "http://127.0.0.1:1", "--listen", "127.0.0.1:0"},
                                "");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("scenario.toml"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("steps[0].customer"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace fr::testing
