// TopicDesk: the recurring complaint topics as supervisors see them (docs/topics.md) — for a
// period in their time zone, each topic's complaints, the change against the period before,
// its complaints per local day, and a few examples — and the hand-off of a topic to the
// product team: a report (domain/topics/topic_report.h) posted to the configured webhook.
// Thread-safe (state is in the store).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/civil_date.h"
#include "base/clock.h"
#include "base/status.h"
#include "base/time_zone.h"
#include "domain/topics/topic_report.h"
#include "engine/metrics/metrics_query.h"
#include "ports/outbound_webhook.h"
#include "ports/store.h"

namespace fr::engine {

struct TopicView {
  ports::StoredTopic topic;
  std::int64_t count = 0;           // complaints in the period
  std::int64_t previous_count = 0;  // in the same length just before it
  std::vector<std::pair<CivilDate, std::int64_t>> days;  // each local day of the period
  std::vector<ports::SeriesMessage> examples;
};

struct TopicDeskOptions {
  int max_topics = 50;
  int max_days = 400;  // longer periods have no per-day counts
  int examples = 3;
  std::string public_url;  // links to a topic in the app; empty: none
  bool hebrew = true;      // the reports' language
};

class TopicDesk {
 public:
  // Everything referenced must outlive the desk; `product` may be null (not configured).
  TopicDesk(ports::Store& store, ports::OutboundWebhook* product, TopicDeskOptions options = {});

  // The topics with complaints in `period`, most complaints first (ties: id), at most
  // max_topics. Errors: the store's.
  Result<std::vector<TopicView>> List(const Period& period, const TimeZone& zone) const;
  // One topic over `period`; nullopt for an unknown id. Errors: the store's.
  Result<std::optional<TopicView>> View(std::int64_t id, const Period& period,
                                        const TimeZone& zone) const;
  // The topic written up for the product team.
  domain::topics::TopicReport Report(const TopicView& view, const Period& period) const;
  // The topic in the app, or "" without a public URL.
  std::string LinkOf(std::int64_t id) const;

  // Posts `json_body` as event "topic.sent" to the product team's webhook and records when.
  // Errors: kConflict "product_webhook_not_configured"; kNotFound; the webhook's.
  Status SendToProduct(std::int64_t id, const std::string& json_body, UnixMillis now);

 private:
  Result<TopicView> Fill(ports::StoredTopic topic, std::int64_t count, const Period& period,
                         const TimeZone& zone) const;

  ports::Store& store_;
  ports::OutboundWebhook* product_;
  const TopicDeskOptions options_;
};

}  // namespace fr::engine
