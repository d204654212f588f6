#include "server/config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "server/config_fields.h"
#include "server/alerts_config_toml.h"
#include "server/sla_config_toml.h"

namespace fr::server {
namespace {

// A required non-empty string, unless the environment variable `env_name` provides it.
Result<std::string> RequiredString(const toml::table& t, const std::string& prefix,
                                   const std::string& key, const EnvLookup& env,
                                   const std::string& env_name = "") {
  if (!env_name.empty()) {
    if (auto v = env(env_name); v && !v->empty()) return *v;
  }
  const toml::node* n = t.get(key);
  if (!n) return ConfigError(prefix + key, env_name.empty() ? "required" : "required (or set " + env_name + ")");
  auto s = n->value<std::string>();
  if (!s) return ConfigError(prefix + key, "must be a string");
  if (s->empty()) return ConfigError(prefix + key, "must not be empty");
  return *s;
}

// An http:// or https:// base URL (see ParseBaseUrl).
Result<std::string> OptionalBaseUrl(const toml::table& t, const std::string& prefix,
                                    const std::string& key, std::string fallback) {
  FR_ASSIGN_OR_RETURN(std::string text, OptionalString(t, prefix, key, std::move(fallback)));
  auto url = ParseBaseUrl(text);
  if (!url.ok()) return ConfigError(prefix + key, url.status().message());
  return url;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "v<major>.<minor>", as the Graph API names its versions ("v21.0").
bool IsGraphVersion(std::string_view s) {
  const size_t dot = s.find('.');
  return s.size() > 1 && s[0] == 'v' && dot != std::string_view::npos &&
         AllDigits(s.substr(1, dot - 1)) && AllDigits(s.substr(dot + 1));
}

Status ParseServer(const toml::table& t, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, "server.", {"listen", "data_dir", "threads", "body_limit_bytes"}));
  FR_ASSIGN_OR_RETURN(std::string listen, OptionalString(t, "server.", "listen", "127.0.0.1:8080"));
  auto addr = ParseListenAddress(listen);
  if (!addr.ok()) return ConfigError("server.listen", addr.status().message());
  c.listen_host = addr->first;
  c.listen_port = addr->second;
  FR_ASSIGN_OR_RETURN(c.data_dir, OptionalString(t, "server.", "data_dir", c.data_dir));
  FR_ASSIGN_OR_RETURN(std::int64_t threads, OptionalInt(t, "server.", "threads", 0, 0, 256));
  c.threads = static_cast<int>(threads);
  FR_ASSIGN_OR_RETURN(std::int64_t limit, OptionalInt(t, "server.", "body_limit_bytes", 1 << 20, 1024, 64 << 20));
  c.body_limit = static_cast<std::size_t>(limit);
  return Status::Ok();
}

Status ParseAuth(const toml::table& t, ServerConfig& c) {
  const std::string p = "auth.";
  FR_RETURN_IF_ERROR(CheckKnownKeys(
      t, p, {"session_hours", "secure_cookies", "password_memory_kib", "password_passes",
             "max_failed_logins_per_user", "max_failed_logins_per_client", "lockout_minutes"}));
  engine::AuthOptions& a = c.auth;
  FR_ASSIGN_OR_RETURN(std::int64_t hours, OptionalInt(t, p, "session_hours", 12, 1, 24 * 30));
  a.session_lifetime = hours * 3600 * 1000;
  FR_ASSIGN_OR_RETURN(c.secure_cookies, OptionalBool(t, p, "secure_cookies", false));
  // libsodium's argon2id minimum is 8 KiB and 1 pass; the defaults are its INTERACTIVE level.
  FR_ASSIGN_OR_RETURN(std::int64_t kib, OptionalInt(t, p, "password_memory_kib", 65536, 8, 4 << 20));
  a.password_cost.memory_bytes = static_cast<std::size_t>(kib) * 1024;
  FR_ASSIGN_OR_RETURN(std::int64_t passes, OptionalInt(t, p, "password_passes", 2, 1, 64));
  a.password_cost.ops = static_cast<std::uint64_t>(passes);
  FR_ASSIGN_OR_RETURN(std::int64_t per_user, OptionalInt(t, p, "max_failed_logins_per_user", 5, 1, 1000));
  a.login_limits.max_failures_per_user = static_cast<int>(per_user);
  FR_ASSIGN_OR_RETURN(std::int64_t per_client,
                      OptionalInt(t, p, "max_failed_logins_per_client", 20, 1, 100000));
  a.login_limits.max_failures_per_client = static_cast<int>(per_client);
  FR_ASSIGN_OR_RETURN(std::int64_t minutes, OptionalInt(t, p, "lockout_minutes", 15, 1, 24 * 60));
  a.login_limits.window = minutes * 60 * 1000;
  return Status::Ok();
}

Status ParseRouting(const toml::table& t, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, "routing.", {"reassign_minutes"}));
  FR_ASSIGN_OR_RETURN(std::int64_t minutes,
                      OptionalInt(t, "routing.", "reassign_minutes", 15, 0, 24 * 60));
  c.routing.reassign_after = minutes * 60 * 1000;
  return Status::Ok();
}

