// The simulated forums' feeds: the RSS documents read back by Feedroom's own feed parser,
// escaping, the ETag / 304 exchange, and the feeds that exist.
#include <gtest/gtest.h>

#include "channels/feed/feed_parse.h"
#include "channels/sim/rss_writer.h"
#include "channels/sim/sim_dates.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers

constexpr char kFeedPath[] = "/feeds/forum.demo.xml";

Customer Writer(std::string name = "הילה רוזן") {
  return Customer{domain::Platform::kRss, Person{"hila_r", "", std::move(name), 0, false}, ""};
}

CustomerAction ForumAction(std::string text, std::string title = "",
                           std::string feed = "forum.demo", Customer who = Writer()) {
  CustomerAction a =
      Action(CustomerActionKind::kForum, std::move(who), std::move(text), std::move(feed));
  a.title = std::move(title);
  return a;
}

SimRequest Get(std::string_view path, std::string_view if_none_match = "") {
  SimRequest r = Request("GET", std::string(path));
  if (!if_none_match.empty()) r.headers.Add("If-None-Match", std::string(if_none_match));
  return r;
}

feed::FeedDocument Parse(const SimResponse& r) {
  auto doc = feed::ParseFeed(r.body, FindHeader(r.headers, "content-type"),
                             "http://127.0.0.1:8090/feeds/forum.demo.xml");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString() << "\n" << r.body;
  if (!doc.ok()) return {};
  EXPECT_FALSE(doc->bozo) << doc->bozo_reason << "\n" << r.body;
  return *doc;
}

TEST(FeedApiTest, ForumPostsAreItemsNewestFirstAsFeedroomReadsThem) {
  SimPlatform sim(TestSimConfig());
  const PostedAction first = MustPost(
      sim, ForumAction("הזמנתי מקנטינה והמשלוח הגיע קר.\nלא אזמין שוב.", "אכזבה מקנטינה"), kT0);
  EXPECT_FALSE(first.webhook.has_value());
  const PostedAction second =
      MustPost(sim, ForumAction("Lovely place", "", "forum.demo", Writer("")), kT0 + kMinute);

  const SimResponse r = sim.Handle(Get(kFeedPath), kT0 + kHour);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(FindHeader(r.headers, "content-type"), "application/rss+xml; charset=utf-8");
  EXPECT_EQ(FindHeader(r.headers, "last-modified"), "Thu, 01 Jan 2026 00:01:00 GMT");
  const feed::FeedDocument doc = Parse(r);
  EXPECT_EQ(doc.encoding, "utf-8");
  ASSERT_EQ(doc.items.size(), 2u);
  const feed::FeedItem& newest = doc.items[0];
  EXPECT_EQ("forum.demo:" + newest.key, second.id);  // the id Feedroom files the item under
  EXPECT_EQ(newest.author, "hila_r");                // no name: the user name
  EXPECT_EQ(newest.text, "Lovely place");
  EXPECT_TRUE(newest.title.empty());
  const feed::FeedItem& oldest = doc.items[1];
  EXPECT_EQ("forum.demo:" + oldest.key, first.id);
  EXPECT_EQ(oldest.title, "אכזבה מקנטינה");
  EXPECT_EQ(oldest.author, "הילה רוזן");
  EXPECT_EQ(oldest.published, kT0);
  EXPECT_NE(oldest.text.find("הגיע קר."), std::string::npos);
  EXPECT_NE(oldest.text.find("לא אזמין שוב."), std::string::npos);
  EXPECT_EQ(oldest.link, "https://forums.example.com/forum.demo/posts/" + oldest.key);
  EXPECT_NE(r.body.find("<guid isPermaLink=\"false\">"), std::string::npos);
}

TEST(FeedApiTest, CustomerTextCannotBreakTheDocument) {
  SimPlatform sim(TestSimConfig());
  const std::string nasty =
      "<script>alert('x')</script> & \"quotes\" ]]> \x01"
      "bell";
  MustPost(sim, ForumAction(nasty, "</title><b>bold</b>", "forum.demo", Writer("<admin>")), kT0);
  const SimResponse r = sim.Handle(Get(kFeedPath), kT0);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_EQ(r.body.find('\x01'), std::string::npos);
  const feed::FeedDocument doc = Parse(r);
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].text, "<script>alert('x')</script> & \"quotes\" ]]> bell");
  EXPECT_NE(doc.items[0].title.find("bold"), std::string::npos);  // markup in a title is text
  EXPECT_EQ(doc.items[0].author, "<admin>");
}

