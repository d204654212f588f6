#include "channels/x/x_v2_tweets.h"

#include <gtest/gtest.h>

namespace fr::channels::x {
namespace {

using domain::Message;
using domain::MessageKind;
using domain::Visibility;

const XAccount kBrand{"3805104374", "AcmeCare"};

std::vector<Message> Tweets(std::string_view body, const XAccount& account = kBrand) {
  auto r = ParseV2Tweets(body, account);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<Message>{};
}

TEST(XV2TweetsTest, SingleObjectWithExpansions) {
  const auto msgs = Tweets(R"({
    "data": {"id":"1900000000000000001","text":"short","note_tweet":{"text":"@AcmeCare the long form text, over 280 characters in real life"},
             "author_id":"55","created_at":"2026-03-08T09:15:27.000Z","conversation_id":"1900000000000000000",
             "referenced_tweets":[{"type":"replied_to","id":"1900000000000000000"}],
             "attachments":{"media_keys":["3_1","7_2","9_missing"]},
             "edit_history_tweet_ids":["1899999999999999999","1900000000000000001"]},
    "includes": {
      "users":[{"data":{"id":"55","username":"dana_levi","name":"דנה","verified_type":"blue","public_metrics":{"followers_count":412}}}],
      "media":[{"media_key":"3_1","type":"photo","url":"https://pbs.twimg.com/media/a.jpg"},
               {"media_key":"7_2","type":"video","preview_image_url":"https://pbs.twimg.com/thumb/b.jpg"}]
    }})");
  ASSERT_EQ(msgs.size(), 1u);
  const Message& m = msgs[0];
  EXPECT_EQ(m.external_id, "1900000000000000001");
  EXPECT_EQ(m.account_id, kBrand.user_id);
  EXPECT_EQ(m.text, "@AcmeCare the long form text, over 280 characters in real life");
  EXPECT_EQ(m.author.id, "55");
  EXPECT_EQ(m.author.handle, "dana_levi");  // wrapped {"data":{...}} user resolved
  EXPECT_EQ(m.author.name, "דנה");
  EXPECT_EQ(m.author.followers, 412);
  EXPECT_EQ(m.author.verified, true);  // verified_type "blue"
  EXPECT_EQ(m.created_at, 1772961327000);
  EXPECT_EQ(m.thread_key, "1900000000000000000");
  EXPECT_EQ(m.parent_id, "1900000000000000000");
  EXPECT_EQ(m.kind, MessageKind::kReply);
  EXPECT_EQ(m.visibility, Visibility::kPublic);
  EXPECT_EQ(m.edit_of, "1899999999999999999");
  EXPECT_FALSE(m.is_outbound);
  ASSERT_EQ(m.attachments.size(), 3u);
  EXPECT_EQ(m.attachments[0].type, "photo");
  EXPECT_EQ(m.attachments[0].url, "https://pbs.twimg.com/media/a.jpg");
  EXPECT_EQ(m.attachments[1].type, "video");
  EXPECT_EQ(m.attachments[1].url, "https://pbs.twimg.com/thumb/b.jpg");
  EXPECT_EQ(m.attachments[2].type, "media");  // key not in includes: known to exist only
  EXPECT_EQ(m.attachments[2].url, "");
}

TEST(XV2TweetsTest, KindsFromReferencedTweetsAndMentions) {
  const auto msgs = Tweets(R"({"data":[
    {"id":"1","text":"RT @AcmeCare: x","author_id":"9","referenced_tweets":[{"type":"retweeted","id":"100"}]},
    {"id":"2","text":"so true","author_id":"9","referenced_tweets":[{"type":"quoted","id":"101"}]},
    {"id":"3","text":"meh","author_id":"9","referenced_tweets":[{"type":"quoted","id":"102"}]},
    {"id":"4","text":"hey you","author_id":"9","entities":{"mentions":[{"start":0,"end":9,"username":"acmecare","id":"3805104374"}]}},
    {"id":"5","text":"hello @ACMECARE"},
    {"id":"6","text":"our spring schedule","author_id":"3805104374","edit_history_tweet_ids":["6"]},
    {"id":"7","text":"quote + reply","referenced_tweets":[{"type":"replied_to","id":"50"},{"type":"quoted","id":"101"}]}
  ],"includes":{"tweets":[{"id":"101","author_id":"3805104374","text":"ours"},{"id":"102","author_id":"777","text":"theirs"}]}})");
  ASSERT_EQ(msgs.size(), 7u);
  EXPECT_EQ(msgs[0].kind, MessageKind::kRepost);
  EXPECT_EQ(msgs[1].kind, MessageKind::kQuote);
  EXPECT_EQ(msgs[2].kind, MessageKind::kPost);  // quotes someone else
  EXPECT_EQ(msgs[3].kind, MessageKind::kMention);
  EXPECT_EQ(msgs[4].kind, MessageKind::kMention);
  EXPECT_EQ(msgs[5].kind, MessageKind::kPost);
  EXPECT_TRUE(msgs[5].is_outbound);
  EXPECT_EQ(msgs[5].edit_of, "");  // one id in the history: not an edit
  EXPECT_EQ(msgs[6].kind, MessageKind::kQuote);
  EXPECT_EQ(msgs[6].parent_id, "50");
  for (const auto& m : msgs) EXPECT_EQ(m.created_at, 0);  // created_at not requested
}

TEST(XV2TweetsTest, NoDataMeansNoMessages) {
  EXPECT_TRUE(Tweets(R"({"meta":{"result_count":0}})").empty());
  EXPECT_TRUE(Tweets(R"({"errors":[{"code":88,"message":"Rate limit exceeded"}]})").empty());
  EXPECT_TRUE(Tweets(R"({"data":[]})").empty());
}

