// The topic routes through the real gate, TopicKeeper, TopicDesk and SQLite store: topics of
// complaints listed with counts, change, per-day trend and examples; a topic as GitHub and
// Jira issue bodies; sent to the product team's signed webhook, or refused when none is set.
#include "api/topic_routes.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"
#include "base/crypto.h"
#include "channels/notify/signed_webhook.h"
#include "engine/thread/threader.h"
#include "engine/topics/topic_keeper.h"
#include "tests/support/loopback_http_server.h"

namespace fr::api {
namespace {

namespace json = boost::json;

constexpr UnixMillis kNow = 1'800'057'600'000 + 12 * 3'600'000;  // 2027-01-16T12:00:00Z
constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;

class TopicRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tokens_ = world_.AgentAndSupervisorTokens();
    const char* late[] = {"המשלוח לא הגיע כבר שבוע", "משלוח שהזמנתי לא הגיע", "המשלוח שלי לא הגיע!!",
                          "עדיין לא הגיע המשלוח", "משלוח מאחר, לא הגיע עד היום"};
    for (int i = 0; i < 5; ++i) Complaint(late[i], kNow - (i % 2 ? 2 * kDay : kHour));
    Complaint("איפה המשלוח? לא הגיע", kNow - 9 * kDay);  // the week before
    // Other complaints: a topic stands out against the rest of the batch.
    for (const char* other : {"the app crashes on login", "login crashes the app again",
                              "app crashes every time I login", "cannot login, the app crashes"}) {
      Complaint(other, kNow - 3 * kHour);
    }
    ASSERT_TRUE(engine::TopicKeeper(world_.store(), clock_).Run().ok());
    auto topics = world_.store().topics().TopicsSeenSince(0);
    ASSERT_TRUE(topics.ok());
    ASSERT_EQ(topics->size(), 2u);
    topic_id_ = std::to_string((*topics)[0].members == 6 ? (*topics)[0].id : (*topics)[1].id);
  }

