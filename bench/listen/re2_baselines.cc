#include "re2_baselines.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "domain/listen/rule_eval.h"
#include "domain/listen/rule_parser.h"
#include "nlp/listen/atom_pattern.h"

namespace fr::bench {
namespace {

using domain::QueryNode;
using domain::QueryOp;

std::string HexBytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += "\\x";
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

// The exact regex of an atom over ListenText::scan_text(), where every word is followed by a
// space and tag words carry their '#' or '@': a word may be written with 1 to 3 Hebrew prefix
// letters (ו ה ב כ ל מ ש) in front when it has at least 2 letters, as nlp::FormEquals says.
std::string AtomRegex(const QueryNode& node) {
  auto word = [](std::string_view w) {
    const auto letters = std::count_if(w.begin(), w.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    const bool two_letters = letters >= 2;
    return std::string("[#@]?") + (two_letters ? R"((?:\xD7[\x91\x94\x95\x9B\x9C\x9E\xA9]){0,3})" : "") + HexBytes(w);
  };
  std::string p;
  switch (node.op) {
    case QueryOp::kTerm:
      for (const std::string& w : node.words) p += " " + word(w);
      return p + " ";
    case QueryOp::kPrefix: return " " + word(node.words[0]);
    case QueryOp::kHashtag:
    case QueryOp::kHandle:
      p = node.op == QueryOp::kHashtag ? " \\x23" : " \\x40";
      for (size_t i = 0; i < node.words.size(); ++i) p += (i ? " " : "") + HexBytes(node.words[i]);
      return p + " ";
    default: return HexBytes(node.words[0]);  // kEmoji
  }
}

// True if the subtree at `index` can only be true when some atom occurs.
bool NeedsAtom(const domain::RuleQuery& query, int index) {
  const QueryNode& node = query.nodes[static_cast<size_t>(index)];
  if (domain::IsAtom(node.op)) return true;
  switch (node.op) {
    case QueryOp::kOr:
      return std::all_of(node.children.begin(), node.children.end(), [&](int c) { return NeedsAtom(query, c); });
    case QueryOp::kAnd:
    case QueryOp::kNear:
      return std::any_of(node.children.begin(), node.children.end(), [&](int c) { return NeedsAtom(query, c); });
    default: return false;  // kField, kNot
  }
}

// Atoms answered from a table of found atoms; NEAR from the words.
class FoundFacts : public domain::AtomFacts {
 public:
  FoundFacts(const std::vector<int>& node_atom, const std::vector<char>& found, const domain::ListenText& text)
      : node_atom_(node_atom), found_(found), text_(text) {}

  bool Matches(const domain::RuleQuery&, int index) override {
    return found_[static_cast<size_t>(node_atom_[static_cast<size_t>(index)])];
  }
  void Spans(const domain::RuleQuery& query, int index, std::vector<domain::WordSpan>* spans) override {
    nlp::AtomSpans(query.nodes[static_cast<size_t>(index)], text_, spans);
  }

 private:
  const std::vector<int>& node_atom_;
  const std::vector<char>& found_;
  const domain::ListenText& text_;
};

}  // namespace

Re2Rules::Re2Rules(std::span<const domain::ListeningRule> rules) {
  std::map<std::string, std::uint32_t> ids;
  for (const domain::ListeningRule& given : rules) {
    Rule& rule = rules_.emplace_back();
    rule.query = std::move(domain::ParseRuleQuery(given.query)).value();
    for (const QueryNode& node : rule.query.nodes) {
      if (!domain::IsAtom(node.op)) {
        rule.node_atom.push_back(-1);
        continue;
      }
      const auto [it, added] = ids.emplace(AtomRegex(node), static_cast<std::uint32_t>(atom_patterns_.size()));
      if (added) {
        atom_patterns_.push_back(it->first);
        atom_rules_.emplace_back();
      }
      rule.node_atom.push_back(static_cast<int>(it->second));
      if (std::find(rule.atoms.begin(), rule.atoms.end(), it->second) == rule.atoms.end()) {
        rule.atoms.push_back(it->second);
        atom_rules_[it->second].push_back(static_cast<std::uint32_t>(rules_.size() - 1));
      }
    }
    if (!NeedsAtom(rule.query, rule.query.root)) atomless_.push_back(static_cast<std::uint32_t>(rules_.size() - 1));
  }
}

bool Re2Rules::Evaluate(std::size_t rule, const domain::ListenPost& post, const domain::ListenText& text,
                        const std::vector<char>& atom_found) const {
  FoundFacts facts(rules_[rule].node_atom, atom_found, text);
  return domain::EvaluateQuery(rules_[rule].query, post, facts);
}

RE2::Options Re2PatternOptions(std::int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_max_mem(max_mem);
  options.set_log_errors(false);
  return options;
}

std::unique_ptr<Re2SetMatcher> Re2SetMatcher::Compile(const Re2Rules& rules, std::int64_t max_mem) {
  auto set = std::make_unique<RE2::Set>(Re2PatternOptions(max_mem), RE2::UNANCHORED);
  for (const std::string& pattern : rules.atom_patterns()) {
    if (set->Add(pattern, nullptr) < 0) return nullptr;
  }
  if (!set->Compile()) return nullptr;
  return std::unique_ptr<Re2SetMatcher>(new Re2SetMatcher(rules, std::move(set)));
}

Re2SetMatcher::Re2SetMatcher(const Re2Rules& rules, std::unique_ptr<RE2::Set> set)
    : rules_(rules), set_(std::move(set)), atom_found_(rules.atom_patterns().size(), 0), seen_(rules.rule_count(), 0) {}

int Re2SetMatcher::Match(const domain::ListenPost& post, double* set_seconds) {
  text_.Reset(post.text);
  found_.clear();
  RE2::Set::ErrorInfo error{};
  const auto start = std::chrono::steady_clock::now();
  const bool any = set_->Match(text_.scan_text(), &found_, &error);
  *set_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!any && error.kind != RE2::Set::kNoError) return -1;
  ++serial_;
  for (int atom : found_) atom_found_[static_cast<size_t>(atom)] = 1;
  int matches = 0;
  auto consider = [&](std::uint32_t rule) {
    if (seen_[rule] == serial_) return;
    seen_[rule] = serial_;
    matches += rules_.Evaluate(rule, post, text_, atom_found_);
  };
  for (int atom : found_) {
    for (std::uint32_t rule : rules_.rules_with(static_cast<std::uint32_t>(atom))) consider(rule);
  }
  for (std::uint32_t rule : rules_.atomless()) consider(rule);
  for (int atom : found_) atom_found_[static_cast<size_t>(atom)] = 0;
  return matches;
}

NaiveRe2Matcher::NaiveRe2Matcher(const Re2Rules& rules)
    : rules_(rules), atom_found_(rules.atom_patterns().size(), 0) {
  const RE2::Options options = Re2PatternOptions(RE2::Options().max_mem());
  for (const std::string& pattern : rules.atom_patterns()) atom_regex_.push_back(std::make_unique<RE2>(pattern, options));
  for (size_t rule = 0; rule < rules.rule_count(); ++rule) {
    std::string alternation;
    for (std::uint32_t atom : rules.atoms_of(rule)) {
      alternation += (alternation.empty() ? "(?:" : "|(?:") + rules.atom_patterns()[atom] + ")";
    }
    const bool needs_atom = std::find(rules.atomless().begin(), rules.atomless().end(), rule) == rules.atomless().end();
    rule_regex_.push_back(needs_atom ? std::make_unique<RE2>(alternation, options) : nullptr);
  }
}

int NaiveRe2Matcher::Match(const domain::ListenPost& post) {
  text_.Reset(post.text);
  int matches = 0;
  for (size_t rule = 0; rule < rules_.rule_count(); ++rule) {
    if (rule_regex_[rule] && !RE2::PartialMatch(text_.scan_text(), *rule_regex_[rule])) continue;
    for (std::uint32_t atom : rules_.atoms_of(rule)) {
      atom_found_[atom] = RE2::PartialMatch(text_.scan_text(), *atom_regex_[atom]);
    }
    matches += rules_.Evaluate(rule, post, text_, atom_found_);
  }
  return matches;
}

}  // namespace fr::bench
