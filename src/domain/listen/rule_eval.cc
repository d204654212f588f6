#include "domain/listen/rule_eval.h"

#include <algorithm>
#include <string>

#include "domain/listen/listen_text.h"
#include "domain/text_normalize.h"

namespace fr::domain {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool Contains(const std::vector<std::string>& names, std::string_view s) {
  return std::find(names.begin(), names.end(), AsciiLower(s)) != names.end();
}

void SpansOf(const RuleQuery& query, int index, AtomFacts& facts, std::vector<WordSpan>* spans) {
  const QueryNode& node = query.nodes[static_cast<size_t>(index)];
  if (node.op != QueryOp::kOr) return facts.Spans(query, index, spans);
  for (int child : node.children) SpansOf(query, child, facts, spans);
}

bool Within(const WordSpan& a, const WordSpan& b, int distance) {
  return std::max({b.first - a.last, a.first - b.last, 0}) <= distance;
}

bool Evaluate(const RuleQuery& query, int index, const ListenPost& post, AtomFacts& facts) {
  const QueryNode& node = query.nodes[static_cast<size_t>(index)];
  switch (node.op) {
    case QueryOp::kField: return FieldMatches(node.field, post);
    case QueryOp::kNot: return !Evaluate(query, node.children[0], post, facts);
    case QueryOp::kAnd:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](int c) { return Evaluate(query, c, post, facts); });
    case QueryOp::kOr:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](int c) { return Evaluate(query, c, post, facts); });
    case QueryOp::kNear: {
      if (!Evaluate(query, node.children[0], post, facts) ||
          !Evaluate(query, node.children[1], post, facts)) {
        return false;
      }
      std::vector<WordSpan> left, right;
      SpansOf(query, node.children[0], facts, &left);
      SpansOf(query, node.children[1], facts, &right);
      for (const WordSpan& a : left) {
        for (const WordSpan& b : right) {
          if (Within(a, b, node.near)) return true;
        }
      }
      return false;
    }
    default: return facts.Matches(query, index);
  }
}

// AtomFacts straight from the text: MatchText for words, ListenText for tags and emoji.
class ReferenceFacts : public AtomFacts {
 public:
  explicit ReferenceFacts(std::string_view text) : words_(text), tokens_(text) {}

  // AtomFacts
  bool Matches(const RuleQuery& query, int index) override {
    const QueryNode& node = query.nodes[static_cast<size_t>(index)];
    switch (node.op) {
      case QueryOp::kTerm: return words_.Contains(node.words);
      case QueryOp::kPrefix: {
        std::vector<WordSpan> spans;
        Spans(query, index, &spans);
        return !spans.empty();
      }
      case QueryOp::kHashtag: return HasTag('#', node.words);
      case QueryOp::kHandle: return HasTag('@', node.words);
      case QueryOp::kEmoji:
        return std::any_of(tokens_.emoji().begin(), tokens_.emoji().end(), [&](std::string_view run) {
          return run.find(node.words[0]) != std::string_view::npos;
        });
      default: return false;
    }
  }

  void Spans(const RuleQuery& query, int index, std::vector<WordSpan>* spans) override {
    const QueryNode& node = query.nodes[static_cast<size_t>(index)];
    const auto& words = words_.words();
    const size_t length = node.words.size();
    for (size_t start = 0; start + length <= words.size(); ++start) {
      bool match = true;
      for (size_t j = 0; j < length && match; ++j) {
        const auto& forms = words[start + j];
        match = std::any_of(forms.begin(), forms.end(), [&](const std::string& form) {
          return node.op == QueryOp::kPrefix ? form.starts_with(node.words[j]) : form == node.words[j];
        });
      }
      if (match) spans->push_back(WordSpan{static_cast<int>(start), static_cast<int>(start + length - 1)});
    }
  }

 private:
  // True if the words `tag` follow `mark` in the text: the first right after it, the others
  // (the parts of a tag with '_') right after one another.
  bool HasTag(char mark, const std::vector<std::string>& tag) const {
    for (size_t start = 0; start + tag.size() <= tokens_.word_count(); ++start) {
      bool match = tokens_.mark(start) == mark;
      for (size_t j = 0; j < tag.size() && match; ++j) {
        match = tokens_.word(start + j) == tag[j] && (j == 0 || tokens_.mark(start + j) == 0);
      }
      if (match) return true;
    }
    return false;
  }

  MatchText words_;
  ListenText tokens_;
};

}  // namespace

bool FieldMatches(const FieldTest& test, const ListenPost& post) {
  switch (test.field) {
    case QueryField::kPlatform:
      return std::find(test.platforms.begin(), test.platforms.end(), post.platform) != test.platforms.end();
    case QueryField::kKind:
      return std::find(test.kinds.begin(), test.kinds.end(), post.kind) != test.kinds.end();
    case QueryField::kLang: return Contains(test.names, post.language);
    case QueryField::kAuthor: {
      std::string_view handle = post.author_handle;
      if (handle.starts_with('@')) handle.remove_prefix(1);
      return Contains(test.names, handle);
    }
    case QueryField::kFollowers: {
      if (!post.followers) return false;
      const std::int64_t n = *post.followers;
      switch (test.comparison) {
        case Comparison::kGreater: return n > test.number;
        case Comparison::kGreaterEqual: return n >= test.number;
        case Comparison::kLess: return n < test.number;
        case Comparison::kLessEqual: return n <= test.number;
      }
    }
  }
  return false;
}

bool EvaluateQuery(const RuleQuery& query, const ListenPost& post, AtomFacts& facts) {
  return Evaluate(query, query.root, post, facts);
}

bool EvaluateReference(const RuleQuery& query, const ListenPost& post) {
  ReferenceFacts facts(post.text);
  return EvaluateQuery(query, post, facts);
}

}  // namespace fr::domain
