#include "engine/metrics/metrics_query.h"

#include <algorithm>

#include "base/civil_date.h"

namespace fr::engine {

using domain::metrics::BucketOf;
using domain::metrics::Grain;
using domain::metrics::GrainMs;

Period SnapToHours(Period p) {
  const std::int64_t hour = GrainMs(Grain::kHour);
  Period out{BucketOf(Grain::kHour, p.from), BucketOf(Grain::kHour, p.to)};
  if (out.to < p.to) out.to += hour;
  return out;
}

Result<std::map<std::string, domain::metrics::RollupCounters>> SumOver(
    ports::MetricsReader& reader, domain::metrics::Dimension dimension, Period period,
    const std::optional<std::string>& group) {
  const Period p = SnapToHours(period);
  std::map<std::string, domain::metrics::RollupCounters> total;
  if (p.to <= p.from) return total;
  auto add = [&](Grain grain, UnixMillis from, UnixMillis to) -> Status {
    if (to <= from) return Status::Ok();
    FR_ASSIGN_OR_RETURN(auto sums, reader.SumRollups(grain, dimension, from, to, group));
    for (const auto& [g, counters] : sums) total[g].Merge(counters);
    return Status::Ok();
  };
  const std::int64_t day = GrainMs(Grain::kDay);
  UnixMillis first_day = BucketOf(Grain::kDay, p.from);
  if (first_day < p.from) first_day += day;
  const UnixMillis last_day = BucketOf(Grain::kDay, p.to);
  if (first_day < last_day) {
    FR_RETURN_IF_ERROR(add(Grain::kHour, p.from, first_day));
    FR_RETURN_IF_ERROR(add(Grain::kDay, first_day, last_day));
    FR_RETURN_IF_ERROR(add(Grain::kHour, last_day, p.to));
  } else {
    FR_RETURN_IF_ERROR(add(Grain::kHour, p.from, p.to));
  }
  return total;
}

Result<std::vector<Period>> SplitIntoIntervals(Period period, Grain interval, const TimeZone& zone) {
  std::vector<Period> out;
  UnixMillis start = period.from;
  while (start < period.to) {
    UnixMillis end = 0;
    if (interval == Grain::kHour) {
      end = BucketOf(Grain::kHour, start) + GrainMs(Grain::kHour);
    } else {
      const LocalTime local = zone.ToLocal(start);
      end = zone.ToUtc(AddDays(local.date, 1), 0);
    }
    end = std::min(end, period.to);
    const Period piece = SnapToHours({start, end});
    if (out.empty() || out.back().to <= piece.from) {
      out.push_back(piece);
    } else if (piece.to > out.back().to) {
      out.push_back({out.back().to, piece.to});  // snapping met the previous piece
    }
    if (out.size() > kMaxIntervals) {
      return Status(Errc::kInvalidArgument, "too_many_intervals",
                    "at most " + std::to_string(kMaxIntervals) + " intervals per query");
    }
    start = end;
  }
  return out;
}

}  // namespace fr::engine
