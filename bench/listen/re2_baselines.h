// The two matchers fr_bench_listen compares nlp/listen's matcher with, built on RE2 over the
// same normalised text (domain::ListenText::scan_text()) and giving the same answers:
//  * Re2SetMatcher: every distinct atom of the rules (term, phrase, prefix, tag, emoji) as one
//    exact regex in a single RE2::Set, which finds the atoms a post holds; each rule holding a
//    found atom is then evaluated exactly (domain::EvaluateQuery, NEAR on the words);
//  * NaiveRe2Matcher: what a first implementation would do, one RE2 per rule (the alternation
//    of its atoms) run on every post, and for a rule whose regex hits, one RE2 per atom to
//    decide its atoms before evaluating it.
// Neither is thread-safe; both are for measuring only.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "domain/listen/listen_text.h"
#include "domain/listen/listening_rule.h"
#include "domain/listen/rule_query.h"

namespace fr::bench {

// The rules parsed, with their atoms as exact RE2 patterns (bytes, for Latin-1 mode).
class Re2Rules {
 public:
  // REQUIRES: every query of `rules` parses.
  explicit Re2Rules(std::span<const domain::ListeningRule> rules);

  std::size_t rule_count() const { return rules_.size(); }
  // The distinct atoms, as patterns.
  const std::vector<std::string>& atom_patterns() const { return atom_patterns_; }
  // The atoms of rule `rule`, as indexes into atom_patterns(), each once.
  const std::vector<std::uint32_t>& atoms_of(std::size_t rule) const { return rules_[rule].atoms; }
  // The rules that hold atom `atom`.
  const std::vector<std::uint32_t>& rules_with(std::uint32_t atom) const { return atom_rules_[atom]; }
  // The rules that can match without any atom (a field filter alone, NOT): tried on every post.
  const std::vector<std::uint32_t>& atomless() const { return atomless_; }

  // True if rule `rule` matches `post` (already in `text`), given for each atom whether it
  // occurs (`atom_found`, indexed like atom_patterns()).
  bool Evaluate(std::size_t rule, const domain::ListenPost& post, const domain::ListenText& text,
                const std::vector<char>& atom_found) const;

 private:
  struct Rule {
    domain::RuleQuery query;
    std::vector<int> node_atom;        // per node: its atom, or -1
    std::vector<std::uint32_t> atoms;  // distinct
  };
  std::vector<Rule> rules_;
  std::vector<std::string> atom_patterns_;
  std::vector<std::vector<std::uint32_t>> atom_rules_;
  std::vector<std::uint32_t> atomless_;
};

// RE2's options for the patterns: Latin-1 (a pattern byte is a text byte), `max_mem` bytes.
RE2::Options Re2PatternOptions(std::int64_t max_mem);

class Re2SetMatcher {
 public:
  // Compiles the atoms of `rules` (which must outlive the matcher) into one RE2::Set with at
  // most `max_mem` bytes. Null if RE2 refuses.
  static std::unique_ptr<Re2SetMatcher> Compile(const Re2Rules& rules, std::int64_t max_mem);

  // The number of rules `post` matches, or -1 if the set's DFA ran out of memory on it (the
  // answer is then unknown). `set_seconds` accumulates the time spent in RE2::Set::Match.
  int Match(const domain::ListenPost& post, double* set_seconds);

 private:
  Re2SetMatcher(const Re2Rules& rules, std::unique_ptr<RE2::Set> set);

  const Re2Rules& rules_;
  std::unique_ptr<RE2::Set> set_;
  domain::ListenText text_;
  std::vector<int> found_;
  std::vector<char> atom_found_;
  std::vector<std::uint32_t> seen_;  // per rule: the serial of the last post it was tried on
  std::uint32_t serial_ = 0;
};

class NaiveRe2Matcher {
 public:
  // `rules` must outlive the matcher.
  explicit NaiveRe2Matcher(const Re2Rules& rules);

  // The number of rules `post` matches.
  int Match(const domain::ListenPost& post);

 private:
  const Re2Rules& rules_;
  std::vector<std::unique_ptr<RE2>> rule_regex_;  // per rule; null for a rule without atoms
  std::vector<std::unique_ptr<RE2>> atom_regex_;
  domain::ListenText text_;
  std::vector<char> atom_found_;
};

}  // namespace fr::bench
