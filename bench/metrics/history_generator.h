// A generated but realistic support history for the metrics benchmark: cases spread over a
// year with the daily and weekly rhythm of an Israeli brand (busy evenings, quiet Friday
// nights and Saturdays), several platforms, accounts, teams and agents, Hebrew and English,
// skewed intents and sentiment, listening rules on a fifth of the cases, lognormal response
// and resolution times, and returning customers (so repeat complaints happen). Deterministic
// for a seed. Each case is written as one unit: the case as it ends up, its messages and the
// opening message's insight.
#pragma once

#include <cstdint>
#include <random>

#include "base/status.h"
#include "ports/store.h"

namespace fr::bench {

struct HistoryShape {
  std::int64_t cases = 100'000;
  int days = 365;
  UnixMillis start = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
  std::uint32_t seed = 20261123;
};

class HistoryGenerator {
 public:
  explicit HistoryGenerator(HistoryShape shape);

  // Adds the history's 5 teams and 40 agents to an empty `store` (cases refer to them).
  static Status AddPeople(ports::Store& store);

  // Writes cases [from, to) of the history (in time order) to `store`, `per_batch` cases per
  // write batch. Returns the number of messages written. REQUIRES: AddPeople ran on it.
  Result<std::int64_t> Write(ports::Store& store, std::int64_t from, std::int64_t to,
                             int per_batch = 500);

  const HistoryShape& shape() const { return shape_; }

 private:
  // When case `i` opens: the year is cut into hours weighted by the rhythm above.
  UnixMillis OpenedAt(std::int64_t i);
  Status WriteCase(ports::StoreTxn& txn, std::int64_t i);

  HistoryShape shape_;
  std::vector<double> hour_weight_cdf_;  // cumulative, per hour of the period
  std::mt19937_64 random_;
  std::int64_t next_message_ = 0;
};

}  // namespace fr::bench
