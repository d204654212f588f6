#include "channels/feed/feed_encoding.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "channels/feed/feed_parse.h"

namespace fr::channels::feed {
namespace {

// The pure helpers directly; the decisions of DecodeBody through ParseFeed, as a caller
// sees them.

TEST(FeedEncodingTest, CharsetOfContentType) {
  EXPECT_EQ(CharsetOfContentType("text/xml;charset = us-ascii"), "us-ascii");
  EXPECT_EQ(CharsetOfContentType("application/rss+xml; charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(CharsetOfContentType("text/xml; foo=bar; Charset='Windows-1255'"), "windows-1255");
  EXPECT_EQ(CharsetOfContentType("text/xml"), "");
  EXPECT_EQ(CharsetOfContentType(""), "");
}

TEST(FeedEncodingTest, DeclaredEncoding) {
  EXPECT_EQ(DeclaredEncoding("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>"),
            "iso-8859-1");
  EXPECT_EQ(DeclaredEncoding("  <?xml version='1.0' encoding = 'utf-8' ?>"), "utf-8");
  EXPECT_EQ(DeclaredEncoding("<?xml version=\"1.0\"?><rss/>"), "");
  EXPECT_EQ(DeclaredEncoding("<rss/>"), "");
  EXPECT_EQ(DeclaredEncoding("<!-- x --><?xml version=\"1.0\" encoding=\"utf-8\"?>"), "");
  EXPECT_EQ(DeclaredEncoding("<?xml version=\"1.0\" encoding=\"utf-8\""), "");  // unterminated
}

TEST(FeedEncodingTest, ReplaceInvalidUtf8) {
  EXPECT_EQ(ReplaceInvalidUtf8("plain ascii"), "plain ascii");
  EXPECT_EQ(ReplaceInvalidUtf8("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"),
            "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
  EXPECT_EQ(ReplaceInvalidUtf8("Espa\xF1"
                               "a"),
            "Espa\xEF\xBF\xBD"
            "a");
  // A truncated three-byte sequence is one replacement character (maximal subpart).
  EXPECT_EQ(ReplaceInvalidUtf8("a\xE2\x82"), "a\xEF\xBF\xBD");
  // Surrogates and overlongs are not UTF-8.
  EXPECT_EQ(ReplaceInvalidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ReplaceInvalidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(FeedEncodingTest, Windows1252) {
  EXPECT_EQ(Windows1252ToUtf8("caf\xE9 \x93quoted\x94 \x80 \x81"),
            "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC \xC2\x81");
}

Result<FeedDocument> Parse(std::string_view body, std::string_view content_type = "") {
  return ParseFeed(body, content_type, "");
}

TEST(FeedEncodingTest, HttpCharsetOverridesDeclaration) {
  // Bytes in windows-1255 (Hebrew), mislabelled inside, correctly labelled by HTTP.
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>\xF9\xEC\xE5\xED"
      "</title></channel></rss>";
  auto doc = Parse(body, "text/xml; charset=windows-1255");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->encoding, "windows-1255");
  EXPECT_EQ(doc->title, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");  // שלום
  EXPECT_FALSE(doc->bozo);
}

TEST(FeedEncodingTest, DeclaredLegacyCharsetThroughIconv) {
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"windows-1255\"?><rss><channel><title>\xF9\xEC\xE5\xED"
      "</title></channel></rss>";
  auto doc = Parse(body);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "windows-1255");
  EXPECT_EQ(doc->title, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
  EXPECT_FALSE(doc->bozo);
}

TEST(FeedEncodingTest, UndecodableBytesBecomeReplacementCharacters) {
  // 0xFF is unassigned in windows-1255.
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"windows-1255\"?><rss><channel><title>\xF9\xFF"
      "</title></channel></rss>";
  auto doc = Parse(body);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "\xD7\xA9\xEF\xBF\xBD");
  EXPECT_TRUE(doc->bozo);
  EXPECT_EQ(doc->bozo_reason, "invalid_bytes");
}

TEST(FeedEncodingTest, UnknownCharsetFallsBack) {
  auto doc = Parse(
      "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss><channel>"
      "<title>caf\xC3\xA9</title></channel></rss>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "utf-8");
  EXPECT_EQ(doc->title, "caf\xC3\xA9");
  EXPECT_TRUE(doc->bozo);
  EXPECT_EQ(doc->bozo_reason, "unknown_encoding");
}

TEST(FeedEncodingTest, Latin1LabelReadsAsWindows1252) {
  auto doc = Parse(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>"
      "<title>\x93Not\xED"
      "cias\x94</title></channel></rss>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "iso-8859-1");
  EXPECT_EQ(doc->title,
            "\xE2\x80\x9CNot\xC3\xAD"
            "cias\xE2\x80\x9D");
  EXPECT_FALSE(doc->bozo);
}

TEST(FeedEncodingTest, Utf8LabelOnLatin1BytesIsReadAsWindows1252) {
  auto doc = Parse(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel>"
      "<title>Espa\xF1"
      "a</title></channel></rss>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "windows-1252");
  EXPECT_EQ(doc->title,
            "Espa\xC3\xB1"
            "a");
  EXPECT_EQ(doc->bozo_reason, "encoding_mismatch");
}

TEST(FeedEncodingTest, Utf8WithSomeBadBytesKeepsTheGoodOnes) {
  auto doc = Parse(
      "<rss><channel><title>\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D Espa\xF1"
      "a</title></channel></rss>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "utf-8");
  EXPECT_EQ(doc->title,
            "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D Espa\xEF\xBF\xBD"
            "a");
  EXPECT_EQ(doc->bozo_reason, "invalid_bytes");
}

TEST(FeedEncodingTest, Utf16BigEndianWithBom) {
  std::string body = "\xFE\xFF";
  for (char c : std::string("<rss><channel><title>ok</title></channel></rss>")) {
    body += '\0';
    body += c;
  }
  auto doc = Parse(body);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "utf-16be");
  EXPECT_EQ(doc->title, "ok");
  EXPECT_FALSE(doc->bozo);
}

TEST(FeedEncodingTest, Utf16WithoutBomIsRecognised) {
  std::string body;
  for (char c : std::string("<rss><channel><title>ok</title></channel></rss>")) {
    body += c;
    body += '\0';
  }
  auto doc = Parse(body);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "utf-16le");
  EXPECT_EQ(doc->title, "ok");
}

TEST(FeedEncodingTest, Utf16LoneSurrogateIsReplaced) {
  std::string body = "\xFF\xFE";
  for (char c : std::string("<rss><channel><title>a")) {
    body += c;
    body += '\0';
  }
  body += std::string("\x00\xD8", 2);  // a high surrogate followed by no low one
  for (char c : std::string("b</title></channel></rss>")) {
    body += c;
    body += '\0';
  }
  auto doc = Parse(body);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->bozo);
  EXPECT_EQ(doc->bozo_reason, "invalid_bytes");
  EXPECT_NE(doc->title.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(FeedEncodingTest, DeclaredUtf16OnEightBitBytesIsAMismatch) {
  auto doc = Parse(
      "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><channel><title>x</title>"
      "</channel></rss>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "utf-8");
  EXPECT_EQ(doc->title, "x");
  EXPECT_EQ(doc->bozo_reason, "encoding_mismatch");
}

TEST(FeedEncodingTest, AsciiLabelOnUtf8Bytes) {
  auto doc = Parse("<rss><channel><title>\xD7\xA9</title></channel></rss>",
                   "application/rss+xml; charset=us-ascii");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->encoding, "utf-8");
  EXPECT_EQ(doc->title, "\xD7\xA9");
  EXPECT_EQ(doc->bozo_reason, "encoding_mismatch");
}

TEST(FeedEncodingTest, AWrongLabelOnAWholeFeedIsGivenUpQuickly) {
  // 8 MiB that are nearly all undecodable in the declared charset: guessed instead, in
  // linear time.
  for (const char* charset : {"windows-1255", "shift_jis"}) {
    std::string body =
        std::string("<?xml version=\"1.0\" encoding=\"") + charset + "\"?><rss><channel><title>";
    body.append(kMaxFeedBytes - 200, '\xFF');
    body += "</title></channel></rss>";
    const auto start = std::chrono::steady_clock::now();
    auto doc = Parse(body);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30)) << charset;
    ASSERT_TRUE(doc.ok()) << charset;
    EXPECT_EQ(doc->encoding, "windows-1252") << charset;
    EXPECT_EQ(doc->bozo_reason, "encoding_mismatch") << charset;
  }
}

TEST(FeedEncodingTest, NulCharactersDoNotEndTheFeed) {
  const std::string body = std::string("<rss><channel><title>a") + '\0' +
                           "b</title><item><title>x</title></item></channel></rss>";
  auto doc = Parse(body);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "ab");
  EXPECT_EQ(doc->items.size(), 1u);
  EXPECT_EQ(doc->bozo_reason, "invalid_bytes");
}

}  // namespace
}  // namespace fr::channels::feed
