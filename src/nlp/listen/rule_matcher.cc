#include "nlp/listen/rule_matcher.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/listen/listen_text.h"
#include "domain/listen/rule_eval.h"
#include "domain/listen/rule_parser.h"
#include "nlp/listen/atom_pattern.h"
#include "nlp/listen/candidate_filter.h"
#include "nlp/listen/literal_index.h"

namespace fr::nlp {
namespace {

using domain::QueryNode;
using domain::RuleQuery;

struct CompiledRule {
  std::string id;
  RuleQuery query;
  std::vector<int> node_atom;  // per node: its atom's id, or -1
};

// One distinct atom (op and words) of all the rules.
struct Atom {
  std::uint32_t literal;  // its literal's id
  bool exact;             // its literal, found, proves it (LiteralIsExact)
};

// What one thread keeps between calls: buffers sized for one matcher (the one with
// `generation`), reset when another matcher is used. Per-post tables are cleared by their
// lists of touched entries, never in full.
struct ThreadState {
  std::uint64_t generation = 0;
  std::vector<std::uint64_t> hit;  // one bit per literal
  std::vector<std::uint32_t> hit_list;
  std::vector<std::uint8_t> verdict;  // per atom: 0 not tested yet, 1 occurs, 2 does not
  std::vector<std::uint32_t> verdict_list;
  std::vector<std::uint32_t> candidates;
  std::vector<domain::WordSpan> spans;
  domain::ListenText text;
};

thread_local ThreadState tls;

std::atomic<std::uint64_t> next_generation{1};

bool Found(const ThreadState& state, std::uint32_t literal) {
  return (state.hit[literal / 64] >> (literal % 64)) & 1;
}

void MarkFound(ThreadState& state, std::uint32_t literal) {
  state.hit[literal / 64] |= std::uint64_t{1} << (literal % 64);
  state.hit_list.push_back(literal);
}

// The atoms of one rule, answered from the found literals (Matches) and from the post's words
// (Spans, and Matches for phrases).
class FoundFacts : public domain::AtomFacts {
 public:
  FoundFacts(const CompiledRule& rule, const std::vector<Atom>& atoms, ThreadState& state)
      : rule_(rule), atoms_(atoms), state_(state) {}

  // domain::AtomFacts
  bool Matches(const RuleQuery& query, int index) override {
    const auto id = static_cast<std::uint32_t>(rule_.node_atom[static_cast<size_t>(index)]);
    const Atom& atom = atoms_[id];
    if (!Found(state_, atom.literal)) return false;
    if (atom.exact) return true;
    if (state_.verdict[id] == 0) {
      state_.spans.clear();
      Spans(query, index, &state_.spans);
      state_.verdict[id] = state_.spans.empty() ? 2 : 1;
      state_.verdict_list.push_back(id);
    }
    return state_.verdict[id] == 1;
  }

  void Spans(const RuleQuery& query, int index, std::vector<domain::WordSpan>* spans) override {
    AtomSpans(query.nodes[static_cast<size_t>(index)], state_.text, spans);
  }

 private:
  const CompiledRule& rule_;
  const std::vector<Atom>& atoms_;
  ThreadState& state_;
};

class IndexedMatcher : public ports::MentionMatcher {
 public:
  IndexedMatcher(std::vector<CompiledRule> rules, std::vector<Atom> atoms,
                 std::size_t literal_count, LiteralIndex index, CandidateIndex candidates,
                 std::vector<std::uint32_t> always, std::size_t structure_bytes)
      : rules_(std::move(rules)),
        atoms_(std::move(atoms)),
        literal_count_(literal_count),
        index_(std::move(index)),
        candidates_(std::move(candidates)),
        always_(std::move(always)),
        generation_(next_generation++),
        memory_bytes_(structure_bytes + index_.memory_bytes() + candidates_.memory_bytes()) {}