  void Complaint(const std::string& text, UnixMillis at) {
    domain::InboundEvent e;
    e.message.platform = domain::Platform::kX;
    e.message.account_id = "brand";
    e.message.external_id = "t" + std::to_string(++tweets_);
    e.message.author.id = "c" + std::to_string(tweets_);
    e.message.author.handle = "customer" + std::to_string(tweets_);
    e.message.text = text;
    e.message.created_at = at;
    e.message.kind = domain::MessageKind::kMention;
    engine::Threader threader(engine::ThreadingOptions{});
    Status s = ports::WriteOne(world_.store(), [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", at, "{}"));
      FR_RETURN_IF_ERROR(threader.Apply(txn, e, delivery, at).status());
      FR_ASSIGN_OR_RETURN(auto stored, txn.FindMessage(e.message.platform, e.message.external_id));
      ports::MessageInsight insight;
      insight.understanding.intent = domain::Intent::kComplaint;
      return txn.insights().PutInsight(stored->id, insight);
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  void Serve(ports::OutboundWebhook* product) {
    desk_ = std::make_unique<engine::TopicDesk>(
        world_.store(), product, engine::TopicDeskOptions{50, 400, 3, "https://care.example.com", false});
    AddTopicRoutes(router_, world_.gate(), *desk_, clock_, "CARE");
  }

  ApiResponse Call(const std::string& who, const std::string& method, const std::string& path) {
    return CallAs(router_, tokens_[who], method, path);
  }

  static std::string Week() {
    return "from=" + std::to_string(kNow - 7 * kDay) + "&to=" + std::to_string(kNow) + "&tz=Asia/Jerusalem";
  }

  ManualClock clock_{kNow};
  ApiTestWorld world_{clock_};
  std::unique_ptr<engine::TopicDesk> desk_;
  Router router_;
  std::map<std::string, std::string> tokens_;
  std::string topic_id_;
  int tweets_ = 0;
};

TEST_F(TopicRoutesTest, ListsTopicsWithChangeTrendAndExamples) {
  Serve(nullptr);
  ApiResponse r = Call("rina", "GET", "/api/v1/topics?" + Week());
  ASSERT_EQ(r.status, 200) << r.body;
  const json::array items = json::parse(r.body).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const json::object& t = items[0].as_object();  // the most complaints first
  EXPECT_EQ(t.at("id").as_string(), topic_id_);
  EXPECT_NE(std::string(t.at("name").as_string()).find("משלוח"), std::string::npos);
  EXPECT_EQ(t.at("count").as_int64(), 5);
  EXPECT_EQ(t.at("previous_count").as_int64(), 1);
  const json::array& trend = t.at("trend").as_array();
  ASSERT_EQ(trend.size(), 8u);  // the local days the week touches
  std::int64_t sum = 0;
  for (const json::value& d : trend) sum += d.at("count").as_int64();
  EXPECT_EQ(sum, 5);
  EXPECT_EQ(trend.back().at("day").as_string(), "2027-01-16");
  EXPECT_EQ(trend.back().at("count").as_int64(), 3);
  EXPECT_EQ(t.at("examples").as_array().size(), 3u);
  EXPECT_EQ(t.at("link").as_string(), "https://care.example.com/topics?topic=" + topic_id_);
  EXPECT_TRUE(t.at("sent_to_product_at").is_null());

  EXPECT_EQ(Call("dana", "GET", "/api/v1/topics?" + Week()).status, 403);
  EXPECT_EQ(Call("rina", "GET", "/api/v1/topics").status, 400);  // no period
}

TEST_F(TopicRoutesTest, IssueBodiesForGithubAndJira) {
  Serve(nullptr);
  ApiResponse gh = Call("rina", "GET", "/api/v1/topics/" + topic_id_ + "/issue?format=github&" + Week());
  ASSERT_EQ(gh.status, 200) << gh.body;
  const json::object g = json::parse(gh.body).as_object();
  EXPECT_NE(std::string(g.at("title").as_string()).find("Recurring complaint:"), std::string::npos);
  EXPECT_NE(std::string(g.at("body").as_string()).find("**5** complaints"), std::string::npos);
  EXPECT_EQ(g.at("labels").as_array().size(), 2u);
  ApiResponse jira = Call("rina", "GET", "/api/v1/topics/" + topic_id_ + "/issue?format=jira");
  ASSERT_EQ(jira.status, 200) << jira.body;
  const json::value issue = json::parse(jira.body);
  const json::object& f = issue.at("fields").as_object();
  EXPECT_EQ(f.at("project").at("key").as_string(), "CARE");
  EXPECT_EQ(f.at("issuetype").at("name").as_string(), "Task");
  EXPECT_EQ(Call("rina", "GET", "/api/v1/topics/" + topic_id_ + "/issue?format=trello").status, 400);
  EXPECT_EQ(Call("rina", "GET", "/api/v1/topics/999/issue").status, 404);
}

TEST_F(TopicRoutesTest, SendsToTheProductTeamsSignedWebhook) {
  fr::testing::LoopbackHttpServer product;
  product.Enqueue({200, {}, "ok", false});
  product.Enqueue({404, {}, "", false});
  channels::notify::SignedWebhook webhook({product.base_url() + "/feedback", "pr0duct"}, clock_);
  Serve(&webhook);
  ApiResponse sent = Call("rina", "POST", "/api/v1/topics/" + topic_id_ + "/send?" + Week());
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_TRUE(json::parse(sent.body).at("delivered").as_bool());
  const auto requests = product.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& req = requests[0];
  EXPECT_EQ(req.Header("X-Feedroom-Event"), "topic.sent");
  EXPECT_EQ(req.Header("X-Feedroom-Signature"),
            "v1=" + crypto::Hex(crypto::HmacSha256("pr0duct", req.Header("X-Feedroom-Timestamp") + "." + req.body)));
  const json::object body = json::parse(req.body).as_object();
  EXPECT_EQ(body.at("topic").at("count").as_int64(), 5);
  EXPECT_TRUE(body.contains("github_issue"));
  EXPECT_EQ(body.at("jira_issue").at("fields").at("project").at("key").as_string(), "CARE");
  auto stored = world_.store().topics().GetTopic(std::stoll(topic_id_));
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_EQ((*stored)->sent_to_product_at, kNow);

  ApiResponse refused = Call("rina", "POST", "/api/v1/topics/" + topic_id_ + "/send");
  EXPECT_EQ(refused.status, 502);
  EXPECT_EQ(ErrorCodeOf(refused), "webhook_refused");
  EXPECT_EQ(Call("dana", "POST", "/api/v1/topics/" + topic_id_ + "/send").status, 403);
}

TEST_F(TopicRoutesTest, WithoutAProductWebhookSendingIsRefused) {
  Serve(nullptr);
  ApiResponse r = Call("rina", "POST", "/api/v1/topics/" + topic_id_ + "/send");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(ErrorCodeOf(r), "product_webhook_not_configured");
}

}  // namespace
}  // namespace fr::api
