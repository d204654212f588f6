// Test control of the simulator: injected faults (429 storms, 5xx, Meta throttling, held
// answers), the record of what was accepted, and the control endpoints' own errors.
#include <gtest/gtest.h>

#include "channels/sim/fault_queue.h"
#include "channels/sim/sim_platform.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
namespace json = boost::json;
using domain::Platform;

constexpr char kPsid[] = "7100000000000001";

SimRequest Tweet(std::string_view text) {
  return Request("POST", "/2/tweets", json::serialize(json::object{{"text", text}}), kBrandToken);
}

SimRequest MessengerReply(std::string_view text) {
  json::object body{{"recipient", json::object{{"id", kPsid}}},
                    {"message", json::object{{"text", text}}}};
  return Request("POST", "/v21.0/" + std::string(kPageId) + "/messages", json::serialize(body),
                 kPageToken);
}

SimRequest PostFault(std::string_view json_body) {
  return Request("POST", "/sim/faults", std::string(json_body));
}

class SimControlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MustPost(
        sim_,
        Action(CustomerActionKind::kDm, MetaCustomer(Platform::kMessenger, kPsid, "מירי"), "היי"),
        kT0);
  }
  SimPlatform sim_{TestSimConfig()};
};

TEST(FaultSpecTest, ParsesEveryFieldAndDefaults) {
  auto spec =
      ParseFaultSpec(R"({"platform":"meta","status":400,"count":3,"code":80001,"delay_ms":5,)"
                     R"("retry_after_s":120})");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->api, SimApi::kMeta);
  EXPECT_EQ(spec->status, 400);
  EXPECT_EQ(spec->count, 3);
  EXPECT_EQ(spec->meta_code, 80001);
  EXPECT_EQ(spec->delay_ms, 5);
  EXPECT_EQ(spec->retry_after_s, 120);

  auto minimal = ParseFaultSpec(R"({"platform":"x","status":503})");
  ASSERT_TRUE(minimal.ok());
  EXPECT_EQ(minimal->count, 1);
  EXPECT_EQ(minimal->retry_after_s, 900);
  // A Graph code alone means Graph's HTTP 400.
  EXPECT_EQ(ParseFaultSpec(R"({"platform":"meta","code":613})")->status, 400);
}

TEST(FaultSpecTest, RefusesWhatItCannotApply) {
  EXPECT_EQ(ParseFaultSpec("not json").status().reason(), "malformed_json");
  for (std::string_view bad :
       {R"({"status":429})", R"({"platform":"tiktok","status":429})",
        R"({"platform":"x","status":200})", R"({"platform":"x","status":429,"count":0})",
        R"({"platform":"x","status":"429"})", R"({"platform":"x","delay_ms":-1})",
        R"({"platform":"x"})", R"({"platform":"x","status":429,"colour":"red"})"}) {
    auto spec = ParseFaultSpec(bad);
    EXPECT_EQ(spec.status().reason(), "bad_fault") << bad;
  }
}

TEST_F(SimControlTest, AnXStormAnswers429WithTheGivenResetThenRecovers) {
  SimResponse queued =
      sim_.Handle(PostFault(R"({"platform":"x","status":429,"count":2,"retry_after_s":60})"), kT0);
  ASSERT_EQ(queued.status, 200) << queued.body;
  for (int i = 0; i < 2; ++i) {
    SimResponse r = sim_.Handle(Tweet("עדכון"), kT0 + i);
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(Json(r.body).at("title"), "Too Many Requests");
    EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-limit"), "100");
    EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-remaining"), "0");
    EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-reset"),
              std::to_string((kT0 + i + 60'000 + 999) / 1000));
    EXPECT_TRUE(r.webhooks.empty());
  }
  EXPECT_TRUE(sim_.Sent().empty());
  SimResponse after = sim_.Handle(Tweet("עדכון"), kT0 + 2);
  EXPECT_EQ(after.status, 201);
  // The storm did not use the account's own quota.
  EXPECT_EQ(FindHeader(after.headers, "x-rate-limit-remaining"), "99");
}

TEST_F(SimControlTest, FaultsOfOneApiDoNotTouchTheOther) {
  sim_.InjectFaults(FaultSpec{SimApi::kX, 503, 1, 0, 0, 900});
  EXPECT_EQ(sim_.Handle(MessengerReply("בודקים"), kT0).status, 200);
  SimResponse x = sim_.Handle(Tweet("x"), kT0);
  EXPECT_EQ(x.status, 503);
  EXPECT_EQ(Json(x.body),
            Json(R"({"title":"Service Unavailable","type":"about:blank","status":503,)"
                 R"("detail":"Service Unavailable"})"));
}

TEST_F(SimControlTest, MetaThrottlingIsHttp400WithTheCodeAndBusinessUseCaseUsage) {
  sim_.InjectFaults(FaultSpec{SimApi::kMeta, 400, 1, 80001, 0, 300});
  SimResponse r = sim_.Handle(MessengerReply("בודקים"), kT0);
  EXPECT_EQ(r.status, 400);
  const json::value body = Json(r.body);
  EXPECT_EQ(body.at("error").at("code"), 80001);
  EXPECT_EQ(body.at("error").at("type"), "OAuthException");
  EXPECT_NE(std::string(body.at("error").at("message").as_string())
                .find("too many calls to this Page account"),
            std::string::npos);
  const json::value usage = Json(FindHeader(r.headers, "X-Business-Use-Case-Usage"));
  const json::object& entry = usage.at(kPageId).at(0).as_object();
  EXPECT_EQ(entry.at("type"), "pages");
  EXPECT_EQ(entry.at("call_count"), 100);
  EXPECT_EQ(entry.at("estimated_time_to_regain_access"), 5);  // minutes
  EXPECT_TRUE(sim_.Sent().empty());

  // The default code of a 4xx Meta fault is 613; code 4 reports app usage instead.
  sim_.InjectFaults(FaultSpec{SimApi::kMeta, 400, 1, 0, 0, 60});
  sim_.InjectFaults(FaultSpec{SimApi::kMeta, 400, 1, 4, 0, 60});
  SimResponse custom = sim_.Handle(MessengerReply("x"), kT0);
  EXPECT_EQ(Json(custom.body).at("error").at("message"),
            "(#613) Calls to this api have exceeded the rate limit.");
  EXPECT_EQ(Json(FindHeader(custom.headers, "X-Business-Use-Case-Usage"))
                .at(kPageId)
                .at(0)
                .at("estimated_time_to_regain_access"),
            1);
  SimResponse app = sim_.Handle(MessengerReply("x"), kT0);
  EXPECT_EQ(Json(app.body).at("error").at("code"), 4);
  EXPECT_EQ(Json(FindHeader(app.headers, "X-App-Usage")).at("call_count"), 100);
  EXPECT_TRUE(FindHeader(app.headers, "X-Business-Use-Case-Usage").empty());
}

TEST_F(SimControlTest, AMeta5xxIsATransientCode2) {
  ASSERT_EQ(sim_.Handle(PostFault(R"({"platform":"meta","status":500})"), kT0).status, 200);
  SimResponse r = sim_.Handle(MessengerReply("x"), kT0);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Json(r.body).at("error").at("code"), 2);
  EXPECT_EQ(Json(r.body).at("error").at("is_transient"), true);
}

TEST_F(SimControlTest, AHeldAnswerStillTakesEffect) {
  // What a client with a short timeout sees as ambiguous: the reply was accepted and echoed.
  ASSERT_EQ(sim_.Handle(PostFault(R"({"platform":"meta","delay_ms":30000})"), kT0).status, 200);
  SimResponse r = sim_.Handle(MessengerReply("בודקים"), kT0);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.delay_ms, 30000);
  EXPECT_EQ(r.webhooks.size(), 1u);
  EXPECT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Handle(MessengerReply("שוב"), kT0).delay_ms, 0);
}

