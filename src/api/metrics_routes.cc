#include "api/metrics_routes.h"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

#include "api/alert_json.h"
#include "api/error_response.h"
#include "api/metrics_json.h"
#include "api/period_query.h"
#include "base/civil_date.h"
#include "base/time_zone.h"
#include "engine/metrics/metrics_query.h"

namespace fr::api {
namespace {

using domain::Action;
using domain::metrics::Dimension;
using domain::metrics::Grain;
using engine::Period;
using engine::Principal;

constexpr int kDefaultCaseLimit = 100;
constexpr int kMaxCaseLimit = 500;
constexpr int kMaxCsvRows = 100000;
bool Has(const ApiRequest& req, std::string_view name) {
  return std::any_of(req.query.begin(), req.query.end(),
                     [&](const auto& kv) { return kv.first == name; });
}

struct MetricsQuery {
  Period period;
  TimeZone zone = TimeZone::Utc();
  Dimension group_by = Dimension::kAll;
  std::optional<std::string> group;
  std::optional<Grain> interval;
  Hours hours = Hours::kCalendar;
};

Result<MetricsQuery> ReadQuery(const ApiRequest& req) {
  MetricsQuery q;
  FR_ASSIGN_OR_RETURN(PeriodQuery period, ReadPeriodQuery(req));
  q.period = period.period;
  q.zone = period.zone;
  if (auto g = ports::QueryParam(req.query, "group_by"); !g.empty()) {
    auto d = domain::metrics::ParseDimension(g);
    if (!d) {
      return BadParam("group_by", "all, platform, account, team, agent, priority, language, "
                                  "intent, rule or topic");
    }
    q.group_by = *d;
  }
  if (Has(req, "group")) q.group = std::string(ports::QueryParam(req.query, "group"));
  if (auto i = ports::QueryParam(req.query, "interval"); !i.empty()) {
    q.interval = domain::metrics::ParseGrain(i);
    if (!q.interval) return BadParam("interval", "hour or day");
  }
  if (auto h = ports::QueryParam(req.query, "hours"); !h.empty()) {
    if (h != "calendar" && h != "business") return BadParam("hours", "calendar or business");
    q.hours = h == "business" ? Hours::kBusiness : Hours::kCalendar;
  }
  return q;
}

// Names for the groups of `d` that are ids: team and agent names; others show as they are.
Result<std::map<std::string, std::string>> GroupLabels(ports::Store& store, Dimension d) {
  std::map<std::string, std::string> labels;
  if (d == Dimension::kTeam) {
    FR_ASSIGN_OR_RETURN(auto teams, store.people().ListTeams());
    for (const auto& t : teams) labels[std::to_string(t.id)] = t.name;
  } else if (d == Dimension::kAgent) {
    FR_ASSIGN_OR_RETURN(auto users, store.people().ListUsers());
    for (const auto& u : users) labels[std::to_string(u.id)] = u.display_name;
  } else if (d == Dimension::kTopic) {
    FR_ASSIGN_OR_RETURN(auto topics, store.topics().TopicsSeenSince(0));
    for (const auto& t : topics) labels[std::to_string(t.id)] = t.name;
  }
  return labels;
}

Result<ApiResponse> MetricResponse(ports::Store& store, std::string_view metric,
                                   const MetricsQuery& q) {
  std::vector<Period> periods = {engine::SnapToHours(q.period)};
  if (q.interval) {
    FR_ASSIGN_OR_RETURN(periods, engine::SplitIntoIntervals(q.period, *q.interval, q.zone));
  }
  FR_ASSIGN_OR_RETURN(auto labels, GroupLabels(store, q.group_by));
  boost::json::array items;
  for (const Period& p : periods) {
    FR_ASSIGN_OR_RETURN(auto sums, engine::SumOver(store.metrics(), q.group_by, p, q.group));
    for (const auto& [group, counters] : sums) {
      boost::json::object item;
      if (q.interval) {
        item["from"] = p.from;
        item["to"] = p.to;
      }
      item["group"] = group;
      auto label = labels.find(group);
      item["label"] = label != labels.end() ? label->second : group;
      AddMetricFigures(metric, counters, q.hours, item);
      items.push_back(std::move(item));
    }
  }
  return JsonResponse(boost::json::serialize(items));
}

// "opened_at:case_id", as next_cursor gives it.
Result<std::optional<std::pair<UnixMillis, domain::CaseId>>> ReadCursor(const ApiRequest& req) {
  using Cursor = std::optional<std::pair<UnixMillis, domain::CaseId>>;
  const std::string_view text = ports::QueryParam(req.query, "cursor");
  if (text.empty()) return Cursor();
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return BadParam("cursor", "as next_cursor gave it");
  auto at = ParseInt64(text.substr(0, colon));
  auto id = ParseInt64(text.substr(colon + 1));
  if (!at || !id) return BadParam("cursor", "as next_cursor gave it");
  return Cursor(std::pair{*at, *id});
}

Result<int> ReadLimit(const ApiRequest& req, int fallback, int most) {
  const std::string_view text = ports::QueryParam(req.query, "limit");
  if (text.empty()) return fallback;
  auto n = ParseInt64(text);
  if (!n || *n < 1 || *n > most) return BadParam("limit", "1 to " + std::to_string(most));
  return static_cast<int>(*n);
}

struct CasePage {
  std::vector<domain::metrics::CaseFacts> items;
  std::optional<std::string> next_cursor;
};

Result<CasePage> ReadCases(ports::Store& store, const ApiRequest& req, int fallback_limit,
                           int most) {
  FR_ASSIGN_OR_RETURN(MetricsQuery q, ReadQuery(req));
  FR_ASSIGN_OR_RETURN(auto cursor, ReadCursor(req));
  FR_ASSIGN_OR_RETURN(int limit, ReadLimit(req, fallback_limit, most));
  const Period p = engine::SnapToHours(q.period);
  const Dimension d = q.group ? q.group_by : Dimension::kAll;
  CasePage page;
  FR_ASSIGN_OR_RETURN(page.items, store.metrics().ListCaseFacts(d, q.group.value_or(""), p.from,
                                                                p.to, cursor, limit + 1));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    const auto& last = page.items.back();
    page.next_cursor = std::to_string(last.opened_at) + ":" + std::to_string(last.case_id);
  }
  return page;
}

}  // namespace

