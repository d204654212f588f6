// The logging facade. Every module logs through FR_LOG with a named component, so the
// backend (spdlog) is linked in one place and log lines are uniform:
//   FR_LOG(kWarn, "ingest", "delivery rejected platform={} reason={}", p, r);
// Rule: never log message text, names or raw payloads above debug level (PII).
// Thread safety: safe from any thread.
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace fr::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// Writes one line. Prefer the FR_LOG macro, which skips formatting below the current level.
void Write(Level level, std::string_view component, std::string_view text);
bool Enabled(Level level);
// Sets the minimum level; "debug", "info", "warn" or "error". Unknown names keep the level.
void SetLevel(std::string_view name);

}  // namespace fr::log

#define FR_LOG(level, component, ...)                                              \
  do {                                                                             \
    if (::fr::log::Enabled(::fr::log::Level::level))                               \
      ::fr::log::Write(::fr::log::Level::level, component, fmt::format(__VA_ARGS__)); \
  } while (0)
