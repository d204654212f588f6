#include "channels/x/x_account_activity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "channels/x/x_test_util.h"
#include "tests/support/event_json.h"

namespace fr::channels::x {
namespace {

namespace fs = std::filesystem;
using domain::EventType;
using domain::Message;
using domain::MessageKind;
using domain::ParsedDelivery;
using domain::Visibility;
using testing::GoldenDir;
using testing::kBrandId;
using testing::TestConfig;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// NAME.json payloads directly under tests/golden/x (fixtures/ holds other goldens).
std::vector<std::string> GoldenNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    const std::string file = entry.path().filename().string();
    if (!entry.is_regular_file() || !EndsWith(file, ".json") || EndsWith(file, ".expected.json")) continue;
    names.push_back(file.substr(0, file.size() - 5));
  }
  std::sort(names.begin(), names.end());
  return names;
}

ParsedDelivery ParseGolden(const std::string& name) {
  const std::string body = fr::testing::ReadFileOrDie(GoldenDir() + "/" + name + ".json");
  auto r = ParseAccountActivity(body, TestConfig());
  EXPECT_TRUE(r.ok()) << name << ": " << r.status().ToString();
  return r.ok() ? std::move(r).value() : ParsedDelivery{};
}

// The one message of a delivery (by value: callers pass temporaries).
Message Only(const ParsedDelivery& d) {
  EXPECT_EQ(d.events.size(), 1u);
  return d.events.empty() ? Message{} : d.events[0].message;
}

TEST(XAccountActivityGoldenTest, EveryGoldenPayloadMatchesItsExpectedFile) {
  const std::vector<std::string> names = GoldenNames();
  // The cases the adapter must keep covering; more may be added.
  for (const char* required :
       {"mention_hebrew", "reply_to_brand", "extended_tweet", "quote", "retweet", "brand_echo",
        "media_tweet", "dm_in", "dm_out_echo", "dm_media", "tweet_delete", "favorite_events",
        "follow_events", "other_events_skipped", "batch_two_tweets", "id_precision"}) {
    EXPECT_TRUE(std::find(names.begin(), names.end(), required) != names.end()) << required;
  }
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const std::string actual = fr::testing::DeliveryToJson(ParseGolden(name));
    EXPECT_EQ(fr::testing::CompareWithGolden(actual, GoldenDir() + "/" + name + ".expected.json"), "");
  }
}

// The goldens pin every field; these spell out the rules they encode.

TEST(XAccountActivityTest, HebrewMentionKeepsTextAndProfile) {
  const Message& m = Only(ParseGolden("mention_hebrew"));
  EXPECT_EQ(m.external_id, "1898291733401276418");
  EXPECT_EQ(m.account_id, kBrandId);
  EXPECT_EQ(m.kind, MessageKind::kMention);
  EXPECT_EQ(m.visibility, Visibility::kPublic);
  EXPECT_TRUE(m.thread_key.empty());
  EXPECT_TRUE(m.parent_id.empty());
  EXPECT_FALSE(m.is_outbound);
  EXPECT_EQ(m.author.id, "1351234567890123456");
  EXPECT_EQ(m.author.handle, "dana_levi");
  EXPECT_EQ(m.author.name, "דנה לוי");
  EXPECT_EQ(m.author.followers, 412);
  EXPECT_EQ(m.author.verified, false);
  EXPECT_EQ(m.text.rfind("@AcmeCare הטיסה שלי", 0), 0u);  // leading @mention kept
  EXPECT_NE(m.text.find("\xF0\x9F\x98\xA1"), std::string::npos);  // surrogate pair joined
  EXPECT_EQ(m.created_at, 1772961327000);
}

TEST(XAccountActivityTest, ReplyToBrandIsAReplyWithParentAndNfcText) {
  const Message& m = Only(ParseGolden("reply_to_brand"));
  EXPECT_EQ(m.kind, MessageKind::kReply);
  EXPECT_EQ(m.parent_id, "1898200000000000001");
  EXPECT_NE(m.text.find("Caf\xC3\xA9 Nero"), std::string::npos);  // e + U+0301 composed
  EXPECT_NE(m.text.find("<B12> & no one"), std::string::npos);
}

