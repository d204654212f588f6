#include "api/period_query.h"

#include <optional>

#include "api/error_response.h"
#include "base/civil_date.h"

namespace fr::api {
namespace {

// Longer periods are refused: ten years of days is still cheap, but nobody means more.
constexpr std::int64_t kMaxPeriodMs = 3660LL * 24 * 60 * 60 * 1000;

// "YYYY-MM-DD" as a date, or nullopt.
std::optional<CivilDate> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = ParseInt64(s.substr(0, 4));
  auto m = ParseInt64(s.substr(5, 2));
  auto d = ParseInt64(s.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  CivilDate date{static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d)};
  if (!IsValid(date) || date.year < 1900 || date.year > 2999) return std::nullopt;
  return date;
}

Result<UnixMillis> ReadInstant(const ApiRequest& req, std::string_view name, const TimeZone& zone) {
  const std::string_view text = ports::QueryParam(req.query, name);
  if (text.empty()) return BadParam(name, "required: Unix milliseconds or a date YYYY-MM-DD");
  if (std::optional<CivilDate> date = ParseDate(text)) return zone.ToUtc(*date, 0);
  std::optional<std::int64_t> ms = ParseInt64(text);
  if (!ms || *ms < kEarliestCivilMillis || *ms > kLatestCivilMillis) {
    return BadParam(name, "Unix milliseconds or a date YYYY-MM-DD");
  }
  return *ms;
}

}  // namespace

Status BadParam(std::string_view param, const std::string& message) {
  return Status(Errc::kInvalidArgument, "invalid_parameter", std::string(param) + ": " + message);
}

Result<PeriodQuery> ReadPeriodQuery(const ApiRequest& req) {
  PeriodQuery q;
  if (auto tz = ports::QueryParam(req.query, "tz"); !tz.empty()) {
    auto zone = TimeZone::Find(tz);
    if (!zone.ok()) return BadParam("tz", "an IANA time zone such as Asia/Jerusalem");
    q.zone = *zone;
  }
  FR_ASSIGN_OR_RETURN(q.period.from, ReadInstant(req, "from", q.zone));
  FR_ASSIGN_OR_RETURN(q.period.to, ReadInstant(req, "to", q.zone));
  if (q.period.to <= q.period.from) return BadParam("to", "must be after from");
  if (q.period.to - q.period.from > kMaxPeriodMs) return BadParam("to", "at most ten years after from");
  return q;
}

}  // namespace fr::api
