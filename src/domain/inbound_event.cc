#include "domain/inbound_event.h"

namespace fr::domain {

std::string_view EventTypeName(EventType t) {
  switch (t) {
    case EventType::kMessage: return "message";
    case EventType::kEdit: return "edit";
    case EventType::kDelete: return "delete";
    case EventType::kHide: return "hide";
    case EventType::kUnhide: return "unhide";
  }
  return "message";
}

}  // namespace fr::domain
