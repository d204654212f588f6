#include "nlp/listen/atom_pattern.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "domain/text_normalize.h"

namespace fr::nlp {
namespace {

// FormEquals and FormStartsWith must agree with domain::WordForms on every pair.
TEST(AtomPatternTest, FormTestsAgreeWithWordForms) {
  const std::vector<std::string> letters = {"ו", "ה", "ב", "כ", "ל", "מ",
                                            "ש", "ק", "נ", "א", "a", "7"};
  std::mt19937 rng(7);
  auto random_word = [&](int max_letters) {
    std::string w;
    const int n = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_letters));
    for (int i = 0; i < n; ++i) w += letters[rng() % letters.size()];
    return w;
  };
  for (int n = 0; n < 200000; ++n) {
    const std::string word = random_word(6);
    const std::string term = random_word(4);
    const std::vector<std::string> forms = domain::WordForms(word);
    const bool equal = std::find(forms.begin(), forms.end(), term) != forms.end();
    ASSERT_EQ(FormEquals(word, term), equal) << word << " / " << term;
    std::string_view got[domain::kMaxWordForms];
    const int count = domain::WordFormsOf(word, got);
    ASSERT_EQ(std::vector<std::string>(got, got + count), forms) << word;
    if (term.size() >= 4) {  // prefixes have at least 2 letters
      const bool starts = std::any_of(forms.begin(), forms.end(),
                                      [&](const std::string& f) { return f.starts_with(term); });
      ASSERT_EQ(FormStartsWith(word, term), starts) << word << " / " << term;
    }
  }
}

// FormCount gives WordFormsOf's count, whatever follows the word in its buffer.
TEST(AtomPatternTest, FormCountAgreesWithWordFormsOf) {
  const std::vector<std::string> letters = {"ו", "ה", "ב", "כ", "ל", "מ", "ש", "ק",
                                            "א", "ת", "a", "7", "é", "€", "😀"};
  std::mt19937 rng(11);
  for (int n = 0; n < 200000; ++n) {
    std::string word;
    while (true) {
      const std::string& letter = letters[rng() % letters.size()];
      if (word.size() + letter.size() > 16) break;
      word += letter;
      if (rng() % 4 == 0) break;
    }
    std::string buffer = word;
    while (buffer.size() < kFormCountReads) buffer += letters[rng() % letters.size()];
    const std::string_view in_buffer = std::string_view(buffer).substr(0, word.size());
    std::string_view forms[domain::kMaxWordForms];
    const int count = domain::WordFormsOf(word, forms);
    ASSERT_EQ(FormCount(in_buffer), count) << word;
    for (int k = 0; k < count; ++k)
      ASSERT_EQ(forms[k], word.substr(2 * static_cast<size_t>(k))) << word;
  }
}

TEST(AtomPatternTest, Literals) {
  domain::QueryNode term;
  term.words = {"ab", "longer"};
  EXPECT_EQ(AtomLiteral(term), "longer ");
  EXPECT_FALSE(LiteralIsExact(term));
  domain::QueryNode tag;
  tag.op = domain::QueryOp::kHashtag;
  tag.words = {"a", "b"};
  EXPECT_EQ(AtomLiteral(tag), " #a b ");
  EXPECT_TRUE(LiteralIsExact(tag));
  domain::QueryNode prefix;
  prefix.op = domain::QueryOp::kPrefix;
  prefix.words = {"refund"};
  EXPECT_EQ(AtomLiteral(prefix), "refund");
}

}  // namespace
}  // namespace fr::nlp
