#include "channels/notify/webhook_alert_sink.h"

#include <boost/json.hpp>


namespace fr::channels::notify {
namespace json = boost::json;

std::string WebhookAlertBody(const ports::AlertNotice& notice, AlertLanguage language) {
  const ports::SpikeAlert& a = notice.spike.alert;
  json::object feedroom{
      {"event", notice.started ? "spike.started" : "spike.ended"},
      {"alert_id", std::to_string(a.id)},
      {"series", a.series},
      {"kind", domain::metrics::SpikeKindName(a.kind)},
      {"started_at", a.started_at},
      {"ended_at", a.ended_at ? json::value(*a.ended_at) : json::value(nullptr)},
      {"observed", a.observed},
      {"expected", a.expected},
      {"link", notice.link},
  };
  json::object section{{"type", "section"},
                       {"text", json::object{{"type", "mrkdwn"}, {"text", AlertBody(notice, language)}}}};
  json::object body{{"text", AlertTitle(notice, language)},
                    {"blocks", json::array{section}},
                    {"feedroom", std::move(feedroom)}};
  return json::serialize(body);
}

WebhookAlertSink::WebhookAlertSink(WebhookAlertOptions options, const Clock& clock)
    : webhook_(std::move(options.target), clock), language_(options.language) {}

Status WebhookAlertSink::Deliver(const ports::AlertNotice& notice) {
  return webhook_.Post(notice.started ? "spike.started" : "spike.ended",
                       WebhookAlertBody(notice, language_));
}

}  // namespace fr::channels::notify
