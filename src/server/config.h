// ServerConfig: everything `feedroom serve` needs, loaded from one TOML file, with secrets
// overridable by environment variables (FEEDROOM_X_CONSUMER_SECRET, FEEDROOM_META_APP_SECRET,
// FEEDROOM_META_VERIFY_TOKEN, and one per account token: see the prefixes below).
// docs/configuration.md lists every key.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "base/status.h"
#include "domain/triage.h"
#include "channels/meta/meta_config.h"
#include "channels/feed/feed_poller.h"
#include "channels/x/x_config.h"
#include "channels/x/x_listen_config.h"
#include "engine/ingest/ingestor.h"
#include "engine/people/authenticator.h"
#include "engine/reply/reply_desk.h"
#include "engine/route/routing_sweep.h"
#include "server/alerts_config.h"
#include "server/sla_config.h"

namespace fr::server {

struct ServerConfig {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::string data_dir = "./feedroom-data";
  int threads = 0;  // HTTP threads; 0 = one per core
  std::size_t body_limit = 1 << 20;
  std::string log_level = "info";
  engine::IngestOptions ingest;
  engine::AuthOptions auth;
  engine::RoutingOptions routing;
  SlaConfig sla = DefaultSlaConfig();
  engine::ReplyDeskOptions replies;  // x_handles come from [x]
  bool secure_cookies = false;  // mark the session cookie Secure (served over HTTPS)
  // The built web app (Vite's output) served at every path outside the API; relative to the
  // working directory. Read once at startup (api/web_assets.h).
  std::string web_root = "web/dist";
  // [understanding]: the directory of the language models (nlp/understand; the shipped ones
  // are in models/), relative to the working directory, and the triage thresholds.
  std::string models_dir = "models";
  domain::TriagePolicy triage;
  // [listening]: a rules file (docs/listening.md) applied at start — its rules are stored,
  // replacing stored rules with the same ids; others stay. Empty: the stored rules only.
  std::string rules_file;
  // [listening] escalate: rules of the rules file (by id) that open a case, with the team whose
  // queue it goes to ("" = routing decides); they win over the action and team stored.
  std::vector<std::pair<std::string, std::string>> escalations;
  // [[listening.feeds]]: RSS and Atom feeds polled for mentions (docs/sources.md).
  std::vector<channels::feed::FeedConfig> feeds;
  std::optional<channels::x::XConfig> x;
  // [x.listening]: X's filtered stream and recent searches (docs/sources.md); needs [x].
  std::optional<channels::x::XListenConfig> x_listening;
  std::optional<channels::meta::MetaConfig> meta;
  // [alerts]: where spike alerts go besides the app (server/alerts_config.h).
  AlertsConfig alerts;
};

// The environment variable that overrides x.accounts[].access_token is this prefix followed
// by the account's user_id; for meta.pages[].access_token, the other prefix and the page_id.
inline constexpr char kXAccessTokenEnvPrefix[] = "FEEDROOM_X_ACCESS_TOKEN_";
inline constexpr char kMetaPageTokenEnvPrefix[] = "FEEDROOM_META_PAGE_TOKEN_";

// Reads an environment variable; returns nullopt when unset. Injected for tests.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
// The process environment.
std::optional<std::string> ProcessEnv(const std::string& name);

// Parses the TOML text `toml` (read from `source_name`, used in messages) into a config and
// validates it. Errors are kInvalidArgument with reason "config" and a message naming the
// key, e.g. "x.accounts[0].user_id: required", or the file position of a syntax error.
Result<ServerConfig> ParseConfig(std::string_view toml, const std::string& source_name,
                                 const EnvLookup& env);
// Reads the file at `path` and parses it. A missing file is an error naming the path.
Result<ServerConfig> LoadConfigFile(const std::string& path, const EnvLookup& env);

// Splits "host:port" (or "[v6]:port"). Errors name the problem.
Result<std::pair<std::string, std::uint16_t>> ParseListenAddress(std::string_view text);

// Checks that `text` is an http:// or https:// URL with a host, and returns it without
// trailing slashes (a base that paths are appended to). Errors (kInvalidArgument "config")
// quote the text.
Result<std::string> ParseBaseUrl(std::string_view text);

}  // namespace fr::server
