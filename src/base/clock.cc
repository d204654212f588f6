#include "base/clock.h"

#include <chrono>
#include <ctime>

namespace fr {

std::string FormatUtc(UnixMillis t, const char* format) {
  std::time_t seconds = static_cast<std::time_t>(t / 1000);
  if (t % 1000 < 0) --seconds;  // floor for instants before 1970
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  const std::size_t n = std::strftime(buffer, sizeof buffer, format, &tm);
  return std::string(buffer, n);
}

UnixMillis SystemClock::NowMillis() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace fr
