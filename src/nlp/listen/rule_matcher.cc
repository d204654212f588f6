#include "nlp/listen/rule_matcher.h"

#include <hs.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/listen/listen_text.h"
#include "domain/listen/rule_eval.h"
#include "domain/listen/rule_parser.h"
#include "nlp/listen/atom_pattern.h"

namespace fr::nlp {
namespace {

using domain::QueryNode;
using domain::QueryOp;
using domain::RuleQuery;

struct CompiledRule {
  std::string id;
  RuleQuery query;
  std::vector<int> node_atom;  // per node: its atom's id, or -1
};

// One distinct atom (op and words) of all the rules.
struct Atom {
  std::uint32_t literal;  // its literal's pattern id
  bool exact;             // the literal alone proves it (LiteralIsExact)
};

struct DatabaseFree {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct ScratchFree {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

// What one thread keeps between calls: scratch space and buffers sized for one matcher (the
// one with `generation`), reset when another matcher is used.
struct ThreadState {
  std::uint64_t generation = 0;
  std::unique_ptr<hs_scratch_t, ScratchFree> scratch;
  std::vector<std::uint64_t> hit;     // one bit per literal
  std::vector<std::uint32_t> hit_list;
  std::vector<std::uint8_t> verdict;  // per atom: 0 not tested yet, 1 occurs, 2 does not
  std::vector<std::uint32_t> verdict_list;
  std::vector<std::uint32_t> seen;    // per rule: the serial of the last post it was a candidate for
  std::uint32_t serial = 0;
  std::vector<std::uint32_t> candidates;
  std::vector<domain::WordSpan> spans;
  domain::ListenText text;
};

thread_local ThreadState tls;

std::atomic<std::uint64_t> next_generation{1};

int OnMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto* state = static_cast<ThreadState*>(context);
  std::uint64_t& word = state->hit[id / 64];
  const std::uint64_t bit = std::uint64_t{1} << (id % 64);
  if (!(word & bit)) {
    word |= bit;
    state->hit_list.push_back(id);
  }
  return 0;
}

// The atoms of one rule, answered from the scan (Matches) and from the post's words (Spans).
class ScannedFacts : public domain::AtomFacts {
 public:
  ScannedFacts(const CompiledRule& rule, const std::vector<Atom>& atoms, ThreadState& state)
      : rule_(rule), atoms_(atoms), state_(state) {}

  // domain::AtomFacts
  bool Matches(const RuleQuery& query, int index) override {
    const auto id = static_cast<std::uint32_t>(rule_.node_atom[static_cast<size_t>(index)]);
    const Atom& atom = atoms_[id];
    if (!((state_.hit[atom.literal / 64] >> (atom.literal % 64)) & 1)) return false;
    if (atom.exact) return true;
    if (state_.verdict[id] == 0) {
      std::vector<domain::WordSpan>& spans = state_.spans;
      spans.clear();
      Spans(query, index, &spans);
      state_.verdict[id] = spans.empty() ? 2 : 1;
      state_.verdict_list.push_back(id);
    }
    return state_.verdict[id] == 1;
  }

  void Spans(const RuleQuery& query, int index, std::vector<domain::WordSpan>* spans) override {
    const QueryNode& node = query.nodes[static_cast<size_t>(index)];
    const domain::ListenText& text = state_.text;
    const size_t length = node.words.size();
    for (size_t start = 0; start + length <= text.word_count(); ++start) {
      bool match = true;
      for (size_t j = 0; j < length && match; ++j) {
        match = node.op == QueryOp::kPrefix ? FormStartsWith(text.word(start + j), node.words[j])
                                            : FormEquals(text.word(start + j), node.words[j]);
      }
      if (match) spans->push_back({static_cast<int>(start), static_cast<int>(start + length - 1)});
    }
  }

 private:
  const CompiledRule& rule_;
  const std::vector<Atom>& atoms_;
  ThreadState& state_;
};

class VectorscanMatcher : public ports::MentionMatcher {
 public:
  VectorscanMatcher(std::vector<CompiledRule> rules, std::vector<Atom> atoms,
                    std::vector<std::vector<std::uint32_t>> literal_rules, std::vector<std::uint32_t> always,
                    hs_database_t* db, hs_scratch_t* scratch, std::size_t structure_bytes)
      : rules_(std::move(rules)),
        atoms_(std::move(atoms)),
        literal_rules_(std::move(literal_rules)),
        always_(std::move(always)),
        db_(db),
        scratch_(scratch),
        generation_(next_generation++) {
    std::size_t db_bytes = 0;
    if (db_) hs_database_size(db_.get(), &db_bytes);
    memory_bytes_ = db_bytes + structure_bytes;
  }

