#include "domain/case.h"

namespace fr::domain {

std::string_view CaseStatusName(CaseStatus s) {
  switch (s) {
    case CaseStatus::kNew: return "new";
    case CaseStatus::kOpen: return "open";
    case CaseStatus::kPending: return "pending";
    case CaseStatus::kResolved: return "resolved";
    case CaseStatus::kClosed: return "closed";
  }
  return "new";
}

std::optional<CaseStatus> ParseCaseStatus(std::string_view name) {
  for (CaseStatus s : {CaseStatus::kNew, CaseStatus::kOpen, CaseStatus::kPending,
                       CaseStatus::kResolved, CaseStatus::kClosed}) {
    if (CaseStatusName(s) == name) return s;
  }
  return std::nullopt;
}

bool IsActive(CaseStatus s) {
  return s == CaseStatus::kNew || s == CaseStatus::kOpen || s == CaseStatus::kPending;
}

}  // namespace fr::domain
