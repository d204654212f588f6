#include "channels/sim/sim_dates.h"

#include <fmt/format.h>

#include <array>
#include <ctime>

namespace fr::channels::sim::internal {
namespace {

constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::tm UtcFields(UnixMillis ms) {
  // Floor division: a millisecond before the epoch is in the second before it.
  const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return tm;
}

}  // namespace

std::string TwitterDate(UnixMillis ms) {
  const std::tm tm = UtcFields(ms);
  return fmt::format("{} {} {:02} {:02}:{:02}:{:02} +0000 {}", kDays[tm.tm_wday],
                     kMonths[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                     tm.tm_year + 1900);
}

std::string IsoDate(UnixMillis ms) {
  const std::tm tm = UtcFields(ms);
  const long long millis = ((ms % 1000) + 1000) % 1000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
}

std::string HttpDate(UnixMillis ms) {
  const std::tm tm = UtcFields(ms);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace fr::channels::sim::internal
