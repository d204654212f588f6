// The simulated recent search: which posts a query finds, since_id, pages, tokens and rate
// headers, and its pages read back by Feedroom's own v2 parser.
#include "channels/sim/x_search.h"

#include <gtest/gtest.h>

#include "channels/sim/sim_test_util.h"
#include "channels/x/x_listen_request.h"
#include "channels/x/x_v2_tweets.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
namespace json = boost::json;
using domain::MessageKind;

constexpr char kAppToken[] = "x-app-bearer";

SimConfig WithAppToken() {
  SimConfig c = TestSimConfig();
  c.x.app_bearer_token = kAppToken;
  return c;
}

SimRequest Search(std::string_view query, std::string_view extra = "",
                  std::string_view token = kAppToken) {
  return Request("GET",
                 "/2/tweets/search/recent?query=" + x::QueryValue(query) + std::string(extra), "",
                 token);
}

class XSearchTest : public ::testing::Test {
 protected:
  std::string Post(CustomerActionKind kind, std::string text, UnixMillis at,
                   std::string target = "", Customer who = XCustomer()) {
    return MustPost(sim_, Action(kind, std::move(who), std::move(text), std::move(target)), at).id;
  }

  SimPlatform sim_{WithAppToken()};
};

TEST(SearchWordsTest, KeepsPlainWordsAndPhrasesAndDropsOperators) {
  EXPECT_EQ(internal::SearchWords(
                R"((קנטינה OR Kantina) -is:retweet lang:he -spam -"not me" "Food Poisoning" AND)"),
            (std::vector<std::string>{"קנטינה", "kantina", "food poisoning"}));
  EXPECT_TRUE(internal::SearchWords("lang:he -is:retweet").empty());
}

TEST(SearchWordsTest, MatchesIgnoringAsciiCaseAndInsideHebrewWords) {
  const std::vector<std::string> words = internal::SearchWords("kantina OR קנטינה");
  EXPECT_TRUE(internal::ContainsAnyWord("Lunch at KANTINA today", words));
  EXPECT_TRUE(internal::ContainsAnyWord("אכלנו בקנטינה", words));  // with a prefix letter
  EXPECT_FALSE(internal::ContainsAnyWord("אכלנו בבית", words));
}

TEST_F(XSearchTest, FindsCustomersPublicPostsNewestFirstAsFeedroomReadsThem) {
  const std::string post = Post(CustomerActionKind::kPost, "מישהו ניסה את קנטינה?", kT0);
  const std::string mention =
      Post(CustomerActionKind::kMention, "קנטינה, איפה ההזמנה?", kT0 + 1000);
  Customer yossi = XCustomer("1600000000000000202", "yossi_k", "יוסי");
  const std::string reply =
      Post(CustomerActionKind::kReply, "גם אני אכלתי בקנטינה", kT0 + 2000, post, yossi);
  Post(CustomerActionKind::kPost, "ערב טוב לכולם", kT0 + 3000);     // no word of the query
  Post(CustomerActionKind::kDm, "קנטינה, שאלה בפרטי", kT0 + 4000);  // DMs are not public
  ASSERT_TRUE(sim_.AddBrandPost(domain::Platform::kX, "", "חדש בקנטינה", kT0).ok());

  const SimResponse r =
      sim_.Handle(Search("(קנטינה OR kantina) -is:retweet lang:he"), kT0 + kMinute);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-limit"), "450");
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-remaining"), "449");
  const json::value body = Json(r.body);
  EXPECT_EQ(body.at("meta"), Json(R"({"newest_id":")" + reply + R"(","oldest_id":")" + post +
                                  R"(","result_count":3})"));

  auto messages = x::ParseV2Tweets(r.body, TestXConfig().accounts[0]);
  ASSERT_TRUE(messages.ok()) << messages.status().ToString();
  ASSERT_EQ(messages->size(), 3u);
  const domain::Message& newest = messages->at(0);
  EXPECT_EQ(newest.external_id, reply);
  EXPECT_EQ(newest.kind, MessageKind::kReply);
  EXPECT_EQ(newest.parent_id, post);
  EXPECT_EQ(newest.thread_key, post);
  EXPECT_EQ(newest.author.handle, "yossi_k");
  EXPECT_EQ(messages->at(1).external_id, mention);
  EXPECT_EQ(messages->at(1).kind, MessageKind::kMention);
  const domain::Message& oldest = messages->at(2);
  EXPECT_EQ(oldest.kind, MessageKind::kPost);
  EXPECT_EQ(oldest.text, "מישהו ניסה את קנטינה?");
  EXPECT_EQ(oldest.created_at, kT0);
  EXPECT_EQ(oldest.author.name, "דנה לוי");
  EXPECT_EQ(oldest.author.followers, 420);
  EXPECT_FALSE(oldest.is_outbound);
}

TEST_F(XSearchTest, APostThatMentionsTheBrandIsAMentionNotAPost) {
  auto posted = sim_.Post(Action(CustomerActionKind::kPost, XCustomer(), "@Kantina_IL שלום"), kT0);
  EXPECT_EQ(posted.status().reason(), "bad_action");
  const PostedAction quiet =
      MustPost(sim_, Action(CustomerActionKind::kPost, XCustomer(), "kantina שלום"), kT0);
  EXPECT_FALSE(quiet.webhook.has_value());
}

