// Reading typed fields out of the config file's TOML tables, with errors that name the key
// ("sla.calendars.support.sunday: ..."). Shared by the parsers of the config's sections;
// include only from their .cc files (it pulls in toml++).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include <toml++/toml.h>

#include "base/status.h"

namespace fr::server {

// kInvalidArgument, reason "config", message "<key>: <what>".
Status ConfigError(const std::string& key, const std::string& what);

// Fails on keys of `table` that are not in `known`, so typos do not pass silently.
Status CheckKnownKeys(const toml::table& table, const std::string& prefix,
                      const std::set<std::string>& known);

// The string at `key`, or `fallback` when absent. Errors: not a string.
Result<std::string> OptionalString(const toml::table& t, const std::string& prefix,
                                   const std::string& key, std::string fallback);

// The integer at `key`, or `fallback` when absent. Errors: not an integer, outside [min, max].
Result<std::int64_t> OptionalInt(const toml::table& t, const std::string& prefix,
                                 const std::string& key, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max);

// The boolean at `key`, or `fallback` when absent. Errors: not a boolean.
Result<bool> OptionalBool(const toml::table& t, const std::string& prefix, const std::string& key,
                          bool fallback);

// An optional secret: the environment variable `env_name` (read through `env`) wins when set
// and non-empty, then the string at `key`; empty when neither gives one.
Result<std::string> OptionalSecret(
    const toml::table& t, const std::string& prefix, const std::string& key,
    const std::function<std::optional<std::string>(const std::string&)>& env,
    const std::string& env_name);

// The table at `key`, or nullptr when absent. Errors: not a table.
Result<const toml::table*> OptionalTable(const toml::table& t, const std::string& prefix,
                                         const std::string& key);

// The array of strings at `key` (absent: empty). Errors: not an array of strings.
Result<std::vector<std::string>> OptionalStrings(const toml::table& t, const std::string& prefix,
                                                 const std::string& key);

}  // namespace fr::server