  // ports::MentionMatcher
  void Match(const domain::ListenPost& post, std::vector<std::string>* rule_ids) const override {
    ThreadState& state = tls;
    Prepare(state);
    state.text.Reset(post.text);
    const std::string& scan = state.text.scan_text();
    if (db_) {
      hs_scan(db_.get(), scan.data(), static_cast<unsigned int>(scan.size()), 0, state.scratch.get(),
              &OnMatch, &state);
    }
    if (++state.serial == 0) {
      std::fill(state.seen.begin(), state.seen.end(), 0);
      state.serial = 1;
    }
    state.candidates.clear();
    auto add = [&](std::uint32_t rule) {
      if (state.seen[rule] != state.serial) {
        state.seen[rule] = state.serial;
        state.candidates.push_back(rule);
      }
    };
    for (std::uint32_t literal : state.hit_list) {
      for (std::uint32_t rule : literal_rules_[literal]) add(rule);
    }
    for (std::uint32_t rule : always_) add(rule);
    std::sort(state.candidates.begin(), state.candidates.end());
    for (std::uint32_t index : state.candidates) {
      const CompiledRule& rule = rules_[index];
      ScannedFacts facts(rule, atoms_, state);
      if (domain::EvaluateQuery(rule.query, post, facts)) rule_ids->push_back(rule.id);
    }
    for (std::uint32_t literal : state.hit_list) state.hit[literal / 64] = 0;
    state.hit_list.clear();
    for (std::uint32_t atom : state.verdict_list) state.verdict[atom] = 0;
    state.verdict_list.clear();
  }

  std::size_t rule_count() const override { return rules_.size(); }
  std::size_t memory_bytes() const override { return memory_bytes_; }

 private:
  void Prepare(ThreadState& state) const {
    if (state.generation == generation_) return;
    hs_scratch_t* scratch = nullptr;
    if (scratch_ && hs_clone_scratch(scratch_.get(), &scratch) != HS_SUCCESS) {
      std::fprintf(stderr, "fatal: hs_clone_scratch failed (out of memory)\n");
      std::abort();
    }
    state.scratch.reset(scratch);
    state.hit.assign(literal_rules_.size() / 64 + 1, 0);
    state.hit_list.clear();
    state.verdict.assign(atoms_.size(), 0);
    state.verdict_list.clear();
    state.seen.assign(rules_.size(), 0);
    state.serial = 0;
    state.generation = generation_;
  }

