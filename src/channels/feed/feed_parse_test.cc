#include "channels/feed/feed_parse.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "base/crypto.h"

namespace fr::channels::feed {
namespace {

// 2023-07-04T09:30:00Z
constexpr UnixMillis kJuly4 = 1688463000000;

FeedDocument MustParse(std::string_view body, std::string_view content_type = "",
                       std::string_view url = "") {
  Result<FeedDocument> doc = ParseFeed(body, content_type, url);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : FeedDocument{};
}

// A review site's feed in windows-1255 (Hebrew), written the way such sites do: HTML escaped
// into <description>, an Israeli time zone, dc:creator, a guid that is not a URL and a link
// relative to the feed. The bytes are spelled out; the comments show the Hebrew.
TEST(FeedParseTest, HebrewWindows1255Golden) {
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"windows-1255\"?>\n"
      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel>\n"
      // שירות לקוחות – "אל על"
      "<title>\xF9\xE9\xF8\xE5\xFA \xEC\xF7\xE5\xE7\xE5\xFA \x96 \"\xE0\xEC \xF2\xEC\"</title>\n"
      "<link>/reviews</link>\n"
      "<ttl>30</ttl>\n"
      "<item>\n"
      // תלונה: המזוודה לא הגיעה
      "<title>\xFA\xEC\xE5\xF0\xE4: \xE4\xEE\xE6\xE5\xE5\xE3\xE4 \xEC\xE0 "
      "\xE4\xE2\xE9\xF2\xE4</title>\n"
      "<link>reviews/1234</link>\n"
      "<guid isPermaLink=\"false\">review-1234</guid>\n"
      // <p>הטיסה &amp; המזוודה&nbsp;&quot;שלום&quot;</p><p>תודה</p>, escaped once for XML
      "<description>&lt;p&gt;\xE4\xE8\xE9\xF1\xE4 &amp;amp; \xE4\xEE\xE6\xE5\xE5\xE3\xE4&amp;nbsp;"
      "&amp;quot;\xF9\xEC\xE5\xED&amp;quot;&lt;/p&gt;&lt;p&gt;\xFA\xE5\xE3\xE4&lt;/p&gt;</"
      "description>\n"
      // דנה לוי
      "<dc:creator>\xE3\xF0\xE4 \xEC\xE5\xE9</dc:creator>\n"
      "<pubDate>Tue, 04 Jul 2023 12:30:00 IDT</pubDate>\n"
      "</item>\n"
      "<item>\n"
      // שָׁלוֹם with the shin dot before the qamats (not canonical order)
      "<title>\xF9\xD1\xC8\xEC\xE5\xC9\xED</title>\n"
      "<pubDate>Tue, 04 Jul 2023 11:30:00 +0200</pubDate>\n"
      "</item>\n"
      "</channel>\n"
      "</rss>\n";
  const FeedDocument doc =
      MustParse(body, "application/rss+xml", "https://reviews.example.co.il/feed/he.xml");
  EXPECT_FALSE(doc.bozo) << doc.bozo_reason;
  EXPECT_EQ(doc.encoding, "windows-1255");
  EXPECT_EQ(doc.title, "שירות לקוחות – \"אל על\"");
  EXPECT_EQ(doc.link, "https://reviews.example.co.il/reviews");
  EXPECT_EQ(doc.ttl_minutes, 30);
  ASSERT_EQ(doc.items.size(), 2u);

  const FeedItem& first = doc.items[0];
  EXPECT_EQ(first.key, "review-1234");
  EXPECT_EQ(first.link, "https://reviews.example.co.il/feed/reviews/1234");
  EXPECT_EQ(first.title, "תלונה: המזוודה לא הגיעה");
  EXPECT_EQ(first.text, "הטיסה & המזוודה \"שלום\" תודה");
  EXPECT_EQ(first.author, "דנה לוי");
  EXPECT_EQ(first.published, kJuly4);

  const FeedItem& second = doc.items[1];
  EXPECT_EQ(second.title, "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd");  // NFC order
  EXPECT_EQ(second.published, kJuly4);
  EXPECT_EQ(second.link, "");
  EXPECT_EQ(second.key,
            "sha256:" + crypto::Hex(crypto::Sha256("\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd\n"
                                                   "Tue, 04 Jul 2023 11:30:00 +0200")));
}

TEST(FeedParseTest, HebrewUtf8WithoutDeclaration) {
  const FeedDocument doc = MustParse(
      "<rss version=\"2.0\"><channel><title>חדשות</title><item><title><![CDATA[<b>מבצע</b> "
      "&amp; הנחה]]></title><description><![CDATA[<div>שלום&nbsp;<a href=\"/x\">עולם</a>"
      "</div>]]></description><guid>https://example.co.il/p/1</guid></item></channel></rss>");
  EXPECT_FALSE(doc.bozo);
  EXPECT_EQ(doc.encoding, "utf-8");
  EXPECT_EQ(doc.title, "חדשות");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "מבצע & הנחה");
  EXPECT_EQ(doc.items[0].text, "שלום עולם");
  EXPECT_EQ(doc.items[0].key, "https://example.co.il/p/1");
  EXPECT_EQ(doc.items[0].link, "https://example.co.il/p/1");  // a permalink guid
}

TEST(FeedParseTest, NonAsciiLinksArePercentEncoded) {
  const FeedDocument doc = MustParse(
      "<rss><channel><item><link>/מאמר/1?q=a b</link></item>"
      "<item><link>https://example.co.il/ש</link></item></channel></rss>",
      "", "https://example.co.il/feed");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].link, "https://example.co.il/%D7%9E%D7%90%D7%9E%D7%A8/1?q=a%20b");
  EXPECT_EQ(doc.items[1].link, "https://example.co.il/%D7%A9");
}