Status ParseReplies(const toml::table& t, ServerConfig& c) {
  const std::string p = "replies.";
  FR_RETURN_IF_ERROR(CheckKnownKeys(
      t, p, {"vip_followers", "verified_is_vip", "stock_phrases", "sensitive_health",
             "sensitive_legal", "sensitive_safety", "sensitive_discrimination",
             "sensitive_boycott"}));
  domain::ApprovalPolicy& a = c.replies.approval;
  FR_ASSIGN_OR_RETURN(a.vip_followers,
                      OptionalInt(t, p, "vip_followers", a.vip_followers, 1, 1'000'000'000));
  FR_ASSIGN_OR_RETURN(a.verified_is_vip, OptionalBool(t, p, "verified_is_vip", a.verified_is_vip));
  // Lists add to the built-in ones.
  auto extend = [&](const std::string& key, std::vector<std::string>& into) -> Status {
    FR_ASSIGN_OR_RETURN(std::vector<std::string> more, OptionalStrings(t, p, key));
    into.insert(into.end(), more.begin(), more.end());
    return Status::Ok();
  };
  FR_RETURN_IF_ERROR(extend("stock_phrases", c.replies.generic.stock_phrases));
  FR_RETURN_IF_ERROR(extend("sensitive_health", a.lexicon.health));
  FR_RETURN_IF_ERROR(extend("sensitive_legal", a.lexicon.legal));
  FR_RETURN_IF_ERROR(extend("sensitive_safety", a.lexicon.safety));
  FR_RETURN_IF_ERROR(extend("sensitive_discrimination", a.lexicon.discrimination));
  FR_RETURN_IF_ERROR(extend("sensitive_boycott", a.lexicon.boycott));
  return Status::Ok();
}

Status ParseWeb(const toml::table& t, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, "web.", {"root"}));
  FR_ASSIGN_OR_RETURN(c.web_root, OptionalString(t, "web.", "root", c.web_root));
  if (c.web_root.empty()) return ConfigError("web.root", "must not be empty");
  return Status::Ok();
}

Status ParseUnderstanding(const toml::table& t, ServerConfig& c) {
  FR_RETURN_IF_ERROR(
      CheckKnownKeys(t, "understanding.", {"models", "vip_followers", "wide_followers"}));
  FR_ASSIGN_OR_RETURN(c.models_dir, OptionalString(t, "understanding.", "models", c.models_dir));
  if (c.models_dir.empty()) return ConfigError("understanding.models", "must not be empty");
  constexpr std::int64_t kMaxFollowers = 10'000'000'000;
  FR_ASSIGN_OR_RETURN(c.triage.vip_followers,
                      OptionalInt(t, "understanding.", "vip_followers", c.triage.vip_followers, 0,
                                  kMaxFollowers));
  FR_ASSIGN_OR_RETURN(c.triage.wide_followers,
                      OptionalInt(t, "understanding.", "wide_followers", c.triage.wide_followers,
                                  0, kMaxFollowers));
  if (c.triage.vip_followers < c.triage.wide_followers) {
    return ConfigError("understanding.vip_followers", "must be at least wide_followers");
  }
  return Status::Ok();
}

