// TouchedCases: the cases whose metric inputs one transaction changed, for the batch-end hook
// (ports::BatchEndHook). Every part of SqliteTxn that writes such inputs adds the case here.
// Thread safety: as SqliteTxn (one thread).
#pragma once

#include <set>
#include <vector>

#include "domain/case.h"

namespace fr::storage::sqlite {

class TouchedCases {
 public:
  // Adds case `id`; 0 ("no case") is ignored.
  void Add(domain::CaseId id) {
    if (id != 0) ids_.insert(id);
  }
  // The cases added since the last Take, ascending; empties the set.
  std::vector<domain::CaseId> Take() {
    std::vector<domain::CaseId> out(ids_.begin(), ids_.end());
    ids_.clear();
    return out;
  }

 private:
  std::set<domain::CaseId> ids_;
};

}  // namespace fr::storage::sqlite
