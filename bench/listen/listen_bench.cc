// fr_bench_listen: speed and memory of the listening matcher (nlp/listen) on 10,000 generated
// rules and >= 1,000,000 posts made of the shared data sets' real text, against RE2::Set as
// the prefilter and a naive loop of one RE2 per rule. Prints one JSON object per measurement.
//
//   fr_bench_listen --data ../shared/data [--posts 1000000] [--rules 10000] [--naive-posts 2000]
//
// Rules are generated deterministically (fixed seed) from the data's own vocabulary: brand and
// account names from twcs plus Israeli brand and people names, Hebrew and English content
// words by frequency, combined into the shapes people write: every rule is about a brand (brand
// AND topic, NEAR, phrases, prefixes, hashtags, NOT, fields), as listening rules are.
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/listen/listen_text.h"
#include "domain/listen/rule_parser.h"
#include "nlp/listen/rule_matcher.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The fields of one CSV record (RFC 4180 quoting; records may span lines).
bool ReadCsvRecord(std::istream& in, std::vector<std::string>* fields) {
  fields->assign(1, "");
  bool quoted = false, any = false;
  for (int c; (c = in.get()) != EOF;) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') fields->back().push_back(static_cast<char>(in.get()));
        else quoted = false;
      } else {
        fields->back().push_back(static_cast<char>(c));
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->emplace_back();
    } else if (c == '\n') {
      return true;
    } else if (c != '\r') {
      fields->back().push_back(static_cast<char>(c));
    }
  }
  return any;
}

struct Corpus {
  std::vector<std::string> hebrew;
  std::vector<std::string> english;
  std::vector<std::string> brands;  // twcs company accounts
};

Corpus LoadCorpus(const std::string& data) {
  Corpus corpus;
  std::map<std::string, int> accounts;
  for (const char* file : {"/twcs/twcs_head5000.csv", "/twcs/twcs_random5000.csv",
                           "/twcs/spotifycares_customer_side.csv"}) {
    std::ifstream in(data + file);
    std::vector<std::string> f;
    ReadCsvRecord(in, &f);  // header
    while (ReadCsvRecord(in, &f)) {
      if (f.size() < 5) continue;
      corpus.english.push_back(f[4]);
      if (!f[1].empty() && !std::all_of(f[1].begin(), f[1].end(), ::isdigit)) ++accounts[f[1]];
    }
  }
  for (const auto& [name, count] : accounts) corpus.brands.push_back(name);
  {
    std::ifstream in(data + "/tweeteval_sentiment/val_text.txt");
    for (std::string line; std::getline(in, line);) corpus.english.push_back(line);
  }
  {
    std::ifstream in(data + "/complaints_preotiuc2019/complaints-data.csv");
    std::vector<std::string> f;
    while (ReadCsvRecord(in, &f)) {
      if (f.size() >= 2) corpus.english.push_back(f[1]);
    }
  }
  for (const char* file : {"/hebrew_sentiment_amram2018/cleaned_onlplab/token/train.tsv",
                           "/hebrew_sentiment_amram2018/cleaned_onlplab/token/dev.tsv"}) {
    std::ifstream in(data + file);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) corpus.hebrew.push_back(line.substr(0, line.find('\t')));
  }
  {
    std::ifstream in(data + "/hebrew_hebemo_covid_ugc/hebemo_sentiment_per_comment.csv");
    std::vector<std::string> f;
    ReadCsvRecord(in, &f);
    while (ReadCsvRecord(in, &f)) {
      if (f.size() >= 6) corpus.hebrew.push_back(f[5]);
    }
  }
  return corpus;
}

