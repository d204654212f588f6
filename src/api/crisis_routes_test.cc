// The crisis routes through the real gate, CrisisDesk and SQLite store: a supervisor starts,
// changes and ends a crisis; agents read its holding statement but cannot run it; bad specs
// and a second crisis are refused with their reasons; the ended one keeps its summary.
#include "api/crisis_routes.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"

namespace fr::api {
namespace {

namespace json = boost::json;

class CrisisRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tokens_["dana"] =
        world_.ApiToken(world_.AddUser("dana", domain::Role::kAgent, "a long password"), "t");
    const domain::User rina = world_.AddUser("rina", domain::Role::kSupervisor, "a long password");
    rina_id_ = rina.id;
    tokens_["rina"] = world_.ApiToken(rina, "t");
    AddCrisisRoutes(router_, world_.gate(), crisis_, world_.store());
  }

  ApiResponse Call(const std::string& who, const std::string& method, const std::string& path,
                   const std::string& body = "") {
    return CallAs(router_, tokens_[who], method, path, body);
  }

  static std::string ErrorCode(const ApiResponse& r) {
    return std::string(json::parse(r.body).at("error").at("code").as_string());
  }

  ManualClock clock_{1'800'000'000'000};
  ApiTestWorld world_{clock_};
  engine::CaseDesk cases_{world_.store(), clock_};
  engine::CrisisDesk crisis_{world_.store(), clock_, cases_, nullptr};
  Router router_;
  std::map<std::string, std::string> tokens_;
  domain::UserId rina_id_ = 0;
};

TEST_F(CrisisRoutesTest, ASupervisorRunsACrisisAndAgentsReadItsStatement) {
  ApiResponse none = Call("dana", "GET", "/api/v1/crisis");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(json::parse(none.body).at("crisis").is_null());

  const std::string spec =
      R"({"name":"חרם קנטינה","terms":["חרם","להחרים"],"holding_statement":"אנחנו בודקים ונעדכן עד הערב.","raise_to":"urgent"})";
  EXPECT_EQ(Call("dana", "POST", "/api/v1/crises", spec).status, 403);
  ApiResponse started = Call("rina", "POST", "/api/v1/crises", spec);
  ASSERT_EQ(started.status, 201) << started.body;
  const json::object c = json::parse(started.body).as_object();
  const std::string id(c.at("id").as_string());
  EXPECT_EQ(c.at("name").as_string(), "חרם קנטינה");
  EXPECT_EQ(c.at("terms").as_array().size(), 2u);
  EXPECT_EQ(c.at("raise_to").as_string(), "urgent");
  EXPECT_EQ(c.at("started_by").as_string(), std::to_string(rina_id_));
  EXPECT_TRUE(c.at("running").as_bool());
  EXPECT_TRUE(c.at("ended_at").is_null());

  ApiResponse seen = Call("dana", "GET", "/api/v1/crisis");
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(json::parse(seen.body).at("crisis").at("holding_statement").as_string(),
            "אנחנו בודקים ונעדכן עד הערב.");

  ApiResponse again = Call("rina", "POST", "/api/v1/crises", spec);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "crisis_running");

  ApiResponse patched = Call("rina", "PATCH", "/api/v1/crises/" + id,
                             R"({"holding_statement":"עדכון: הסניף סגור לבדיקה."})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::parse(patched.body).at("holding_statement").as_string(), "עדכון: הסניף סגור לבדיקה.");
  EXPECT_EQ(json::parse(patched.body).at("terms").as_array().size(), 2u);  // kept
  EXPECT_EQ(Call("dana", "PATCH", "/api/v1/crises/" + id, "{}").status, 403);

  clock_.Advance(90 * 60'000);
  EXPECT_EQ(Call("dana", "POST", "/api/v1/crises/" + id + "/end").status, 403);
  ApiResponse ended = Call("rina", "POST", "/api/v1/crises/" + id + "/end");
  ASSERT_EQ(ended.status, 200) << ended.body;
  const json::object e = json::parse(ended.body).as_object();
  EXPECT_FALSE(e.at("running").as_bool());
  EXPECT_EQ(e.at("ended_by").as_string(), std::to_string(rina_id_));
  EXPECT_EQ(e.at("summary").at("duration_s").as_int64(), 90 * 60);
  EXPECT_EQ(e.at("summary").at("cases").as_int64(), 0);
  EXPECT_TRUE(e.at("summary").at("median_first_reply_s").is_null());
  EXPECT_EQ(ErrorCode(Call("rina", "POST", "/api/v1/crises/" + id + "/end")), "crisis_ended");
  EXPECT_TRUE(json::parse(Call("dana", "GET", "/api/v1/crisis").body).at("crisis").is_null());

  ApiResponse list = Call("rina", "GET", "/api/v1/crises");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body).at("items").as_array().size(), 1u);
  ApiResponse one = Call("rina", "GET", "/api/v1/crises/" + id);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(json::parse(one.body).at("summary").at("duration_s").as_int64(), 90 * 60);
  EXPECT_EQ(Call("rina", "GET", "/api/v1/crises/999").status, 404);
  EXPECT_EQ(Call("dana", "GET", "/api/v1/crises").status, 403);
}

TEST_F(CrisisRoutesTest, BadSpecsAreRefusedWithTheirReason) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"terms":["חרם"]})", "name_required"},
      {R"({"name":"x","terms":["!!!"]})", "term_without_words"},
      {R"({"name":"x","raise_to":"low"})", "raise_to"},
      {R"({"name":"x","raise_to":"someday"})", "invalid_parameter"},
      {R"({"name":"x","colour":"red"})", "unknown_field"},
      {R"({"name":"x","terms":"חרם"})", "wrong_type"},
      {R"(not json)", "invalid_json"},
  };
  for (const auto& [body, code] : cases) {
    ApiResponse r = Call("rina", "POST", "/api/v1/crises", body);
    EXPECT_EQ(r.status, 400) << body << " " << r.body;
    EXPECT_EQ(ErrorCode(r), code) << body;
  }
  EXPECT_TRUE(json::parse(Call("rina", "GET", "/api/v1/crisis").body).at("crisis").is_null());
}

}  // namespace
}  // namespace fr::api