  // ports::MentionMatcher
  void Match(const domain::ListenPost& post, std::vector<std::string>* rule_ids) const override {
    ThreadState& state = tls;
    Prepare(state);
    state.text.Reset(post.text);
    index_.Find(state.text, [&state](std::uint32_t literal) {
      if (!Found(state, literal)) MarkFound(state, literal);
    });
    FindCandidates(state);
    for (std::uint32_t index : state.candidates) {
      const CompiledRule& rule = rules_[index];
      FoundFacts facts(rule, atoms_, state);
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
    state.hit.assign(literal_count_ / 64 + 1, 0);  // one bit per literal
    state.hit_list.clear();
    state.verdict.assign(atoms_.size(), 0);
    state.verdict_list.clear();
    state.generation = generation_;
  }

  // Fills state.candidates, in rule order: the rules all of whose slots have a found literal,
  // and those evaluated for every post.
  void FindCandidates(ThreadState& state) const {
    std::vector<std::uint32_t>& candidates = state.candidates;
    candidates.assign(always_.begin(), always_.end());
    candidates_.Find(
        state.hit_list, [&state](std::uint32_t literal) { return Found(state, literal); },
        &candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }

  const std::vector<CompiledRule> rules_;
  const std::vector<Atom> atoms_;
  const std::size_t literal_count_;
  const LiteralIndex index_;
  const CandidateIndex candidates_;
  const std::vector<std::uint32_t> always_;  // rules evaluated for every post
  const std::uint64_t generation_;
  const std::size_t memory_bytes_;
};

std::size_t StructureBytes(const std::vector<CompiledRule>& rules) {
  std::size_t bytes = rules.capacity() * sizeof(CompiledRule);
  for (const CompiledRule& rule : rules) {
    bytes += rule.id.capacity() + rule.node_atom.capacity() * sizeof(int) +
             rule.query.nodes.capacity() * sizeof(QueryNode);
    for (const QueryNode& node : rule.query.nodes) {
      bytes +=
          node.children.capacity() * sizeof(int) + node.field.names.size() * sizeof(std::string);
      for (const std::string& word : node.words) bytes += sizeof(std::string) + word.capacity();
    }
  }
  return bytes;
}

}  // namespace

Result<std::shared_ptr<const ports::MentionMatcher>> RuleMatcherCompiler::Compile(
    std::span<const domain::ListeningRule> rules) const {
  std::vector<CompiledRule> compiled;
  std::map<std::string, std::uint32_t> atom_ids;     // op and words -> atom
  std::map<std::string, std::uint32_t> literal_ids;  // literal -> literal id
  std::vector<Atom> atoms;
  std::vector<std::uint32_t> atom_literal;  // per atom: its literal id (CandidateSlots' input)
  std::vector<std::string> literals;
  std::vector<const QueryNode*> literal_atoms;  // per literal id: an atom with that literal
  std::set<std::string_view> ids;
  for (const domain::ListeningRule& rule : rules) {
    auto bad = [&](const std::string& message) {
      return Status(Errc::kInvalidArgument, "bad_listening_rule",
                    "rule " + rule.id + ": " + message);
    };
    if (!domain::IsValidRuleId(rule.id))
      return bad("invalid id: use 1 to 64 letters, digits, '_', '.' or '-'");
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
        if (new_literal) {
          literals.push_back(literal->first);
          literal_atoms.push_back(&node);
        }
        atoms.push_back(Atom{literal->second, LiteralIsExact(node)});
        atom_literal.push_back(literal->second);
      }
      c.node_atom.push_back(static_cast<int>(atom->second));
    }
  }

  std::vector<std::vector<std::vector<std::uint32_t>>> slots;
  std::vector<std::uint32_t> always;
  for (std::uint32_t index = 0; index < compiled.size(); ++index) {
    const CompiledRule& rule = compiled[index];
    slots.push_back(CandidateSlots(rule.query, rule.node_atom, atom_literal, literals));
    if (slots.back().empty()) always.push_back(index);
  }

  LiteralIndex index(literal_atoms);
  const std::size_t structure_bytes = StructureBytes(compiled) + atoms.capacity() * sizeof(Atom);
  return std::shared_ptr<const ports::MentionMatcher>(std::make_shared<IndexedMatcher>(
      std::move(compiled), std::move(atoms), literals.size(), std::move(index),
      CandidateIndex(slots, literals.size()), std::move(always), structure_bytes));
}

}  // namespace fr::nlp
