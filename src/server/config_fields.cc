#include "server/config_fields.h"

namespace fr::server {

Status ConfigError(const std::string& key, const std::string& what) {
  return Status(Errc::kInvalidArgument, "config", key + ": " + what);
}

// Fails on keys of `table` that are not in `known`, so typos do not pass silently.
Status CheckKnownKeys(const toml::table& table, const std::string& prefix,
                      const std::set<std::string>& known) {
  for (const auto& [key, value] : table) {
    std::string k(key.str());
    if (!known.count(k)) return ConfigError(prefix + k, "unknown key");
  }
  return Status::Ok();
}

Result<std::string> OptionalString(const toml::table& t, const std::string& prefix,
                                   const std::string& key, std::string fallback) {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  auto s = n->value<std::string>();
  if (!s) return ConfigError(prefix + key, "must be a string");
  return *s;
}

Result<std::int64_t> OptionalInt(const toml::table& t, const std::string& prefix,
                                 const std::string& key, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max) {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  auto v = n->value<std::int64_t>();
  if (!v || !n->is_integer()) return ConfigError(prefix + key, "must be an integer");
  if (*v < min || *v > max) {
    return ConfigError(prefix + key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return *v;
}

Result<bool> OptionalBool(const toml::table& t, const std::string& prefix, const std::string& key,
                          bool fallback) {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  auto v = n->value<bool>();
  if (!v || !n->is_boolean()) return ConfigError(prefix + key, "must be true or false");
  return *v;
}

Result<const toml::table*> OptionalTable(const toml::table& t, const std::string& prefix,
                                         const std::string& key) {
  const toml::node* n = t.get(key);
  if (!n) return static_cast<const toml::table*>(nullptr);
  if (!n->is_table()) return ConfigError(prefix + key, "must be a table");
  return n->as_table();
}

Result<std::vector<std::string>> OptionalStrings(const toml::table& t, const std::string& prefix,
                                                 const std::string& key) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) return ConfigError(prefix + key, "must be an array of strings");
  for (const toml::node& item : *a) {
    auto s = item.value<std::string>();
    if (!s || !item.is_string()) return ConfigError(prefix + key, "must be an array of strings");
    out.push_back(*s);
  }
  return out;
}

Result<std::string> OptionalSecret(
    const toml::table& t, const std::string& prefix, const std::string& key,
    const std::function<std::optional<std::string>(const std::string&)>& env,
    const std::string& env_name) {
  if (auto v = env(env_name); v && !v->empty()) return *v;
  return OptionalString(t, prefix, key, "");
}

}  // namespace fr::server