TEST(XAccountActivityTest, TruncatedTweetUsesExtendedFullTextAndItsMedia) {
  const Message& m = Only(ParseGolden("extended_tweet"));
  EXPECT_NE(m.text.find("I was charged twice"), std::string::npos);
  EXPECT_EQ(m.text.find("\xE2\x80\xA6 https"), std::string::npos);  // not the cut "…" text
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].type, "photo");
  EXPECT_EQ(m.attachments[0].url, "https://pbs.twimg.com/media/GlT0abcXwAAx1yz.jpg");
  EXPECT_EQ(m.author.verified, true);
  EXPECT_EQ(m.kind, MessageKind::kMention);
}

TEST(XAccountActivityTest, QuoteRetweetAndEchoKinds) {
  EXPECT_EQ(Only(ParseGolden("quote")).kind, MessageKind::kQuote);
  const Message& rt = Only(ParseGolden("retweet"));
  EXPECT_EQ(rt.kind, MessageKind::kRepost);
  EXPECT_EQ(rt.external_id, "1898635899434823680");  // the retweet, not the original
  const Message& echo = Only(ParseGolden("brand_echo"));
  EXPECT_TRUE(echo.is_outbound);
  EXPECT_EQ(echo.kind, MessageKind::kReply);
  EXPECT_EQ(echo.parent_id, "1898292886432215041");
  EXPECT_EQ(echo.author.id, kBrandId);
}

TEST(XAccountActivityTest, MediaComesFromExtendedEntitiesAllItems) {
  const Message& m = Only(ParseGolden("media_tweet"));
  ASSERT_EQ(m.attachments.size(), 2u);  // entities.media has only the first
  EXPECT_EQ(m.attachments[0].type, "photo");
  EXPECT_EQ(m.attachments[1].type, "video");
  EXPECT_EQ(m.attachments[1].url,
            "https://pbs.twimg.com/ext_tw_video_thumb/1899065890000000002/pu/img/Qw3rTy.jpg");
}

TEST(XAccountActivityTest, DirectMessagesInAndOut) {
  const Message& in = Only(ParseGolden("dm_in"));
  EXPECT_EQ(in.kind, MessageKind::kDm);
  EXPECT_EQ(in.visibility, Visibility::kPrivate);
  EXPECT_EQ(in.external_id, "1899214077432201220");
  EXPECT_FALSE(in.is_outbound);
  EXPECT_EQ(in.counterpart_id, "982374651");
  EXPECT_EQ(in.author.handle, "mike_travels");
  EXPECT_EQ(in.author.followers, 1893);
  EXPECT_EQ(in.created_at, 1773252309000);

  const Message& out = Only(ParseGolden("dm_out_echo"));
  EXPECT_TRUE(out.is_outbound);
  EXPECT_EQ(out.author.id, kBrandId);
  EXPECT_EQ(out.author.handle, "AcmeCare");
  EXPECT_EQ(out.counterpart_id, "982374651");  // the customer, as for the inbound one

  const Message& media = Only(ParseGolden("dm_media"));
  EXPECT_EQ(media.text, "זו הקבלה על החיוב הכפול");  // trailing t.co link stripped
  ASSERT_EQ(media.attachments.size(), 1u);
  EXPECT_EQ(media.attachments[0].type, "photo");
  EXPECT_EQ(media.attachments[0].url.rfind("https://ton.twitter.com/", 0), 0u);
}

TEST(XAccountActivityTest, DeleteCarriesIdsAndTime) {
  const ParsedDelivery d = ParseGolden("tweet_delete");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].type, EventType::kDelete);
  EXPECT_EQ(d.events[0].message.external_id, "1898291733401276418");
  EXPECT_EQ(d.events[0].message.account_id, kBrandId);
  EXPECT_EQ(d.events[0].message.platform, domain::Platform::kX);
  EXPECT_EQ(d.events[0].occurred_at, 1773299000123);
}

TEST(XAccountActivityTest, NonMessageEventsAreSkippedNamedAfterTheirArray) {
  EXPECT_EQ(ParseGolden("favorite_events").skipped, std::vector<std::string>{"favorite_events"});
  EXPECT_EQ(ParseGolden("follow_events").skipped,
            (std::vector<std::string>{"follow_events", "follow_events"}));
  const ParsedDelivery d = ParseGolden("other_events_skipped");
  EXPECT_TRUE(d.events.empty());
  const std::multiset<std::string> skipped(d.skipped.begin(), d.skipped.end());
  EXPECT_EQ(skipped, (std::multiset<std::string>{
                         "direct_message_indicate_typing_events", "direct_message_mark_read_events",
                         "direct_message_events", "user_event", "mute_events", "poll_vote_events",
                         "poll_vote_events"}));
}

