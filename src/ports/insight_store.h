// The insights part of the Store port: what was understood of each message (language,
// sentiment, intent, sensitivity, triage), which listening rules it matched, agents'
// corrections of those labels, and the listening rules themselves. Reached through
// StoreTxn::insights() inside a WriteBatch and Store::insights() for reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/listen/listening_rule.h"
#include "domain/triage.h"
#include "domain/understanding.h"

namespace fr::ports {

// What Feedroom made of one message when it was filed.
struct MessageInsight {
  domain::Understanding understanding;
  domain::TriageResult triage;
  std::vector<std::string> rules;      // ids of the listening rules it matched, in rule order
  std::vector<std::string> corrected;  // tasks an agent corrected ("sentiment", ...), sorted

  bool operator==(const MessageInsight&) const = default;
};

// A correction with the text it applies to: one training example for `feedroom train`.
struct CorrectionExample {
  std::int64_t message_id = 0;
  std::string text;
  std::string task;
  std::string label;
  UnixMillis at = 0;
};

// Writes, inside a WriteBatch. Errors beyond kUnavailable / kInternal are listed per method.
class InsightTxn {
 public:
  virtual ~InsightTxn() = default;

  // Records the insight of message `id` (replacing any), with its rule matches.
  virtual Status PutInsight(std::int64_t message_id, const MessageInsight& insight) = 0;
  // Stores `c` and makes its label the message's shown label for c.task (the task joins
  // MessageInsight::corrected). REQUIRES: domain::IsValidLabel(c.task, c.label).
  // kNotFound if the message has no insight (it was never understood) or the user is unknown.
  virtual Status AddCorrection(const domain::LabelCorrection& c) = 0;

  // Creates or replaces the rule with r.id. REQUIRES: domain::IsValidRuleId(r.id).
  virtual Status PutRule(const domain::ListeningRule& r, UnixMillis at) = 0;
  // Deletes rule `id`; returns whether there was one. Matches already recorded stay.
  virtual Result<bool> DeleteRule(const std::string& id) = 0;

  // Records where listening source `source` got to (replacing any earlier value).
  virtual Status PutSourceCursor(std::string_view source, std::string_view value,
                                 UnixMillis at) = 0;
};

// Reads; any thread.
class InsightReader {
 public:
  virtual ~InsightReader() = default;

  // The insight of message `id`, or nullopt if it has none.
  virtual Result<std::optional<MessageInsight>> GetInsight(std::int64_t message_id) = 0;
  // Every listening rule, by id.
  virtual Result<std::vector<domain::ListeningRule>> ListRules() = 0;
  // Every correction with its message's current text, oldest first.
  virtual Result<std::vector<CorrectionExample>> ListCorrections() = 0;
  // Where listening source `source` got to, or nullopt if it never recorded anything.
  virtual Result<std::optional<std::string>> GetSourceCursor(std::string_view source) = 0;
};

}  // namespace fr::ports