Status ParseListening(const toml::table& t, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, "listening.", {"rules_file", "escalate", "feeds"}));
  FR_ASSIGN_OR_RETURN(c.rules_file, OptionalString(t, "listening.", "rules_file", ""));
  FR_ASSIGN_OR_RETURN(const toml::table* escalate, OptionalTable(t, "listening.", "escalate"));
  if (escalate != nullptr) {
    if (c.rules_file.empty()) return ConfigError("listening.escalate", "needs listening.rules_file");
    for (const auto& [id, team] : *escalate) {
      const std::string key = "listening.escalate." + std::string(id.str());
      auto name = team.value<std::string>();
      if (!name) return ConfigError(key, "must be a team name (\"\" lets routing decide)");
      c.escalations.emplace_back(std::string(id.str()), *name);
    }
  }
  const toml::node* feeds = t.get("feeds");
  if (feeds == nullptr) return Status::Ok();
  if (!feeds->is_array_of_tables()) {
    return ConfigError("listening.feeds", "must be an array of tables ([[listening.feeds]])");
  }
  const toml::array& list = *feeds->as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string p = "listening.feeds[" + std::to_string(i) + "].";
    const toml::table& f = *list.get(i)->as_table();
    FR_RETURN_IF_ERROR(CheckKnownKeys(f, p, {"id", "url", "interval_minutes"}));
    channels::feed::FeedConfig feed;
    FR_ASSIGN_OR_RETURN(feed.id, OptionalString(f, p, "id", ""));
    if (!channels::feed::IsValidFeedId(feed.id)) {
      return ConfigError(p + "id", "must be 1-64 of a-z 0-9 _ . -");
    }
    for (const channels::feed::FeedConfig& other : c.feeds) {
      if (other.id == feed.id) return ConfigError(p + "id", "\"" + feed.id + "\" is used twice");
    }
    FR_ASSIGN_OR_RETURN(feed.url, OptionalString(f, p, "url", ""));
    if (!feed.url.starts_with("http://") && !feed.url.starts_with("https://")) {
      return ConfigError(p + "url", "must be an http:// or https:// URL");
    }
    FR_ASSIGN_OR_RETURN(std::int64_t minutes, OptionalInt(f, p, "interval_minutes", 15, 1, 24 * 60));
    feed.interval = std::chrono::minutes(minutes);
    c.feeds.push_back(std::move(feed));
  }
  return Status::Ok();
}

Status ParseIngest(const toml::table& t, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(
      t, "ingest.", {"reopen", "link_window_hours", "max_batch", "thread_batch", "memory_backlog"}));
  FR_ASSIGN_OR_RETURN(std::string reopen, OptionalString(t, "ingest.", "reopen", "reopen"));
  if (reopen == "reopen") c.ingest.threading.reopen_policy = domain::ReopenPolicy::kReopen;
  else if (reopen == "new_case") c.ingest.threading.reopen_policy = domain::ReopenPolicy::kNewCase;
  else return ConfigError("ingest.reopen", "must be \"reopen\" or \"new_case\"");
  FR_ASSIGN_OR_RETURN(std::int64_t hours, OptionalInt(t, "ingest.", "link_window_hours", 24, 0, 24 * 30));
  c.ingest.threading.link_window_ms = hours * 3600 * 1000;
  FR_ASSIGN_OR_RETURN(std::int64_t batch, OptionalInt(t, "ingest.", "max_batch", 512, 1, 10000));
  c.ingest.max_batch = static_cast<size_t>(batch);
  FR_ASSIGN_OR_RETURN(std::int64_t thread_batch, OptionalInt(t, "ingest.", "thread_batch", 512, 1, 100000));
  c.ingest.thread_batch = static_cast<size_t>(thread_batch);
  FR_ASSIGN_OR_RETURN(std::int64_t memory_backlog,
                      OptionalInt(t, "ingest.", "memory_backlog", 20000, 0, 10000000));
  c.ingest.memory_backlog = static_cast<size_t>(memory_backlog);
  return Status::Ok();
}

