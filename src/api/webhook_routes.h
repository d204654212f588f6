// Routes for platform webhooks: GET /webhooks/<channel> (ownership handshake) and
// POST /webhooks/<channel> (verify -> parse -> durable commit -> 200).
#pragma once

#include <vector>

#include "api/router.h"
#include "base/metrics.h"
#include "engine/ingest/ingestor.h"
#include "ports/webhook_channel.h"

namespace fr::api {

// Registers both routes for each channel. A rejected delivery gets a 4xx JSON error, a
// counter feedroom_webhooks_rejected_total{platform,reason} and a log line without payload
// text; an accepted one is answered 200 only after Ingestor reports it durable.
// `channels`, `ingestor` and `metrics` must outlive the router.
void AddWebhookRoutes(Router& router, const std::vector<const ports::WebhookChannel*>& channels,
                      engine::Ingestor& ingestor, metrics::Registry& metrics);

}  // namespace fr::api
