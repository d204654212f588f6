// Every file under FR_SHARED_DIR/fixtures/twitter is either parsed here (with the parser that
// fits its shape, asserting concrete fields) or listed as not a message payload with the reason.
// The directory is enumerated at run time: a new fixture that is not in the table fails.
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "channels/x/x_account_activity.h"
#include "channels/x/x_test_util.h"
#include "channels/x/x_v2_tweets.h"
#include "tests/support/event_json.h"

namespace fr::channels::x {
namespace {

namespace fs = std::filesystem;
using domain::Message;
using domain::MessageKind;
using domain::Visibility;

const XAccount kTwitterDev{"2244994945", "TwitterDev"};
const XAccount kTwitter{"783214", "Twitter"};
const XAccount kTweepyDev{"1072250532645998596", "TweepyDev"};

// ---- helpers ----

std::vector<Message> MustTweets(std::string_view body, const XAccount& account) {
  auto r = ParseV2Tweets(body, account);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<Message>{};
}

std::vector<Message> MustDms(std::string_view body, const XAccount& account) {
  auto r = ParseV2DmEvents(body, account);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<Message>{};
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The fixture is a v2 response whose `data` is not a post (users, rules, a send receipt):
// ParseV2Tweets must reject it with missing_field rather than invent a message.
void ExpectNotPosts(std::string_view body, std::string_view path) {
  auto r = ParseV2Tweets(body, kTwitterDev);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "missing_field");
  EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
}

// A model object or error object without `data`: no messages, and the AAA parser rejects it.
void ExpectNoData(std::string_view body) {
  auto r = ParseV2Tweets(body, kTwitterDev);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->empty());
  EXPECT_EQ(ParseAccountActivity(body, testing::TestConfig()).status().reason(), "missing_field");
}

std::string Base64Decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;  // padding, whitespace
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return {};
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
  } while (rc == Z_OK);
  inflateEnd(&zs);
  EXPECT_EQ(rc, Z_STREAM_END);
  return out;
}

struct Interaction {
  std::string method;
  std::string uri;
  int status = 0;
  std::string body;  // decoded response body
};

// Reads a VCR cassette (tweepy): response bodies are `!!binary` base64 of gzip.
std::vector<Interaction> ReadCassette(const std::string& text) {
  std::vector<Interaction> out;
  std::string method, uri;
  std::vector<std::string> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    const size_t ind = indent(l);
    if (ind == std::string::npos) continue;
    std::string_view t = std::string_view(l).substr(ind);
    if (StartsWith(t, "method: ")) method = t.substr(8);
    if (StartsWith(t, "uri: ")) uri = t.substr(5);
    if (t == "string: !!binary |") {
      std::string b64;
      while (i + 1 < lines.size() && indent(lines[i + 1]) != std::string::npos && indent(lines[i + 1]) > ind) {
        b64 += lines[++i];
      }
      out.push_back({method, uri, 0, Gunzip(Base64Decode(b64))});
    }
    if (StartsWith(t, "code: ") && !out.empty()) out.back().status = std::stoi(std::string(t.substr(6)));
  }
  return out;
}

// Splits a JSON array of stream objects (how twitter-dart stores a stream) into the lines
// the stream would carry, each followed by "\r\n", with a heartbeat between them.
std::vector<std::string> StreamLinesOf(const std::string& body) {
  std::vector<std::string> lines;
  const boost::json::value doc = boost::json::parse(body);
  for (const auto& v : doc.as_array()) {
    lines.push_back(boost::json::serialize(v) + "\r\n");
    lines.push_back("\r\n");
  }
  return lines;
}

// ---- the table ----

enum class Disposition { kParsed, kNotAMessage };

struct FixtureEntry {
  Disposition disposition;
  std::string why;  // what the file is; for kNotAMessage, why no message comes from it
  std::function<void(const std::string& body)> check;
};

