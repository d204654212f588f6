#include "domain/metrics/volume_series.h"

namespace fr::domain::metrics {

std::vector<std::string> VolumeSeriesOf(Platform platform, std::string_view account_id,
                                        const std::vector<std::string>& rules) {
  std::vector<std::string> series;
  series.push_back("account:" + std::string(PlatformName(platform)) + ":" + std::string(account_id));
  for (const std::string& rule : rules) series.push_back("rule:" + rule);
  return series;
}

UnixMillis MinuteOf(UnixMillis t) {
  constexpr UnixMillis kMinute = 60'000;
  UnixMillis minute = t / kMinute;
  if (t % kMinute < 0) --minute;
  return minute * kMinute;
}

}  // namespace fr::domain::metrics
