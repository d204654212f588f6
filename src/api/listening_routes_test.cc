// The listening and label routes through the real gate, desks and SQLite store (with the fake
// rule compiler and models of tests/support/fake_nlp.h): rules put, listed, refused with the
// compiler's reason and deleted; a label corrected and shown in the case detail.
#include "api/listening_routes.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"
#include "api/read_routes.h"
#include "engine/thread/threader.h"
#include "tests/support/fake_nlp.h"

namespace fr::api {
namespace {

namespace json = boost::json;

class ListeningRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tokens_ = world_.AgentAndSupervisorTokens();
    AddListeningRoutes(router_, world_.gate(), listening_, labels_, nullptr);
    AddReadRoutes(router_, world_.gate(), world_.store(), CaseSla{});
  }

  ApiResponse Call(const std::string& who, const std::string& method, const std::string& path,
                   const std::string& body = "") {
    return CallAs(router_, tokens_[who], method, path, body);
  }

  static std::string Code(const ApiResponse& r) { return ErrorCodeOf(r); }

  // Files a customer tweet with understanding on; returns (message id, case id).
  std::pair<std::int64_t, std::int64_t> File(const std::string& text) {
    domain::InboundEvent e;
    e.message.platform = domain::Platform::kX;
    e.message.account_id = "brand";
    e.message.external_id = "t" + std::to_string(++filed_);
    e.message.author.id = "cust";
    e.message.text = text;
    e.message.created_at = clock_.NowMillis();
    e.message.kind = domain::MessageKind::kMention;
    engine::ThreadingOptions options;
    options.insights = &maker_;
    engine::Threader threader(options);
    Status s = ports::WriteOne(world_.store(), [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", 0, "{}"));
      return threader.Apply(txn, e, delivery, 0).status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    auto m = world_.store().GetMessage(domain::Platform::kX, e.message.external_id);
    return {(*m)->id, (*m)->case_id.value_or(0)};
  }

  ManualClock clock_{1'800'000'000'000};
  ApiTestWorld world_{clock_};
  fr::testing::FakeCompiler compiler_;
  fr::testing::FakeUnderstander understander_;
  engine::RuleBook rules_{compiler_};
  engine::InsightMaker maker_{understander_, rules_, domain::TriagePolicy{}};
  engine::ListeningDesk listening_{world_.store(), rules_, clock_};
  engine::LabelDesk labels_{world_.store(), clock_};
  Router router_;
  std::map<std::string, std::string> tokens_;
  int filed_ = 0;
};

TEST_F(ListeningRoutesTest, SupervisorsPutListAndDeleteRules) {
  ApiResponse put = Call("rina", "PUT", "/api/v1/listening/rules/cantina",
                         R"({"query":"קנטינה","action":"tag"})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body),
            json::parse(R"({"id":"cantina","query":"קנטינה","action":"tag","team":"","enabled":true})"));

  ApiResponse list = Call("dana", "GET", "/api/v1/listening/rules");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body).at("rules").as_array().size(), 1u);
  EXPECT_EQ(Call("dana", "PUT", "/api/v1/listening/rules/x", R"({"query":"a"})").status, 403);

  // Rules are in force for the next message, which records its matches.
  auto [message, kase] = File("ביקרתי בקנטינה");
  (void)message;
  ApiResponse detail = Call("dana", "GET", "/api/v1/cases/" + std::to_string(kase));
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(json::parse(detail.body).at("messages").at(0).at("rules"), json::parse(R"(["cantina"])"));

  EXPECT_EQ(Call("rina", "DELETE", "/api/v1/listening/rules/cantina").status, 204);
  ApiResponse gone = Call("rina", "DELETE", "/api/v1/listening/rules/cantina");
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(Code(gone), "not_found");
}

TEST_F(ListeningRoutesTest, ABadRuleIsRefusedWithItsReasonAndColumn) {
  ApiResponse bad = Call("rina", "PUT", "/api/v1/listening/rules/refunds", R"({"query":"((refund"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Code(bad), "invalid_rule");
  EXPECT_NE(bad.body.find("rule refunds: column 3"), std::string::npos) << bad.body;
  EXPECT_EQ(Code(Call("rina", "PUT", "/api/v1/listening/rules/r", R"({"query":"a","action":"shout"})")),
            "invalid_action");
  EXPECT_EQ(Code(Call("rina", "PUT", "/api/v1/listening/rules/r", R"({"query":"a","colour":1})")),
            "unknown_field");
  EXPECT_EQ(Code(Call("rina", "PUT", "/api/v1/listening/rules/a%20b", R"({"query":"a"})")),
            "invalid_rule_id");
  EXPECT_EQ(json::parse(Call("dana", "GET", "/api/v1/listening/rules").body).at("rules").as_array().size(),
            0u);
}

TEST_F(ListeningRoutesTest, AgentsCorrectLabelsAndTheCaseShowsThem) {
  auto [message, kase] = File("angry about the delivery");
  const std::string path = "/api/v1/messages/" + std::to_string(message) + "/labels";
  ApiResponse fixed = Call("dana", "POST", path, R"({"task":"sentiment","label":"neutral"})");
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  json::value v = json::parse(fixed.body);
  EXPECT_EQ(v.at("message_id").as_string(), std::to_string(message));
  EXPECT_EQ(v.at("sentiment").as_string(), "neutral");
  EXPECT_EQ(v.at("intent").as_string(), "complaint");
  EXPECT_EQ(v.at("corrected"), json::parse(R"(["sentiment"])"));

  json::value shown = json::parse(Call("dana", "GET", "/api/v1/cases/" + std::to_string(kase)).body);
  EXPECT_EQ(shown.at("messages").at(0).at("sentiment").as_string(), "neutral");
  EXPECT_EQ(shown.at("language").as_string(), "en");

  EXPECT_EQ(Code(Call("dana", "POST", path, R"({"task":"sentiment","label":"furious"})")),
            "invalid_label");
  EXPECT_EQ(Call("dana", "POST", "/api/v1/messages/424242/labels",
                 R"({"task":"intent","label":"praise"})")
                .status,
            404);
}

}  // namespace
}  // namespace fr::api