TEST_F(XSearchTest, SinceIdLeavesOutWhatWasSeen) {
  const std::string first = Post(CustomerActionKind::kPost, "kantina 1", kT0);
  const std::string second = Post(CustomerActionKind::kPost, "kantina 2", kT0 + 1000);
  const SimResponse r = sim_.Handle(Search("kantina", "&since_id=" + first), kT0 + kMinute);
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value body = Json(r.body);
  ASSERT_EQ(body.at("data").as_array().size(), 1u);
  EXPECT_EQ(body.at("data").at(0).at("id").as_string(), second);

  const SimResponse none = sim_.Handle(Search("kantina", "&since_id=" + second), kT0 + kMinute);
  EXPECT_EQ(Json(none.body), Json(R"({"meta":{"result_count":0}})"));
}

TEST_F(XSearchTest, PagesFollowNextTokenUntilTheOldest) {
  std::vector<std::string> ids;
  for (int i = 0; i < 25; ++i) {
    ids.push_back(Post(CustomerActionKind::kPost, "kantina #" + std::to_string(i), kT0 + i * 1000));
  }
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    const std::string extra = "&max_results=10" + (token.empty() ? "" : "&next_token=" + token);
    const SimResponse r = sim_.Handle(Search("kantina", extra), kT0 + kMinute);
    ASSERT_EQ(r.status, 200) << r.body;
    const json::value body = Json(r.body);
    const json::object& meta = body.at("meta").as_object();
    for (const json::value& post : body.at("data").as_array()) {
      seen.emplace_back(post.at("id").as_string());
    }
    EXPECT_EQ(meta.at("newest_id"), json::value(seen.at(pages * 10)));
    EXPECT_EQ(meta.at("oldest_id"), json::value(seen.back()));
    token = meta.contains("next_token") ? std::string(meta.at("next_token").as_string()) : "";
    ++pages;
  } while (!token.empty() && pages < 5);
  EXPECT_EQ(pages, 3);
  std::reverse(ids.begin(), ids.end());
  EXPECT_EQ(seen, ids);  // every post once, newest first
}

TEST_F(XSearchTest, AcceptsTheAppTokenAndTheAccountsTokensOnly) {
  Post(CustomerActionKind::kPost, "kantina", kT0);
  EXPECT_EQ(sim_.Handle(Search("kantina", "", kBrandToken), kT0).status, 200);
  EXPECT_EQ(sim_.Handle(Search("kantina", "", "nobody's"), kT0).status, 401);
  EXPECT_EQ(sim_.Handle(Search("kantina", "", ""), kT0).status, 401);
  // The app's token cannot post: that needs a user's.
  const SimResponse post =
      sim_.Handle(Request("POST", "/2/tweets", R"({"text":"hi"})", kAppToken), kT0);
  EXPECT_EQ(post.status, 403);
  EXPECT_EQ(Json(post.body).at("title"), "Unsupported Authentication");
  // Without a configured app token, none is accepted.
  SimPlatform plain(TestSimConfig());
  EXPECT_EQ(plain.Handle(Search("kantina"), kT0).status, 401);
}

TEST_F(XSearchTest, RefusesBadParametersAsX) {
  for (const std::string& target :
       {std::string("/2/tweets/search/recent"), std::string("/2/tweets/search/recent?query=")}) {
    const SimResponse r = sim_.Handle(Request("GET", target, "", kAppToken), kT0);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(Json(r.body).at("title"), "Invalid Request");
  }
  EXPECT_EQ(sim_.Handle(Search("kantina", "&max_results=5"), kT0).status, 400);
  EXPECT_EQ(sim_.Handle(Search("kantina", "&max_results=101"), kT0).status, 400);
  EXPECT_EQ(sim_.Handle(Search("kantina", "&since_id=abc"), kT0).status, 400);
  EXPECT_EQ(sim_.Handle(Search("kantina", "&next_token=-1"), kT0).status, 400);
  EXPECT_EQ(sim_.Handle(Search(std::string(513, 'k')), kT0).status, 400);
}

TEST_F(XSearchTest, IsRateLimitedPerCaller) {
  for (int i = 0; i < 450; ++i) ASSERT_EQ(sim_.Handle(Search("kantina"), kT0).status, 200);
  const SimResponse limited = sim_.Handle(Search("kantina"), kT0);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(FindHeader(limited.headers, "x-rate-limit-remaining"), "0");
  EXPECT_EQ(sim_.Handle(Search("kantina", "", kBrandToken), kT0).status, 200);  // its own window
  EXPECT_EQ(sim_.Handle(Search("kantina"), kT0 + 15 * kMinute).status, 200);
}

TEST_F(XSearchTest, OnlyTheLastSevenDaysAreSearched) {
  Post(CustomerActionKind::kPost, "kantina old", kT0);
  EXPECT_EQ(Json(sim_.Handle(Search("kantina"), kT0 + 7 * kDay + 1).body),
            Json(R"({"meta":{"result_count":0}})"));
}

}  // namespace
}  // namespace fr::channels::sim
