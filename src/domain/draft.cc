#include "domain/draft.h"

#include <algorithm>
#include <array>
#include <utility>

#include "base/unicode.h"

namespace fr::domain {
namespace {

// Code points of well-formed UTF-8: every byte that does not continue a sequence.
std::size_t CodePoints(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string_view DraftRouteName(DraftRoute r) {
  switch (r) {
    case DraftRoute::kPublicReply:
      return "public_reply";
    case DraftRoute::kPrivateReply:
      return "private_reply";
    case DraftRoute::kDirectMessage:
      return "direct_message";
    case DraftRoute::kMoveToPrivate:
      return "move_to_private";
  }
  return "public_reply";
}

std::optional<DraftRoute> ParseDraftRoute(std::string_view name) {
  for (DraftRoute r : {DraftRoute::kPublicReply, DraftRoute::kPrivateReply,
                       DraftRoute::kDirectMessage, DraftRoute::kMoveToPrivate}) {
    if (DraftRouteName(r) == name) return r;
  }
  return std::nullopt;
}

Status NormalizeDraftTexts(Draft& draft) {
  const std::array<std::pair<std::string_view, std::string*>, 3> texts = {{
      {"text", &draft.text},
      {"public_text", &draft.public_text},
      {"private_text", &draft.private_text},
  }};
  for (const auto& [field, text] : texts) {
    FR_ASSIGN_OR_RETURN(*text, unicode::ToNfc(*text));
    if (const std::size_t n = CodePoints(*text); n > kMaxDraftChars) {
      return Status(Errc::kInvalidArgument, "draft_too_long",
                    std::string(field) + ": at most " + std::to_string(kMaxDraftChars) +
                        " characters, got " + std::to_string(n));
    }
  }
  return Status::Ok();
}

}  // namespace fr::domain
