#include "api/json_body.h"

#include <gtest/gtest.h>

namespace fr::api {
namespace {

TEST(JsonBodyTest, ReadsTypedFieldsAndNamesTheBadOne) {
  auto body = JsonBody::Parse(R"({"name":"צוות","n":5,"on":true,"tags":["he","en"],"gone":null})");
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(*body->String("name"), "צוות");
  EXPECT_EQ(**body->OptionalInt("n"), 5);
  EXPECT_EQ(**body->OptionalBool("on"), true);
  EXPECT_EQ(body->OptionalStringList("tags")->value().size(), 2u);
  EXPECT_FALSE(body->OptionalString("gone")->has_value());
  EXPECT_FALSE(body->OptionalString("absent")->has_value());

  Status wrong = body->OptionalInt("name").status();
  EXPECT_EQ(wrong.reason(), "wrong_type");
  EXPECT_NE(wrong.message().find("\"name\""), std::string::npos);
  EXPECT_EQ(body->String("absent").status().reason(), "missing_field");
  EXPECT_EQ(body->AllowOnly({"name"}).reason(), "unknown_field");
}

TEST(JsonBodyTest, RefusesWhatIsNotOneObject) {
  EXPECT_EQ(JsonBody::Parse("").status().reason(), "invalid_json");
  EXPECT_EQ(JsonBody::Parse("{\"a\":").status().reason(), "invalid_json");
  EXPECT_EQ(JsonBody::Parse("[1]").status().reason(), "not_an_object");
  EXPECT_EQ(JsonBody::Parse("\"\xff\"").status().reason(), "invalid_json");  // bad UTF-8
  std::string deep(100, '[');
  EXPECT_EQ(JsonBody::Parse("{\"a\":" + deep).status().reason(), "invalid_json");
}

}  // namespace
}  // namespace fr::api