TEST(XAccountActivityTest, BatchKeepsEveryEventInOrder) {
  const ParsedDelivery d = ParseGolden("batch_two_tweets");
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_EQ(d.events[0].message.external_id, "1899512345678901249");
  EXPECT_EQ(d.events[0].message.kind, MessageKind::kMention);  // "@acmeairil" in text only
  EXPECT_EQ(d.events[1].message.external_id, "1899512731123456000");
  EXPECT_EQ(d.events[1].message.kind, MessageKind::kReply);
  EXPECT_EQ(d.events[1].message.parent_id, "1899512345678901249");
  for (const auto& e : d.events) EXPECT_EQ(e.message.account_id, testing::kSecondBrandId);
}

TEST(XAccountActivityTest, UsesIdStrNeverTheLossyNumericId) {
  const Message& m = Only(ParseGolden("id_precision"));
  EXPECT_EQ(m.external_id, "1924465506158878979");
  EXPECT_EQ(m.author.id, "1924400000000000123");
  EXPECT_EQ(m.account_id, kBrandId);  // for_user_id given as a number
  EXPECT_EQ(m.created_at, 1747662398000);  // from created_at: no timestamp_ms here
}

// ---- bad input ----

Status ParseStatus(std::string_view body) { return ParseAccountActivity(body, TestConfig()).status(); }

TEST(XAccountActivityTest, MalformedJsonAndInvalidUtf8) {
  Status s = ParseStatus(R"({"for_user_id":"3805104374","tweet_create_events":[)");
  EXPECT_EQ(s.code(), Errc::kMalformed);
  EXPECT_EQ(s.reason(), "malformed_json");
  s = ParseStatus("{\"for_user_id\":\"3805104374\",\"tweet_create_events\":[{\"text\":\"\xFF\xFE\"}]}");
  EXPECT_EQ(s.code(), Errc::kMalformed);
  EXPECT_EQ(s.reason(), "invalid_utf8");
  EXPECT_EQ(ParseStatus("").reason(), "malformed_json");
}

TEST(XAccountActivityTest, MissingOrUnknownAccount) {
  for (std::string_view body : {R"({"tweet_create_events":[]})", R"({"for_user_id":null})",
                                R"({"for_user_id":""})", "[]", "42"}) {
    Status s = ParseStatus(body);
    EXPECT_EQ(s.code(), Errc::kInvalidArgument) << body;
    EXPECT_EQ(s.reason(), "missing_field") << body;
    EXPECT_NE(s.message().find("for_user_id"), std::string::npos);
  }
  Status s = ParseStatus(R"({"for_user_id":"1111","favorite_events":[{}]})");
  EXPECT_EQ(s.code(), Errc::kInvalidArgument);
  EXPECT_EQ(s.reason(), "unknown_account");
}

