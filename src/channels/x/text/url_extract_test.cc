#include "channels/x/text/url_extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "channels/x/text/conformance_yaml.h"

namespace fr::channels::x {
namespace {

using testing::ConformanceCase;
using testing::ExpectedEntities;
using testing::Indexed;
using testing::LoadConformanceSection;

std::vector<TextEntity> MustExtract(std::string_view text) {
  Result<std::vector<TextEntity>> urls = ExtractUrls(text);
  EXPECT_TRUE(urls.ok()) << urls.status().ToString();
  return urls.ok() ? *urls : std::vector<TextEntity>{};
}

std::vector<std::string> UrlTexts(std::string_view text) {
  std::vector<std::string> texts;
  for (const TextEntity& url : MustExtract(text)) texts.push_back(url.text);
  return texts;
}

bool MustValidate(std::string_view text, UrlProtocol protocol) {
  Result<bool> valid = IsValidUrl(text, protocol);
  EXPECT_TRUE(valid.ok()) << valid.status().ToString();
  return valid.ok() && *valid;
}

// ---- conformance (extract.yml, validate.yml) ----

TEST(UrlExtractConformanceTest, Urls) {
  for (const std::string section : {"urls", "tco_urls_with_params"}) {
    for (const ConformanceCase& c : LoadConformanceSection("extract.yml", section)) {
      SCOPED_TRACE(section + ": " + c.description);
      EXPECT_EQ(UrlTexts(c.text), c.expected.as<std::vector<std::string>>());
    }
  }
}

TEST(UrlExtractConformanceTest, UrlsWithUtf16Indices) {
  for (const std::string section : {"urls_with_indices", "urls_with_directional_markers"}) {
    for (const ConformanceCase& c : LoadConformanceSection("extract.yml", section)) {
      SCOPED_TRACE(section + ": " + c.description);
      std::vector<TextEntity> urls = MustExtract(c.text);
      EXPECT_EQ(Indexed(urls), ExpectedEntities(c.expected, {"url"}));
      for (const TextEntity& url : urls) {
        EXPECT_EQ(c.text.substr(url.span.byte_begin, url.span.byte_end - url.span.byte_begin),
                  url.text);
      }
    }
  }
}

TEST(UrlExtractConformanceTest, ValidUrls) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", "urls")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(MustValidate(c.text, UrlProtocol::kRequired), c.expected.as<bool>());
  }
}

TEST(UrlExtractConformanceTest, ValidUrlsWithoutProtocol) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", "urls_without_protocol")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(MustValidate(c.text, UrlProtocol::kOptional), c.expected.as<bool>());
  }
}

// ---- our own cases ----

TEST(UrlExtractTest, HebrewTextIndicesCountUtf16UnitsNotBytes) {
  // "Visit us at example.co.il" — each Hebrew letter is 2 bytes but 1 UTF-16 unit.
  std::vector<TextEntity> urls = MustExtract("בקרו אותנו ב https://example.co.il/menu היום");
  ASSERT_EQ(urls.size(), 1u);
  EXPECT_EQ(urls[0].text, "https://example.co.il/menu");
  EXPECT_EQ(urls[0].span.utf16_begin, 13);
  EXPECT_EQ(urls[0].span.utf16_end, 39);
  EXPECT_EQ(urls[0].span.byte_begin, 23u);
  EXPECT_EQ(urls[0].span.byte_end, 49u);
}

TEST(UrlExtractTest, BareHostRightAfterAHebrewLetterIsAUrl) {
  // Like "。example.com" in Japanese: only ASCII letters and digits glue a host to a word.
  EXPECT_EQ(UrlTexts("היכנסו לkantina.co.il עכשיו"), std::vector<std::string>{"kantina.co.il"});
}

TEST(UrlExtractTest, HebrewHostNeedsAProtocol) {
  EXPECT_EQ(UrlTexts("http://שלום.co.il/ ok"), std::vector<std::string>{"http://שלום.co.il/"});
  EXPECT_EQ(UrlTexts("שלום.co.il"), std::vector<std::string>{});
}

TEST(UrlExtractTest, IllFormedUtf8IsNeverPartOfAUrl) {
  std::vector<TextEntity> urls = MustExtract("\xFFhttp://example.com/a\xFE");
  ASSERT_EQ(urls.size(), 1u);
  EXPECT_EQ(urls[0].text, "http://example.com/a");
  EXPECT_EQ(urls[0].span.byte_begin, 1u);
  EXPECT_EQ(urls[0].span.utf16_begin, 1);  // the stray byte counts as one U+FFFD
}

TEST(UrlExtractTest, UnknownTopLevelDomainIsNoUrl) {
  EXPECT_EQ(UrlTexts("see readme.txt and photo.jpeg"), std::vector<std::string>{});
  EXPECT_EQ(UrlTexts("HTTPS://Example.COM/x"), std::vector<std::string>{"HTTPS://Example.COM/x"});
}

TEST(UrlExtractTest, ValidationNeedsAnHttpScheme) {
  EXPECT_TRUE(MustValidate("https://example.com", UrlProtocol::kRequired));
  EXPECT_FALSE(MustValidate("example.com", UrlProtocol::kRequired));
  EXPECT_FALSE(MustValidate("ftp://example.com", UrlProtocol::kOptional));
  EXPECT_FALSE(MustValidate("", UrlProtocol::kOptional));
}

}  // namespace
}  // namespace fr::channels::x
