// The draft routes through the real gate, keeper and SQLite store: put, get, replace,
// delete, the 404s, privacy between users, validation errors, and a sent reply spending the
// draft.
#include "api/draft_routes.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"

namespace fr::api {
namespace {

namespace json = boost::json;

class DraftRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"dana", "yossi"}) {
      tokens_[name] =
          world_.ApiToken(world_.AddUser(name, domain::Role::kAgent, "a long password"), "test");
    }
    drafts_ = std::make_unique<engine::DraftKeeper>(world_.store(), clock_);
    AddDraftRoutes(router_, world_.gate(), *drafts_);
    Status s = ports::WriteOne(world_.store(), [&](ports::StoreTxn& txn) -> Status {
      domain::Case c;
      c.platform = domain::Platform::kX;
      c.account_id = "1500000000000000001";
      c.opened_at = c.last_activity_at = c.last_customer_message_at = clock_.NowMillis();
      FR_ASSIGN_OR_RETURN(case_id_, txn.InsertCase(c));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    path_ = "/api/v1/cases/" + std::to_string(case_id_) + "/draft";
  }

  ApiResponse Call(const std::string& who, const std::string& method, const std::string& path,
                   const std::string& body = "") {
    return CallAs(router_, tokens_[who], method, path, body);
  }

  static std::string Code(const ApiResponse& r) { return ErrorCodeOf(r); }

  ManualClock clock_{1'800'000'000'000};
  ApiTestWorld world_{clock_};
  std::unique_ptr<engine::DraftKeeper> drafts_;
  Router router_;
  std::map<std::string, std::string> tokens_;
  domain::CaseId case_id_ = 0;
  std::string path_;
};

TEST_F(DraftRoutesTest, PutGetReplaceDelete) {
  ApiResponse none = Call("dana", "GET", path_);
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(Code(none), "no_draft");

  ApiResponse put =
      Call("dana", "PUT", path_, R"({"route":"public_reply","text":"שלום דנה, בודקים"})");
  ASSERT_EQ(put.status, 200) << put.body;
  json::value stored = json::parse(put.body);
  EXPECT_EQ(stored.at("case_id").as_string(), std::to_string(case_id_));
  EXPECT_EQ(stored.at("route").as_string(), "public_reply");
  EXPECT_EQ(stored.at("text").as_string(), "שלום דנה, בודקים");
  EXPECT_EQ(stored.at("public_text").as_string(), "");
  EXPECT_EQ(stored.at("private_text").as_string(), "");
  EXPECT_EQ(stored.at("updated_at").as_int64(), 1'800'000'000'000);
  ApiResponse got = Call("dana", "GET", path_);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, put.body);

  clock_.Advance(60'000);
  ApiResponse replaced = Call("dana", "PUT", path_,
                              R"({"route":"move_to_private","public_text":"שלחנו לך הודעה",)"
                              R"("private_text":"caf\u0065\u0301"})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  json::value now = json::parse(Call("dana", "GET", path_).body);
  EXPECT_EQ(now.at("route").as_string(), "move_to_private");
  EXPECT_EQ(now.at("text").as_string(), "");
  EXPECT_EQ(now.at("private_text").as_string(), "caf\u00e9");  // NFC
  EXPECT_EQ(now.at("updated_at").as_int64(), 1'800'000'060'000);

  EXPECT_EQ(Call("dana", "DELETE", path_).status, 204);
  EXPECT_EQ(Call("dana", "DELETE", path_).status, 204);  // idempotent
  EXPECT_EQ(Code(Call("dana", "GET", path_)), "no_draft");
}

TEST_F(DraftRoutesTest, AnotherUserNeverSeesIt) {
  ASSERT_EQ(Call("dana", "PUT", path_, R"({"route":"direct_message","text":"dana's"})").status,
            200);
  EXPECT_EQ(Code(Call("yossi", "GET", path_)), "no_draft");
  ASSERT_EQ(Call("yossi", "PUT", path_, R"({"route":"direct_message","text":"yossi's"})").status,
            200);
  EXPECT_EQ(Call("yossi", "DELETE", path_).status, 204);
  EXPECT_EQ(json::parse(Call("dana", "GET", path_).body).at("text").as_string(), "dana's");
}

TEST_F(DraftRoutesTest, UnknownCasesAre404) {
  const std::string missing = "/api/v1/cases/999999/draft";
  for (const char* method : {"GET", "PUT", "DELETE"}) {
    ApiResponse r = Call("dana", method, missing, R"({"route":"public_reply","text":"x"})");
    EXPECT_EQ(r.status, 404) << method;
    EXPECT_EQ(Code(r), "not_found") << method;
  }
  EXPECT_EQ(Code(Call("dana", "GET", "/api/v1/cases/abc/draft")), "invalid_parameter");
}

TEST_F(DraftRoutesTest, BadBodiesAre400WithAClearCode) {
  const std::string long_text(domain::kMaxDraftChars + 1, 'a');
  ApiResponse too_long =
      Call("dana", "PUT", path_, R"({"route":"public_reply","private_text":")" + long_text + "\"}");
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(Code(too_long), "draft_too_long");
  EXPECT_NE(too_long.body.find("private_text"), std::string::npos) << too_long.body;
  // Exactly the limit, in two-byte Hebrew letters, is fine.
  std::string hebrew;
  for (std::size_t i = 0; i < domain::kMaxDraftChars; ++i) hebrew += "א";
  EXPECT_EQ(
      Call("dana", "PUT", path_, R"({"route":"public_reply","text":")" + hebrew + "\"}").status,
      200);

  EXPECT_EQ(Code(Call("dana", "PUT", path_, R"({"route":"fax","text":"x"})")), "invalid_route");
  EXPECT_EQ(Code(Call("dana", "PUT", path_, R"({"text":"x"})")), "missing_field");
  EXPECT_EQ(Code(Call("dana", "PUT", path_, R"({"route":"public_reply","text":5})")), "wrong_type");
  EXPECT_EQ(Code(Call("dana", "PUT", path_, R"({"route":"public_reply","txt":"x"})")),
            "unknown_field");
  EXPECT_EQ(Code(Call("dana", "PUT", path_, "not json")), "invalid_json");
  // The refused puts changed nothing.
  EXPECT_EQ(json::parse(Call("dana", "GET", path_).body).at("text").as_string(), hebrew);
}

}  // namespace
}  // namespace fr::api