const std::map<std::string, FixtureEntry>& Table() {
  static const auto* table = new std::map<std::string, FixtureEntry>{
      // ---------------- sns-sdks/python-twitter ----------------
      {"sns-python-twitter/create_tweet_resp.json",
       {Disposition::kParsed, "POST /2/tweets receipt: {data:{id,text}} is our own post",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1445880548472328192");
          EXPECT_EQ(m[0].text, "Hello world!");
          EXPECT_EQ(m[0].kind, MessageKind::kPost);
        }}},
      {"sns-python-twitter/delete_error.json",
       {Disposition::kNotAMessage, "a problem object (invalid-request) from the rules endpoint",
        [](const std::string& body) {
          ExpectNoData(body);
          auto e = ParseV2Errors(body);
          ASSERT_TRUE(e.ok());
          ASSERT_EQ(e->size(), 2u);
          EXPECT_EQ((*e)[0].type, "https://api.twitter.com/2/problems/invalid-request");
          EXPECT_EQ((*e)[1].message, "JSON doesn't match expected schema");
        }}},
      {"sns-python-twitter/events.json",
       {Disposition::kParsed, "GET /2/dm_events page",
        [](const std::string& body) {
          auto m = MustDms(body, kTwitterDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1585321444547837956");
          EXPECT_EQ(m[0].kind, MessageKind::kDm);
          EXPECT_EQ(m[0].visibility, Visibility::kPrivate);
          EXPECT_EQ(m[0].author.id, "906948460078698496");
          EXPECT_EQ(m[0].counterpart_id, "906948460078698496");
          EXPECT_EQ(m[0].thread_key, "1585094756761149440");
          EXPECT_EQ(m[0].text, "Another photo https://t.co/J5KotyeIyd");
          EXPECT_EQ(m[0].created_at, 1666805061000);
        }}},
      {"sns-python-twitter/events_by_conversation.json",
       {Disposition::kParsed, "GET /2/dm_conversations/:id/dm_events page",
        [](const std::string& body) {
          auto m = MustDms(body, kTwitterDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1585321444547837956");
          EXPECT_FALSE(m[0].is_outbound);
        }}},
      {"sns-python-twitter/events_create.json",
       {Disposition::kNotAMessage, "DM send receipt {dm_conversation_id, dm_event_id}: read by the outbox, not a message",
        [](const std::string& body) {
          EXPECT_EQ(ParseV2DmEvents(body, kTwitterDev).status().reason(), "missing_field");
          ExpectNotPosts(body, "data.id");
        }}},
      {"sns-python-twitter/expansions.json",
       {Disposition::kNotAMessage, "a bare `includes` model object (media/users/tweets/polls/places) without data",
        [](const std::string& body) { ExpectNoData(body); }}},
      {"sns-python-twitter/get_rules.json",
       {Disposition::kNotAMessage, "filtered-stream rules listing",
        [](const std::string& body) { ExpectNotPosts(body, "data[0].text"); }}},
      {"sns-python-twitter/me_resp.json",
       {Disposition::kNotAMessage, "GET /2/users/me: a user lookup (pinned tweet only in includes)",
        [](const std::string& body) { ExpectNotPosts(body, "data.text"); }}},
      {"sns-python-twitter/media.json",
       {Disposition::kNotAMessage, "a bare media model object without data",
        [](const std::string& body) { ExpectNoData(body); }}},
      {"sns-python-twitter/post_rules.json",
       {Disposition::kNotAMessage, "filtered-stream rules creation response",
        [](const std::string& body) { ExpectNotPosts(body, "data[0].text"); }}},
      {"sns-python-twitter/search_tweets_for_nyc.json",
       {Disposition::kParsed, "GET /2/tweets/search/recent page (retweets, a reply, a quote+retweet)",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 10u);
          EXPECT_EQ(m[0].external_id, "1275840892285399041");
          EXPECT_EQ(m[0].kind, MessageKind::kRepost);
          EXPECT_EQ(m[0].author.id, "1176828691365736451");
          EXPECT_EQ(m[0].created_at, 1593019147000);
          EXPECT_EQ(m[1].kind, MessageKind::kReply);
          EXPECT_EQ(m[1].parent_id, "1275781448855891968");
          EXPECT_EQ(m[2].kind, MessageKind::kPost);
          EXPECT_EQ(m[9].kind, MessageKind::kRepost);  // quoted + retweeted: the repost wins
          EXPECT_EQ(std::count_if(m.begin(), m.end(), [](const Message& x) { return x.kind == MessageKind::kRepost; }), 7);
        }}},
      {"sns-python-twitter/search_tweets_query.json",
       {Disposition::kParsed, "search page with includes.users / includes.tweets expansions",
        [](const std::string& body) {
          const XAccount snowman{"17200003", "snowman"};
          auto m = MustTweets(body, snowman);
          ASSERT_EQ(m.size(), 4u);
          EXPECT_EQ(m[0].external_id, "1276035977375477760");
          EXPECT_EQ(m[0].author.handle, "happycamper");
          EXPECT_EQ(m[0].author.name, "Emily Waligoske \xF0\x9F\x8F\x95");
          EXPECT_EQ(m[0].kind, MessageKind::kReply);
          EXPECT_EQ(m[0].parent_id, "1275653067283759104");
          EXPECT_EQ(m[0].created_at, 1593065659000);
          ASSERT_EQ(m[0].attachments.size(), 1u);  // media key without includes.media
          EXPECT_EQ(m[0].attachments[0].type, "media");
          EXPECT_TRUE(StartsWith(m[0].text, "@snowman Ooo, thanks error message"));
          EXPECT_FALSE(m[0].is_outbound);
          EXPECT_EQ(m[1].author.handle, "snowman");
          EXPECT_TRUE(m[1].is_outbound);  // written by the account we parse for
          EXPECT_EQ(m[2].author.handle, "jellybeanjones");
        }}},
      {"sns-python-twitter/timeline_mentions.json",
       {Disposition::kParsed, "GET /2/users/:id/mentions page (no author expansion)",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 5u);
          EXPECT_EQ(m[0].external_id, "1364398068313903104");
          EXPECT_EQ(m[0].kind, MessageKind::kMention);  // "@TwitterDev" in the text
          EXPECT_EQ(m[2].kind, MessageKind::kMention);
          for (const auto& x : m) EXPECT_EQ(x.author.id, "");
          EXPECT_NE(m[0].text.find("\n\n@TwitterSupport"), std::string::npos);
        }}},
      {"sns-python-twitter/tweet.json",
       {Disposition::kParsed, "a bare v2 post model: parsed wrapped as {\"data\": ...}",
        [](const std::string& body) {
          auto m = MustTweets("{\"data\":" + body + "}", kTwitterDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1212092628029698048");
          EXPECT_EQ(m[0].kind, MessageKind::kReply);
          EXPECT_EQ(m[0].parent_id, "1212092627178287104");
          EXPECT_TRUE(m[0].is_outbound);
          EXPECT_EQ(m[0].created_at, 1577820376000);
          ASSERT_EQ(m[0].attachments.size(), 1u);
        }}},
      {"sns-python-twitter/tweet_resp.json",
       {Disposition::kParsed, "GET /2/tweets/:id with includes.media",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1067094924124872705");
          ASSERT_EQ(m[0].attachments.size(), 1u);
          EXPECT_EQ(m[0].attachments[0].type, "video");
          EXPECT_EQ(m[0].attachments[0].url, "");  // no url / preview requested
        }}},
      {"sns-python-twitter/tweets_resp.json",
       {Disposition::kParsed, "GET /2/tweets page with includes.users",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 2u);
          EXPECT_EQ(m[0].author.handle, "TwitterDev");
          EXPECT_EQ(m[0].author.verified, true);
          EXPECT_TRUE(m[0].is_outbound);
          EXPECT_EQ(m[0].created_at, 1589558622000);
          EXPECT_EQ(m[1].author.handle, "Twitter");
          EXPECT_EQ(m[1].author.name, "Twitter");
          EXPECT_FALSE(m[1].is_outbound);
          EXPECT_EQ(m[1].text, "Good news and bad news: \n\n2020 is half over");
        }}},
      {"sns-python-twitter/user.json",
       {Disposition::kNotAMessage, "a bare user model object without data",
        [](const std::string& body) { ExpectNoData(body); }}},
      {"sns-python-twitter/users_resp.json",
       {Disposition::kNotAMessage, "GET /2/users lookup",
        [](const std::string& body) { ExpectNotPosts(body, "data[0].text"); }}},

      // ---------------- twitter-dart ----------------
      {"twitter-dart/connect_filtered_stream.json",
       {Disposition::kParsed, "filtered stream objects (stored as a JSON array), fed line by line",
        [](const std::string& body) {
          std::vector<Message> msgs;
          std::vector<XStreamRule> rules;
          int heartbeats = 0;
          for (const std::string& line : StreamLinesOf(body)) {
            auto r = ParseStreamLine(line, kTwitterDev);
            ASSERT_TRUE(r.ok()) << r.status().ToString();
            heartbeats += r->heartbeat;
            msgs.insert(msgs.end(), r->messages.begin(), r->messages.end());
            rules.insert(rules.end(), r->matching_rules.begin(), r->matching_rules.end());
          }
          EXPECT_EQ(heartbeats, 1);
          ASSERT_EQ(msgs.size(), 1u);
          EXPECT_EQ(msgs[0].external_id, "1067094924124872705");
          ASSERT_EQ(rules.size(), 1u);
          EXPECT_EQ(rules[0].id, "1529736824088072193");
        }}},
      {"twitter-dart/connect_sample_stream_with_error.json",
       {Disposition::kParsed, "sample stream with multi-script text and an in-band {\"errors\":[]}",
        [](const std::string& body) {
          std::vector<Message> msgs;
          int error_lines = 0;
          for (const std::string& line : StreamLinesOf(body)) {
            auto r = ParseStreamLine(line, kTwitterDev);
            ASSERT_TRUE(r.ok()) << r.status().ToString();
            if (!r->heartbeat && r->messages.empty()) ++error_lines;
            msgs.insert(msgs.end(), r->messages.begin(), r->messages.end());
          }
          EXPECT_EQ(error_lines, 1);
          ASSERT_EQ(msgs.size(), 5u);
          EXPECT_EQ(msgs[0].external_id, "1528053368903520256");
          EXPECT_TRUE(StartsWith(msgs[0].text, "吟味しなおし"));
          EXPECT_TRUE(StartsWith(msgs[1].text, "RT @RestiMelati: #نقل_اثاث_بالرياض"));
          EXPECT_NE(msgs[2].text.find("दुनियावालो"), std::string::npos);
          EXPECT_NE(msgs[3].text.find("\xF0\x9F\x98\x8A"), std::string::npos);  // 😊
          EXPECT_EQ(msgs[4].external_id, "1528053368916439041");
        }}},
      {"twitter-dart/create_message.json",
       {Disposition::kNotAMessage, "DM send receipt {dm_event_id, dm_conversation_id}",
        [](const std::string& body) {
          EXPECT_EQ(ParseV2DmEvents(body, kTwitterDev).status().reason(), "missing_field");
        }}},
      {"twitter-dart/create_tweet.json",
       {Disposition::kParsed, "POST /2/tweets receipt",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1445880548472328192");
          EXPECT_EQ(m[0].text, "Hello, World!");
        }}},
      {"twitter-dart/lookup_events.json",
       {Disposition::kParsed, "GET /2/dm_events with includes.users/media (and null includes)",
        [](const std::string& body) {
          const XAccount bot{"1514013247719952385", "gitrepo_bot"};
          auto m = MustDms(body, bot);
          ASSERT_EQ(m.size(), 4u);
          EXPECT_EQ(m[0].external_id, "1589472163941056517");
          EXPECT_EQ(m[0].author.handle, "gitrepo_bot");
          EXPECT_EQ(m[0].author.followers, 0);
          EXPECT_EQ(m[0].author.verified, false);
          EXPECT_TRUE(m[0].is_outbound);
          EXPECT_EQ(m[0].thread_key, "1514013247719952385-1514013247719952385");
          EXPECT_EQ(m[0].created_at, 1667794669000);
          ASSERT_EQ(m[0].attachments.size(), 1u);
          EXPECT_EQ(m[0].attachments[0].type, "photo");
          EXPECT_TRUE(StartsWith(m[0].attachments[0].url, "https://ton.twitter.com/1.1/ton/data/dm/"));
          EXPECT_EQ(m[1].text, "aaaa");
          EXPECT_TRUE(m[1].attachments.empty());
        }}},
      {"twitter-dart/lookup_home_timeline.json",
       {Disposition::kParsed, "home timeline page (doc copy; its \\n were corrupted to n, so text is not asserted)",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 5u);
          for (const auto& x : m) {
            EXPECT_EQ(x.author.handle, "TwitterDev");
            EXPECT_TRUE(x.is_outbound);
          }
          EXPECT_EQ(m[0].external_id, "1524796546306478083");
          EXPECT_EQ(m[4].external_id, "1522642323535847424");
        }}},
      {"twitter-dart/rate_limit_exceeded_error.json",
       {Disposition::kNotAMessage, "legacy 429 body {errors:[{code:88}]}",
        [](const std::string& body) {
          ExpectNoData(body);
          auto e = ParseV2Errors(body);
          ASSERT_TRUE(e.ok());
          ASSERT_EQ(e->size(), 1u);
          EXPECT_EQ((*e)[0].code, 88);
          EXPECT_EQ((*e)[0].message, "Rate limit exceeded");
        }}},
      {"twitter-dart/search_recent_with_various_fields.json",
       {Disposition::kParsed, "search page with conversation_id and many optional fields (text \\n corrupted)",
        [](const std::string& body) {
          auto m = MustTweets(body, kTwitterDev);
          ASSERT_EQ(m.size(), 6u);
          EXPECT_EQ(m[0].external_id, "1373001119480344583");
          EXPECT_EQ(m[0].thread_key, "1050118621198921728");
          EXPECT_EQ(m[0].created_at, 1559689928000);
          EXPECT_EQ(m[1].created_at, 0);
          EXPECT_EQ(m[2].kind, MessageKind::kReply);
          EXPECT_EQ(m[2].parent_id, "1242125486844604425");
          EXPECT_EQ(m[3].kind, MessageKind::kQuote);  // quoted post not expanded: assumed ours
          EXPECT_EQ(m[5].kind, MessageKind::kMention);  // entities.mentions TwitterDev
        }}},

      // ---------------- twitter-text ----------------
      {"twitter-text/extract.yml",
       {Disposition::kNotAMessage,
        "twitter-text conformance suite for mention/URL extraction: a test oracle, not a payload",
        [](const std::string& body) { EXPECT_NE(body.find("mentions:"), std::string::npos); }}},
      {"twitter-text/v3.json",
       {Disposition::kNotAMessage,
        "weighted-length configuration (280 units, URL = 23): used by the reply-length counter, a later issue",
        [](const std::string& body) {
          EXPECT_EQ(boost::json::parse(body).at("maxWeightedTweetLength").as_int64(), 280);
        }}},
      {"twitter-text/validate.yml",
       {Disposition::kNotAMessage,
        "twitter-text length/validity conformance suite: used by the reply-length counter, a later issue",
        [](const std::string& body) { EXPECT_NE(body.find("tests:"), std::string::npos); }}},

      // ---------------- tweepy cassettes (gzip + base64 bodies, decoded here) ----------------
      {"tweepy/test_client_create_and_delete_tweet.yaml",
       {Disposition::kParsed, "POST /2/tweets receipt (a post) then DELETE receipt {deleted:true} (not a post)",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 2u);
          EXPECT_EQ(in[0].status, 201);
          auto m = MustTweets(in[0].body, kTweepyDev);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1456012973835788293");
          EXPECT_EQ(m[0].text, "Test Tweet");
          EXPECT_EQ(in[1].method, "DELETE");
          ExpectNotPosts(in[1].body, "data.id");
        }}},
      {"tweepy/test_client_get_me.yaml",
       {Disposition::kNotAMessage, "GET /2/users/me: a user lookup",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 1u);
          ExpectNotPosts(in[0].body, "data.text");
        }}},
      {"tweepy/test_client_get_tweet.yaml",
       {Disposition::kParsed, "GET /2/tweets/:id (surrogate-pair escapes, one-id edit history)",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 1u);
          auto m = MustTweets(in[0].body, kTwitter);
          ASSERT_EQ(m.size(), 1u);
          EXPECT_EQ(m[0].external_id, "1293593516040269825");
          EXPECT_EQ(m[0].edit_of, "");
          EXPECT_NE(m[0].text.find("\xF0\x9F\xA5\x81"), std::string::npos);  // \uD83E\uDD41 joined
        }}},
      {"tweepy/test_client_get_users.yaml",
       {Disposition::kNotAMessage, "GET /2/users/by: a user lookup",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 1u);
          ExpectNotPosts(in[0].body, "data[0].text");
        }}},
      {"tweepy/test_client_get_users_mentions.yaml",
       {Disposition::kParsed, "GET /2/users/783214/mentions (recorded)",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 1u);
          auto m = MustTweets(in[0].body, kTwitter);
          ASSERT_GE(m.size(), 6u);
          EXPECT_EQ(m[0].external_id, "1578516295611748353");
          EXPECT_EQ(m[0].kind, MessageKind::kMention);
          EXPECT_TRUE(StartsWith(m[5].text, "@Twitter make \xF0\x9F\xA4\xA8"));
          // Every post of a mentions timeline names the account somewhere in its text.
          for (const auto& x : m) EXPECT_EQ(x.kind, MessageKind::kMention) << x.external_id;
        }}},
      {"tweepy/test_client_get_users_tweets.yaml",
       {Disposition::kParsed, "GET /2/users/783214/tweets (recorded)",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 1u);
          auto m = MustTweets(in[0].body, kTwitter);
          ASSERT_EQ(m.size(), 2u);
          EXPECT_EQ(m[0].external_id, "1577730467436138524");
          EXPECT_TRUE(StartsWith(m[1].text, "if you see an edited Tweet"));
        }}},
      {"tweepy/test_client_hide_and_unhide_reply.yaml",
       {Disposition::kNotAMessage, "PUT /2/tweets/:id/hidden receipts {data:{hidden}}",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 2u);
          EXPECT_EQ(in[0].body, R"({"data":{"hidden":true}})");
          ExpectNotPosts(in[0].body, "data.id");
        }}},
      {"tweepy/test_client_search_recent_tweets.yaml",
       {Disposition::kParsed, "GET /2/tweets/search/recent (recorded)",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 1u);
          auto m = MustTweets(in[0].body, kTwitter);
          ASSERT_EQ(m.size(), 10u);
          EXPECT_EQ(m[0].external_id, "1578516068309794817");
          EXPECT_EQ(m[0].text, "2022-10-07 22:42:12.637103 tweepy");
          EXPECT_EQ(m[0].kind, MessageKind::kPost);
        }}},
      {"tweepy/test_manage_and_lookup_direct_messages.yaml",
       {Disposition::kParsed, "DM send receipts (not messages) and two DM event pages (messages)",
        [](const std::string& body) {
          auto in = ReadCassette(body);
          ASSERT_EQ(in.size(), 6u);
          for (int i = 0; i < 3; ++i) {
            EXPECT_EQ(in[i].status, 201);
            EXPECT_EQ(ParseV2DmEvents(in[i].body, kTweepyDev).status().reason(), "missing_field");
          }
          EXPECT_TRUE(MustDms(in[3].body, kTweepyDev).empty());  // {"meta":{"result_count":0}}
          for (int i = 4; i < 6; ++i) {
            auto m = MustDms(in[i].body, kTweepyDev);
            ASSERT_EQ(m.size(), 2u);
            EXPECT_EQ(m[0].external_id, "1585800613752881156");
            EXPECT_EQ(m[0].text, "Testing 2");
            EXPECT_EQ(m[1].external_id, "1585800613253812228");
          }
        }}},
  };
  return *table;
}

TEST(XFixturesTest, EverySharedTwitterFixtureIsParsedOrDocumented) {
  const fs::path root = testing::FixtureDir();
  ASSERT_TRUE(fs::is_directory(root)) << root;
  std::set<std::string> seen;
  int parsed = 0;
  int documented = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), root).generic_string();
    seen.insert(rel);
    auto it = Table().find(rel);
    if (it == Table().end()) {
      ADD_FAILURE() << "fixture not covered: " << rel
                    << " (add it to the table in x_fixtures_test.cc, parsed or with a reason)";
      continue;
    }
    SCOPED_TRACE(rel + ": " + it->second.why);
    it->second.check(fr::testing::ReadFileOrDie(entry.path().string()));
    (it->second.disposition == Disposition::kParsed ? parsed : documented) += 1;
  }
  for (const auto& [rel, entry] : Table()) {
    EXPECT_TRUE(seen.count(rel)) << "table lists a fixture that does not exist: " << rel;
  }
  std::cout << "[x fixtures] parsed=" << parsed << " not-a-message=" << documented << "\n";
}

}  // namespace
}  // namespace fr::channels::x
