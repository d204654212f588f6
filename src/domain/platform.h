// The networks Feedroom hears. Names are stable: they appear in URLs, the API and the store.
#pragma once

#include <optional>
#include <string_view>

namespace fr::domain {

enum class Platform { kX, kFacebook, kMessenger, kInstagram, kLinkedIn, kTikTok, kRss };

// "x", "facebook", "messenger", "instagram", "linkedin", "tiktok", "rss".
std::string_view PlatformName(Platform p);
// The inverse of PlatformName; nullopt for an unknown name.
std::optional<Platform> ParsePlatform(std::string_view name);

}  // namespace fr::domain
