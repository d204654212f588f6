#include "base/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>

namespace fr::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};

spdlog::logger& Logger() {
  // Logs go to stderr so stdout stays free for command output (classify, JSON lines).
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto l = spdlog::stderr_color_mt("feedroom");
    l->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
    l->set_level(spdlog::level::trace);
    return l;
  }();
  return *logger;
}

spdlog::level::level_enum ToSpd(Level level) {
  switch (level) {
    case Level::kDebug: return spdlog::level::debug;
    case Level::kInfo: return spdlog::level::info;
    case Level::kWarn: return spdlog::level::warn;
    case Level::kError: return spdlog::level::err;
  }
  return spdlog::level::info;
}

}  // namespace

void Write(Level level, std::string_view component, std::string_view text) {
  Logger().log(ToSpd(level), "[{}] {}", component, text);
}

bool Enabled(Level level) { return level >= g_level.load(std::memory_order_relaxed); }

void SetLevel(std::string_view name) {
  if (name == "debug") g_level = Level::kDebug;
  else if (name == "info") g_level = Level::kInfo;
  else if (name == "warn") g_level = Level::kWarn;
  else if (name == "error") g_level = Level::kError;
}

}  // namespace fr::log
