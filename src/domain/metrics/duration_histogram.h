// DurationHistogram: counts of durations in logarithmic bins, for medians and percentiles of
// response and resolution times that can be added up over any set of rollup rows and taken
// back out when a case changes (a sketch like t-digest cannot subtract).
//
// Bin 0 holds durations under one second; bin k >= 1 holds [1 s · γ^(k-1), 1 s · γ^k) with
// γ = 1.04, so a percentile read from the bins is within 2 % of the true value (the middle of
// the bin, geometrically). Durations beyond the last bin (about 70 years) fall into it.
// Encoded as a compact byte string for the store. A value type; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace fr::domain::metrics {

class DurationHistogram {
 public:
  static constexpr int kLastBin = 550;

  // The bin of a duration of `ms` milliseconds (negative durations count as zero).
  static int BinOf(std::int64_t ms);
  // The value a bin stands for: 0 for bin 0, else the geometric middle of its bounds.
  static std::int64_t RepresentativeMs(int bin);

  // Counts `ms` `times` times. Counts are signed: a negative `times` takes counts back out,
  // and the difference of two histograms (a rollup delta) may hold negative counts.
  void Add(std::int64_t ms, std::int64_t times = 1);
  // Adds every count of `other` multiplied by `sign` (+1 or -1).
  void Merge(const DurationHistogram& other, int sign = 1);

  // The number of durations counted (the sum of the counts).
  std::int64_t Count() const { return count_; }
  bool Empty() const { return bins_.empty(); }
  // The representative value of the bin holding the q-quantile (0 < q <= 1), by the
  // nearest-rank rule: the smallest bin whose cumulative count reaches ceil(q · Count()).
  // nullopt when Count() <= 0. REQUIRES: no negative count (a stored rollup, not a delta).
  std::optional<std::int64_t> QuantileMs(double q) const;

  // The byte string of the store: per bin with a count, ascending, the bin's distance from
  // the previous one and the count (zigzag), as LEB128 varints. Empty for an empty histogram.
  std::string Encode() const;
  // Reads an Encode result. kMalformed for bytes Encode never writes (a cut-off or overlong
  // varint, a bin past kLastBin, a zero count).
  static Result<DurationHistogram> Decode(std::string_view bytes);

  bool operator==(const DurationHistogram&) const = default;

 private:
  // (bin, count) by bin, no zero counts: a flat sorted list, so that decoding a stored row is
  // one allocation and merging two is one pass.
  std::vector<std::pair<int, std::int64_t>> bins_;
  std::int64_t count_ = 0;
};

}  // namespace fr::domain::metrics
