#include "api/metrics_json.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace fr::api {
namespace {

using domain::metrics::CaseFacts;
using domain::metrics::DurationHistogram;
using domain::metrics::RollupCounters;

constexpr std::string_view kSummary = "summary";

boost::json::value Seconds(std::optional<double> ms) {
  if (!ms) return nullptr;
  return std::round(*ms / 100.0) / 10.0;
}

boost::json::value Mean(std::int64_t sum_ms, std::int64_t count) {
  if (count <= 0) return nullptr;
  return Seconds(static_cast<double>(sum_ms) / static_cast<double>(count));
}

boost::json::value Rate(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return nullptr;
  return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10000.0;
}

boost::json::value Quantile(const DurationHistogram& h, double q) {
  std::optional<std::int64_t> ms = h.QuantileMs(q);
  if (!ms) return nullptr;
  return Seconds(static_cast<double>(*ms));
}

void AddDurations(std::int64_t count, std::int64_t sum_ms, const DurationHistogram& h,
                  boost::json::object& out) {
  out["count"] = count;
  out["mean_s"] = Mean(sum_ms, count);
  out["median_s"] = Quantile(h, 0.5);
  out["p90_s"] = Quantile(h, 0.9);
}

std::string Iso(std::int64_t ms) { return FormatUtc(ms, "%Y-%m-%dT%H:%M:%SZ"); }

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string OptionalSeconds(std::optional<std::int64_t> ms) {
  if (!ms) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(*ms) / 1000.0);
  return buffer;
}

std::string JoinRules(const std::vector<std::string>& rules) {
  std::string out;
  for (const std::string& r : rules) out += (out.empty() ? "" : " ") + r;
  return out;
}

}  // namespace

const std::vector<std::string_view>& MetricNames() {
  static const std::vector<std::string_view> names = {
      "first-response", "next-response", "resolution", "response-rate", "sla",
      "repeat-complaints", "sentiment", "volume", kSummary};
  return names;
}

void AddMetricFigures(std::string_view metric, const RollupCounters& s, Hours hours,
                      boost::json::object& out) {
  if (metric == kSummary) {
    for (std::string_view name : MetricNames()) {
      if (name == kSummary) continue;
      boost::json::object figures;
      AddMetricFigures(name, s, hours, figures);
      std::string key(name);
      for (char& c : key) c = c == '-' ? '_' : c;
      out[key] = std::move(figures);
    }
    return;
  }
  if (metric == "first-response") {
    if (hours == Hours::kBusiness) {
      AddDurations(s.first_response_business.Count(), s.first_response_business_sum_ms,
                   s.first_response_business, out);
    } else {
      AddDurations(s.responded, s.first_response_sum_ms, s.first_response, out);
    }
    out["cases"] = s.cases;
  } else if (metric == "next-response") {
    out["count"] = s.next_response_count;
    out["mean_s"] = Mean(s.next_response_sum_ms, s.next_response_count);
  } else if (metric == "resolution") {
    AddDurations(s.resolved, s.resolution_sum_ms, s.resolution, out);
    out["cases"] = s.cases;
  } else if (metric == "response-rate") {
    out["count"] = s.customer_messages;
    out["answered"] = s.answered_messages;
    out["rate"] = Rate(s.answered_messages, s.customer_messages);
    out["cases"] = s.cases;
    out["cases_responded"] = s.responded;
  } else if (metric == "sla") {
    out["count"] = s.sla_met + s.sla_breached;
    out["met"] = s.sla_met;
    out["breached"] = s.sla_breached;
    out["compliance"] = Rate(s.sla_met, s.sla_met + s.sla_breached);
  } else if (metric == "repeat-complaints") {
    out["count"] = s.complaints;
    out["repeat"] = s.repeat_complaints;
    out["rate"] = Rate(s.repeat_complaints, s.complaints);
  } else if (metric == "sentiment") {
    const std::int64_t judged = s.negative + s.neutral + s.positive;
    out["count"] = judged;
    out["negative"] = s.negative;
    out["neutral"] = s.neutral;
    out["positive"] = s.positive;
    out["negative_share"] = Rate(s.negative, judged);
    out["positive_per_negative"] =
        s.negative > 0 ? boost::json::value(std::round(100.0 * static_cast<double>(s.positive) /
                                                       static_cast<double>(s.negative)) /
                                            100.0)
                       : boost::json::value(nullptr);
  } else if (metric == "volume") {
    out["count"] = s.cases;
    out["customer_messages"] = s.customer_messages;
  }
}

