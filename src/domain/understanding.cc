#include "domain/understanding.h"

#include <array>

namespace fr::domain {
namespace {

constexpr std::array<std::string_view, 3> kSentiments = {"negative", "neutral", "positive"};
constexpr std::array<std::string_view, 6> kIntents = {"complaint", "question", "request",
                                                      "praise",    "other",    "spam"};

// A language code as the API and the models write it: two or three lower-case ASCII letters,
// or "und".
bool IsLanguageCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

std::string_view SentimentName(Sentiment s) { return kSentiments[static_cast<int>(s)]; }
std::string_view IntentName(Intent i) { return kIntents[static_cast<int>(i)]; }

std::optional<Sentiment> ParseSentiment(std::string_view name) {
  for (std::size_t i = 0; i < kSentiments.size(); ++i) {
    if (kSentiments[i] == name) return static_cast<Sentiment>(i);
  }
  return std::nullopt;
}

std::optional<Intent> ParseIntent(std::string_view name) {
  for (std::size_t i = 0; i < kIntents.size(); ++i) {
    if (kIntents[i] == name) return static_cast<Intent>(i);
  }
  return std::nullopt;
}

const std::vector<std::string_view>& SensitivityNames() {
  static const std::vector<std::string_view> kNames = {"health", "legal", "safety",
                                                       "discrimination", "boycott"};
  return kNames;
}

bool IsSensitivityName(std::string_view name) {
  for (std::string_view n : SensitivityNames()) {
    if (n == name) return true;
  }
  return false;
}

bool IsValidLabel(std::string_view task, std::string_view label) {
  if (task == "language") return IsLanguageCode(label);
  if (task == "sentiment") return ParseSentiment(label).has_value();
  if (task == "intent") return ParseIntent(label).has_value();
  if (task == "sensitivity") {
    std::size_t start = 0;
    while (start < label.size()) {
      std::size_t comma = label.find(',', start);
      if (comma == std::string_view::npos) comma = label.size();
      if (!IsSensitivityName(label.substr(start, comma - start))) return false;
      start = comma + 1;
      if (comma + 1 == label.size()) return false;  // a trailing comma
    }
    return true;
  }
  return false;
}

}  // namespace fr::domain
