// Draft: the words an agent has typed for a case and not sent yet, kept on the server so that
// an expired session or a closed browser loses nothing. One per (user, case): a draft is its
// author's alone. Not to be confused with engine::ReplyDraft, the request to send a reply.
// Plain values and the rules its texts follow.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/people.h"

namespace fr::domain {

// Which composer the draft belongs to: a reply on one route, or "move to private" (a public
// acknowledgement and a private message, public_text and private_text).
enum class DraftRoute { kPublicReply, kPrivateReply, kDirectMessage, kMoveToPrivate };

// "public_reply", "private_reply", "direct_message", "move_to_private".
std::string_view DraftRouteName(DraftRoute r);
std::optional<DraftRoute> ParseDraftRoute(std::string_view name);

// The most code points each text of a draft may have, after NFC.
inline constexpr std::size_t kMaxDraftChars = 10'000;

struct Draft {
  UserId user_id = 0;
  CaseId case_id = 0;
  DraftRoute route = DraftRoute::kPublicReply;
  std::string text;          // the reply routes' text
  std::string public_text;   // move to private: the public acknowledgement
  std::string private_text;  // move to private: the private details
  UnixMillis updated_at = 0;

  bool operator==(const Draft&) const = default;
};

// Puts each text of `draft` in NFC and checks its length. Errors: kMalformed "invalid_utf8";
// kInvalidArgument "draft_too_long" naming the field and the limit.
Status NormalizeDraftTexts(Draft& draft);

}  // namespace fr::domain