// Relative references in Atom resolve against xml:base (nested, itself relative) and then
// the feed URL (RFC 3986 §5, Atom §2).
TEST(FeedParseTest, AtomRelativeLinksAndXmlBase) {
  const FeedDocument doc = MustParse(R"xml(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://www.example.org/blog/">
  <title type="html">Acme &lt;em&gt;support&lt;/em&gt; forum</title>
  <link rel="self" href="/feeds/atom.xml"/>
  <link href="index.html"/>
  <author><name>Acme</name><email>care@example.org</email></author>
  <entry xml:base="2024/">
    <id>tag:example.org,2024:Post/1</id>
    <title>First</title>
    <link rel="alternate" type="application/pdf" href="one.pdf"/>
    <link rel="alternate" type="text/html" href="one.html"/>
    <link rel="replies" href="one/comments"/>
    <updated>2024-01-02T03:04:05Z</updated>
    <content type="xhtml" xml:base="../media/"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>bold</b> <i>world</i></p><p>Second <a href="x.html">para</a></p></div></content>
  </entry>
  <entry>
    <id>  urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a
    </id>
    <title type="text">a &lt; b</title>
    <link href="../top.html"/>
    <published>2024-01-02T05:04:05+02:00</published>
    <updated>2024-02-02T00:00:00Z</updated>
    <summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary>
    <content src="http://www.example.org/full/2"/>
  </entry>
  <entry>
    <title>No id</title>
    <link href="?page=3#frag"/>
    <author><name>Someone Else</name></author>
  </entry>
  <entry>
    <title>Bad link</title>
    <link href="javascript:alert(1)"/>
  </entry>
</feed>)xml",
                                     "application/atom+xml", "https://ignored.example.net/feed");
  EXPECT_FALSE(doc.bozo) << doc.bozo_reason;
  EXPECT_EQ(doc.title, "Acme support forum");
  EXPECT_EQ(doc.link, "http://www.example.org/blog/index.html");
  ASSERT_EQ(doc.items.size(), 4u);

  EXPECT_EQ(doc.items[0].key, "tag:example.org,2024:Post/1");
  EXPECT_EQ(doc.items[0].link, "http://www.example.org/blog/2024/one.html");
  EXPECT_EQ(doc.items[0].text, "Hello bold world Second para");
  EXPECT_EQ(doc.items[0].author, "Acme");  // inherited from the feed
  EXPECT_EQ(doc.items[0].author_email, "care@example.org");
  EXPECT_EQ(doc.items[0].published, 1704164645000);

  EXPECT_EQ(doc.items[1].key, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
  EXPECT_EQ(doc.items[1].link, "http://www.example.org/top.html");
  EXPECT_EQ(doc.items[1].title, "a < b");            // type="text" is never read as markup
  EXPECT_EQ(doc.items[1].text, "Short");             // out-of-line content: the summary
  EXPECT_EQ(doc.items[1].published, 1704164645000);  // published wins over updated

  EXPECT_EQ(doc.items[2].link, "http://www.example.org/blog/?page=3#frag");
  EXPECT_EQ(doc.items[2].key, "http://www.example.org/blog/?page=3#frag");
  EXPECT_EQ(doc.items[2].author, "Someone Else");
  EXPECT_EQ(doc.items[2].author_email, "");

  EXPECT_EQ(doc.items[3].link, "");  // javascript: is not a link to show
  EXPECT_EQ(doc.items[3].key, "sha256:" + crypto::Hex(crypto::Sha256("Bad link\n")));
}