TEST(FeedApiTest, EscapingKeepsHebrewAndReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(internal::XmlEscaped("שלום <&> \"'"), "שלום &lt;&amp;&gt; &quot;&#39;");
  EXPECT_EQ(internal::XmlEscaped("a\xFF"
                                 "b\xC3"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(internal::XmlEscaped("\xEF\xBF\xBE\t\n"), "\t\n");  // U+FFFE is not XML
}

TEST(FeedApiTest, AnUnchangedFeedIsNotModified) {
  SimPlatform sim(TestSimConfig());
  MustPost(sim, ForumAction("ראשון"), kT0);
  const SimResponse first = sim.Handle(Get(kFeedPath), kT0);
  const std::string etag(FindHeader(first.headers, "etag"));
  ASSERT_EQ(etag.size(), 66u) << etag;  // "<64 hex digits>"
  EXPECT_EQ(etag.front(), '"');

  const SimResponse again = sim.Handle(Get(kFeedPath, etag), kT0 + kMinute);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(FindHeader(again.headers, "etag"), etag);
  EXPECT_EQ(FindHeader(again.headers, "last-modified"), internal::HttpDate(kT0));
  EXPECT_EQ(sim.Handle(Get(kFeedPath, "\"other\", W/" + etag), kT0).status, 304);
  EXPECT_EQ(sim.Handle(Get(kFeedPath, "*"), kT0).status, 304);
  EXPECT_EQ(sim.Handle(Get(kFeedPath, "\"other\""), kT0).status, 200);

  MustPost(sim, ForumAction("שני"), kT0 + kMinute);
  const SimResponse changed = sim.Handle(Get(kFeedPath, etag), kT0 + kMinute);
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(FindHeader(changed.headers, "etag"), etag);
}

TEST(FeedApiTest, AFeedCarriesItsNewestFiftyPosts) {
  SimPlatform sim(TestSimConfig());
  for (int i = 0; i < 60; ++i)
    MustPost(sim, ForumAction("post " + std::to_string(i)), kT0 + i * 1000);
  const feed::FeedDocument doc = Parse(sim.Handle(Get(kFeedPath), kT0 + kMinute));
  ASSERT_EQ(doc.items.size(), 50u);
  EXPECT_EQ(doc.items.front().text, "post 59");
  EXPECT_EQ(doc.items.back().text, "post 10");
}

TEST(FeedApiTest, OnlyFeedsThatExistAreServed) {
  SimConfig config = TestSimConfig();
  config.feed_ids = {"reviews"};
  SimPlatform sim(config);
  const SimResponse configured = sim.Handle(Get("/feeds/reviews.xml"), kT0);
  EXPECT_EQ(configured.status, 200);
  EXPECT_TRUE(Parse(configured).items.empty());
  EXPECT_EQ(FindHeader(configured.headers, "last-modified"), "");

  EXPECT_EQ(sim.Handle(Get(kFeedPath), kT0).status, 404);
  sim.OpenFeed("forum.demo");
  EXPECT_EQ(sim.Handle(Get(kFeedPath), kT0).status, 200);
  MustPost(sim, ForumAction("x", "", "blog.new"), kT0);  // posting opens a feed
  EXPECT_EQ(sim.Handle(Get("/feeds/blog.new.xml"), kT0).status, 200);
  EXPECT_EQ(sim.Handle(Get("/feeds/reviews/x.xml"), kT0).status, 404);
  EXPECT_EQ(sim.Handle(Get("/feeds/reviews"), kT0).status, 404);
  const SimResponse post = sim.Handle(Request("POST", "/feeds/reviews.xml"), kT0);
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(FindHeader(post.headers, "allow"), "GET");
}

TEST(FeedApiTest, OnlyForumPostsGoToFeeds) {
  SimPlatform sim(TestSimConfig());
  EXPECT_EQ(sim.Post(ForumAction("x", "", ""), kT0).status().reason(), "bad_action");
  EXPECT_EQ(sim.Post(ForumAction("x", "", "forum.demo", XCustomer()), kT0).status().reason(),
            "bad_action");
}

}  // namespace
}  // namespace fr::channels::sim
