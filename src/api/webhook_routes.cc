#include "api/webhook_routes.h"

#include "api/error_response.h"
#include "base/log.h"

namespace fr::api {
namespace {

struct ChannelCounters {
  metrics::Counter* received;
  metrics::Counter* accepted;
};

constexpr char kRejectedName[] = "feedroom_webhooks_rejected_total";
constexpr char kRejectedHelp[] = "Webhook requests refused, by platform and reason.";

void Reject(metrics::Registry& metrics, const ports::WebhookChannel& channel,
            const std::string& what, const Status& s, const Responder& respond) {
  metrics.GetCounter(kRejectedName, kRejectedHelp,
                     {{"platform", std::string(channel.name())}, {"reason", s.reason()}})
      ->Add();
  FR_LOG(kWarn, "webhook", "{} rejected platform={} reason={} detail={}", what, channel.name(),
         s.reason(), s.message());
  respond(ErrorResponse(s));
}

}  // namespace

void AddWebhookRoutes(Router& router, const std::vector<const ports::WebhookChannel*>& channels,
                      engine::Ingestor& ingestor, metrics::Registry& metrics) {
  for (const ports::WebhookChannel* channel : channels) {
    std::string name(channel->name());
    std::string path = "/webhooks/" + name;
    ChannelCounters counters{
        metrics.GetCounter("feedroom_webhooks_received_total", "Webhook deliveries received.",
                           {{"platform", name}}),
        metrics.GetCounter("feedroom_webhooks_accepted_total",
                           "Webhook deliveries verified, parsed and stored durably.",
                           {{"platform", name}}),
    };

    router.Add("GET", path, [channel, &metrics](const ApiRequest& req, Responder respond) {
      Result<ports::WebhookReply> reply = channel->Handshake(req.query);
      if (!reply.ok()) return Reject(metrics, *channel, "handshake", reply.status(), respond);
      ApiResponse r;
      r.status = reply->status;
      r.content_type = reply->content_type;
      r.body = std::move(reply->body);
      respond(std::move(r));
    });

    router.Add("POST", path, [channel, counters, &ingestor, &metrics](const ApiRequest& req,
                                                                       Responder respond) {
      counters.received->Add();
      Result<domain::ParsedDelivery> parsed = channel->Receive(req.headers, req.body);
      if (!parsed.ok()) return Reject(metrics, *channel, "delivery", parsed.status(), respond);
      for (const std::string& kind : parsed->skipped) {
        metrics.GetCounter("feedroom_webhook_events_skipped_total",
                           "Recognised webhook events that are not stored, by kind.",
                           {{"platform", std::string(channel->name())}, {"kind", kind}})
            ->Add();
      }
      ingestor.Submit(std::string(channel->name()), req.body, std::move(parsed).value(),
                      [counters, respond](const Status& s) {
                        if (!s.ok()) return respond(ErrorResponse(s));
                        counters.accepted->Add();
                        ApiResponse r;
                        r.body = "{\"status\":\"accepted\"}";
                        respond(std::move(r));
                      });
    });
  }
}

}  // namespace fr::api