TEST(FeedParseTest, AtomRelativeLinkWithoutXmlBaseUsesTheFeedUrl) {
  const FeedDocument doc = MustParse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
      "<link href=\"/r/acme/comments/1\"/></entry></feed>",
      "", "https://www.reddit.com/r/acme/.rss");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].link, "https://www.reddit.com/r/acme/comments/1");
}

TEST(FeedParseTest, AtomIdIsKeptByteForByte) {
  const FeedDocument doc = MustParse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<entry><id>HTTP://Example.COM/a/../b?x=%7e</id></entry>"
      "<entry><id>http://example.com/b?x=~</id></entry></feed>");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].key, "HTTP://Example.COM/a/../b?x=%7e");
  EXPECT_EQ(doc.items[1].key, "http://example.com/b?x=~");
}

TEST(FeedParseTest, Rss10Rdf) {
  const FeedDocument doc = MustParse(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="http://example.com/rss">
    <title>Forum</title><link>http://example.com/</link>
    <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>
  </channel>
  <item rdf:about="http://example.com/t/1"><title>One</title>
    <dc:date>2023-07-04T12:30:00+03:00</dc:date><dc:creator>mod</dc:creator></item>
  <item rdf:about="http://example.com/t/2"><title>Two</title>
    <link>http://example.com/t/2?from=rss</link></item>
</rdf:RDF>)");
  EXPECT_FALSE(doc.bozo);
  EXPECT_EQ(doc.title, "Forum");
  EXPECT_EQ(doc.ttl_minutes, 15);
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].key, "http://example.com/t/1");
  EXPECT_EQ(doc.items[0].link, "http://example.com/t/1");
  EXPECT_EQ(doc.items[0].published, kJuly4);
  EXPECT_EQ(doc.items[0].author, "mod");
  EXPECT_EQ(doc.items[1].key, "http://example.com/t/2");
  EXPECT_EQ(doc.items[1].link, "http://example.com/t/2?from=rss");
}

TEST(FeedParseTest, RssFieldPrecedence) {
  const FeedDocument doc = MustParse(R"(<rss version="2.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <atom:link rel="self" href="http://example.com/feed"/>
  <item>
    <title>Tom &amp;amp; Jerry &lt;b&gt;live&lt;/b&gt;</title>
    <author>tom@example.com (Tom Cat)</author>
    <dc:creator>Thomas</dc:creator>
    <description>short</description>
    <content:encoded><![CDATA[<p>long <em>body</em></p>]]></content:encoded>
    <pubDate>not a date</pubDate>
    <dc:date>2023-07-04T09:30:00Z</dc:date>
    <atom:link href="http://example.com/item"/>
  </item>
  <item>
    <description>only a description</description>
    <content:encoded></content:encoded>
  </item>
</channel></rss>)");
  ASSERT_EQ(doc.items.size(), 2u);
  const FeedItem& a = doc.items[0];
  EXPECT_EQ(a.title, "Tom & Jerry live");
  EXPECT_EQ(a.author, "Thomas");
  EXPECT_EQ(a.author_email, "tom@example.com");
  EXPECT_EQ(a.text, "long body");
  EXPECT_EQ(a.published, kJuly4);
  EXPECT_EQ(a.link, "http://example.com/item");
  EXPECT_EQ(a.key, "http://example.com/item");
  EXPECT_EQ(doc.items[1].text, "only a description");
  EXPECT_EQ(doc.items[1].key, "sha256:" + crypto::Hex(crypto::Sha256("\nonly a description")));
}

TEST(FeedParseTest, RssItemsOutsideTheChannelAndUndeclaredPrefixes) {
  // RSS 0.9x feeds seen in the wild: items directly under <rss>, dc: used without xmlns:dc.
  const FeedDocument doc =
      MustParse("<rss><item><title>x</title><dc:creator>Ann</dc:creator></item></rss>");
  EXPECT_TRUE(doc.bozo);
  EXPECT_EQ(doc.bozo_reason, "malformed_xml");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].author, "Ann");
}

