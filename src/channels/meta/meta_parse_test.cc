#include "channels/meta/meta_parse.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "channels/meta/meta_test_config.h"
#include "tests/support/event_json.h"

namespace fr::channels::meta {
namespace {

namespace fs = std::filesystem;
using domain::EventType;
using domain::MessageKind;

const std::string kGoldenDir = std::string(FR_SOURCE_DIR) + "/tests/golden/meta";

Result<domain::ParsedDelivery> Parse(std::string_view body) {
  return ParseMetaDelivery(body, TestMetaConfig());
}

// ---- goldens: tests/golden/meta/NAME.json -> NAME.expected.json ----

// Our own payloads. Each must exist; any other NAME.json in the folder is checked as well.
const std::vector<std::string> kRequiredGoldens = {
    "fb_comment_hebrew",        "fb_reply_to_comment",       "fb_page_comment_echo",
    "fb_comment_edit_then_remove", "messenger_dm_hebrew_string_ids", "messenger_echo",
    "messenger_batch_two_entries", "instagram_comment_and_reply", "instagram_dm",
    "instagram_mention",        "batch_unknown_field_among_valid",
};

std::vector<std::string> GoldenPayloads() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kGoldenDir)) {
    std::string file = e.path().filename().string();
    if (!e.is_regular_file() || !file.ends_with(".json") || file.ends_with(".expected.json")) continue;
    names.push_back(file.substr(0, file.size() - 5));
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(MetaGoldenTest, EveryRequiredGoldenExists) {
  std::vector<std::string> present = GoldenPayloads();
  for (const auto& name : kRequiredGoldens) {
    EXPECT_TRUE(std::find(present.begin(), present.end(), name) != present.end()) << name;
  }
}

TEST(MetaGoldenTest, PayloadsParseToTheirExpectedEvents) {
  std::vector<std::string> names = GoldenPayloads();
  ASSERT_FALSE(names.empty());
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    std::string body = testing::ReadFileOrDie(kGoldenDir + "/" + name + ".json");
    auto parsed = Parse(body);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    std::string diff = testing::CompareWithGolden(testing::DeliveryToJson(*parsed),
                                                  kGoldenDir + "/" + name + ".expected.json");
    EXPECT_EQ(diff, "");
  }
}

// ---- targeted behaviour (the goldens show the whole picture; these name the rules) ----

TEST(MetaParseTest, PageCommentFromThePageItselfIsOutbound) {
  auto parsed = Parse(testing::ReadFileOrDie(kGoldenDir + "/fb_page_comment_echo.json"));
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->events.size(), 1u);
  EXPECT_TRUE(parsed->events[0].message.is_outbound);
  EXPECT_EQ(parsed->events[0].message.author.id, parsed->events[0].message.account_id);
}

TEST(MetaParseTest, EditThenRemoveOfOneCommentAreTwoEventsOnTheSameId) {
  auto parsed = Parse(testing::ReadFileOrDie(kGoldenDir + "/fb_comment_edit_then_remove.json"));
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->events.size(), 2u);
  EXPECT_EQ(parsed->events[0].type, EventType::kEdit);
  EXPECT_EQ(parsed->events[1].type, EventType::kDelete);
  EXPECT_EQ(parsed->events[0].message.external_id, parsed->events[1].message.external_id);
  EXPECT_LT(parsed->events[0].occurred_at, parsed->events[1].occurred_at);
}

TEST(MetaParseTest, ReplyToACommentIsAReplyWithTheCommentAsParent) {
  auto parsed = Parse(testing::ReadFileOrDie(kGoldenDir + "/fb_reply_to_comment.json"));
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->events.size(), 1u);
  const auto& m = parsed->events[0].message;
  EXPECT_EQ(m.kind, MessageKind::kReply);
  EXPECT_NE(m.parent_id, m.thread_key);
}

TEST(MetaParseTest, MessengerTextIsNfcNormalised) {
  // "Cafe" + U+0301 COMBINING ACUTE ACCENT must be stored as the precomposed U+00E9.
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1700000000000,
    "messaging":[{"sender":{"id":"6123"},"recipient":{"id":"104395612345678"},
    "timestamp":1700000000000,"message":{"mid":"m_1","text":"Cafe\u0301"}}]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->events[0].message.text, "Caf\xC3\xA9");
}

