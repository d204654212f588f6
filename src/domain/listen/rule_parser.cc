#include "domain/listen/rule_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "domain/listen/listen_text.h"

namespace fr::domain {
namespace {

enum class Tok { kLParen, kRParen, kPhrase, kWord, kAnd, kOr, kNot, kNear, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string_view text;  // kWord: the run; kPhrase: between the quotes
  int near = 0;
  int column = 0;
};

Status Error(int column, std::string message) {
  return Status(Errc::kInvalidArgument, "bad_rule_query",
                "column " + std::to_string(column) + ": " + std::move(message));
}

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c); }

// Splits the query into tokens. A '"' opens a phrase only where a term could start (צה"ל is
// one word); the phrase runs to the next '"'.
Result<std::vector<Token>> Lex(std::string_view q) {
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(q.data());
  const int32_t n = static_cast<int32_t>(q.size());
  int column = 0;
  auto next = [&](int32_t& i) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    ++column;
    return c;
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    const UChar32 c = next(i);
    const int token_column = column;
    if (c < 0) return Error(column, "the query is not valid UTF-8");
    if (IsSpace(c)) continue;
    if (c == '(' || c == ')') {
      tokens.push_back(Token{c == '(' ? Tok::kLParen : Tok::kRParen, q.substr(start, 1), 0, column});
      continue;
    }
    if (c == '"') {
      const size_t close = q.find('"', static_cast<size_t>(i));
      if (close == std::string_view::npos) return Error(token_column, "unclosed '\"'");
      const std::string_view body = q.substr(static_cast<size_t>(i), close - static_cast<size_t>(i));
      tokens.push_back(Token{Tok::kPhrase, body, 0, token_column});
      while (i <= static_cast<int32_t>(close)) {
        if (next(i) < 0) return Error(column, "the query is not valid UTF-8");
      }
      continue;
    }
    int32_t end = i;
    while (end < n) {
      int32_t j = end;
      UChar32 d;
      U8_NEXT(s, j, n, d);
      if (d < 0) return Error(column + 1, "the query is not valid UTF-8");
      if (IsSpace(d) || d == '(' || d == ')') break;
      end = j;
      ++column;
    }
    i = end;
    const std::string_view run = q.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    Token t{Tok::kWord, run, 0, token_column};
    if (run == "AND") t.kind = Tok::kAnd;
    if (run == "OR") t.kind = Tok::kOr;
    if (run == "NOT") t.kind = Tok::kNot;
    if (run == "NEAR" || run.starts_with("NEAR/")) {
      const std::string_view digits = run.substr(std::min<size_t>(5, run.size()));
      int distance = 0;
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), distance);
      if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size()) {
        return Error(token_column, "NEAR needs a distance in words, e.g. NEAR/5");
      }
      if (distance < 1 || distance > kMaxNearDistance) {
        return Error(token_column, "NEAR/" + std::string(digits) + ": the distance must be 1 to " +
                                       std::to_string(kMaxNearDistance) + " words");
      }
      t.kind = Tok::kNear;
      t.near = distance;
    }
    tokens.push_back(t);
  }
  tokens.push_back(Token{Tok::kEnd, {}, 0, column + 1});
  return tokens;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> parts;
  for (size_t pos = 0;;) {
    const size_t bar = s.find('|', pos);
    parts.push_back(s.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos));
    if (bar == std::string_view::npos) return parts;
    pos = bar + 1;
  }
}

QueryNode Node(QueryOp op, int column, std::vector<std::string> words = {}) {
  QueryNode node;
  node.op = op;
  node.column = column;
  node.words = std::move(words);
  return node;
}

