#include "nlp/understand/feature_tokens.h"

namespace fr::nlp {
namespace {

constexpr std::string_view kEndOfLine = "</s>";  // fastText's Dictionary::EOS

bool IsFastTextSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

}  // namespace

bool FeatureTokens::Add(std::string_view token) {
  uint32_t h = 2166136261u;
  for (const char c : token) {
    h ^= static_cast<uint32_t>(static_cast<int8_t>(c));
    h *= 16777619u;
  }
  tokens_.push_back(token);
  hashes_.push_back(h);
  return token != kEndOfLine;
}

void FeatureTokens::Reset(std::string_view feature_line) {
  line_.assign(feature_line);
  tokens_.clear();
  hashes_.clear();
  const std::string_view line = line_;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && !IsFastTextSpace(line[i])) continue;
    if (i > start && !Add(line.substr(start, i - start))) return;
    start = i + 1;
    if (i < line.size() && line[i] == '\n') break;
  }
  Add(kEndOfLine);
}

}  // namespace fr::nlp
