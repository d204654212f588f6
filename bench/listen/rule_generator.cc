#include "rule_generator.h"

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "domain/listen/listen_text.h"
#include "domain/listen/rule_parser.h"
#include "domain/text_normalize.h"

namespace fr::bench {
namespace {

// A brand, product line or person as a rule names it.
struct Name {
  std::string en;      // Latin spelling, may hold a space ("el al")
  std::string he;      // Hebrew spelling
  std::string handle;  // account, without '@'
};

// Real names the texts mention (about 0.1-1% of posts each): brands in the English tweets,
// brands and politicians in the Hebrew comments.
const std::vector<Name> kRealNames = {
    {"uber", "אובר", "uber_support"},     {"samsung", "סמסונג", "samsungsupport"},
    {"microsoft", "מיקרוסופט", "microsofthelps"}, {"netflix", "נטפליקס", "netflix"},
    {"verizon", "ורייזון", "verizonsupport"}, {"comcast", "קומקאסט", "comcastcares"},
    {"xfinity", "אקספיניטי", "xfinity"},   {"delta", "דלתא", "delta"},
    {"el al", "אל על", "elal"},            {"maccabi", "מכבי", "maccabi"},
    {"clalit", "כללית", "clalit"},         {"gantz", "גנץ", "gantzbe"},
    {"liberman", "ליברמן", "avigdorliberman"}, {"trump", "טראמפ", "realdonaldtrump"}};

constexpr int kRealNamePercent = 3;  // of the rules

// Syllables with a Latin and a Hebrew spelling, for made-up names.
struct Sound {
  const char* en;
  const char* he;
};
constexpr Sound kOnsets[] = {{"b", "ב"}, {"d", "ד"}, {"f", "פ"},  {"g", "ג"},  {"k", "ק"},   {"l", "ל"},  {"m", "מ"},
                             {"n", "נ"}, {"p", "פ"}, {"r", "ר"},  {"s", "ס"},  {"t", "ט"},   {"v", "ו"},  {"z", "ז"},
                             {"sh", "ש"}, {"ch", "ח"}, {"tr", "טר"}, {"br", "בר"}, {"kr", "קר"}, {"st", "סט"}};
constexpr Sound kVowels[] = {{"a", ""}, {"e", ""}, {"i", "י"}, {"o", "ו"}, {"u", "ו"}, {"ai", "יי"}, {"ei", "יי"}};
constexpr Sound kCodas[] = {{"", ""}, {"", ""}, {"n", "ן"}, {"r", "ר"}, {"x", "קס"}, {"l", "ל"}, {"m", "ם"}, {"s", "ס"}};
constexpr Sound kProducts[] = {{"max", "מקס"}, {"pro", "פרו"}, {"plus", "פלוס"}, {"mini", "מיני"},
                               {"go", "גו"},   {"air", "אייר"}, {"one", "וואן"}};
constexpr Sound kFirstNames[] = {{"dana", "דנה"}, {"yossi", "יוסי"}, {"michal", "מיכל"}, {"noa", "נועה"},
                                 {"avi", "אבי"},  {"tamar", "תמר"},  {"eli", "אלי"},    {"ronit", "רונית"},
                                 {"omer", "עומר"}, {"shira", "שירה"}};

int Letters(const std::string& s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class Generator {
 public:
  Generator(const Corpus& corpus, unsigned seed) : rng_(seed) {
    for (const auto* texts : {&corpus.hebrew, &corpus.english}) {
      std::unordered_map<std::string, int> counts;
      domain::ListenText text;
      for (const std::string& t : *texts) {
        text.Reset(t);
        for (size_t i = 0; i < text.word_count(); ++i) {
          const std::string word(text.word(i));
          for (std::string& form : domain::WordForms(word)) corpus_forms_.insert(std::move(form));
          if (Letters(word) >= 3 && !std::isdigit(static_cast<unsigned char>(word[0]))) ++counts[word];
        }
      }
      (texts == &corpus.hebrew ? topics_he_ : topics_en_) = ByFrequency(counts, 60, 4000);
    }
    for (int i = 0; i < 3000; ++i) brands_.push_back(MadeUpName());
    for (int i = 0; i < 1000; ++i) surnames_.push_back(MadeUpName());
  }

  std::string Query() {
    const Name& b = rng_() % 100 < kRealNamePercent ? Pick(kRealNames) : Pick(brands_);
    const std::string he = Quoted(b.he), en = Quoted(b.en), tag = "#" + Joined(b.en), handle = "@" + b.handle;
    switch (rng_() % 12) {
      case 0: return "(" + he + " OR " + en + " OR " + tag + " OR " + handle + ")";
      case 1: return "(" + he + " OR " + handle + ") " + Topic(topics_he_, 3);
      case 2: return en + " " + Topic(topics_en_, 4) + " NOT " + Pick(topics_en_);
      case 3: return "(" + he + " OR " + en + ") NEAR/5 " + Topic(rng_() % 2 ? topics_he_ : topics_en_, 3);
      case 4:
        return "(\"" + Pick(topics_he_) + " " + Pick(topics_he_) + "\" OR \"" + Pick(topics_en_) + " " +
               Pick(topics_en_) + "\") (" + he + " OR " + en + ")";
      case 5: return Topic(topics_he_, 2) + " NEAR/3 " + he + " lang:he";
      case 6: return "(" + en + " OR " + he + ") platform:x|instagram followers:>=" + std::to_string(rng_() % 5000);
      case 7: {
        const Sound& product = Pick(kProducts);
        return "(\"" + b.en + " " + product.en + "\" OR \"" + b.he + " " + product.he + "\" OR #" + Joined(b.en) +
               product.en + ") " + Topic(rng_() % 2 ? topics_he_ : topics_en_, 2);
      }
      case 8: {
        const Sound& first = Pick(kFirstNames);
        const Name& last = Pick(surnames_);
        return "(\"" + std::string(first.en) + " " + last.en + "\" OR \"" + first.he + " " + last.he + "\" OR @" +
               first.en + "_" + last.handle + ") NEAR/4 " + Topic(rng_() % 2 ? topics_he_ : topics_en_, 3);
      }
      case 9: {
        const std::string stem = Joined(b.en);
        return (stem.size() >= 5 ? stem.substr(0, stem.size() - 1) + "*" : stem) + " NEAR/3 " + Topic(topics_en_, 3);
      }
      case 10: return "(" + en + " OR " + he + ") kind:post|comment|reply NOT " + Topic(topics_en_, 2);
      default: return "(" + en + " OR " + he + " OR " + tag + ") (😡 OR 🤬 OR 👎 OR 💔)";
    }
  }

 private:
  template <typename T, size_t N>
  const T& Pick(const T (&v)[N]) { return v[rng_() % N]; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[rng_() % v.size()]; }

  static std::vector<std::string> ByFrequency(const std::unordered_map<std::string, int>& counts, size_t skip,
                                              size_t keep) {
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [word, count] : counts) ranked.emplace_back(-count, word);
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> words;
    for (size_t i = skip; i < ranked.size() && words.size() < keep; ++i) words.push_back(ranked[i].second);
    return words;
  }

  // A name of 2 or 3 syllables in both scripts that is no form of any corpus word and not
  // made before.
  Name MadeUpName() {
    for (;;) {
      Name name;
      const int syllables = 2 + static_cast<int>(rng_() % 2);
      const Sound* vowel = nullptr;
      for (int i = 0; i < syllables; ++i) {
        const Sound& onset = Pick(kOnsets);
        vowel = &Pick(kVowels);
        name.en += std::string(onset.en) + vowel->en;
        name.he += std::string(onset.he) + vowel->he;
      }
      const Sound& coda = Pick(kCodas);
      name.en += coda.en;
      name.he += *coda.he ? coda.he : (*vowel->he ? "" : "ה");
      name.handle = name.en + (rng_() % 2 ? "_il" : "");
      if (name.en.size() < 5 || Letters(name.he) < 3) continue;
      if (corpus_forms_.count(name.en) || corpus_forms_.count(name.he) || !made_.insert(name.en).second) continue;
      return name;
    }
  }

  // An OR group of `n` topic words; long ones sometimes as a prefix.
  std::string Topic(const std::vector<std::string>& words, int n) {
    std::string group = "(";
    for (int i = 0; i < n; ++i) {
      std::string w = Pick(words);
      if (rng_() % 5 == 0 && Letters(w) >= 6) w = w.substr(0, w.size() - ((w[0] & 0x80) ? 2 : 1)) + "*";
      group += (i ? " OR " : "") + w;
    }
    return group + ")";
  }

  static std::string Quoted(const std::string& s) { return s.find(' ') == std::string::npos ? s : "\"" + s + "\""; }
  static std::string Joined(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  }

  std::mt19937 rng_;
  std::unordered_set<std::string> corpus_forms_;
  std::unordered_set<std::string> made_;
  std::vector<std::string> topics_he_, topics_en_;
  std::vector<Name> brands_, surnames_;
};

}  // namespace

std::vector<domain::ListeningRule> GenerateRules(const Corpus& corpus, int count, unsigned seed) {
  Generator generator(corpus, seed);
  std::vector<domain::ListeningRule> rules;
  while (static_cast<int>(rules.size()) < count) {
    std::string query = generator.Query();
    if (!domain::ParseRuleQuery(query).ok()) continue;
    domain::ListeningRule& rule = rules.emplace_back();
    rule.id = "r" + std::to_string(rules.size() - 1);
    rule.query = std::move(query);
  }
  return rules;
}

}  // namespace fr::bench