  const std::vector<CompiledRule> rules_;
  const std::vector<Atom> atoms_;
  const std::vector<std::vector<std::uint32_t>> literal_rules_;  // per literal: the anchored rules using it
  const std::vector<std::uint32_t> always_;                   // rules evaluated for every post
  const std::unique_ptr<hs_database_t, DatabaseFree> db_;     // null when there is no atom
  const std::unique_ptr<hs_scratch_t, ScratchFree> scratch_;  // the prototype threads clone
  const std::uint64_t generation_;
  std::size_t memory_bytes_ = 0;
};

// A set of literals at least one of which is found whenever the subtree at `index` is true,
// chosen to be found rarely (an AND needs only its best child's: usually the brand, not the
// topic words); nullopt if the subtree can be true without any (fields, NOT).
std::optional<std::set<std::uint32_t>> RequiredLiterals(const CompiledRule& rule, const std::vector<Atom>& atoms,
                                                        const std::vector<std::string>& literals, int index) {
  const QueryNode& node = rule.query.nodes[static_cast<size_t>(index)];
  if (const int atom = rule.node_atom[static_cast<size_t>(index)]; atom >= 0) {
    return std::set<std::uint32_t>{atoms[static_cast<size_t>(atom)].literal};
  }
  // How often a set is expected to fire: short literals are found far more often.
  auto cost = [&](const std::set<std::uint32_t>& set) {
    double sum = 0;
    for (std::uint32_t literal : set) {
      const double length = static_cast<double>(literals[literal].size());
      sum += 1.0 / (length * length * length);
    }
    return sum;
  };
  switch (node.op) {
    case QueryOp::kField:
    case QueryOp::kNot: return std::nullopt;
    case QueryOp::kOr: {
      std::set<std::uint32_t> all;
      for (int child : node.children) {
        auto set = RequiredLiterals(rule, atoms, literals, child);
        if (!set) return std::nullopt;
        all.insert(set->begin(), set->end());
      }
      return all;
    }
    default: {  // kAnd, kNear: every child must hold, so any one child's set will do
      std::optional<std::set<std::uint32_t>> best;
      for (int child : node.children) {
        auto set = RequiredLiterals(rule, atoms, literals, child);
        if (set && (!best || cost(*set) < cost(*best))) best = std::move(set);
      }
      return best;
    }
  }
}

std::size_t StructureBytes(const std::vector<CompiledRule>& rules,
                           const std::vector<std::vector<std::uint32_t>>& literal_rules) {
  std::size_t bytes = rules.capacity() * sizeof(CompiledRule);
  for (const CompiledRule& rule : rules) {
    bytes += rule.id.capacity() + rule.node_atom.capacity() * sizeof(int) +
             rule.query.nodes.capacity() * sizeof(QueryNode);
    for (const QueryNode& node : rule.query.nodes) {
      bytes += node.children.capacity() * sizeof(int) + node.field.names.size() * sizeof(std::string);
      for (const std::string& word : node.words) bytes += sizeof(std::string) + word.capacity();
    }
  }
  for (const auto& list : literal_rules) bytes += sizeof(list) + list.capacity() * sizeof(std::uint32_t);
  return bytes;
}

}  // namespace

Result<std::shared_ptr<const ports::MentionMatcher>> VectorscanCompiler::Compile(
    std::span<const domain::ListeningRule> rules) const {
  std::vector<CompiledRule> compiled;
  std::map<std::string, std::uint32_t> atom_ids;     // op and words -> atom
  std::map<std::string, std::uint32_t> literal_ids;  // literal -> pattern id
  std::vector<Atom> atoms;
  std::vector<std::string> literals;
  std::set<std::string_view> ids;
  for (const domain::ListeningRule& rule : rules) {
    auto bad = [&](const std::string& message) {
      return Status(Errc::kInvalidArgument, "bad_listening_rule", "rule " + rule.id + ": " + message);
    };
    if (!domain::IsValidRuleId(rule.id)) return bad("invalid id: use 1 to 64 letters, digits, '_', '.' or '-'");
    if (!ids.insert(rule.id).second) return bad("the id is used by an earlier rule");
    auto query = domain::ParseRuleQuery(rule.query);
    if (!query.ok()) return bad(query.status().message());
    if (!rule.enabled) continue;
    CompiledRule& c = compiled.emplace_back();
    c.id = rule.id;
    c.query = std::move(query).value();
    for (const QueryNode& node : c.query.nodes) {
      if (!domain::IsAtom(node.op)) {
        c.node_atom.push_back(-1);
        continue;
      }
      std::string key(1, static_cast<char>(node.op));
      for (const std::string& word : node.words) key += ' ' + word;
      const auto [atom, added] = atom_ids.emplace(key, static_cast<std::uint32_t>(atoms.size()));
      if (added) {
        const auto [literal, new_literal] =
            literal_ids.emplace(AtomLiteral(node), static_cast<std::uint32_t>(literals.size()));
        if (new_literal) literals.push_back(literal->first);
        atoms.push_back(Atom{literal->second, LiteralIsExact(node)});
      }
      c.node_atom.push_back(static_cast<int>(atom->second));
    }
  }

  std::vector<std::vector<std::uint32_t>> literal_rules(literals.size());
  std::vector<std::uint32_t> always;
  for (std::uint32_t index = 0; index < compiled.size(); ++index) {
    const CompiledRule& rule = compiled[index];
    const auto required = RequiredLiterals(rule, atoms, literals, rule.query.root);
    if (!required) {
      always.push_back(index);
      continue;
    }
    for (std::uint32_t literal : *required) literal_rules[literal].push_back(index);
  }

  hs_database_t* db = nullptr;
  hs_scratch_t* scratch = nullptr;
  if (!literals.empty()) {
    std::vector<const char*> expressions;
    std::vector<std::size_t> lengths;
    std::vector<unsigned int> flags(literals.size(), HS_FLAG_SINGLEMATCH);
    std::vector<unsigned int> pattern_ids;
    for (std::uint32_t i = 0; i < literals.size(); ++i) {
      expressions.push_back(literals[i].data());
      lengths.push_back(literals[i].size());
      pattern_ids.push_back(i);
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), pattern_ids.data(), lengths.data(),
                             static_cast<unsigned int>(literals.size()), HS_MODE_BLOCK, nullptr, &db,
                             &error) != HS_SUCCESS) {
      std::string message = "vectorscan refused pattern " + std::to_string(error->expression) + ": " +
                            error->message;
      hs_free_compile_error(error);
      return Status(Errc::kInternal, "matcher_compile_failed", message);
    }
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
      hs_free_database(db);
      return Status(Errc::kInternal, "matcher_compile_failed", "vectorscan could not allocate scratch space");
    }
  }
  const std::size_t structure_bytes =
      StructureBytes(compiled, literal_rules) + atoms.capacity() * sizeof(Atom);
  return std::shared_ptr<const ports::MentionMatcher>(std::make_shared<VectorscanMatcher>(
      std::move(compiled), std::move(atoms), std::move(literal_rules), std::move(always), db, scratch,
      structure_bytes));
}

}  // namespace fr::nlp
