#include "domain/metrics/duration_histogram.h"

#include <algorithm>
#include <cmath>

namespace fr::domain::metrics {
namespace {

constexpr double kGamma = 1.04;
constexpr std::int64_t kOneSecondMs = 1000;

void PutVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads one varint at `pos`; false for a cut-off one or one longer than 64 bits.
bool GetVarint(std::string_view in, std::size_t& pos, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= in.size()) return false;
    const auto byte = static_cast<std::uint8_t>(in[pos++]);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t UnZigZag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

}  // namespace

int DurationHistogram::BinOf(std::int64_t ms) {
  if (ms < kOneSecondMs) return 0;
  const double k = std::floor(std::log(static_cast<double>(ms) / kOneSecondMs) / std::log(kGamma));
  // Bin k + 1 holds [γ^k, γ^(k+1)) seconds.
  const double bin = k + 1;
  return bin >= kLastBin ? kLastBin : static_cast<int>(bin);
}

std::int64_t DurationHistogram::RepresentativeMs(int bin) {
  if (bin <= 0) return 0;
  // Geometric middle of [γ^(bin-1), γ^bin) seconds.
  return std::llround(kOneSecondMs * std::pow(kGamma, bin - 0.5));
}

void DurationHistogram::Add(std::int64_t ms, std::int64_t times) {
  if (times == 0) return;
  const int bin = BinOf(ms);
  auto at = std::lower_bound(bins_.begin(), bins_.end(), bin,
                             [](const std::pair<int, std::int64_t>& b, int key) { return b.first < key; });
  if (at != bins_.end() && at->first == bin) {
    at->second += times;
    if (at->second == 0) bins_.erase(at);
  } else {
    bins_.insert(at, {bin, times});
  }
  count_ += times;
}

void DurationHistogram::Merge(const DurationHistogram& other, int sign) {
  if (other.bins_.empty()) return;
  std::vector<std::pair<int, std::int64_t>> merged;
  merged.reserve(bins_.size() + other.bins_.size());
  auto a = bins_.begin();
  auto b = other.bins_.begin();
  while (a != bins_.end() || b != other.bins_.end()) {
    if (b == other.bins_.end() || (a != bins_.end() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == bins_.end() || b->first < a->first) {
      merged.emplace_back(b->first, sign * b->second);
      ++b;
    } else {
      const std::int64_t sum = a->second + sign * b->second;
      if (sum != 0) merged.emplace_back(a->first, sum);
      ++a;
      ++b;
    }
  }
  bins_ = std::move(merged);
  count_ += sign * other.count_;
}

std::optional<std::int64_t> DurationHistogram::QuantileMs(double q) const {
  if (count_ <= 0) return std::nullopt;
  const auto rank = static_cast<std::int64_t>(std::ceil(q * static_cast<double>(count_)));
  std::int64_t seen = 0;
  for (const auto& [bin, count] : bins_) {
    seen += count;
    if (seen >= rank) return RepresentativeMs(bin);
  }
  return RepresentativeMs(bins_.back().first);
}

std::string DurationHistogram::Encode() const {
  std::string out;
  int previous = 0;
  for (const auto& [bin, count] : bins_) {
    PutVarint(out, static_cast<std::uint64_t>(bin - previous));
    PutVarint(out, ZigZag(count));
    previous = bin;
  }
  return out;
}

Result<DurationHistogram> DurationHistogram::Decode(std::string_view bytes) {
  auto malformed = [](const char* why) {
    return Status(Errc::kMalformed, "bad_histogram", std::string("histogram bytes: ") + why);
  };
  DurationHistogram h;
  std::size_t pos = 0;
  std::int64_t bin = 0;
  bool first = true;
  while (pos < bytes.size()) {
    std::uint64_t delta = 0, zigzag = 0;
    if (!GetVarint(bytes, pos, delta) || !GetVarint(bytes, pos, zigzag)) {
      return malformed("cut-off or overlong varint");
    }
    if (!first && delta == 0) return malformed("bins not ascending");
    if (delta > static_cast<std::uint64_t>(kLastBin)) return malformed("bin out of range");
    bin += static_cast<std::int64_t>(delta);
    if (bin > kLastBin) return malformed("bin out of range");
    const std::int64_t count = UnZigZag(zigzag);
    if (count == 0) return malformed("zero count");
    h.bins_.emplace_back(static_cast<int>(bin), count);
    h.count_ += count;
    first = false;
  }
  return h;
}

}  // namespace fr::domain::metrics