TEST(MetaParseTest, IdsGivenAsNumbersKeepEveryDigit) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":104395612345678,"time":1700000000000,
    "messaging":[{"sender":{"id":9223372036854775807},"recipient":{"id":104395612345678},
    "timestamp":1700000000001,"message":{"mid":"m_2","text":"hi"}}]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->events[0].message.author.id, "9223372036854775807");
  EXPECT_EQ(parsed->events[0].message.account_id, "104395612345678");
}

TEST(MetaParseTest, FeedTimesAreSecondsAndMessagingTimesMilliseconds) {
  auto feed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1700000005,
    "changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2",
    "post_id":"104395612345678_1","parent_id":"104395612345678_1","from":{"id":"9"}}}]}]})");
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->events[0].message.created_at, 1700000005000);
  auto dm = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1700000005123,
    "messaging":[{"sender":{"id":"9"},"recipient":{"id":"104395612345678"},
    "message":{"mid":"m_3","text":"x"}}]}]})");
  ASSERT_TRUE(dm.ok());
  EXPECT_EQ(dm->events[0].message.created_at, 1700000005123);  // no timestamp: entry.time, ms
}

TEST(MetaParseTest, HugeOrFractionalTimesDoNotOverflow) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":-9223372036854775807,
    "changes":[{"field":"feed","value":{"item":"status","verb":"add","post_id":"p",
    "created_time":1e300}}]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->events[0].message.created_at, 0);
}

// ---- bad input ----

TEST(MetaParseTest, MalformedJsonIsMalformed) {
  for (std::string_view body : {std::string_view("{\"object\":\"page\",\"entry\":["),
                                std::string_view(""), std::string_view("[1,2")}) {
    auto parsed = Parse(body);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), Errc::kMalformed);
    EXPECT_EQ(parsed.status().reason(), "malformed_json");
  }
}

TEST(MetaParseTest, InvalidUtf8IsMalformed) {
  std::string body = "{\"object\":\"page\",\"entry\":[{\"id\":\"104395612345678\",\"time\":1,"
                     "\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"status\",\"verb\":"
                     "\"add\",\"post_id\":\"p\",\"message\":\"\xC3\x28\"}}]}]}";
  auto parsed = Parse(body);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Errc::kMalformed);
  EXPECT_EQ(parsed.status().reason(), "invalid_utf8");
}

TEST(MetaParseTest, AnUnknownAccountFailsTheWholeDelivery) {
  // The first entry is ours and valid; the second names a page we do not serve.
  auto parsed = Parse(R"({"object":"page","entry":[
    {"id":"104395612345678","time":1700000000,"changes":[{"field":"feed","value":{"item":"status",
     "verb":"add","post_id":"104395612345678_1","message":"ok"}}]},
    {"id":"999","time":1700000000,"changes":[{"field":"feed","value":{"item":"status",
     "verb":"add","post_id":"999_1","message":"not ours"}}]}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(parsed.status().reason(), "unknown_account");
}

TEST(MetaParseTest, APageIdIsNotAnInstagramAccountAndViceVersa) {
  auto ig_as_page = Parse(R"({"object":"page","entry":[{"id":"17841400000000001","time":1}]})");
  EXPECT_EQ(ig_as_page.status().reason(), "unknown_account");
  auto page_as_ig = Parse(R"({"object":"instagram","entry":[{"id":"104395612345678","time":1}]})");
  EXPECT_EQ(page_as_ig.status().reason(), "unknown_account");
}

TEST(MetaParseTest, UnsupportedObjectIsRejected) {
  auto parsed = Parse(R"({"object":"user","entry":[{"id":"1","time":1,"changes":[]}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(parsed.status().reason(), "unsupported_object");
}

TEST(MetaParseTest, MissingEnvelopeFieldsAreNamed) {
  EXPECT_NE(Parse(R"({"entry":[]})").status().message().find("object"), std::string::npos);
  EXPECT_EQ(Parse(R"({"object":"page"})").status().reason(), "missing_field");
  auto no_id = Parse(R"({"object":"page","entry":[{"time":1}]})");
  EXPECT_EQ(no_id.status().reason(), "missing_field");
  EXPECT_NE(no_id.status().message().find("entry[0].id"), std::string::npos);
}

TEST(MetaParseTest, AMessageWithoutMidFailsWithItsPath) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1700000000000,
    "messaging":[{"sender":{"id":"1"},"recipient":{"id":"104395612345678"},"timestamp":1,
    "message":{"mid":"m_ok","text":"a"}},
    {"sender":{"id":"1"},"recipient":{"id":"104395612345678"},"timestamp":2,
    "message":{"text":"no mid"}}]}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().reason(), "missing_field");
  EXPECT_NE(parsed.status().message().find("entry[0].messaging[1].message.mid"), std::string::npos)
      << parsed.status().message();
}

