// What Feedroom understood of one message's text: its language, sentiment, intent and the
// sensitive topics it touches. Plain values; the nlp/ adapters compute them, the store keeps
// them with the message, agents correct them. Names are stable: they appear in the API, the
// store, the models' labels and the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace fr::domain {

enum class Sentiment { kNegative, kNeutral, kPositive };
enum class Intent { kComplaint, kQuestion, kRequest, kPraise, kOther, kSpam };

std::string_view SentimentName(Sentiment s);  // "negative" | "neutral" | "positive"
std::string_view IntentName(Intent i);        // "complaint" | "question" | "request" | "praise" | "other" | "spam"
std::optional<Sentiment> ParseSentiment(std::string_view name);
std::optional<Intent> ParseIntent(std::string_view name);

// The sensitive topics, in the order they are reported: "health", "legal", "safety",
// "discrimination", "boycott" (the categories of SensitiveLexicon, domain/approval_rules.h).
const std::vector<std::string_view>& SensitivityNames();
bool IsSensitivityName(std::string_view name);

struct Understanding {
  // ISO 639-1 code ("he", "en", "ar" ...; CLD2's old "iw" is reported as "he"); "und" when the
  // text is too short or unclear to tell.
  std::string language = "und";
  // Set when a second language holds a sizeable share of the text (Hebrew with English product
  // names, say): its code, else empty.
  std::string other_language;
  Sentiment sentiment = Sentiment::kNeutral;
  float sentiment_p = 0;  // the model's probability of `sentiment`, 0..1
  Intent intent = Intent::kOther;
  float intent_p = 0;     // the model's probability of `intent`, 0..1
  std::vector<std::string> sensitivity;  // SensitivityNames() entries, in that order, no repeats

  bool operator==(const Understanding&) const = default;
};

// What an agent says a label should have been. `task` is "language", "sentiment", "intent" or
// "sensitivity"; `label` is a name of that task (for sensitivity: the full list, comma-separated,
// possibly empty). Stored as given; `feedroom train` reads them back as training examples.
struct LabelCorrection {
  std::int64_t message_id = 0;
  std::string task;
  std::string label;
  std::int64_t user_id = 0;
  UnixMillis at = 0;
};

// True if `label` is a valid label for `task` (see LabelCorrection).
bool IsValidLabel(std::string_view task, std::string_view label);

}  // namespace fr::domain
