#include "channels/x/x_text.h"

namespace fr::channels::x {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// X screen names are [A-Za-z0-9_].
bool IsHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool TextMentionsHandle(std::string_view text, std::string_view handle) {
  if (handle.empty()) return false;
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at > 0 && IsHandleChar(text[at - 1])) continue;  // an e-mail address, not a mention
    const size_t start = at + 1;
    if (text.size() - start < handle.size()) return false;
    if (!EqualsIgnoreAsciiCase(text.substr(start, handle.size()), handle)) continue;
    const size_t end = start + handle.size();
    if (end < text.size() && IsHandleChar(text[end])) continue;
    return true;
  }
  return false;
}

std::string_view TrimTrailingSpace(std::string_view text) {
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace fr::channels::x