std::string CaseCsvHeader() {
  return "case_id,opened_at,platform,account,team,agent,priority,language,intent,rules,"
         "first_response_s,first_response_business_s,next_responses,next_response_mean_s,"
         "resolution_s,customer_messages,answered_messages,first_response_sla,sentiment,"
         "complaint,repeat_complaint,topic\r\n";
}

std::string CaseCsvRow(const CaseFacts& f) {
  const domain::metrics::CaseGroups& g = f.groups;
  std::optional<std::int64_t> next_mean;
  if (f.next_response_count > 0) next_mean = f.next_response_sum_ms / f.next_response_count;
  std::string row;
  for (const std::string& field :
       {std::to_string(f.case_id), Iso(f.opened_at), g.platform, g.account, g.team, g.agent,
        g.priority, g.language, g.intent, JoinRules(g.rules), OptionalSeconds(f.first_response_ms),
        OptionalSeconds(f.first_response_business_ms), std::to_string(f.next_response_count),
        OptionalSeconds(next_mean), OptionalSeconds(f.resolution_ms),
        std::to_string(f.customer_messages), std::to_string(f.answered_messages),
        std::string(domain::metrics::SlaOutcomeName(f.first_response_sla)),
        f.sentiment ? std::string(domain::SentimentName(*f.sentiment)) : std::string(),
        std::string(f.complaint ? "1" : "0"), std::string(f.repeat_complaint ? "1" : "0"),
        g.topic}) {
    if (!row.empty()) row += ',';
    row += CsvField(field);
  }
  return row + "\r\n";
}

boost::json::object CaseFactsObject(const CaseFacts& f) {
  const domain::metrics::CaseGroups& g = f.groups;
  boost::json::array rules;
  for (const std::string& r : g.rules) rules.push_back(boost::json::value(r));
  auto seconds = [](std::optional<std::int64_t> ms) {
    return ms ? Seconds(static_cast<double>(*ms)) : boost::json::value(nullptr);
  };
  return boost::json::object{
      {"case_id", std::to_string(f.case_id)},
      {"opened_at", f.opened_at},
      {"platform", g.platform},
      {"account", g.account},
      {"team", g.team},
      {"agent", g.agent},
      {"priority", g.priority},
      {"language", g.language},
      {"intent", g.intent},
      {"rules", std::move(rules)},
      {"topic", g.topic.empty() ? boost::json::value(nullptr) : boost::json::value(g.topic)},
      {"first_response_s", seconds(f.first_response_ms)},
      {"first_response_business_s", seconds(f.first_response_business_ms)},
      {"next_responses", f.next_response_count},
      {"next_response_mean_s", Mean(f.next_response_sum_ms, f.next_response_count)},
      {"resolution_s", seconds(f.resolution_ms)},
      {"customer_messages", f.customer_messages},
      {"answered_messages", f.answered_messages},
      {"first_response_sla", domain::metrics::SlaOutcomeName(f.first_response_sla)},
      {"sentiment", f.sentiment ? boost::json::value(domain::SentimentName(*f.sentiment))
                                : boost::json::value(nullptr)},
      {"complaint", f.complaint},
      {"repeat_complaint", f.repeat_complaint},
  };
}

boost::json::object SpikeAlertObject(const ports::SpikeAlert& a) {
  return boost::json::object{
      {"id", std::to_string(a.id)},
      {"series", a.series},
      {"kind", domain::metrics::SpikeKindName(a.kind)},
      {"started_at", a.started_at},
      {"ended_at", a.ended_at ? boost::json::value(*a.ended_at) : boost::json::value(nullptr)},
      {"observed", a.observed},
      {"expected", std::round(a.expected * 10) / 10},
      {"score", std::round(a.score * 10) / 10},
  };
}

}  // namespace fr::api
