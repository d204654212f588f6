#include "domain/metrics/volume_series.h"

namespace fr::domain::metrics {

std::vector<std::string> VolumeSeriesOf(Platform platform, std::string_view account_id,
                                        const std::vector<std::string>& rules) {
  std::vector<std::string> series;
  series.push_back("account:" + std::string(PlatformName(platform)) + ":" + std::string(account_id));
  for (const std::string& rule : rules) series.push_back("rule:" + rule);
  return series;
}

std::optional<VolumeSeriesRef> ParseVolumeSeries(std::string_view series) {
  constexpr std::string_view kRule = "rule:";
  constexpr std::string_view kAccount = "account:";
  VolumeSeriesRef ref;
  if (series.starts_with(kRule)) {
    ref.is_rule = true;
    ref.rule_id = std::string(series.substr(kRule.size()));
    if (ref.rule_id.empty()) return std::nullopt;
    return ref;
  }
  if (!series.starts_with(kAccount)) return std::nullopt;
  series.remove_prefix(kAccount.size());
  const std::size_t colon = series.find(':');
  if (colon == std::string_view::npos || colon + 1 == series.size()) return std::nullopt;
  const std::optional<Platform> platform = ParsePlatform(series.substr(0, colon));
  if (!platform) return std::nullopt;
  ref.platform = *platform;
  ref.account_id = std::string(series.substr(colon + 1));
  return ref;
}

UnixMillis MinuteOf(UnixMillis t) {
  constexpr UnixMillis kMinute = 60'000;
  UnixMillis minute = t / kMinute;
  if (t % kMinute < 0) --minute;
  return minute * kMinute;
}

}  // namespace fr::domain::metrics