TEST(MetaParseTest, ACommentWithoutIdFailsWithItsPath) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1,
    "changes":[{"field":"feed","value":{"item":"comment","verb":"add","post_id":"p"}}]}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("entry[0].changes[0].value.comment_id"),
            std::string::npos);
  auto ig = Parse(R"({"object":"instagram","entry":[{"id":"17841400000000001","time":1,
    "changes":[{"field":"comments","value":{"text":"no id"}}]}]})");
  EXPECT_NE(ig.status().message().find("entry[0].changes[0].value.id"), std::string::npos);
}

TEST(MetaParseTest, AnInboundMessageWithoutSenderFails) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1,
    "messaging":[{"recipient":{"id":"104395612345678"},"timestamp":1,
    "message":{"mid":"m","text":"a"}}]}]})");
  EXPECT_NE(parsed.status().message().find("entry[0].messaging[0].sender.id"), std::string::npos);
}

TEST(MetaParseTest, UnknownShapesAreSkippedNeverFatal) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1,
    "changes":[{"field":"feed","value":{"item":"event","verb":"add","post_id":"p"}},
               {"field":"feed","value":{"item":"comment","verb":"block","comment_id":"c"}},
               {"field":"feed","value":{"item":"post","verb":"frobnicate","post_id":"p"}},
               {"field":"brand_new_field","value":[1,2,3]}],
    "messaging":[{"sender":{"id":"1"},"recipient":{"id":"104395612345678"},"timestamp":1,
                  "something_new":{}}, 42]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->events.empty());
  EXPECT_EQ(parsed->skipped,
            (std::vector<std::string>{"feed.other_item", "feed.block", "feed.other_verb",
                                      "page.unknown_field", "messaging.unknown",
                                      "messaging.unknown"}));
}

TEST(MetaParseTest, StandbyEventsAreReadLikeMessagingAndNamedByTheirArray) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1,
    "standby":[{"sender":{"id":"77"},"recipient":{"id":"104395612345678"},"timestamp":5,
                "read":{"watermark":4}},
               {"sender":{"id":"77"},"recipient":{"id":"104395612345678"},"timestamp":6,
                "message":{"mid":"m_s","text":"hi"}}]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->skipped, std::vector<std::string>{"standby.read"});
  ASSERT_EQ(parsed->events.size(), 1u);
  EXPECT_EQ(parsed->events[0].message.counterpart_id, "77");
}

TEST(MetaParseTest, FeedPostIdFallsBackToThePostObject) {
  auto parsed = Parse(R"({"object":"page","entry":[{"id":"104395612345678","time":1,
    "changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"5_6",
    "post":{"id":"104395612345678_5"},"parent_id":"104395612345678_5","from":{"id":"9"}}}]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->events[0].message.thread_key, "104395612345678_5");
  EXPECT_EQ(parsed->events[0].message.kind, MessageKind::kComment);
}

TEST(MetaParseTest, AnEmptyEntryListIsAnEmptyDelivery) {
  auto parsed = Parse(R"({"object":"instagram","entry":[]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->events.empty());
  EXPECT_TRUE(parsed->skipped.empty());
}

}  // namespace
}  // namespace fr::channels::meta