TEST(XAccountActivityTest, AMissingRequiredFieldRejectsTheWholeDeliveryNamingThePath) {
  const std::string ok_tweet =
      R"({"id_str":"1","text":"hi","user":{"id_str":"2"},"timestamp_ms":"1000"})";
  struct Case {
    std::string body;
    std::string path;
  };
  const std::vector<Case> cases = {
      {R"({"for_user_id":"3805104374","tweet_create_events":[)" + ok_tweet +
           R"(,{"id":5,"text":"hi","user":{"id_str":"2"},"timestamp_ms":"1"}]})",
       "tweet_create_events[1].id_str"},
      {R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","text":"x","timestamp_ms":"1"}]})",
       "tweet_create_events[0].user"},
      {R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","text":"x","user":{"id":2},"timestamp_ms":"1"}]})",
       "tweet_create_events[0].user.id_str"},
      {R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","user":{"id_str":"2"},"timestamp_ms":"1"}]})",
       "tweet_create_events[0].text"},
      {R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","text":"x","user":{"id_str":"2"},"created_at":"yesterday"}]})",
       "tweet_create_events[0].timestamp_ms|created_at"},
      {R"({"for_user_id":"3805104374","tweet_create_events":{"id_str":"1"}})", "tweet_create_events[]"},
      {R"({"for_user_id":"3805104374","direct_message_events":[{"type":"message_create","created_timestamp":"1","message_create":{"sender_id":"2","target":{"recipient_id":"3805104374"}}}]})",
       "direct_message_events[0].id"},
      {R"({"for_user_id":"3805104374","direct_message_events":[{"type":"message_create","id":"9","created_timestamp":"1","message_create":{"sender_id":"2"}}]})",
       "direct_message_events[0].message_create.target.recipient_id"},
      {R"({"for_user_id":"3805104374","direct_message_events":[{"id":"9"}]})", "direct_message_events[0].type"},
      {R"({"for_user_id":"3805104374","tweet_delete_events":[{"status":{"user_id":"2"},"timestamp_ms":"1"}]})",
       "tweet_delete_events[0].status.id"},
  };
  for (const Case& c : cases) {
    Status s = ParseStatus(c.body);
    EXPECT_EQ(s.code(), Errc::kInvalidArgument) << c.body;
    EXPECT_EQ(s.reason(), "missing_field") << c.body;
    EXPECT_NE(s.message().find(c.path), std::string::npos) << s.message() << " wanted " << c.path;
  }
}

TEST(XAccountActivityTest, UserHasBlockedMayBeBoolOrString) {
  for (std::string_view flag : {"false", "\"false\"", "true", "\"true\""}) {
    const std::string body = std::string(R"({"for_user_id":"3805104374","user_has_blocked":)") +
                             std::string(flag) +
                             R"(,"tweet_create_events":[{"id_str":"1","text":"@AcmeCare hi","user":{"id_str":"2"},"timestamp_ms":"1000"}]})";
    auto r = ParseAccountActivity(body, TestConfig());
    ASSERT_TRUE(r.ok()) << flag;
    ASSERT_EQ(r->events.size(), 1u);
    EXPECT_EQ(r->events[0].message.kind, MessageKind::kMention);
  }
}

TEST(XAccountActivityTest, MentionDetectionNeedsTheWholeHandle) {
  auto kind_of = [](std::string_view text) {
    const std::string body = std::string(R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","text":")") +
                             std::string(text) + R"(","user":{"id_str":"2"},"timestamp_ms":"1000"}]})";
    auto r = ParseAccountActivity(body, TestConfig());
    EXPECT_TRUE(r.ok()) << text;
    return r.ok() && !r->events.empty() ? r->events[0].message.kind : MessageKind::kComment;
  };
  EXPECT_EQ(kind_of("hello @acmecare!"), MessageKind::kMention);
  EXPECT_EQ(kind_of("hello @AcmeCareers"), MessageKind::kPost);
  EXPECT_EQ(kind_of("mail me at bob@AcmeCare"), MessageKind::kPost);
  EXPECT_EQ(kind_of("just a post"), MessageKind::kPost);
}

TEST(XAccountActivityTest, QuoteOfSomeoneElseIsNotAQuoteOfTheBrand) {
  const std::string body =
      R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","text":"lol","user":{"id_str":"2"},"timestamp_ms":"1000","is_quote_status":true,"quoted_status":{"id_str":"7","text":"x","user":{"id_str":"8"}}}]})";
  auto r = ParseAccountActivity(body, TestConfig());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->events[0].message.kind, MessageKind::kPost);
}

TEST(XAccountActivityTest, TruncatedWithoutExtendedTweetFallsBackToText) {
  const std::string body =
      R"({"for_user_id":"3805104374","tweet_create_events":[{"id_str":"1","text":"cut…","truncated":true,"user":{"id_str":"2"},"timestamp_ms":"1000"}]})";
  auto r = ParseAccountActivity(body, TestConfig());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->events[0].message.text, "cut…");
}

TEST(XAccountActivityTest, EmptyAndNullEventArraysAreFine) {
  auto r = ParseAccountActivity(
      R"({"for_user_id":"3805104374","tweet_create_events":[],"direct_message_events":null,"favorite_events":[]})",
      TestConfig());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->events.empty());
  EXPECT_TRUE(r->skipped.empty());
}

}  // namespace
}  // namespace fr::channels::x
