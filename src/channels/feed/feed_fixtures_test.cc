// Every file in ../shared/fixtures/rss, parsed as the poller will parse it: feedparser's
// micro-feeds (each with the result its "Expect:" comment line asks for, and the HTTP
// Content-Type its "Header:" line simulates) and rss-parser's recorded real feeds. A file
// added to the folder without a case here fails EveryFixtureHasACase.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/crypto.h"
#include "base/unicode.h"
#include "channels/feed/feed_parse.h"
#include "channels/feed/feed_test_util.h"

namespace fr::channels::feed {
namespace {

using testing::FixtureDir;

struct FixtureCase {
  std::string file;      // under fixtures/rss
  std::string feed_url;  // where the poller would have fetched it from
  size_t items;
  std::function<void(const FeedDocument&)> check;
};

std::string Sha256Key(std::string_view material) {
  return "sha256:" + crypto::Hex(crypto::Sha256(material));
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void ExpectNotBozo(const FeedDocument& d) { EXPECT_FALSE(d.bozo) << d.bozo_reason; }
void ExpectBozo(const FeedDocument& d, std::string_view reason) {
  EXPECT_TRUE(d.bozo);
  EXPECT_EQ(d.bozo_reason, reason);
}

const std::vector<FixtureCase>& Cases() {
  static const auto* cases = new std::vector<FixtureCase>{
      // --- feedparser: synthetic, one expectation each ---------------------------------------
      // Undeclared encoding, a byte that is not UTF-8: read as windows-1252, flagged.
      {"feedparser/bozo_encoding_mismatch_crash.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectBozo(d, "encoding_mismatch");
         EXPECT_EQ(d.encoding, "windows-1252");
         EXPECT_EQ(d.items[0].text, "\u00a4");  // the HTML link's text; the links are gone
         EXPECT_EQ(d.items[0].key, Sha256Key("\n\u00a4"));
       }},
      // A UTF-8 BOM, then bytes that are not UTF-8: bozo, the valid text kept.
      {"feedparser/bozo_invalid-bytes-with-bom.xml", "", 0,
       [](const FeedDocument& d) {
         ExpectBozo(d, "invalid_bytes");
         EXPECT_EQ(d.encoding, "utf-8");
         EXPECT_EQ(d.title, "Valid UTF8: \u0468Invalid UTF8: Espa\ufffda");
       }},
      // UTF-8 read as Latin-1 and escaped again: the description is one "…" (U+2026).
      {"feedparser/double-encoded-html.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].text, "\u2026");
       }},
      {"feedparser/entry_id.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].key, "http://example.com/");
         EXPECT_EQ(d.items[0].link, "");  // an id is not a link
       }},
      {"feedparser/entry_id_no_normalization_1.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].key, "http://www.example.org/thing");
       }},
      // Greek day and month names (iso-8859-7, served as text/xml without charset): the date
      // does not parse, nothing crashes.
      {"feedparser/http_high_bit_date.xml", "", 0,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.encoding, "iso-8859-7");
       }},
      // text/xml;charset=us-ascii wins over encoding="iso-8859-1".
      {"feedparser/http_text_xml_charset_overrides_encoding.xml", "", 0,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.encoding, "us-ascii");
       }},
      {"feedparser/item_author_map_author_detail_name.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].author, "Example editor");
         EXPECT_EQ(d.items[0].author_email, "me@example.com");
       }},
      // <comments> is the discussion page, never the item's link or key.
      {"feedparser/item_comments.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].link, "");
         EXPECT_EQ(d.items[0].key, Sha256Key("\n"));
       }},
      {"feedparser/item_dc_date.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].published, 1072865695000);  // 2003-12-31T10:14:55Z
         EXPECT_EQ(d.items[0].key, Sha256Key("\n2003-12-31T10:14:55Z"));
       }},
      // isPermaLink absent: the guid is the key and, without a <link>, the link.
      {"feedparser/item_guid.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].key, "http://guid.example.com/");
         EXPECT_EQ(d.items[0].link, "http://guid.example.com/");
       }},
      {"feedparser/item_guid_isPermaLink_conflict_link.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].link, "http://link.example.com/");
         EXPECT_EQ(d.items[0].key, "http://guid.example.com/");
       }},
      {"feedparser/item_guid_not_permalink.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].link, "");
         EXPECT_EQ(d.items[0].key, "http://guid.example.com/");
       }},
      {"feedparser/item_pubDate.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].published, 1072986501000);  // Thu, 01 Jan 2004 19:48:21 GMT
       }},
      // An xhtml title whose link is relative to an inherited xml:base: as plain text the
      // link's words stay and the markup goes.
      {"feedparser/relative_uri_inherit.xml", "", 0,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "Example test");
       }},
      // Cut off inside a CDATA section: recovered up to there, flagged.
      {"feedparser/rss_incomplete_cdata.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectBozo(d, "malformed_xml");
         EXPECT_EQ(d.title, "can feedparser read this xml");
         EXPECT_EQ(d.link, "http://adcdefgh.com");
       }},
      // "&amp;" in a link is one "&" (and the unterminated </rss makes it bozo).
      {"feedparser/rss_item_link_corrupted_ampersands.xml", "", 1,
       [](const FeedDocument& d) {
         ExpectBozo(d, "malformed_xml");
         EXPECT_EQ(d.items[0].link, "http://link/get?a=1&b=2");
       }},
      {"feedparser/undeclared_namespace.xml", "", 0,
       [](const FeedDocument& d) { ExpectBozo(d, "malformed_xml"); }},
      {"feedparser/utf-16le-bom.xml", "", 0,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.encoding, "utf-16le");
       }},
      {"feedparser/utf-8-bom.xml", "", 0,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.encoding, "utf-8");
       }},

      // --- rss-parser: recorded feeds -------------------------------------------------------
      // Medium: CDATA everywhere, content:encoded with the full article, dc:creator.
      {"rss-parser/content-encoded.rss", "https://medium.com/feed/invironment/tagged/food", 7,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "Food in Invironment on Medium");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "https://medium.com/p/125af37d838f");
         EXPECT_EQ(i.link,
                   "https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss---"
                   "-d12c403d4976--food");
         EXPECT_EQ(i.title, "THE CREATIVE FORAGER");
         EXPECT_EQ(i.author, "Jeremy Puma");
         EXPECT_EQ(i.published, 1523300138000);  // Mon, 09 Apr 2018 18:55:38 GMT
         EXPECT_TRUE(StartsWith(i.text, "Using Wild Ingredients in the Kitchen HEY, YOU!"));
         EXPECT_EQ(i.text.find('<'), std::string::npos);
         EXPECT_EQ(d.items[1].title, "Eight Reasons You Shouldn\u2019t Grow Your Own Food");
       }},
      // Craigslist: RSS 1.0 (RDF), items beside the channel, rdf:about, dc:date,
      // syn:updatePeriod hourly / updateFrequency 6.
      {"rss-parser/craigslist.rss", "https://sfbay.craigslist.org/search/apa?format=rss", 25,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "craigslist SF bay area | apts/housing for rent search");
         EXPECT_EQ(d.link, "https://sfbay.craigslist.org/search/apa");
         EXPECT_EQ(d.ttl_minutes, 10);
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "http://sfbay.craigslist.org/eby/apa/6186664607.html");
         EXPECT_EQ(i.link, "http://sfbay.craigslist.org/eby/apa/6186664607.html");
         EXPECT_EQ(i.title,
                   "Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd "
                   "1930ft2");
         EXPECT_EQ(i.published, 1498066390000);  // 2017-06-21T10:33:10-07:00
         EXPECT_TRUE(StartsWith(i.text, "Updated 3+ Bedroom, 2.5 Bath, Victorian home."));
       }},
      // JN.pt: ISO-8859-1 declared, Portuguese text, descriptions that are only a tracking
      // pixel.
      {"rss-parser/encoding.rss", "http://feeds.jn.pt/JN-ULTIMAS", 40,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.encoding, "iso-8859-1");
         EXPECT_EQ(d.title, "Jornal de Not\u00edcias - \u00daltimas Not\u00edcias");
         EXPECT_EQ(d.link, "http://www.jn.pt");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.title, "M\u00e3e de utente \u00e9 a nova presidente da Rar\u00edssimas");
         EXPECT_TRUE(StartsWith(i.text, "S\u00f3nia Laygue, profissional"));
         EXPECT_EQ(i.published, 1514987220000);  // Wed, 03 Jan 2018 13:47:00 GMT
         EXPECT_EQ(d.items[1].title, "Rea\u00e7\u00f5es dos partidos ao veto de Marcelo");
         EXPECT_EQ(d.items[1].text, "");  // <img> only
       }},
      // GitHub releases: Atom, links relative to the feed URL, HTML content.
      {"rss-parser/gulp-atom.atom", "https://github.com/gulpjs/gulp/releases.atom", 10,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "Release notes from gulp");
         EXPECT_EQ(d.link, "https://github.com/gulpjs/gulp/releases");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "tag:github.com,2008:Repository/11167738/v3.9.0");
         EXPECT_EQ(i.link, "https://github.com/gulpjs/gulp/releases/tag/v3.9.0");
         EXPECT_EQ(i.title, "v3.9.0");
         EXPECT_EQ(i.text, "3.9.0");
         EXPECT_EQ(i.author, "contra");
         EXPECT_EQ(i.published, 1433195381000);  // 2015-06-01T23:49:41+02:00
       }},
      // heise: German Atom, published and updated, summary only.
      {"rss-parser/heise.atom", "http://www.heise.de/developer/rss/news-atom.xml", 15,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "heise developer neueste Meldungen");
         EXPECT_EQ(d.link, "http://www.heise.de/developer/");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "http://heise.de/-3088438");
         EXPECT_EQ(i.title, "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei");
         EXPECT_EQ(i.author, "heise online");
         EXPECT_EQ(i.published, 1454343720000);  // published 2016-02-01T17:22:00+01:00
         EXPECT_TRUE(StartsWith(i.text, "Die nun verf\u00fcgbare Version 10"));
         EXPECT_EQ(d.items[1].title,
                   "Scrum Day 2016: Bewerbungen f\u00fcr Vortr\u00e4ge und Workshops");
       }},
      // An entry with nothing but an empty <author>.
      {"rss-parser/incomplete-fields.atom", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].author, "");
         EXPECT_EQ(d.items[0].key, Sha256Key("\n"));
         EXPECT_EQ(d.items[0].published, 0);
       }},
      // An entry with nothing but an id.
      {"rss-parser/missing-fields.atom", "", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.items[0].key, "tag:github.com,2008:Repository/11167738/v3.9.0");
         EXPECT_EQ(d.items[0].title, "");
         EXPECT_EQ(d.items[0].link, "");
       }},
      // A podcast: <ttl>, an author that is only an address, a "UTC" zone.
      {"rss-parser/narro.rss", "http://on.narro.co/f/rss", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "foobar on Narro");
         EXPECT_EQ(d.ttl_minutes, 20);
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "https://www.narro.co/article/54e703933058540300000069");
         EXPECT_EQ(i.link, "https://www.narro.co/article/54e703933058540300000069");
         EXPECT_EQ(i.title, "FAQ for Narro");
         EXPECT_EQ(i.author, "foobar@gmail.com");
         EXPECT_EQ(i.author_email, "foobar@gmail.com");
         EXPECT_EQ(i.published, 1424425875000);  // Fri, 20 Feb 2015 09:51:15 UTC
       }},
      // atom:link rel=self/first/next/… in the channel are not the channel's link.
      {"rss-parser/pagination-links.rss", "http://example.org/index.atom?page=3", 1,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "New Show - With Episode Block");
         EXPECT_EQ(d.link, "https://example.test/shows/new-show-1");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "a6f22abe-be5c-4a37-8f4b-8be3d69b0235");
         EXPECT_EQ(i.link, "https://example.test/episode?id=283843");
         EXPECT_EQ(i.published, 1611215880000);  // Thu, 21 Jan 2021 18:58:00 +1100
       }},
      // Reddit's Atom (named .rss): xhtml content with its own xml:base, author/name.
      {"rss-parser/reddit-home.rss", "https://www.reddit.com/.rss", 24,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.title, "reddit: the front page of the internet");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key, "t3_42tizy");
         EXPECT_EQ(i.link,
                   "https://www.reddit.com/r/funny/comments/42tizy/"
                   "how_the_british_as_seen_by_americans_and_europeans/");
         EXPECT_EQ(i.title, "How the British as seen by Americans and Europeans");
         EXPECT_EQ(i.author, "/u/AngryRedditorsBelow");
         EXPECT_EQ(i.text,
                   "submitted by /u/AngryRedditorsBelow to /r/funny [link] [1143 comments]");
         EXPECT_EQ(i.published, 1453840294000);  // 2016-01-26T20:31:34+00:00
       }},
      // Reddit's RSS 2.0 with atom: and media: namespaces, escaped HTML descriptions.
      {"rss-parser/reddit.rss", "https://www.reddit.com/.rss", 24,
       [](const FeedDocument& d) {
         ExpectNotBozo(d);
         EXPECT_EQ(d.link, "https://www.reddit.com/");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.key,
                   "https://www.reddit.com/r/funny/comments/3skxqc/"
                   "the_water_is_too_deep_so_he_improvises/");
         EXPECT_EQ(i.link, i.key);
         EXPECT_EQ(i.title, "The water is too deep, so he improvises");
         EXPECT_EQ(i.text, "submitted by cakebeerandmorebeer to funny [link] [275 comments]");
         EXPECT_EQ(i.published, 1447362999000);  // Thu, 12 Nov 2015 21:16:39 +0000
       }},
      // UOL: Latin-1 bytes with no XML declaration and no charset: windows-1252, bozo.
      // Its pubDates are in Portuguese ("Seg, 24 Set 2018"): not RFC 822, so 0.
      {"rss-parser/uolNoticias.rss", "http://rss.uol.com.br/feed/noticias.xml", 15,
       [](const FeedDocument& d) {
         ExpectBozo(d, "encoding_mismatch");
         EXPECT_EQ(d.encoding, "windows-1252");
         EXPECT_EQ(d.title, "UOL Noticias");
         const FeedItem& i = d.items[0];
         EXPECT_EQ(i.title,
                   "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simula\u00e7\u00f5es de "
                   "2\u00ba turno");
         EXPECT_TRUE(StartsWith(i.text, "L\u00edder na pesquisa Ibope"));
         EXPECT_EQ(i.published, 0);
         EXPECT_EQ(i.key, i.link);
       }},
  };
  return *cases;
}