// [x.listening]: the filtered stream and recent searches, seen as the brand account
// `account` (default: the first of [[x.accounts]]).
Status ParseXListening(const toml::table& t, const EnvLookup& env, const channels::x::XConfig& x,
                       ServerConfig& c) {
  const std::string p = "x.listening.";
  FR_RETURN_IF_ERROR(CheckKnownKeys(
      t, p, {"bearer_token", "account", "stream", "stream_rules", "backfill_minutes",
             "heartbeat_seconds", "searches", "search_interval_seconds", "search_max_pages"}));
  channels::x::XListenConfig l;
  l.api_base = x.api_base;
  FR_ASSIGN_OR_RETURN(l.bearer_token,
                      RequiredString(t, p, "bearer_token", env, "FEEDROOM_X_BEARER_TOKEN"));
  FR_ASSIGN_OR_RETURN(std::string account, OptionalString(t, p, "account", x.accounts[0].user_id));
  const channels::x::XAccount* a = channels::x::FindAccount(x, account);
  if (a == nullptr) return ConfigError(p + "account", "must be the user_id of one of [[x.accounts]]");
  l.account = *a;
  FR_ASSIGN_OR_RETURN(l.stream, OptionalBool(t, p, "stream", false));
  if (const toml::array* rules = t.get_as<toml::array>("stream_rules")) {
    for (size_t i = 0; i < rules->size(); ++i) {
      const std::string rp = p + "stream_rules[" + std::to_string(i) + "].";
      const toml::table* r = rules->get(i)->as_table();
      if (!r) return ConfigError(rp.substr(0, rp.size() - 1), "must be a table");
      FR_RETURN_IF_ERROR(CheckKnownKeys(*r, rp, {"value", "tag"}));
      channels::x::XStreamRuleSpec spec;
      FR_ASSIGN_OR_RETURN(spec.value, RequiredString(*r, rp, "value", env));
      // X's limit for self-serve access (PROTOCOLS.md §1): longer values are refused there.
      if (spec.value.size() > 1024) return ConfigError(rp + "value", "must be at most 1024 bytes");
      FR_ASSIGN_OR_RETURN(spec.tag, OptionalString(*r, rp, "tag", ""));
      l.stream_rules.push_back(std::move(spec));
    }
  } else if (t.contains("stream_rules")) {
    return ConfigError(p + "stream_rules", "must be an array of tables ([[x.listening.stream_rules]])");
  }
  if (l.stream && l.stream_rules.empty()) {
    return ConfigError(p + "stream_rules", "the stream needs at least one rule");
  }
  FR_ASSIGN_OR_RETURN(std::int64_t backfill, OptionalInt(t, p, "backfill_minutes", 0, 0, 5));
  l.backfill_minutes = static_cast<int>(backfill);
  FR_ASSIGN_OR_RETURN(std::int64_t heartbeat, OptionalInt(t, p, "heartbeat_seconds", 20, 1, 600));
  l.heartbeat_timeout = std::chrono::seconds(heartbeat);
  FR_ASSIGN_OR_RETURN(l.searches, OptionalStrings(t, p, "searches"));
  FR_ASSIGN_OR_RETURN(std::int64_t interval,
                      OptionalInt(t, p, "search_interval_seconds", 60, 1, 24 * 3600));
  l.search_interval = std::chrono::seconds(interval);
  FR_ASSIGN_OR_RETURN(std::int64_t pages, OptionalInt(t, p, "search_max_pages", 5, 1, 100));
  l.search_max_pages = static_cast<int>(pages);
  c.x_listening = std::move(l);
  return Status::Ok();
}

Status ParseX(const toml::table& t, const EnvLookup& env, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, "x.", {"consumer_secret", "api_base", "accounts", "listening"}));
  channels::x::XConfig x;
  FR_ASSIGN_OR_RETURN(x.consumer_secret,
                      RequiredString(t, "x.", "consumer_secret", env, "FEEDROOM_X_CONSUMER_SECRET"));
  FR_ASSIGN_OR_RETURN(x.api_base, OptionalBaseUrl(t, "x.", "api_base", x.api_base));
  const toml::array* accounts = t.get_as<toml::array>("accounts");
  if (!accounts || accounts->empty()) return ConfigError("x.accounts", "at least one [[x.accounts]] is required");
  for (size_t i = 0; i < accounts->size(); ++i) {
    std::string prefix = "x.accounts[" + std::to_string(i) + "].";
    const toml::table* a = accounts->get(i)->as_table();
    if (!a) return ConfigError(prefix.substr(0, prefix.size() - 1), "must be a table");
    FR_RETURN_IF_ERROR(CheckKnownKeys(*a, prefix, {"user_id", "handle", "access_token"}));
    channels::x::XAccount acc;
    FR_ASSIGN_OR_RETURN(acc.user_id, RequiredString(*a, prefix, "user_id", env));
    if (!AllDigits(acc.user_id)) return ConfigError(prefix + "user_id", "must be the numeric X user id, as a string");
    FR_ASSIGN_OR_RETURN(acc.handle, OptionalString(*a, prefix, "handle", ""));
    FR_ASSIGN_OR_RETURN(acc.access_token, OptionalSecret(*a, prefix, "access_token", env,
                                                         kXAccessTokenEnvPrefix + acc.user_id));
    x.accounts.push_back(std::move(acc));
  }
  FR_ASSIGN_OR_RETURN(const toml::table* listening, OptionalTable(t, "x.", "listening"));
  if (listening) FR_RETURN_IF_ERROR(ParseXListening(*listening, env, x, c));
  c.x = std::move(x);
  return Status::Ok();
}

