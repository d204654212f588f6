#include "server/alerts_config_toml.h"
#include "domain/metrics/volume_series.h"
#include "server/config_fields.h"

namespace fr::server {
namespace {

using channels::notify::AlertLanguage;

Status CheckScheme(const std::string& key, const std::string& url,
                   std::initializer_list<std::string_view> schemes) {
  for (std::string_view scheme : schemes) {
    if (url.starts_with(std::string(scheme) + "://") && url.size() > scheme.size() + 3) {
      return Status::Ok();
    }
  }
  std::string names;
  for (std::string_view scheme : schemes) names += (names.empty() ? "" : " or ") + std::string(scheme) + "://";
  return ConfigError(key, "must be a " + names + " URL");
}

}  // namespace

Status ParseAlertsConfig(const toml::table& t,
                         const std::function<std::optional<std::string>(const std::string&)>& env,
                         AlertsConfig& out) {
  const std::string p = "alerts.";
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, p, {"public_url", "language", "start_crisis_on",
                                           "crisis_holding_statement", "webhook", "email",
                                           "product"}));
  FR_ASSIGN_OR_RETURN(out.start_crisis_on, OptionalStrings(t, p, "start_crisis_on"));
  for (const std::string& series : out.start_crisis_on) {
    if (!domain::metrics::ParseVolumeSeries(series)) {
      return ConfigError(p + "start_crisis_on",
                         "\"" + series + "\" is not a series (rule:<id> or account:<platform>:<id>)");
    }
  }
  FR_ASSIGN_OR_RETURN(out.crisis_holding_statement, OptionalString(t, p, "crisis_holding_statement", ""));
  FR_ASSIGN_OR_RETURN(out.public_url, OptionalString(t, p, "public_url", ""));
  while (out.public_url.ends_with('/')) out.public_url.pop_back();
  if (!out.public_url.empty()) {
    FR_RETURN_IF_ERROR(CheckScheme(p + "public_url", out.public_url, {"http", "https"}));
  }
  FR_ASSIGN_OR_RETURN(std::string code, OptionalString(t, p, "language", "he"));
  const std::optional<AlertLanguage> language = channels::notify::ParseAlertLanguage(code);
  if (!language) return ConfigError(p + "language", "must be he or en");
  out.language = *language;

  FR_ASSIGN_OR_RETURN(const toml::table* product, OptionalTable(t, p, "product"));
  if (product) {
    const std::string w = p + "product.";
    FR_RETURN_IF_ERROR(CheckKnownKeys(*product, w, {"url", "secret", "jira_project"}));
    channels::notify::WebhookTarget target;
    FR_ASSIGN_OR_RETURN(target.url, OptionalString(*product, w, "url", ""));
    FR_RETURN_IF_ERROR(CheckScheme(w + "url", target.url, {"http", "https"}));
    FR_ASSIGN_OR_RETURN(target.secret,
                        OptionalSecret(*product, w, "secret", env, kProductWebhookSecretEnv));
    out.product_webhook = std::move(target);
    FR_ASSIGN_OR_RETURN(out.jira_project, OptionalString(*product, w, "jira_project", "FEED"));
  }

  FR_ASSIGN_OR_RETURN(const toml::table* webhook, OptionalTable(t, p, "webhook"));
  if (webhook) {
    const std::string w = p + "webhook.";
    FR_RETURN_IF_ERROR(CheckKnownKeys(*webhook, w, {"url", "secret"}));
    channels::notify::WebhookAlertOptions o;
    FR_ASSIGN_OR_RETURN(o.target.url, OptionalString(*webhook, w, "url", ""));
    FR_RETURN_IF_ERROR(CheckScheme(w + "url", o.target.url, {"http", "https"}));
    FR_ASSIGN_OR_RETURN(o.target.secret,
                        OptionalSecret(*webhook, w, "secret", env, kAlertsWebhookSecretEnv));
    o.language = *language;
    out.webhook = std::move(o);
  }

  FR_ASSIGN_OR_RETURN(const toml::table* email, OptionalTable(t, p, "email"));
  if (email) {
    const std::string e = p + "email.";
    FR_RETURN_IF_ERROR(CheckKnownKeys(
        *email, e, {"smtp_url", "username", "password", "require_tls", "from", "to"}));
    channels::notify::EmailAlertOptions o;
    FR_ASSIGN_OR_RETURN(o.smtp.url, OptionalString(*email, e, "smtp_url", ""));
    FR_RETURN_IF_ERROR(CheckScheme(e + "smtp_url", o.smtp.url, {"smtp", "smtps"}));
    FR_ASSIGN_OR_RETURN(o.smtp.username, OptionalString(*email, e, "username", ""));
    FR_ASSIGN_OR_RETURN(o.smtp.password,
                        OptionalSecret(*email, e, "password", env, kAlertsSmtpPasswordEnv));
    FR_ASSIGN_OR_RETURN(o.smtp.require_tls, OptionalBool(*email, e, "require_tls", false));
    FR_ASSIGN_OR_RETURN(o.from, OptionalString(*email, e, "from", ""));
    if (o.from.find('@') == std::string::npos) return ConfigError(e + "from", "must be an e-mail address");
    FR_ASSIGN_OR_RETURN(o.to, OptionalStrings(*email, e, "to"));
    if (o.to.empty()) return ConfigError(e + "to", "must name at least one address");
    for (const std::string& address : o.to) {
      if (address.find('@') == std::string::npos) {
        return ConfigError(e + "to", "\"" + address + "\" is not an e-mail address");
      }
    }
    o.language = *language;
    out.email = std::move(o);
  }
  return Status::Ok();
}

}  // namespace fr::server
