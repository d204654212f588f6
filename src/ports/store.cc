#include "ports/store.h"

namespace fr::ports {

std::string_view RevisionKindName(RevisionKind k) {
  switch (k) {
    case RevisionKind::kEdit: return "edit";
    case RevisionKind::kDelete: return "delete";
    case RevisionKind::kHide: return "hide";
    case RevisionKind::kUnhide: return "unhide";
  }
  return "edit";
}

Status WriteOne(Store& store, const WriteUnit& unit) {
  return store.WriteBatch(std::span<const WriteUnit>(&unit, 1)).front();
}

}  // namespace fr::ports