void AddMetricsRoutes(Router& router, const AuthGate& gate, ports::Store& store,
                      const engine::SpikeExplainer& explainer) {
  router.Add("GET", "/api/v1/metrics/cases",
             gate.Require(Action::kViewMetrics, [&store](const ApiRequest& req, const Principal&,
                                                         Responder respond) {
               auto page = ReadCases(store, req, kDefaultCaseLimit, kMaxCaseLimit);
               if (!page.ok()) return respond(ErrorResponse(page.status()));
               boost::json::array items;
               for (const auto& f : page->items) items.push_back(CaseFactsObject(f));
               boost::json::object body{{"items", std::move(items)}};
               body["next_cursor"] = page->next_cursor ? boost::json::value(*page->next_cursor)
                                                       : boost::json::value(nullptr);
               respond(JsonResponse(boost::json::serialize(body)));
             }));
  router.Add("GET", "/api/v1/metrics/cases.csv",
             gate.Require(Action::kViewMetrics, [&store](const ApiRequest& req, const Principal&,
                                                         Responder respond) {
               auto page = ReadCases(store, req, kMaxCsvRows, kMaxCsvRows);
               if (!page.ok()) return respond(ErrorResponse(page.status()));
               ApiResponse r;
               r.content_type = "text/csv; charset=utf-8";
               r.body = "\xEF\xBB\xBF" + CaseCsvHeader();  // the BOM makes Excel read UTF-8
               for (const auto& f : page->items) r.body += CaseCsvRow(f);
               r.headers.emplace_back("Content-Disposition",
                                      "attachment; filename=\"feedroom-cases.csv\"");
               if (page->next_cursor) r.headers.emplace_back("X-Next-Cursor", *page->next_cursor);
               respond(std::move(r));
             }));
  router.Add("GET", "/api/v1/alerts",
             gate.Require(Action::kViewMetrics, [&store](const ApiRequest& req, const Principal&,
                                                         Responder respond) {
               auto limit = ReadLimit(req, kDefaultCaseLimit, kMaxCaseLimit);
               if (!limit.ok()) return respond(ErrorResponse(limit.status()));
               auto alerts = store.metrics().RecentSpikeAlerts(*limit);
               if (!alerts.ok()) return respond(ErrorResponse(alerts.status()));
               boost::json::array items;
               for (const auto& a : *alerts) items.push_back(SpikeAlertObject(a));
               respond(JsonResponse(boost::json::serialize(boost::json::object{{"items", items}})));
             }));
  router.Add("GET", "/api/v1/alerts/{id}",
             gate.Require(Action::kViewMetrics, [&store, &explainer](const ApiRequest& req,
                                                                     const Principal&,
                                                                     Responder respond) {
               const std::string& raw = req.Param("id");
               std::int64_t id = 0;
               auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
               auto alert = ec == std::errc() && end == raw.data() + raw.size()
                                ? store.metrics().GetSpikeAlert(id)
                                : Result<std::optional<ports::SpikeAlert>>(std::nullopt);
               if (!alert.ok()) return respond(ErrorResponse(alert.status()));
               if (!*alert) {
                 return respond(ErrorResponse(
                     Status(Errc::kNotFound, "unknown_alert", "no alert with id " + raw)));
               }
               auto explained = explainer.Explain(**alert);
               if (!explained.ok()) return respond(ErrorResponse(explained.status()));
               respond(JsonResponse(boost::json::serialize(ExplainedSpikeObject(*explained))));
             }));
  router.Add("GET", "/api/v1/metrics/{metric}",
             gate.Require(Action::kViewMetrics, [&store](const ApiRequest& req, const Principal&,
                                                         Responder respond) {
               const std::string& metric = req.Param("metric");
               const auto& names = MetricNames();
               if (std::find(names.begin(), names.end(), metric) == names.end()) {
                 return respond(ErrorResponse(Status(Errc::kNotFound, "unknown_metric",
                                                     "no metric named " + metric)));
               }
               auto query = ReadQuery(req);
               if (!query.ok()) return respond(ErrorResponse(query.status()));
               auto response = MetricResponse(store, metric, *query);
               respond(response.ok() ? std::move(*response) : ErrorResponse(response.status()));
             }));
}

}  // namespace fr::api
