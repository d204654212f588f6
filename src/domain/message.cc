#include "domain/message.h"

#include <array>
#include <utility>

namespace fr::domain {
namespace {

constexpr std::array<std::pair<MessageKind, std::string_view>, 8> kKindNames = {{
    {MessageKind::kPost, "post"},
    {MessageKind::kComment, "comment"},
    {MessageKind::kReply, "reply"},
    {MessageKind::kMention, "mention"},
    {MessageKind::kQuote, "quote"},
    {MessageKind::kRepost, "repost"},
    {MessageKind::kReview, "review"},
    {MessageKind::kDm, "dm"},
}};

}  // namespace

std::string_view VisibilityName(Visibility v) {
  return v == Visibility::kPublic ? "public" : "private";
}

std::optional<Visibility> ParseVisibility(std::string_view name) {
  if (name == "public") return Visibility::kPublic;
  if (name == "private") return Visibility::kPrivate;
  return std::nullopt;
}

std::string_view MessageKindName(MessageKind k) {
  for (const auto& [kind, name] : kKindNames) {
    if (kind == k) return name;
  }
  return "post";
}

std::optional<MessageKind> ParseMessageKind(std::string_view name) {
  for (const auto& [kind, n] : kKindNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

}  // namespace fr::domain
