#include "domain/threading.h"

namespace fr::domain {

std::string ConversationKeyFor(const Message& m, const std::optional<ParentThread>& parent) {
  if (m.visibility == Visibility::kPrivate) {
    return "dm:" + (m.counterpart_id.empty() ? m.author.id : m.counterpart_id);
  }
  if (parent) {
    if (parent->brand_started && !m.is_outbound) return "pub:" + m.external_id;
    return parent->conversation_key;
  }
  if (!m.parent_id.empty()) return "pub:" + m.parent_id;
  return "pub:" + m.external_id;
}

bool OpensCase(const Message& m) { return !m.is_outbound && m.kind != MessageKind::kRepost; }

CaseAction DecideCaseAction(const std::optional<CaseStatus>& customers_case, ReopenPolicy policy) {
  if (!customers_case) return CaseAction::kNewCase;
  if (IsActive(*customers_case)) return CaseAction::kAttach;
  return policy == ReopenPolicy::kReopen ? CaseAction::kReopen : CaseAction::kNewCase;
}

}  // namespace fr::domain