// Words of `texts` by frequency, skipping the most frequent `skip` (function words) and
// keeping the next `keep` with at least 3 letters.
std::vector<std::string> Vocabulary(const std::vector<std::string>& texts, size_t skip, size_t keep) {
  std::unordered_map<std::string, int> counts;
  fr::domain::ListenText t;
  for (const std::string& text : texts) {
    t.Reset(text);
    for (size_t i = 0; i < t.word_count(); ++i) {
      if (t.word(i).size() >= 3 && !std::isdigit(static_cast<unsigned char>(t.word(i)[0]))) ++counts[std::string(t.word(i))];
    }
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (auto& [word, count] : counts) ranked.emplace_back(-count, word);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> words;
  for (size_t i = skip; i < ranked.size() && words.size() < keep; ++i) words.push_back(ranked[i].second);
  return words;
}

std::vector<fr::domain::ListeningRule> MakeRules(const Corpus& corpus, int count) {
  const std::vector<std::string> he = Vocabulary(corpus.hebrew, 60, 4000);
  const std::vector<std::string> en = Vocabulary(corpus.english, 80, 4000);
  std::vector<std::string> brand_en = {"cantina", "zmanim", "paz", "shufersal", "rami", "victory", "golda",
                                       "aroma", "landwer", "elal", "cellcom", "partner", "hot", "yes"};
  for (const std::string& b : corpus.brands) brand_en.push_back(b);
  const std::vector<std::string> brand_he = {"קנטינה", "זמנים", "פז", "שופרסל", "רמי לוי", "ויקטורי", "גולדה",
                                             "ארומה", "לנדוור", "אל על", "סלקום", "פרטנר", "הוט", "יס", "דנה כהן",
                                             "יוסי לוי", "מכבי", "כללית", "בזק", "רכבת ישראל"};
  std::mt19937 rng(5);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  auto quoted = [](const std::string& s) { return s.find(' ') != std::string::npos || s.find('_') != std::string::npos ? "\"" + s + "\"" : s; };
  auto topic = [&](const std::vector<std::string>& v, int n) {
    std::string s = "(";
    for (int i = 0; i < n; ++i) {
      std::string w = pick(v);
      if (rng() % 5 == 0 && w.size() >= 8) w = w.substr(0, w.size() - (w[0] & 0x80 ? 2 : 1)) + "*";
      s += (i ? " OR " : "") + w;
    }
    return s + ")";
  };
  std::vector<fr::domain::ListeningRule> rules;
  while (static_cast<int>(rules.size()) < count) {
    const std::string b_en = pick(brand_en), b_he = pick(brand_he);
    std::string q;
    switch (rng() % 8) {
      case 0: q = "(" + quoted(b_he) + " OR " + quoted(b_en) + " OR #" + b_en + ")"; break;
      case 1: q = "(" + quoted(b_he) + " OR @" + b_en + ") " + topic(he, 3); break;
      case 2: q = quoted(b_en) + " " + topic(en, 4) + " NOT " + pick(en); break;
      case 3: q = "(" + quoted(b_he) + " OR " + quoted(b_en) + ") NEAR/5 " + topic(rng() % 2 ? he : en, 3); break;
      case 4: q = "(\"" + pick(he) + " " + pick(he) + "\" OR \"" + pick(en) + " " + pick(en) + "\") (" + quoted(b_he) + " OR " + quoted(b_en) + ")"; break;
      case 5: q = topic(he, 2) + " NEAR/3 " + quoted(b_he) + " lang:he"; break;
      case 6: q = "(" + quoted(b_en) + " OR " + quoted(b_he) + ") platform:x|instagram followers:>=" + std::to_string(rng() % 5000); break;
      default: q = pick(en) + " " + pick(en) + " (" + quoted(b_en) + " OR " + quoted(b_he) + ")"; break;
    }
    if (!fr::domain::ParseRuleQuery(q).ok()) continue;
    fr::domain::ListeningRule rule;
    rule.id = "r" + std::to_string(rules.size());
    rule.query = q;
    rules.push_back(std::move(rule));
  }
  return rules;
}

// The exact regex of an atom over ListenText::scan_text() (bytes as \\xHH; prefix letters
// ו ה ב כ ל מ ש as an optional run in front of each word), for RE2.
std::string Re2Pattern(const fr::domain::QueryNode& node) {
  auto escaped = [](std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : bytes) {
      const auto b = static_cast<unsigned char>(c);
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
    return out;
  };
  auto word = [&](std::string_view w) {
    const bool long_enough = w.size() >= 2 && !(w.size() == 2 && (static_cast<unsigned char>(w[0]) >= 0xC0));
    return std::string("[#@]?") + (long_enough ? R"((?:\xD7[\x91\x94\x95\x9B\x9C\x9E\xA9]){0,3})" : "") + escaped(w);
  };
  std::string p;
  switch (node.op) {
    case fr::domain::QueryOp::kTerm:
      for (const std::string& w : node.words) p += " " + word(w);
      return p + " ";
    case fr::domain::QueryOp::kPrefix: return " " + word(node.words[0]);
    case fr::domain::QueryOp::kHashtag:
    case fr::domain::QueryOp::kHandle: {
      p = node.op == fr::domain::QueryOp::kHashtag ? " \\x23" : " \\x40";
      for (size_t i = 0; i < node.words.size(); ++i) p += (i ? " " : "") + escaped(node.words[i]);
      return p + " ";
    }
    default: return escaped(node.words[0]);
  }
}

void Print(const char* name, size_t posts, size_t bytes, double seconds, const std::string& extra = "") {
  std::printf("{\"bench\":\"%s\",\"posts\":%zu,\"seconds\":%.3f,\"posts_per_s\":%.0f,\"mb_per_s\":%.1f%s}\n",
              name, posts, seconds, static_cast<double>(posts) / seconds,
              static_cast<double>(bytes) / seconds / 1e6, extra.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/data";
  size_t post_count = 1000000, naive_posts = 2000;
  int rule_count = 10000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--data")) data = argv[i + 1];
    if (!std::strcmp(argv[i], "--posts")) post_count = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--rules")) rule_count = std::stoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--naive-posts")) naive_posts = std::stoul(argv[i + 1]);
  }
  const Corpus corpus = LoadCorpus(data);
  if (corpus.hebrew.empty() || corpus.english.empty()) {
    std::fprintf(stderr, "fr_bench_listen: no texts under %s\n", data.c_str());
    return 2;
  }
  // Posts: Hebrew and English texts alternating, cycled to the count asked for.
  std::vector<fr::domain::ListenPost> posts(post_count);
  size_t total_bytes = 0;
  for (size_t i = 0; i < post_count; ++i) {
    const auto& texts = i % 2 ? corpus.hebrew : corpus.english;
    posts[i].text = texts[(i / 2) % texts.size()];
    posts[i].language = i % 2 ? "he" : "en";
    posts[i].platform = i % 3 ? fr::domain::Platform::kX : fr::domain::Platform::kInstagram;
    posts[i].followers = static_cast<std::int64_t>(i % 7919);
    total_bytes += posts[i].text.size();
  }
  std::printf("{\"corpus\":{\"hebrew_texts\":%zu,\"english_texts\":%zu,\"posts\":%zu,\"mean_bytes\":%.1f}}\n",
              corpus.hebrew.size(), corpus.english.size(), post_count,
              static_cast<double>(total_bytes) / static_cast<double>(post_count));

  const std::vector<fr::domain::ListeningRule> rules = MakeRules(corpus, rule_count);
  auto start = Clock::now();
  auto compiled = fr::nlp::VectorscanCompiler().Compile(rules);
  const double compile_s = Seconds(start);
  if (!compiled.ok()) {
    std::fprintf(stderr, "fr_bench_listen: %s\n", compiled.status().message().c_str());
    return 1;
  }
  const auto& matcher = **compiled;
  // The atoms, as the compiler sees them, for the RE2 comparisons.
  std::vector<std::string> atoms;
  std::vector<std::vector<std::string>> rule_atoms;
  std::map<std::string, int> atom_ids;
  for (const auto& rule : rules) {
    auto q = fr::domain::ParseRuleQuery(rule.query);
    auto& mine = rule_atoms.emplace_back();
    for (const auto& node : q->nodes) {
      if (!fr::domain::IsAtom(node.op)) continue;
      const std::string p = Re2Pattern(node);
      mine.push_back(p);
      if (atom_ids.emplace(p, static_cast<int>(atoms.size())).second) atoms.push_back(p);
    }
  }
  std::printf("{\"compile\":{\"rules\":%zu,\"patterns\":%zu,\"seconds\":%.2f,\"memory_mb\":%.1f}}\n",
              matcher.rule_count(), atoms.size(), compile_s, static_cast<double>(matcher.memory_bytes()) / 1e6);
  std::fflush(stdout);

  // 1. Normalisation alone: the byte loop with ICU fallback, and ICU for every post.
  fr::domain::ListenText text;
  size_t words = 0;
  start = Clock::now();
  for (const auto& post : posts) {
    text.Reset(post.text);
    words += text.word_count();
  }
  Print("normalise_fast_path", post_count, total_bytes, Seconds(start), ",\"words\":" + std::to_string(words));
  const size_t icu_posts = std::min<size_t>(post_count, 100000);
  size_t icu_bytes = 0;
  start = Clock::now();
  for (size_t i = 0; i < icu_posts; ++i) {
    text.ResetWithIcuForTest(posts[i].text);
    icu_bytes += posts[i].text.size();
  }
  Print("normalise_icu_only", icu_posts, icu_bytes, Seconds(start));

  // 2. The matcher, end to end (normalise, scan, evaluate candidates), one thread.
  std::vector<std::string> ids;
  size_t matches = 0;
  start = Clock::now();
  for (const auto& post : posts) {
    ids.clear();
    matcher.Match(post, &ids);
    matches += ids.size();
  }
  Print("matcher", post_count, total_bytes, Seconds(start), ",\"matches\":" + std::to_string(matches));

  // 3. RE2::Set with the same atom patterns, as a prefilter only (normalising included, rule
  // evaluation not), on the same scan text, bytes as Latin-1 so \xHH means a byte.
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_max_mem(int64_t{2} << 30);
  options.set_log_errors(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const std::string& p : atoms) set.Add(p, nullptr);
  start = Clock::now();
  const bool set_ok = set.Compile();
  const double set_compile = Seconds(start);
  if (set_ok) {
    const size_t set_posts = std::min<size_t>(post_count, 200000);
    size_t set_bytes = 0, set_hits = 0;
    std::vector<int> hit;
    RE2::Set::ErrorInfo error{};
    start = Clock::now();
    for (size_t i = 0; i < set_posts; ++i) {
      text.Reset(posts[i].text);
      hit.clear();
      set.Match(text.scan_text(), &hit, &error);
      set_hits += hit.size();
      set_bytes += posts[i].text.size();
    }
    Print("re2_set_prefilter", set_posts, set_bytes, Seconds(start),
          ",\"compile_seconds\":" + std::to_string(set_compile) + ",\"atom_hits\":" + std::to_string(set_hits) +
              ",\"dfa_out_of_memory\":" + std::string(error.kind == RE2::Set::kOutOfMemory ? "true" : "false"));
  } else {
    std::printf("{\"bench\":\"re2_set_prefilter\",\"error\":\"RE2::Set did not compile\"}\n");
  }

  // 4. Naive: one RE2 per rule (its atoms as one alternation), every rule on every post, on
  // a subset of posts (normalising once per post is included).
  std::vector<std::unique_ptr<RE2>> naive;
  for (const auto& mine : rule_atoms) {
    std::string alternation;
    for (const std::string& p : mine) alternation += (alternation.empty() ? "(?:" : "|(?:") + p + ")";
    naive.push_back(std::make_unique<RE2>(alternation, options));
  }
  const size_t n_posts = std::min(naive_posts, post_count);
  size_t naive_bytes = 0, naive_hits = 0;
  start = Clock::now();
  for (size_t i = 0; i < n_posts; ++i) {
    text.Reset(posts[i].text);
    for (const auto& re : naive) naive_hits += RE2::PartialMatch(text.scan_text(), *re);
    naive_bytes += posts[i].text.size();
  }
  Print("naive_re2_per_rule", n_posts, naive_bytes, Seconds(start), ",\"rule_hits\":" + std::to_string(naive_hits));
  return 0;
}