TEST_F(SimControlTest, ClearingFaultsDropsThePendingOnes) {
  ASSERT_EQ(sim_.Handle(PostFault(R"({"platform":"x","status":500,"count":10})"), kT0).status, 200);
  EXPECT_EQ(sim_.Handle(Request("DELETE", "/sim/faults"), kT0).status, 200);
  EXPECT_EQ(sim_.Handle(Tweet("x"), kT0).status, 201);
  sim_.InjectFaults(FaultSpec{SimApi::kX, 500, 10, 0, 0, 900});
  sim_.ClearFaults();
  EXPECT_EQ(sim_.Handle(Tweet("y"), kT0).status, 201);
}

TEST_F(SimControlTest, SentListsEveryAcceptedRequestInOrder) {
  const std::string mention =
      MustPost(sim_, Action(CustomerActionKind::kMention, XCustomer(), "@kantina_il איפה ההזמנה?"),
               kT0)
          .id;
  ASSERT_EQ(sim_.Handle(Request("POST", "/2/tweets",
                                json::serialize(json::object{
                                    {"text", "שלחנו הודעה פרטית"},
                                    {"reply", json::object{{"in_reply_to_tweet_id", mention}}}}),
                                kBrandToken),
                        kT0 + kMinute)
                .status,
            201);
  ASSERT_EQ(sim_.Handle(MessengerReply("נא לשלוח מספר הזמנה"), kT0 + 2 * kMinute).status, 200);

  SimResponse r = sim_.Handle(Request("GET", "/sim/sent"), kT0);
  ASSERT_EQ(r.status, 200);
  const json::value body = Json(r.body);
  const json::array& sent = body.at("sent").as_array();
  ASSERT_EQ(sent.size(), 2u);  // exactly one public reply and one DM
  EXPECT_EQ(sent[0].at("platform"), "x");
  EXPECT_EQ(sent[0].at("route"), "public_reply");
  EXPECT_EQ(sent[0].at("target").as_string(), mention);
  EXPECT_EQ(sent[0].at("text"), "שלחנו הודעה פרטית");
  EXPECT_EQ(sent[0].at("time"), kT0 + kMinute);
  EXPECT_EQ(sent[1].at("platform"), "messenger");
  EXPECT_EQ(sent[1].at("route"), "direct_message");
  EXPECT_EQ(sent[1].at("account_id"), kPageId);
  EXPECT_EQ(sent[1].at("target"), kPsid);
  EXPECT_EQ(sent[1].at("id").as_string(), sim_.Sent()[1].id);
  EXPECT_EQ(sent[1].at("tag"), "");
}

TEST_F(SimControlTest, ControlEndpointsAnswerTheirOwnErrors) {
  SimResponse bad = sim_.Handle(PostFault("{"), kT0);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Json(bad.body).at("error").at("code"), "malformed_json");
  EXPECT_EQ(Json(sim_.Handle(PostFault(R"({"platform":"x"})"), kT0).body).at("error").at("code"),
            "bad_fault");
  EXPECT_EQ(sim_.Handle(Request("GET", "/sim/faults"), kT0).status, 405);
  EXPECT_EQ(sim_.Handle(Request("POST", "/sim/sent"), kT0).status, 405);
  EXPECT_EQ(sim_.Handle(Request("GET", "/sim/nothing"), kT0).status, 404);
}

}  // namespace
}  // namespace fr::channels::sim