class FeedFixtureTest : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(FeedFixtureTest, ParsesAsExpected) {
  const FixtureCase& c = GetParam();
  const std::string body = testing::ReadBytes(FixtureDir() + "/" + c.file);
  ASSERT_FALSE(body.empty()) << c.file;
  const std::string content_type = testing::SimulatedContentType(body);
  if (c.file == "feedparser/http_high_bit_date.xml") {
    EXPECT_EQ(content_type, "text/xml");
  }
  if (c.file == "feedparser/http_text_xml_charset_overrides_encoding.xml") {
    EXPECT_EQ(content_type, "text/xml;charset = us-ascii");
  }
  Result<FeedDocument> doc = ParseFeed(body, content_type, c.feed_url);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->items.size(), c.items);
  // What holds for every item of every feed.
  for (const FeedItem& i : doc->items) {
    EXPECT_FALSE(i.key.empty());
    for (const std::string* s : {&i.key, &i.link, &i.title, &i.text, &i.author}) {
      EXPECT_TRUE(unicode::IsValidUtf8(*s)) << *s;
    }
    EXPECT_TRUE(i.link.empty() || StartsWith(i.link, "http://") || StartsWith(i.link, "https://"))
        << i.link;
    for (const std::string* s : {&i.title, &i.text, &i.author}) {
      EXPECT_TRUE(s->empty() || (s->front() != ' ' && s->back() != ' ')) << *s;
      EXPECT_EQ(s->find("  "), std::string::npos) << *s;
    }
  }
  c.check(*doc);
}