TEST(FeedParseTest, HtmlEntitiesWithTheNetscapeDtd) {
  // RSS 0.91 names its DTD, which is never loaded; its HTML entities still come through.
  const FeedDocument doc = MustParse(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
      "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
      "<rss version=\"0.91\"><channel><title>Caf&eacute;&nbsp;&amp;&nbsp;bar</title>"
      "</channel></rss>");
  EXPECT_EQ(doc.title, "Café & bar");
}

TEST(FeedParseTest, ExternalEntitiesAreNeverRead) {
  const FeedDocument doc = MustParse(
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY remote SYSTEM \"http://127.0.0.1:9/x\">]>\n"
      "<rss><channel><title>a&xxe;b&remote;c</title></channel></rss>");
  EXPECT_EQ(doc.title, "abc");
}

TEST(FeedParseTest, EntityExpansionBombIsHarmless) {
  std::string dtd = "<!DOCTYPE rss [<!ENTITY e0 \"lol\">";
  for (int i = 1; i <= 12; ++i) {
    dtd += "<!ENTITY e" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&e" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  const auto start = std::chrono::steady_clock::now();
  Result<FeedDocument> doc =
      ParseFeed(dtd + "<rss><channel><title>t&e12;</title></channel></rss>", "", "");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  if (doc.ok()) {
    EXPECT_LT(doc->title.size(), 1000u);
  }
  EXPECT_LT(elapsed, std::chrono::seconds(10));
}

TEST(FeedParseTest, NotAFeed) {
  for (std::string_view body :
       {std::string_view(""), std::string_view("   "), std::string_view("{\"items\":[]}"),
        std::string_view("<!DOCTYPE html><html><body><p>Login</p></body></html>"),
        std::string_view("<?xml version=\"1.0\"?><opml><body/></opml>"),
        std::string_view("\x00\x01\x02", 3)}) {
    Result<FeedDocument> doc = ParseFeed(body, "", "");
    ASSERT_FALSE(doc.ok()) << body;
    EXPECT_EQ(doc.status().code(), Errc::kMalformed);
    EXPECT_EQ(doc.status().reason(), "not_a_feed");
  }
}

TEST(FeedParseTest, TooLarge) {
  std::string body = "<rss><channel>";
  body.resize(kMaxFeedBytes + 1, ' ');
  Result<FeedDocument> doc = ParseFeed(body, "", "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Errc::kPayloadTooLarge);
  EXPECT_EQ(doc.status().reason(), "feed_too_large");

  body.resize(kMaxFeedBytes - 20, ' ');
  body += "</channel></rss>";
  EXPECT_TRUE(ParseFeed(body, "", "").ok());
}

TEST(FeedParseTest, BrokenMarkupIsRecoveredAndFlagged) {
  const FeedDocument doc = MustParse(
      "<rss><channel><title>T</title><item><title>one</title><link>http://a/1</link></item>"
      "<item><title>two & three</title><guid>g2</guid></item><item><title>unclosed");
  EXPECT_TRUE(doc.bozo);
  EXPECT_EQ(doc.bozo_reason, "malformed_xml");
  ASSERT_GE(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].key, "http://a/1");
  EXPECT_EQ(doc.items[1].key, "g2");
}

TEST(FeedParseTest, NothingReachesStderr) {
  ::testing::internal::CaptureStderr();
  (void)ParseFeed("<rss><channel><title>&bogus; <b></title>\x01</channel>", "", "");
  (void)ParseFeed("<?xml version=\"1.0\" encoding=\"windows-1255\"?><rss>\xFF</rss>", "", "");
  (void)ParseFeed(
      "<rss><channel><item><description>&lt;p&lt;&lt;/x&gt;</description></item>"
      "</channel></rss>",
      "", "");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(FeedParseTest, ParsesConcurrently) {
  const std::string body =
      "<rss><channel><item><title>\xD7\xA9</title><description>&lt;p&gt;x&lt;/p&gt;"
      "</description></item></channel></rss>";
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Result<FeedDocument> doc = ParseFeed(body, "text/xml; charset=utf-8", "");
        if (doc.ok() && doc->items.size() == 1 && doc->items[0].text == "x") ++ok[t];
        // A broken one in between, so error capture runs on every thread.
        (void)ParseFeed("<rss><channel><title>&bad;</channel>", "", "");
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 50);
}

}  // namespace
}  // namespace fr::channels::feed
