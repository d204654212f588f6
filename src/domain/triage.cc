#include "domain/triage.h"

#include <algorithm>

namespace fr::domain {
namespace {

constexpr int kUrgentPoints = 5;
constexpr int kHighPoints = 3;
constexpr double kLowBelow = 0.4;
constexpr float kSureNegative = 0.6f;

int SensitivePoints(std::string_view topic) {
  return (topic == "health" || topic == "safety" || topic == "legal") ? 3 : 2;
}

double IntentNeed(Intent intent) {
  switch (intent) {
    case Intent::kComplaint:
      return 0.9;
    case Intent::kQuestion:
    case Intent::kRequest:
      return 0.85;
    case Intent::kPraise:
      return 0.35;
    case Intent::kOther:
      return 0.25;
    case Intent::kSpam:
      return 0.02;
  }
  return 0.25;
}

}  // namespace

TriageResult Triage(const TriageInput& in, const TriagePolicy& policy) {
  const Understanding& u = *in.understanding;
  TriageResult out;
  const bool negative = u.sentiment == Sentiment::kNegative && u.sentiment_p >= kSureNegative;

  if (in.kind != MessageKind::kRepost) {
    double need = IntentNeed(u.intent);
    if (in.visibility == Visibility::kPrivate) need += 0.1;
    if (negative) need += 0.05;
    out.needs_reply = std::clamp(need, 0.0, 1.0);
  }

  int points = 0;
  for (const std::string& topic : u.sensitivity) {
    points += SensitivePoints(topic);
    out.reasons.push_back("sensitive:" + topic);
  }
  if (u.intent == Intent::kComplaint) {
    points += 1;
    out.reasons.push_back("intent:complaint");
  }
  if (negative) {
    points += 1;
    out.reasons.push_back("sentiment:negative");
  }
  const std::int64_t followers = in.followers.value_or(0);
  if (followers >= policy.vip_followers) {
    points += 2;
    out.reasons.push_back("reach:vip");
  } else if (followers >= policy.wide_followers) {
    points += 1;
    out.reasons.push_back("reach:wide");
  }
  if (in.verified.value_or(false)) {
    points += 1;
    out.reasons.push_back("verified");
  }

  if (points >= kUrgentPoints) {
    out.priority = Priority::kUrgent;
  } else if (points >= kHighPoints) {
    out.priority = Priority::kHigh;
  } else if (out.needs_reply < kLowBelow) {
    out.priority = Priority::kLow;
    out.reasons.push_back("low:no_reply_needed");
  }
  return out;
}

}  // namespace fr::domain
