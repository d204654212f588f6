#include "domain/platform.h"

#include <array>
#include <utility>

namespace fr::domain {
namespace {
constexpr std::array<std::pair<Platform, std::string_view>, 7> kNames = {{
    {Platform::kX, "x"},
    {Platform::kFacebook, "facebook"},
    {Platform::kMessenger, "messenger"},
    {Platform::kInstagram, "instagram"},
    {Platform::kLinkedIn, "linkedin"},
    {Platform::kTikTok, "tiktok"},
    {Platform::kRss, "rss"},
}};
}  // namespace

std::string_view PlatformName(Platform p) {
  for (const auto& [platform, name] : kNames) {
    if (platform == p) return name;
  }
  return "unknown";
}

std::optional<Platform> ParsePlatform(std::string_view name) {
  for (const auto& [platform, n] : kNames) {
    if (n == name) return platform;
  }
  return std::nullopt;
}

}  // namespace fr::domain