Status ParseMeta(const toml::table& t, const EnvLookup& env, ServerConfig& c) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(
      t, "meta.", {"app_secret", "verify_token", "graph_base", "graph_version", "pages"}));
  channels::meta::MetaConfig m;
  FR_ASSIGN_OR_RETURN(m.app_secret, RequiredString(t, "meta.", "app_secret", env, "FEEDROOM_META_APP_SECRET"));
  FR_ASSIGN_OR_RETURN(m.verify_token,
                      RequiredString(t, "meta.", "verify_token", env, "FEEDROOM_META_VERIFY_TOKEN"));
  FR_ASSIGN_OR_RETURN(m.graph_base, OptionalBaseUrl(t, "meta.", "graph_base", m.graph_base));
  FR_ASSIGN_OR_RETURN(m.graph_version,
                      OptionalString(t, "meta.", "graph_version", m.graph_version));
  if (!IsGraphVersion(m.graph_version)) {
    return ConfigError("meta.graph_version",
                       "must look like \"v21.0\", got \"" + m.graph_version + "\"");
  }
  const toml::array* pages = t.get_as<toml::array>("pages");
  if (!pages || pages->empty()) return ConfigError("meta.pages", "at least one [[meta.pages]] is required");
  for (size_t i = 0; i < pages->size(); ++i) {
    std::string prefix = "meta.pages[" + std::to_string(i) + "].";
    const toml::table* p = pages->get(i)->as_table();
    if (!p) return ConfigError(prefix.substr(0, prefix.size() - 1), "must be a table");
    FR_RETURN_IF_ERROR(
        CheckKnownKeys(*p, prefix, {"page_id", "name", "instagram_user_id", "access_token"}));
    channels::meta::MetaPage page;
    FR_ASSIGN_OR_RETURN(page.page_id, RequiredString(*p, prefix, "page_id", env));
    if (!AllDigits(page.page_id)) return ConfigError(prefix + "page_id", "must be the numeric Page id, as a string");
    FR_ASSIGN_OR_RETURN(page.name, OptionalString(*p, prefix, "name", ""));
    FR_ASSIGN_OR_RETURN(page.instagram_user_id, OptionalString(*p, prefix, "instagram_user_id", ""));
    if (!page.instagram_user_id.empty() && !AllDigits(page.instagram_user_id)) {
      return ConfigError(prefix + "instagram_user_id", "must be the numeric Instagram account id, as a string");
    }
    FR_ASSIGN_OR_RETURN(page.access_token, OptionalSecret(*p, prefix, "access_token", env,
                                                          kMetaPageTokenEnvPrefix + page.page_id));
    m.pages.push_back(std::move(page));
  }
  c.meta = std::move(m);
  return Status::Ok();
}

}  // namespace

std::optional<std::string> ProcessEnv(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  if (!v) return std::nullopt;
  return std::string(v);
}

Result<std::pair<std::string, std::uint16_t>> ParseListenAddress(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return Status(Errc::kInvalidArgument, "config", "expected HOST:PORT, got \"" + std::string(text) + "\"");
  }
  std::string_view host = text.substr(0, colon);
  std::string_view port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned value = 0;
  auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (host.empty() || ec != std::errc() || p != port.data() + port.size() || value > 65535) {
    return Status(Errc::kInvalidArgument, "config", "expected HOST:PORT with a port 0-65535, got \"" + std::string(text) + "\"");
  }
  return std::make_pair(std::string(host), static_cast<std::uint16_t>(value));
}

