#include "api/case_sla.h"

#include "base/log.h"

namespace fr::api {

std::map<domain::CaseId, engine::SlaReading> CaseSla::Of(
    std::span<const domain::Case> cases) const {
  if (!tracker_) return {};
  auto readings = tracker_->ReadAll(*store_, cases, clock_->NowMillis());
  if (!readings.ok()) {
    FR_LOG(kWarn, "api", "SLA clocks not shown: {}", readings.status().ToString());
    return {};
  }
  return std::move(*readings);
}

std::optional<engine::SlaReading> CaseSla::Of(const domain::Case& c) const {
  auto readings = Of(std::span<const domain::Case>(&c, 1));
  auto it = readings.find(c.id);
  if (it == readings.end()) return std::nullopt;
  return it->second;
}

UnixMillis CaseSla::Now() const { return clock_ ? clock_->NowMillis() : SystemClock().NowMillis(); }

}  // namespace fr::api
