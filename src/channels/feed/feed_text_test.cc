#include "channels/feed/feed_text.h"

#include <gtest/gtest.h>

#include <string>

namespace fr::channels::feed {
namespace {

TEST(FeedTextTest, HtmlToTextStripsMarkupAndDecodesEntities) {
  EXPECT_EQ(CollapseWhitespace(
                HtmlToText("<p>Hello <b>world</b> &amp; caf&eacute;&nbsp;&#8230;</p><p>Next</p>")),
            "Hello world & caf\xC3\xA9 \xE2\x80\xA6 Next");
  EXPECT_EQ(CollapseWhitespace(HtmlToText("line one<br>line two<br/>three")),
            "line one line two three");
  EXPECT_EQ(CollapseWhitespace(HtmlToText("plain text, no tags")), "plain text, no tags");
  EXPECT_EQ(CollapseWhitespace(HtmlToText("<ul><li>a</li><li>b</li></ul>")), "a b");
  EXPECT_EQ(CollapseWhitespace(HtmlToText("<b>bold</b> <i>italic</i>")), "bold italic");
  EXPECT_EQ(HtmlToText(""), "");
  EXPECT_EQ(HtmlToText("   "), "");
}

TEST(FeedTextTest, HtmlToTextDropsScriptsStylesAndComments) {
  EXPECT_EQ(CollapseWhitespace(
                HtmlToText("<style>p{color:red}</style><script>alert(1)</script><!-- hidden -->"
                           "<noscript>no</noscript>visible")),
            "visible");
}

TEST(FeedTextTest, HtmlToTextSurvivesTagSoup) {
  EXPECT_EQ(CollapseWhitespace(HtmlToText("<p>unclosed <b>bold <i>both</p> tail")),
            "unclosed bold both tail");
  EXPECT_EQ(CollapseWhitespace(HtmlToText("a < b and c > d")), "a < b and c > d");
  EXPECT_EQ(CollapseWhitespace(HtmlToText("</div></div>x")), "x");
}

TEST(FeedTextTest, HtmlToTextHandlesDeepNesting) {
  const auto nested = [](int depth) {
    std::string html;
    for (int i = 0; i < depth; ++i) html += "<div><span>";
    return html + "deep";
  };
  EXPECT_EQ(CollapseWhitespace(HtmlToText(nested(100))), "deep");
  // libxml2 stops descending at its depth limit (256); what is deeper is lost, nothing
  // crashes and nothing recurses on our side.
  EXPECT_EQ(CollapseWhitespace(HtmlToText(nested(20000))), "");
}

TEST(FeedTextTest, HtmlToTextHebrew) {
  EXPECT_EQ(CollapseWhitespace(HtmlToText(
                "<p dir=\"rtl\">\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D &quot;\xD7\xA2\xD7\x95\xD7\x9C"
                "\xD7\x9D&quot;</p>")),
            "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \"\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D\"");
}

TEST(FeedTextTest, HtmlToTextIgnoresMetaCharset) {
  EXPECT_EQ(CollapseWhitespace(HtmlToText(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                "<meta charset=\"windows-1252\"><p>שלום</p>")),
            "שלום");
}

TEST(FeedTextTest, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<b>x</b>"));
  EXPECT_TRUE(LooksLikeHtml("x</p>"));
  EXPECT_TRUE(LooksLikeHtml("Tom &amp; Jerry"));
  EXPECT_TRUE(LooksLikeHtml("&#233;t&#xE9;"));
  EXPECT_FALSE(LooksLikeHtml("AT&T"));
  EXPECT_FALSE(LooksLikeHtml("a < b"));
  EXPECT_FALSE(LooksLikeHtml("I <3 it"));
  EXPECT_FALSE(LooksLikeHtml("fish & chips; peas"));
  EXPECT_FALSE(LooksLikeHtml(""));
}

TEST(FeedTextTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a\t\tb\r\n\n c  "), "a b c");
  EXPECT_EQ(CollapseWhitespace("a\xC2\xA0\xE2\x80\x83"
                               "b"),
            "a b");  // NBSP, em space
  EXPECT_EQ(CollapseWhitespace("a\x01\x7F"
                               "b"),
            "ab");  // controls dropped
  EXPECT_EQ(CollapseWhitespace("\xE2\x80\x8F\xD7\x90"), "\xE2\x80\x8F\xD7\x90");  // RLM kept
  EXPECT_EQ(CollapseWhitespace(""), "");
}

TEST(FeedTextTest, RepairDoubleEncoding) {
  // U+00E2 U+0080 U+00A6 are the bytes of U+2026 (…) read as Latin-1.
  EXPECT_EQ(RepairDoubleEncoding("\xC3\xA2\xC2\x80\xC2\xA6"), "\xE2\x80\xA6");
  EXPECT_EQ(RepairDoubleEncoding("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");
  // Real Latin-1 text whose bytes are not UTF-8 stays.
  EXPECT_EQ(RepairDoubleEncoding("caf\xC3\xA9"), "caf\xC3\xA9");
  // Anything beyond U+00FF means the text was decoded right.
  EXPECT_EQ(RepairDoubleEncoding("\xC3\xA2\xC2\x80\xC2\xA6 \xD7\xA9"),
            "\xC3\xA2\xC2\x80\xC2\xA6 \xD7\xA9");
  EXPECT_EQ(RepairDoubleEncoding("ascii"), "ascii");
}

TEST(FeedTextTest, FinishTextNormalisesToNfc) {
  // e + combining acute -> U+00E9; Hebrew shin + shin dot + qamats keeps canonical order.
  EXPECT_EQ(FinishText(" cafe\xCC\x81 ", false), "caf\xC3\xA9");
  EXPECT_EQ(FinishText("a\xF1"
                       "b",
                       false),
            "a\xEF\xBF\xBD"
            "b");  // never invalid UTF-8 out
}

TEST(FeedTextTest, TrimAscii) {
  EXPECT_EQ(TrimAscii("\n  x y \t"), "x y");
  EXPECT_EQ(TrimAscii(""), "");
}

}  // namespace
}  // namespace fr::channels::feed
