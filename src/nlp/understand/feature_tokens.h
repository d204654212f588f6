// FeatureTokens: a feature line cut into the tokens fastText reads, each with fastText's hash of
// it: made once for a line and read by every model that predicts on it (neither depends on the
// model).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fr::nlp {

// The tokens are those of fastText's own reader (Dictionary::readWord and getLine): runs of
// bytes between spaces, tabs, CR, VT, FF and NUL, up to the first new line, then fastText's
// end-of-line token "</s>"; a line that holds "</s>" itself ends there, as fastText's does.
// Each token's hash is fastText's Dictionary::hash (FNV-1a over the bytes as signed chars).
// Reusable: Reset keeps the buffers. Neither copied nor moved (the tokens view its own copy of
// the line). Not thread-safe; use one per thread.
class FeatureTokens {
 public:
  FeatureTokens() = default;
  explicit FeatureTokens(std::string_view feature_line) { Reset(feature_line); }
  FeatureTokens(const FeatureTokens&) = delete;
  FeatureTokens& operator=(const FeatureTokens&) = delete;

  // Replaces the contents with the tokens of `feature_line` (any bytes).
  void Reset(std::string_view feature_line);

  // The number of tokens, the end-of-line token included (so at least 1 after Reset).
  size_t size() const { return tokens_.size(); }
  // REQUIRES: i < size(). Valid until the next Reset.
  std::string_view token(size_t i) const { return tokens_[i]; }
  uint32_t hash(size_t i) const { return hashes_[i]; }

 private:
  // Appends `token` (a view into line_, or a constant) with its hash; returns false when it
  // was the end-of-line token.
  bool Add(std::string_view token, uint32_t hash);

  std::string line_;  // the line, which the tokens view
  std::vector<std::string_view> tokens_;
  std::vector<uint32_t> hashes_;
};

}  // namespace fr::nlp
