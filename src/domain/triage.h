// Triage: how much a message needs a reply and how urgent its case is, from what was understood
// of it and who wrote it, with the reasons that raised or lowered it. Pure; thread-safe.
//
// Points, each with its reason code (the order reasons are reported in):
//   "sensitive:<topic>"      +3 for health, safety and legal, +2 for discrimination and boycott
//   "intent:complaint"       +1
//   "sentiment:negative"     +1 when the model is at least 60 % sure
//   "reach:vip"              +2 with at least `vip_followers` followers (default 10,000)
//   "reach:wide"             +1 with at least `wide_followers` (default 1,000), below VIP
//   "verified"               +1 for a verified account
// 5 points or more is urgent, 3 or 4 high. Below that the case is normal, or low when a reply
// is hardly needed ("low:no_reply_needed": needs_reply < 0.4 — praise, chatter, spam).
//
// needs_reply (0..1) starts from the intent (complaint .9, question and request .85, praise .35,
// other .25, spam .02), adds .1 for a private message (someone wrote to the brand directly) and
// .05 for negative sentiment, and is 0 for reposts, which never open a case.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/message.h"
#include "domain/priority.h"
#include "domain/understanding.h"

namespace fr::domain {

struct TriagePolicy {
  std::int64_t vip_followers = 10000;
  std::int64_t wide_followers = 1000;
};

struct TriageInput {
  const Understanding* understanding = nullptr;  // required
  std::optional<std::int64_t> followers;        // Author::followers
  std::optional<bool> verified;                 // Author::verified
  MessageKind kind = MessageKind::kPost;
  Visibility visibility = Visibility::kPublic;
};

struct TriageResult {
  double needs_reply = 0;
  Priority priority = Priority::kNormal;
  std::vector<std::string> reasons;  // codes as listed above, in that order

  bool operator==(const TriageResult&) const = default;
};

// Judges `in` under `policy`. REQUIRES: in.understanding != nullptr.
TriageResult Triage(const TriageInput& in, const TriagePolicy& policy = {});

}  // namespace fr::domain
