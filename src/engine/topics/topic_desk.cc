#include "engine/topics/topic_desk.h"

#include <algorithm>

namespace fr::engine {

TopicDesk::TopicDesk(ports::Store& store, ports::OutboundWebhook* product, TopicDeskOptions options)
    : store_(store), product_(product), options_(std::move(options)) {}

Result<TopicView> TopicDesk::Fill(ports::StoredTopic topic, std::int64_t count,
                                  const Period& period, const TimeZone& zone) const {
  TopicView v;
  v.count = count;
  const std::int64_t length = period.to - period.from;
  FR_ASSIGN_OR_RETURN(std::vector<UnixMillis> before,
                      store_.topics().TopicTimes(topic.id, period.from - length, period.from));
  v.previous_count = static_cast<std::int64_t>(before.size());
  const CivilDate first = zone.ToLocal(period.from).date;
  const CivilDate last = zone.ToLocal(period.to - 1).date;
  const std::int64_t day_count = DaysSinceEpoch(last) - DaysSinceEpoch(first) + 1;
  if (day_count <= options_.max_days) {
    for (CivilDate d = first; d <= last; d = AddDays(d, 1)) v.days.emplace_back(d, 0);
    FR_ASSIGN_OR_RETURN(std::vector<UnixMillis> times,
                        store_.topics().TopicTimes(topic.id, period.from, period.to));
    for (UnixMillis t : times) {
      const std::int64_t index = DaysSinceEpoch(zone.ToLocal(t).date) - DaysSinceEpoch(first);
      if (index >= 0 && index < day_count) ++v.days[index].second;
    }
  }
  FR_ASSIGN_OR_RETURN(v.examples, store_.topics().TopicExamples(topic.id, period.from, period.to,
                                                                options_.examples));
  v.topic = std::move(topic);
  return v;
}

Result<std::vector<TopicView>> TopicDesk::List(const Period& period, const TimeZone& zone) const {
  FR_ASSIGN_OR_RETURN(auto counts, store_.topics().TopicCounts(period.from, period.to));
  std::vector<std::pair<std::int64_t, std::int64_t>> ranked(counts.begin(), counts.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (ranked.size() > static_cast<std::size_t>(options_.max_topics)) ranked.resize(options_.max_topics);
  std::vector<TopicView> out;
  for (const auto& [id, count] : ranked) {
    FR_ASSIGN_OR_RETURN(std::optional<ports::StoredTopic> topic, store_.topics().GetTopic(id));
    if (!topic) continue;
    FR_ASSIGN_OR_RETURN(TopicView v, Fill(std::move(*topic), count, period, zone));
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::optional<TopicView>> TopicDesk::View(std::int64_t id, const Period& period,
                                                 const TimeZone& zone) const {
  FR_ASSIGN_OR_RETURN(std::optional<ports::StoredTopic> topic, store_.topics().GetTopic(id));
  if (!topic) return std::optional<TopicView>();
  FR_ASSIGN_OR_RETURN(std::vector<UnixMillis> times,
                      store_.topics().TopicTimes(id, period.from, period.to));
  FR_ASSIGN_OR_RETURN(TopicView v, Fill(std::move(*topic), static_cast<std::int64_t>(times.size()),
                                        period, zone));
  return std::optional<TopicView>(std::move(v));
}

domain::topics::TopicReport TopicDesk::Report(const TopicView& view, const Period& period) const {
  domain::topics::TopicReportInput in;
  in.name = view.topic.name;
  in.terms = view.topic.display_terms;
  in.count = view.count;
  in.previous_count = view.previous_count;
  in.from = period.from;
  in.to = period.to;
  for (const ports::SeriesMessage& m : view.examples) {
    in.examples.push_back({std::string(domain::PlatformName(m.head.platform)), m.head.author_handle,
                           m.text, m.head.at});
  }
  in.link = LinkOf(view.topic.id);
  in.hebrew = options_.hebrew;
  return domain::topics::MakeTopicReport(in);
}

std::string TopicDesk::LinkOf(std::int64_t id) const {
  if (options_.public_url.empty()) return "";
  return options_.public_url + "/topics?topic=" + std::to_string(id);
}

Status TopicDesk::SendToProduct(std::int64_t id, const std::string& json_body, UnixMillis now) {
  if (product_ == nullptr) {
    return Status(Errc::kConflict, "product_webhook_not_configured",
                  "no product team webhook is configured ([alerts.product] in the config file)");
  }
  FR_RETURN_IF_ERROR(product_->Post("topic.sent", json_body));
  return ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return txn.topics().MarkSentToProduct(id, now);
  });
}

}  // namespace fr::engine
