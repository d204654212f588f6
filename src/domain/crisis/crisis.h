// Crisis mode (docs/crisis.md): while a crisis runs — a boycott call, a food-poisoning story —
// the cases about it are raised in priority, every reply on them waits for a supervisor, and
// agents see the holding statement the brand agreed on. A crisis is about the messages that
// contain one of its terms or matched one of its listening rules; with neither, about every
// message (the whole brand is in crisis). At most one runs at a time. Pure values and rules;
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/people.h"
#include "domain/priority.h"
#include "domain/text_normalize.h"

namespace fr::domain::crisis {

struct Crisis {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> terms;     // words and phrases, Hebrew-aware (text_normalize.h)
  std::vector<std::string> rule_ids;  // listening rules
  std::string holding_statement;      // what agents may say publicly meanwhile
  Priority raise_to = Priority::kHigh;  // related active cases below it are raised to it
  std::optional<UserId> started_by;     // nullopt: started by a rule, on a spike
  std::optional<std::int64_t> spike_id;  // the spike that started it, if one did
  UnixMillis started_at = 0;
  std::optional<UnixMillis> ended_at;
  std::optional<UserId> ended_by;
  bool operator==(const Crisis&) const = default;
};

// Limits of what a crisis may hold.
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTerms = 50;
inline constexpr std::size_t kMaxStatementBytes = 2000;

// Checks what a person may give a crisis: a name (1..kMaxNameBytes bytes), at most kMaxTerms
// terms each with a word and on one line without commas, a holding statement up to kMaxStatementBytes, valid UTF-8
// everywhere, and a raise_to of high or urgent. Errors: kInvalidArgument naming the field
// ("name_required", "too_many_terms", "term_without_words", "term_line_break",
// "statement_too_long",
// "invalid_utf8", "raise_to").
Status ValidateCrisis(const Crisis& crisis);

// Decides which messages a crisis is about. Immutable; thread-safe.
class CrisisMatcher {
 public:
  explicit CrisisMatcher(const Crisis& crisis);

  // True if `text` holds one of the terms, or `rules` (the listening rules the message
  // matched) names one of the rules, or the crisis names neither (every message).
  bool Matches(std::string_view text, const std::vector<std::string>& rules) const;

 private:
  PhraseList terms_;
  std::vector<std::string> rule_ids_;
  bool everything_;
};

// What a crisis came to, for the supervisor who ends it and for the record.
struct CrisisSummary {
  std::int64_t cases = 0;     // related cases
  std::int64_t messages = 0;  // related customer messages during the crisis
  std::int64_t negative = 0;
  std::int64_t replies_sent = 0;     // replies sent on related cases during the crisis
  std::int64_t cases_answered = 0;   // related cases with a reply sent after they joined
  std::optional<std::int64_t> median_first_reply_ms;  // from joining to the first reply sent
  std::optional<UnixMillis> peak_hour;  // the hour (UTC start) with the most related messages
  std::int64_t peak_hour_messages = 0;
  std::int64_t duration_ms = 0;  // to its end, or to now while it runs
  bool operator==(const CrisisSummary&) const = default;
};

// One related case as the summary reads it.
struct RelatedCase {
  std::int64_t case_id = 0;
  UnixMillis joined_at = 0;                    // when it was found related
  std::optional<UnixMillis> first_reply_sent;  // the first reply sent on it after joining
  std::int64_t replies_sent = 0;               // replies sent on it during the crisis
};

// One related customer message as the summary reads it.
struct RelatedMessage {
  UnixMillis at = 0;
  bool negative = false;
};

// Sums up `crisis` up to `until` (its end, or now) from its related cases and messages.
CrisisSummary Summarize(const Crisis& crisis, const std::vector<RelatedCase>& cases,
                        const std::vector<RelatedMessage>& messages, UnixMillis until);

}  // namespace fr::domain::crisis
