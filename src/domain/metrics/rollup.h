// Rollups: the sums of CaseFacts per (grain, bucket, dimension, group), kept in the store so a
// metric over any period costs a few dozen row reads however many cases lie behind it
// (docs/metrics.md). A case counts in the hour and the UTC day it was opened, once under
// Dimension::kAll and once under each other dimension's group of it (under each of its
// listening rules for kRule).
//
// RollupDelta collects what changes when cases change: their old facts taken out, their new
// ones put in, merged by key, so a batch of writes touches each rollup row once.
// Value types; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "domain/metrics/case_facts.h"
#include "domain/metrics/duration_histogram.h"

namespace fr::domain::metrics {

enum class Grain { kHour, kDay };
std::string_view GrainName(Grain g);  // "hour" | "day"
std::optional<Grain> ParseGrain(std::string_view name);
std::int64_t GrainMs(Grain g);
// The start of the bucket of `grain` holding `t` (UTC hours and days).
UnixMillis BucketOf(Grain grain, UnixMillis t);

enum class Dimension {
  kAll, kPlatform, kAccount, kTeam, kAgent, kPriority, kLanguage, kIntent, kRule, kTopic
};
// "all", "platform", "account", "team", "agent", "priority", "language", "intent", "rule",
// "topic".
std::string_view DimensionName(Dimension d);
std::optional<Dimension> ParseDimension(std::string_view name);
const std::vector<Dimension>& AllDimensions();

// The sums a rollup row holds; see CaseFacts for what each measures.
struct RollupCounters {
  std::int64_t cases = 0;
  std::int64_t responded = 0;  // cases with a first human response
  std::int64_t first_response_sum_ms = 0;
  std::int64_t first_response_business_sum_ms = 0;
  DurationHistogram first_response;
  DurationHistogram first_response_business;
  std::int64_t next_response_sum_ms = 0;
  std::int64_t next_response_count = 0;
  std::int64_t resolved = 0;
  std::int64_t resolution_sum_ms = 0;
  DurationHistogram resolution;
  std::int64_t customer_messages = 0;
  std::int64_t answered_messages = 0;
  std::int64_t sla_met = 0;
  std::int64_t sla_breached = 0;
  std::int64_t complaints = 0;
  std::int64_t repeat_complaints = 0;
  std::int64_t negative = 0;
  std::int64_t neutral = 0;
  std::int64_t positive = 0;

  // Adds `other` times `sign` (+1 or -1) to every sum.
  void Merge(const RollupCounters& other, int sign = 1);
  // Every sum zero and every histogram empty.
  bool IsZero() const;
  bool operator==(const RollupCounters&) const = default;
};

// What one case's facts add to each rollup row it counts in.
RollupCounters ContributionOf(const CaseFacts& facts);

struct RollupKey {
  Grain grain = Grain::kHour;
  UnixMillis bucket = 0;
  Dimension dimension = Dimension::kAll;
  std::string group;  // "" under kAll
  auto operator<=>(const RollupKey&) const = default;
};

// The rows `facts` counts in: every grain × every dimension (kRule once per rule, not at all
// without rules).
std::vector<RollupKey> KeysOf(const CaseFacts& facts);

class RollupDelta {
 public:
  // Takes `old_facts` out (if any) and puts `new_facts` in (if any).
  void Replace(const std::optional<CaseFacts>& old_facts, const std::optional<CaseFacts>& new_facts);

  // The changes by row, without rows whose change is zero.
  std::map<RollupKey, RollupCounters> Changes() const;
  bool Empty() const { return changes_.empty(); }

 private:
  void Apply(const CaseFacts& facts, int sign);
  std::map<RollupKey, RollupCounters> changes_;
};

}  // namespace fr::domain::metrics