INSTANTIATE_TEST_SUITE_P(Shared, FeedFixtureTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<FixtureCase>& info) {
                           std::string name = info.param.file;
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char ch) {
                                 return !std::isalnum(static_cast<unsigned char>(ch));
                               },
                               '_');
                           return name;
                         });

TEST(FeedFixtureCoverageTest, EveryFixtureHasACase) {
  std::set<std::string> on_disk;
  for (const char* sub : {"feedparser", "rss-parser"}) {
    for (const auto& entry : std::filesystem::directory_iterator(FixtureDir() + "/" + sub)) {
      if (entry.is_regular_file()) {
        on_disk.insert(std::string(sub) + "/" + entry.path().filename().string());
      }
    }
  }
  std::set<std::string> covered;
  for (const FixtureCase& c : Cases()) covered.insert(c.file);
  EXPECT_EQ(on_disk, covered);
  EXPECT_EQ(on_disk.size(), 32u);
}

// The feedparser files state their expectation in an "Expect:" line; make sure the cases
// above are read from files that still carry one (all but the UTF-16 file, whose comment
// is not ASCII-readable).
TEST(FeedFixtureCoverageTest, FeedparserFilesCarryTheirExpectation) {
  for (const FixtureCase& c : Cases()) {
    if (!StartsWith(c.file, "feedparser/") || c.file == "feedparser/utf-16le-bom.xml") continue;
    EXPECT_FALSE(
        testing::HeaderLine(testing::ReadBytes(FixtureDir() + "/" + c.file), "Expect").empty())
        << c.file;
  }
}

}  // namespace
}  // namespace fr::channels::feed
