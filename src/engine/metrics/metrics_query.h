// Reading the metric rollups over a period (docs/metrics.md): the period is cut into the
// UTC days that lie wholly inside it and the hours at its ends, so a month costs about 30
// day rows plus up to 46 hour rows per group, however many cases it holds.
//
// Periods are whole hours: SnapToHours widens any other period to the hours around it (a
// zone whose offset is not a whole number of hours, like India's, gets its days rounded out
// to the hour). Thread-safe (stateless functions).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "base/time_zone.h"
#include "domain/metrics/rollup.h"
#include "ports/metrics_store.h"

namespace fr::engine {

// [from, to).
struct Period {
  UnixMillis from = 0;
  UnixMillis to = 0;
  bool operator==(const Period&) const = default;
};

// `p` widened to whole UTC hours: from rounded down, to rounded up.
Period SnapToHours(Period p);

// The sums of the rollups of the cases opened in SnapToHours(period), per group of
// `dimension` (only `group` when set). Errors: the store's.
Result<std::map<std::string, domain::metrics::RollupCounters>> SumOver(
    ports::MetricsReader& reader, domain::metrics::Dimension dimension, Period period,
    const std::optional<std::string>& group = std::nullopt);

// The most intervals SplitIntoIntervals returns.
inline constexpr std::size_t kMaxIntervals = 1000;

// `period` cut at every local hour or local midnight of `zone` (by `interval`), each piece
// then snapped to hours; empty pieces (a skipped daylight-saving hour) are left out.
// kInvalidArgument "too_many_intervals" past kMaxIntervals.
Result<std::vector<Period>> SplitIntoIntervals(Period period, domain::metrics::Grain interval,
                                               const TimeZone& zone);

}  // namespace fr::engine