TEST(XV2TweetsTest, RejectsNonPostsAndBadJson) {
  auto r = ParseV2Tweets(R"({"data":[{"id":"783214","name":"Twitter","username":"Twitter"}]})", kBrand);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "missing_field");
  EXPECT_NE(r.status().message().find("data[0].text"), std::string::npos);
  r = ParseV2Tweets(R"({"data":{"text":"no id"}})", kBrand);
  EXPECT_NE(r.status().message().find("data.id"), std::string::npos);
  EXPECT_EQ(ParseV2Tweets(R"({"data":[1]})", kBrand).status().reason(), "missing_field");
  EXPECT_EQ(ParseV2Tweets("[]", kBrand).status().reason(), "missing_field");
  EXPECT_EQ(ParseV2Tweets("{", kBrand).status().reason(), "malformed_json");
  EXPECT_EQ(ParseV2Tweets("{\"data\":{\"id\":\"1\",\"text\":\"\xED\xA0\x80\"}}", kBrand).status().reason(),
            "invalid_utf8");
}

TEST(XV2TweetsTest, ErrorsAreStructured) {
  auto e = ParseV2Errors(
      R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429})");
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->size(), 1u);
  EXPECT_EQ((*e)[0].title, "Too Many Requests");
  e = ParseV2Errors(R"({"data":[],"errors":[{"resource_id":"1","title":"Not Found Error","type":"https://api.x.com/2/problems/resource-not-found"}]})");
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->size(), 1u);
  EXPECT_EQ((*e)[0].type, "https://api.x.com/2/problems/resource-not-found");
  e = ParseV2Errors(R"({"data":{"id":"1","text":"x"}})");
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->empty());
}

TEST(XStreamLineTest, HeartbeatsDataAndErrors) {
  for (std::string_view blank : {"", "\r\n", "\n", "  \r\n"}) {
    auto r = ParseStreamLine(blank, kBrand);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->heartbeat);
    EXPECT_TRUE(r->messages.empty());
  }
  auto r = ParseStreamLine(
      "{\"data\":{\"id\":\"10\",\"text\":\"@AcmeCare hi\",\"author_id\":\"55\"},"
      "\"includes\":{\"users\":[{\"id\":\"55\",\"username\":\"dana_levi\"}]},"
      "\"matching_rules\":[{\"id\":\"1529736824088072193\",\"tag\":\"brand\"},{\"id\":\"2\",\"tag\":\"\"}]}\r\n",
      kBrand);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->heartbeat);
  ASSERT_EQ(r->messages.size(), 1u);
  EXPECT_EQ(r->messages[0].author.handle, "dana_levi");
  EXPECT_EQ(r->messages[0].kind, MessageKind::kMention);
  ASSERT_EQ(r->matching_rules.size(), 2u);
  EXPECT_EQ(r->matching_rules[0].id, "1529736824088072193");
  EXPECT_EQ(r->matching_rules[0].tag, "brand");
  EXPECT_TRUE(r->errors.empty());

  r = ParseStreamLine(
      R"({"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.x.com/2/problems/operational-disconnect"}]})",
      kBrand);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].title, "operational-disconnect");
  EXPECT_TRUE(r->messages.empty());

  r = ParseStreamLine(R"({"errors":[]})", kBrand);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->heartbeat);
  EXPECT_TRUE(r->errors.empty());
  EXPECT_TRUE(r->messages.empty());

  EXPECT_EQ(ParseStreamLine("{\"data\":", kBrand).status().reason(), "malformed_json");
}

TEST(XV2DmEventsTest, MessagesWithCounterpartsAndSkippedEventTypes) {
  auto r = ParseV2DmEvents(R"({"data":[
    {"id":"1","event_type":"MessageCreate","text":"hi there","sender_id":"55","dm_conversation_id":"55-3805104374","created_at":"2022-10-26T17:24:21.000Z"},
    {"id":"2","event_type":"MessageCreate","text":"hello!","sender_id":"3805104374","dm_conversation_id":"55-3805104374",
     "attachments":{"media_keys":["3_9"]}},
    {"id":"3","event_type":"ParticipantsJoin","participant_ids":["66"],"dm_conversation_id":"1585094756761149440"},
    {"id":"4","event_type":"MessageCreate","text":"Testing 2"}
  ],"includes":{"users":[{"id":"55","username":"dana_levi","name":"Dana","public_metrics":{"followers_count":3}}],
                "media":[{"media_key":"3_9","type":"photo","url":"https://ton.twitter.com/x.jpg"}]}})",
                           kBrand);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  const Message& in = (*r)[0];
  EXPECT_EQ(in.kind, MessageKind::kDm);
  EXPECT_EQ(in.visibility, Visibility::kPrivate);
  EXPECT_EQ(in.author.handle, "dana_levi");
  EXPECT_EQ(in.counterpart_id, "55");
  EXPECT_EQ(in.thread_key, "55-3805104374");
  EXPECT_EQ(in.created_at, 1666805061000);
  const Message& out = (*r)[1];
  EXPECT_TRUE(out.is_outbound);
  EXPECT_EQ(out.counterpart_id, "55");
  ASSERT_EQ(out.attachments.size(), 1u);
  EXPECT_EQ(out.attachments[0].url, "https://ton.twitter.com/x.jpg");
  EXPECT_EQ((*r)[2].external_id, "4");
  EXPECT_EQ((*r)[2].author.id, "");
  EXPECT_EQ(ParseV2DmEvents(R"({"data":{"dm_conversation_id":"1","dm_event_id":"2"}})", kBrand).status().reason(),
            "missing_field");
}

}  // namespace
}  // namespace fr::channels::x