Result<std::string> ParseBaseUrl(std::string_view text) {
  std::string_view base = text;
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  for (std::string_view scheme : {"http://", "https://"}) {
    if (base.starts_with(scheme) && base.size() > scheme.size()) return std::string(base);
  }
  return Status(Errc::kInvalidArgument, "config",
                "must be an http:// or https:// URL, got \"" + std::string(text) + "\"");
}

Result<ServerConfig> ParseConfig(std::string_view text, const std::string& source_name,
                                 const EnvLookup& env) {
  // Debian's toml++ is a compiled library built with exceptions: parse errors are thrown,
  // and caught here so none crosses the module boundary.
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& err) {
    std::ostringstream msg;
    msg << source_name << ":" << err.source().begin.line << ":" << err.source().begin.column
        << ": " << err.description();
    return Status(Errc::kInvalidArgument, "config", msg.str());
  }
  FR_RETURN_IF_ERROR(CheckKnownKeys(root, "", {"server", "ingest", "auth", "routing", "sla", "replies", "web", "understanding", "listening", "alerts", "log", "x", "meta"}));
  ServerConfig c;
  auto section = [&](const char* name) { return OptionalTable(root, "", name); };
  FR_ASSIGN_OR_RETURN(const toml::table* server, section("server"));
  if (server) FR_RETURN_IF_ERROR(ParseServer(*server, c));
  FR_ASSIGN_OR_RETURN(const toml::table* ingest, section("ingest"));
  if (ingest) FR_RETURN_IF_ERROR(ParseIngest(*ingest, c));
  FR_ASSIGN_OR_RETURN(const toml::table* auth, section("auth"));
  if (auth) FR_RETURN_IF_ERROR(ParseAuth(*auth, c));
  FR_ASSIGN_OR_RETURN(const toml::table* routing, section("routing"));
  if (routing) FR_RETURN_IF_ERROR(ParseRouting(*routing, c));
  FR_ASSIGN_OR_RETURN(const toml::table* sla, section("sla"));
  if (sla) FR_RETURN_IF_ERROR(ParseSlaConfig(*sla, c.sla));
  FR_ASSIGN_OR_RETURN(const toml::table* replies, section("replies"));
  if (replies) FR_RETURN_IF_ERROR(ParseReplies(*replies, c));
  FR_ASSIGN_OR_RETURN(const toml::table* web, section("web"));
  if (web) FR_RETURN_IF_ERROR(ParseWeb(*web, c));
  FR_ASSIGN_OR_RETURN(const toml::table* understanding, section("understanding"));
  if (understanding) FR_RETURN_IF_ERROR(ParseUnderstanding(*understanding, c));
  FR_ASSIGN_OR_RETURN(const toml::table* listening, section("listening"));
  if (listening) FR_RETURN_IF_ERROR(ParseListening(*listening, c));
  FR_ASSIGN_OR_RETURN(const toml::table* alerts, section("alerts"));
  if (alerts) FR_RETURN_IF_ERROR(ParseAlertsConfig(*alerts, env, c.alerts));
  FR_ASSIGN_OR_RETURN(const toml::table* log, section("log"));
  if (log) {
    FR_RETURN_IF_ERROR(CheckKnownKeys(*log, "log.", {"level"}));
    FR_ASSIGN_OR_RETURN(c.log_level, OptionalString(*log, "log.", "level", "info"));
    if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" && c.log_level != "error") {
      return ConfigError("log.level", "must be debug, info, warn or error");
    }
  }
  FR_ASSIGN_OR_RETURN(const toml::table* x, section("x"));
  if (x) FR_RETURN_IF_ERROR(ParseX(*x, env, c));
  FR_ASSIGN_OR_RETURN(const toml::table* meta, section("meta"));
  if (meta) FR_RETURN_IF_ERROR(ParseMeta(*meta, env, c));
  if (!c.x && !c.meta) {
    return ConfigError("x / meta", "configure at least one channel ([x] or [meta])");
  }
  return c;
}

Result<ServerConfig> LoadConfigFile(const std::string& path, const EnvLookup& env) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Errc::kInvalidArgument, "config", "cannot read config file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseConfig(ss.str(), path, env);
}

}  // namespace fr::server
