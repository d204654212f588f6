// The compiled matcher must give exactly the reference evaluator's answers: random rules over a
// small Hebrew and English vocabulary (boolean structure, NEAR, phrases, prefixes, tags, emoji,
// fields) against random posts written the ways people write (prefix letters, final letters,
// niqqud, case, hashtags). Fixed seeds: deterministic.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "domain/listen/rule_eval.h"
#include "domain/listen/rule_parser.h"
#include "nlp/listen/rule_matcher.h"

namespace fr::nlp {
namespace {

const std::vector<std::string> kWords = {
    "קנטינה", "שירות", "לקוחות", "החזר", "משלוח", "פיצה", "שלום", "ארוך", "גן", "בית", "הזמנה",
    "מנהל", "cantina", "refund", "service", "pizza", "order", "late", "food", "manager", "app", "ok"};
const std::vector<std::string> kPrefixLetters = {"ו", "ה", "ב", "כ", "ל", "מ", "ש"};
const std::vector<std::string> kEmoji = {"😀", "👍", "👍🏽", "❤️", "🇮🇱"};

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  const std::string& Word() { return kWords[static_cast<size_t>(Pick(static_cast<int>(kWords.size())))]; }

  // A word as a person might type it: Hebrew prefix letters, niqqud, final letters written
  // either way, Latin case.
  std::string Spelled(const std::string& word) {
    std::string out;
    const int prefixes = Pick(6) < 3 ? Pick(4) : 0;
    for (int i = 0; i < prefixes; ++i) out += kPrefixLetters[static_cast<size_t>(Pick(7))];
    for (size_t i = 0; i < word.size();) {
      const size_t len = (static_cast<unsigned char>(word[i]) >= 0xC0) ? 2 : 1;
      std::string letter = word.substr(i, len);
      i += len;
      if (len == 1 && Pick(4) == 0) letter[0] = static_cast<char>(std::toupper(letter[0]));
      out += letter;
      if (len == 2 && Pick(5) == 0) out += Pick(2) ? "\u05B8" : "\u05BC";  // qamats, dagesh
    }
    if (word == "שלום" && Pick(2)) out = out.substr(0, out.size() - 2) + "מ";  // final written as regular
    return out;
  }

  std::string Text() {
    std::string text;
    const int n = 1 + Pick(12);
    for (int i = 0; i < n; ++i) {
      if (i) text += Pick(6) == 0 ? ", " : " ";
      switch (Pick(10)) {
        case 0: text += "#" + Word(); break;
        case 1: text += "@" + Word(); break;
        case 2: text += kEmoji[static_cast<size_t>(Pick(5))]; break;
        case 3: text += "xyz"; break;
        default: text += Spelled(Word());
      }
    }
    return text;
  }

  std::string Positional(int depth) {
    switch (depth > 0 ? Pick(5) : Pick(3)) {
      case 0: return "\"" + Word() + " " + Word() + "\"";
      case 1: return Word().substr(0, Word().size() >= 6 ? 6 : 3) + "*";
      case 2: return Spelled(Word());
      default: return "(" + Positional(depth - 1) + " OR " + Positional(depth - 1) + ")";
    }
  }

  std::string Query(int depth) {
    switch (depth > 0 ? Pick(12) : Pick(6)) {
      case 0: case 1: return Spelled(Word());
      case 2: return "#" + Word();
      case 3: return kEmoji[static_cast<size_t>(Pick(5))];
      case 4: {
        const char* fields[] = {"lang:he", "lang:en|he", "platform:x", "kind:reply", "followers:>100",
                                "author:dana"};
        return fields[Pick(6)];
      }
      case 5: return Positional(1);
      case 6: return "NOT " + Query(depth - 1);
      case 7: case 8: return "(" + Query(depth - 1) + " " + Query(depth - 1) + ")";
      case 9: case 10: return "(" + Query(depth - 1) + " OR " + Query(depth - 1) + ")";
      default: return Positional(1) + " NEAR/" + std::to_string(1 + Pick(4)) + " " + Positional(1);
    }
  }

  domain::ListenPost Post(const std::string& text) {
    domain::ListenPost post;
    post.text = text;
    post.platform = Pick(2) ? domain::Platform::kX : domain::Platform::kFacebook;
    post.language = Pick(2) ? "he" : "en";
    post.kind = Pick(3) ? domain::MessageKind::kPost : domain::MessageKind::kReply;
    post.author_handle = Pick(4) ? "someone" : "Dana";
    if (Pick(3)) post.followers = Pick(300);
    return post;
  }

 private:
  std::mt19937 rng_;
};

TEST(RuleMatcherPropertyTest, CompiledEqualsReference) {
  Generator gen(20261122);
  std::vector<domain::ListeningRule> rules;
  std::vector<domain::RuleQuery> queries;
  int refused = 0;
  while (rules.size() < 200) {
    domain::ListeningRule rule;
    rule.id = "r" + std::to_string(rules.size());
    rule.query = gen.Query(3);
    auto query = domain::ParseRuleQuery(rule.query);
    if (!query.ok()) {
      ++refused;
      continue;
    }
    queries.push_back(std::move(query).value());
    rules.push_back(std::move(rule));
  }
  auto matcher = RuleMatcherCompiler().Compile(rules);
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();

  int matched_pairs = 0;
  const int kPosts = 1500;
  for (int n = 0; n < kPosts; ++n) {
    const std::string text = gen.Text();
    const domain::ListenPost post = gen.Post(text);
    std::vector<std::string> expected;
    for (size_t i = 0; i < rules.size(); ++i) {
      if (domain::EvaluateReference(queries[i], post)) expected.push_back(rules[i].id);
    }
    std::vector<std::string> got;
    (*matcher)->Match(post, &got);
    ASSERT_EQ(got, expected) << "text: " << text << " lang " << post.language;
    matched_pairs += static_cast<int>(expected.size());
  }
  // Not vacuous: many rules matched, many did not, and few random queries were refused.
  EXPECT_GT(matched_pairs, kPosts * 5);
  EXPECT_LT(matched_pairs, kPosts * 150);
  EXPECT_LT(refused, 200);
}

}  // namespace
}  // namespace fr::nlp