int CodePoints(std::string_view s) {
  int count = 0;
  for (char c : s) count += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return count;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Result<RuleQuery> Run() {
    if (tokens_.front().kind == Tok::kEnd) return Error(1, "the query is empty");
    const int root = ParseOr(0);
    if (root < 0) return std::move(error_);
    if (Peek().kind != Tok::kEnd) {
      return Error(Peek().column, Peek().kind == Tok::kRParen ? "')' without '('"
                                                               : "expected AND, OR or the end");
    }
    query_.root = root;
    if (!HasPositive(root, false)) {
      return Error(1, "the query has no term or field filter outside NOT, so it would match "
                      "nearly every post");
    }
    return std::move(query_);
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Take() { return tokens_[pos_++]; }

  int Fail(Status status) {
    if (error_.ok()) error_ = std::move(status);
    return -1;
  }

  int Add(QueryNode node) {
    query_.nodes.push_back(std::move(node));
    return static_cast<int>(query_.nodes.size()) - 1;
  }

  int Combine(QueryOp op, std::vector<int> operands) {
    if (operands.size() == 1) return operands[0];
    QueryNode node = Node(op, query_.nodes[static_cast<size_t>(operands[0])].column);
    node.children = std::move(operands);
    return Add(std::move(node));
  }

  int ParseOr(int depth) {
    std::vector<int> operands{ParseAnd(depth)};
    while (operands.back() >= 0 && Peek().kind == Tok::kOr) {
      Take();
      operands.push_back(ParseAnd(depth));
    }
    return operands.back() < 0 ? -1 : Combine(QueryOp::kOr, std::move(operands));
  }

  static bool StartsOperand(Tok t) {
    return t == Tok::kLParen || t == Tok::kPhrase || t == Tok::kWord || t == Tok::kNot;
  }

  int ParseAnd(int depth) {
    std::vector<int> operands{ParseNear(depth)};
    while (operands.back() >= 0) {
      if (Peek().kind == Tok::kAnd) {
        Take();
      } else if (!StartsOperand(Peek().kind)) {
        break;
      }
      operands.push_back(ParseNear(depth));
    }
    return operands.back() < 0 ? -1 : Combine(QueryOp::kAnd, std::move(operands));
  }

  bool Positional(int index) const {
    const QueryNode& node = query_.nodes[static_cast<size_t>(index)];
    if (node.op == QueryOp::kTerm || node.op == QueryOp::kPrefix) return true;
    if (node.op != QueryOp::kOr) return false;
    for (int child : node.children) {
      if (!Positional(child)) return false;
    }
    return true;
  }

  int ParseNear(int depth) {
    int left = ParseUnary(depth);
    while (left >= 0 && Peek().kind == Tok::kNear) {
      const Token near = Take();
      const int right = ParseUnary(depth);
      if (right < 0) return -1;
      if (!Positional(left) || !Positional(right)) {
        return Fail(Error(near.column, "NEAR works on words, phrases, prefixes and OR groups of "
                                       "them"));
      }
      QueryNode node = Node(QueryOp::kNear, query_.nodes[static_cast<size_t>(left)].column);
      node.near = near.near;
      node.children = {left, right};
      left = Add(std::move(node));
    }
    return left;
  }

  int ParseUnary(int depth) {
    if (depth >= kMaxQueryDepth) {
      return Fail(Error(Peek().column, "nested too deeply (more than " +
                                           std::to_string(kMaxQueryDepth) + " levels)"));
    }
    if (Peek().kind == Tok::kNot) {
      const int column = Take().column;
      const int child = ParseUnary(depth + 1);
      if (child < 0) return -1;
      QueryNode node = Node(QueryOp::kNot, column);
      node.children = {child};
      return Add(std::move(node));
    }
    return ParsePrimary(depth);
  }

  int ParsePrimary(int depth) {
    const Token t = Take();
    switch (t.kind) {
      case Tok::kLParen: {
        const int inner = ParseOr(depth + 1);
        if (inner < 0) return -1;
        if (Peek().kind != Tok::kRParen) return Fail(Error(Peek().column, "expected ')'"));
        Take();
        return inner;
      }
      case Tok::kPhrase: return Phrase(t);
      case Tok::kWord: return Word(t);
      case Tok::kEnd: return Fail(Error(t.column, "expected a term, found the end of the query"));
      default:
        return Fail(Error(t.column, "expected a term, found '" + std::string(t.text) + "'"));
    }
  }

  int Atom(QueryNode node) {
    if (++atoms_ > kMaxQueryAtoms) {
      return Fail(Error(node.column, "too many terms: a rule may have at most " +
                                         std::to_string(kMaxQueryAtoms)));
    }
    return Add(std::move(node));
  }

  static std::vector<std::string> Words(const ListenText& text) {
    std::vector<std::string> words;
    for (size_t i = 0; i < text.word_count(); ++i) words.emplace_back(text.word(i));
    return words;
  }

  int Phrase(const Token& t) {
    const ListenText text(t.text);
    if (!text.emoji().empty()) return Fail(Error(t.column, "a phrase holds words only; write emoji as terms of their own"));
    if (text.word_count() == 0) return Fail(Error(t.column, "the phrase has no words"));
    return Atom(Node(QueryOp::kTerm, t.column, Words(text)));
  }

  int Word(const Token& t) {
    const std::string_view run = t.text;
    if (const size_t colon = run.find(':'); colon != std::string_view::npos && colon > 0) {
      const std::string_view name = run.substr(0, colon);
      bool ascii_name = true;
      for (char c : name) ascii_name = ascii_name && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
      if (ascii_name) return Field(t, AsciiLower(name), run.substr(colon + 1));
    }
    const std::string quoted = "'" + std::string(run) + "'";
    if (run.ends_with('*')) {
      const std::string_view stem = run.substr(0, run.size() - 1);
      const ListenText text(stem);
      if (stem.find('*') != std::string_view::npos || text.word_count() != 1 || text.mark(0) ||
          !text.emoji().empty()) {
        return Fail(Error(t.column, "prefix " + quoted + ": write one word before '*'"));
      }
      if (CodePoints(text.word(0)) < kMinPrefixLetters) {
        return Fail(Error(t.column, "prefix " + quoted + " is too short: write at least " +
                                        std::to_string(kMinPrefixLetters) + " letters before '*'"));
      }
      return Atom(Node(QueryOp::kPrefix, t.column, Words(text)));
    }
    if (run.find('*') != std::string_view::npos) {
      return Fail(Error(t.column, quoted + ": '*' goes at the end of a word"));
    }
    const ListenText text(run);
    if (text.word_count() == 0) {
      if (text.emoji().size() == 1) {
        return Atom(Node(QueryOp::kEmoji, t.column, {std::string(text.emoji()[0])}));
      }
      return Fail(Error(t.column, text.emoji().empty()
                                      ? quoted + " has no letters, digits or emoji"
                                      : quoted + ": write one emoji sequence per term"));
    }
    if (!text.emoji().empty()) {
      return Fail(Error(t.column, quoted + " mixes letters and emoji: write them as two terms"));
    }
    for (size_t i = 1; i < text.word_count(); ++i) {
      if (text.mark(i)) return Fail(Error(t.column, quoted + ": '#' and '@' go at the start of a term"));
    }
    QueryOp op = QueryOp::kTerm;
    if (text.mark(0)) {
      if (run.front() != text.mark(0)) {
        return Fail(Error(t.column, quoted + ": '#' and '@' go at the start of a term"));
      }
      op = text.mark(0) == '#' ? QueryOp::kHashtag : QueryOp::kHandle;
    }
    return Atom(Node(op, t.column, Words(text)));
  }

  int Field(const Token& t, const std::string& name, std::string_view value) {
    QueryNode node = Node(QueryOp::kField, t.column);
    FieldTest& f = node.field;
    if (value.empty()) return Fail(Error(t.column, name + ": needs a value"));
    if (name == "followers") {
      f.field = QueryField::kFollowers;
      std::string_view digits = value;
      static constexpr std::pair<std::string_view, Comparison> kComparisons[] = {
          {">=", Comparison::kGreaterEqual}, {"<=", Comparison::kLessEqual},
          {">", Comparison::kGreater}, {"<", Comparison::kLess}};
      const auto* found = std::find_if(std::begin(kComparisons), std::end(kComparisons),
                                       [&](const auto& c) { return digits.starts_with(c.first); });
      if (found == std::end(kComparisons)) {
        return Fail(Error(t.column, "followers: needs a comparison, e.g. followers:>1000"));
      }
      f.comparison = found->second;
      digits.remove_prefix(found->first.size());
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), f.number);
      if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || f.number < 0) {
        return Fail(Error(t.column, "followers: needs a whole number, e.g. followers:>1000"));
      }
      return Add(std::move(node));
    }
    for (const std::string_view part : SplitBar(value)) {
      const std::string v = AsciiLower(part);
      if (v.empty()) return Fail(Error(t.column, name + ": has an empty alternative"));
      if (name == "platform") {
        f.field = QueryField::kPlatform;
        const auto p = ParsePlatform(v);
        if (!p) {
          return Fail(Error(t.column, "unknown platform '" + v +
                                          "' (x, facebook, messenger, instagram, linkedin, tiktok, rss)"));
        }
        f.platforms.push_back(*p);
      } else if (name == "kind") {
        f.field = QueryField::kKind;
        const auto k = ParseMessageKind(v);
        if (!k) {
          return Fail(Error(t.column, "unknown kind '" + v +
                                          "' (post, comment, reply, mention, quote, repost, review, dm)"));
        }
        f.kinds.push_back(*k);
      } else if (name == "lang" || name == "author") {
        f.field = name == "lang" ? QueryField::kLang : QueryField::kAuthor;
        f.names.push_back(name == "author" && v.front() == '@' ? v.substr(1) : v);
      } else {
        return Fail(Error(t.column, "unknown field '" + name +
                                        ":' (platform, lang, kind, author, followers)"));
      }
    }
    return Add(std::move(node));
  }

  // True if a term or field filter of the subtree at `index` sits under an even number of NOTs
  // (`negated` says whether the subtree itself is under an odd number).
  bool HasPositive(int index, bool negated) const {
    const QueryNode& node = query_.nodes[static_cast<size_t>(index)];
    if (IsAtom(node.op) || node.op == QueryOp::kField) return !negated;
    for (int child : node.children) {
      if (HasPositive(child, node.op == QueryOp::kNot ? !negated : negated)) return true;
    }
    return false;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int atoms_ = 0;
  RuleQuery query_;
  Status error_;
};

}  // namespace

Result<RuleQuery> ParseRuleQuery(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return Status(Errc::kInvalidArgument, "bad_rule_query",
                  "the query is " + std::to_string(query.size()) + " bytes long; at most " +
                      std::to_string(kMaxQueryBytes) + " are allowed");
  }
  FR_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lex(query));
  return Parser(std::move(tokens)).Run();
}

}  // namespace fr::domain
