#include "nlp/understand/feature_tokens.h"

namespace fr::nlp {
namespace {

constexpr std::string_view kEndOfLine = "</s>";  // fastText's Dictionary::EOS

bool IsFastTextSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

constexpr uint32_t kFnvOffset = 2166136261u;

// One step of fastText's Dictionary::hash (FNV-1a over the bytes as signed chars).
constexpr uint32_t HashStep(uint32_t h, char c) {
  return (h ^ static_cast<uint32_t>(static_cast<int8_t>(c))) * 16777619u;
}

constexpr uint32_t Hash(std::string_view token) {
  uint32_t h = kFnvOffset;
  for (const char c : token) h = HashStep(h, c);
  return h;
}

}  // namespace

bool FeatureTokens::Add(std::string_view token, uint32_t hash) {
  tokens_.push_back(token);
  hashes_.push_back(hash);
  return token != kEndOfLine;
}

void FeatureTokens::Reset(std::string_view feature_line) {
  line_.assign(feature_line);
  tokens_.clear();
  hashes_.clear();
  const std::string_view line = line_;
  size_t start = 0;
  uint32_t hash = kFnvOffset;  // of the token from `start` so far
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && !IsFastTextSpace(line[i])) {
      hash = HashStep(hash, line[i]);
      continue;
    }
    if (i > start && !Add(line.substr(start, i - start), hash)) return;
    start = i + 1;
    hash = kFnvOffset;
    if (i < line.size() && line[i] == '\n') break;
  }
  Add(kEndOfLine, Hash(kEndOfLine));
}

}  // namespace fr::nlp
