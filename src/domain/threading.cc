#include "domain/threading.h"

namespace fr::domain {

std::string ConversationKeyFor(const Message& m,
                               const std::optional<std::string>& parent_conversation_key) {
  if (m.visibility == Visibility::kPrivate) {
    return "dm:" + (m.counterpart_id.empty() ? m.author.id : m.counterpart_id);
  }
  if (!m.thread_key.empty()) return "pub:" + m.thread_key;
  if (parent_conversation_key) return *parent_conversation_key;
  if (!m.parent_id.empty()) return "pub:" + m.parent_id;
  return "pub:" + m.external_id;
}

bool OpensCase(const Message& m) { return !m.is_outbound && m.kind != MessageKind::kRepost; }

CaseAction DecideCaseAction(const std::optional<CaseStatus>& current, ReopenPolicy policy) {
  if (!current) return CaseAction::kNewCase;
  if (IsActive(*current)) return CaseAction::kAttach;
  return policy == ReopenPolicy::kReopen ? CaseAction::kReopen : CaseAction::kNewCase;
}

}  // namespace fr::domain
