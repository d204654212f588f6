#include "domain/listen/listen_text.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "domain/text_normalize.h"

namespace fr::domain {
namespace {

std::vector<std::string> Words(const ListenText& t) {
  std::vector<std::string> words;
  for (size_t i = 0; i < t.word_count(); ++i) words.emplace_back(t.word(i));
  return words;
}

std::string Marks(const ListenText& t) {
  std::string marks;
  for (size_t i = 0; i < t.word_count(); ++i) marks.push_back(t.mark(i) ? t.mark(i) : '.');
  return marks;
}

std::string Utf8(char32_t c) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  return std::string(buf, static_cast<size_t>(n));
}

// Every line of the shared data files the tests read texts from (Hebrew and English posts).
std::vector<std::string> SharedLines() {
  std::vector<std::string> lines;
  for (const char* file : {"/twcs/twcs_random5000.csv", "/hebrew_sentiment_amram2018/cleaned_onlplab/token/train.tsv",
                           "/hebrew_hebemo_covid_ugc/hebemo_sentiment_per_comment.csv",
                           "/tweeteval_sentiment/val_text.txt"}) {
    std::ifstream in(std::string(FR_SHARED_DIR) + "/data" + file);
    for (std::string line; std::getline(in, line) && lines.size() < 40000;) lines.push_back(line);
  }
  return lines;
}

void ExpectSameAsIcu(std::string_view text) {
  ListenText fast(text);
  ListenText icu;
  icu.ResetWithIcuForTest(text);
  ASSERT_EQ(fast.scan_text(), icu.scan_text()) << text;
  ASSERT_EQ(Marks(fast), Marks(icu)) << text;
  ASSERT_EQ(fast.emoji(), icu.emoji()) << text;
}

TEST(ListenTextTest, WordsAreMatchWords) {
  for (const char* text : {"", "Hello, WORLD!", "שָׁלוֹם עוֹלָם", "ארץ, כף", "צה\"ל וצה״ל ג׳ירפה",
                           "בית־חולים e-mail", "don't ＦＵＬＬ", "ok\xFFno", "#קנטינה @Dana_IL 😀!"}) {
    EXPECT_EQ(Words(ListenText(text)), MatchWords(text)) << text;
  }
}

TEST(ListenTextTest, WordsAreMatchWordsOnSharedData) {
  const std::vector<std::string> lines = SharedLines();
  ASSERT_GT(lines.size(), 10000u);
  ListenText text;
  for (const std::string& line : lines) {
    text.Reset(line);
    ASSERT_EQ(Words(text), MatchWords(line)) << line;
  }
}

TEST(ListenTextTest, MarksAndEmoji) {
  const ListenText t("Love #Cantina and ＃קנטינה, ask @dana_il a#b 👍🏽👍 ok 🇮🇱 👨‍👩‍👧");
  EXPECT_EQ(Words(t), (std::vector<std::string>{"love", "cantina", "and", "קנטינה", "ask", "dana", "il",
                                                "a", "b", "ok"}));
  EXPECT_EQ(Marks(t), ".#.#.@..#.");
  EXPECT_EQ(t.emoji(), (std::vector<std::string_view>{"👍🏽👍", "🇮🇱", "👨👩👧"}));
  EXPECT_EQ(t.scan_text(), " love #cantina and #קנטינה ask @dana il a #b ok 👍🏽👍 🇮🇱 👨👩👧 ");
}

TEST(ListenTextTest, ResetReusesTheObject) {
  ListenText t("first text 😀");
  t.Reset("second");
  EXPECT_EQ(t.scan_text(), " second ");
  EXPECT_TRUE(t.emoji().empty());
}

// The fast path must fold every code point it accepts exactly as ICU does, alone and next to
// letters, marks, emoji and itself, so the fast path can never change an answer. The ranges
// cover the fast path's table and more (the rest must fall back to ICU).
TEST(ListenTextTest, FastPathEqualsIcuForEveryFastCodePoint) {
  struct Range {
    char32_t first, last;
  };
  for (const Range range : {Range{0x0001, 0x0FFF}, Range{0x2000, 0x30FF}, Range{0xFB00, 0xFFFF},
                            Range{0x1F000, 0x1FAFF}}) {
    for (char32_t c = range.first; c <= range.last; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      const std::string s = Utf8(c);
      for (const std::string& text : {s, "a" + s + "b", "A" + s + "Z", "ב" + s + "ם", "שָׁ" + s + "ל",
                                      "#" + s + "x", "😀" + s + "😀", s + s, "x" + s + "\u05B8",
                                      "e" + s + "\u0301", "don" + s + "t", "é" + s + "\u2019s"}) {
        ExpectSameAsIcu(text);
      }
    }
  }
}

TEST(ListenTextTest, FastPathEqualsIcuOnRandomAndSharedText) {
  const std::vector<std::string> pieces = {
      "a", "Z", "q", "7", " ", ".", "'", "\"", "#", "@", "_", "-", "\t", "ק", "נ", "ט", "ם", "ך",
      "ו", "ה", "ב", "\u05B8", "\u05BC", "\u05C1", "\u0591", "\u05BE", "\u05F3", "\u05F4", "’",
      "😀", "🏽", "\u200D", "\uFE0F", "\u200F", "é", "ß", "Ｆ", "\xFF", "\u00A0", "…", "\u0301",
      "\u0345", "İ", "ς", "½", "🇮", "🇱", "❤", "ｶ", "\u3099", "か", "\u00AD", "\u2060"};
  std::mt19937 rng(20261122);
  for (int n = 0; n < 40000; ++n) {
    std::string text;
    const int length = static_cast<int>(rng() % (n % 2 ? 12 : 100));  // short, and over blocks
    for (int i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
    ExpectSameAsIcu(text);
  }
  for (const std::string& line : SharedLines()) ExpectSameAsIcu(line);
}

}  // namespace
}  // namespace fr::domain
