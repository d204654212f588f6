#include "api/topic_routes.h"

#include <boost/json.hpp>

#include "api/error_response.h"
#include "api/period_query.h"

namespace fr::api {
namespace {

namespace json = boost::json;
using domain::Action;
using engine::Principal;

constexpr std::int64_t kDefaultDays = 14;

json::value OptionalMillis(const std::optional<UnixMillis>& t) {
  return t ? json::value(*t) : json::value(nullptr);
}

json::object TopicObject(const engine::TopicView& v, const std::string& link) {
  json::array terms, trend, examples;
  for (const std::string& t : v.topic.display_terms) terms.emplace_back(t);
  for (const auto& [day, count] : v.days) trend.push_back(json::object{{"day", ToString(day)}, {"count", count}});
  for (const ports::SeriesMessage& m : v.examples) {
    examples.push_back(json::object{
        {"message_id", std::to_string(m.head.message_id)},
        {"case_id", m.head.case_id ? json::value(std::to_string(m.head.case_id)) : json::value(nullptr)},
        {"platform", domain::PlatformName(m.head.platform)},
        {"author_handle", m.head.author_handle},
        {"text", m.text},
        {"created_at", m.head.at},
    });
  }
  return json::object{
      {"id", std::to_string(v.topic.id)},
      {"name", v.topic.name},
      {"terms", std::move(terms)},
      {"count", v.count},
      {"previous_count", v.previous_count},
      {"trend", std::move(trend)},
      {"examples", std::move(examples)},
      {"first_seen", v.topic.first_seen},
      {"last_seen", v.topic.last_seen},
      {"sent_to_product_at", OptionalMillis(v.topic.sent_to_product_at)},
      {"link", link.empty() ? json::value(nullptr) : json::value(link)},
  };
}

const json::array& Labels() {
  static const json::array labels{"customer-feedback", "feedroom"};
  return labels;
}

json::object GithubIssue(const domain::topics::TopicReport& r) {
  return json::object{{"title", r.title}, {"body", r.body}, {"labels", Labels()}};
}

json::object JiraIssue(const domain::topics::TopicReport& r, const std::string& project) {
  return json::object{{"fields", json::object{{"project", json::object{{"key", project}}},
                                              {"summary", r.title},
                                              {"description", r.body},
                                              {"issuetype", json::object{{"name", "Task"}}},
                                              {"labels", Labels()}}}};
}

// The period of the query, or the kDefaultDays before now when it names none.
Result<PeriodQuery> PeriodOrDefault(const ApiRequest& req, const Clock& clock) {
  if (!ports::QueryParam(req.query, "from").empty() || !ports::QueryParam(req.query, "to").empty()) {
    return ReadPeriodQuery(req);
  }
  PeriodQuery q;
  q.period.to = clock.NowMillis();
  q.period.from = q.period.to - kDefaultDays * 86'400'000;
  return q;
}

// The topic of `req`'s path over its period, or the error to answer.
Result<std::pair<engine::TopicView, engine::Period>> TopicOf(const ApiRequest& req,
                                                             const engine::TopicDesk& desk,
                                                             const Clock& clock) {
  FR_ASSIGN_OR_RETURN(std::int64_t id, PathId(req));
  FR_ASSIGN_OR_RETURN(PeriodQuery q, PeriodOrDefault(req, clock));
  FR_ASSIGN_OR_RETURN(std::optional<engine::TopicView> view, desk.View(id, q.period, q.zone));
  if (!view) return Status(Errc::kNotFound, "not_found", "no such topic");
  return std::make_pair(std::move(*view), q.period);
}

}  // namespace

void AddTopicRoutes(Router& router, const AuthGate& gate, engine::TopicDesk& desk,
                    const Clock& clock, std::string jira_project) {
  router.Add("GET", "/api/v1/topics",
             gate.Require(Action::kViewMetrics, [&desk](const ApiRequest& req, const Principal&,
                                                        Responder respond) {
               auto q = ReadPeriodQuery(req);
               if (!q.ok()) return respond(ErrorResponse(q.status()));
               auto views = desk.List(q->period, q->zone);
               if (!views.ok()) return respond(ErrorResponse(views.status()));
               json::array items;
               for (const auto& v : *views) items.push_back(TopicObject(v, desk.LinkOf(v.topic.id)));
               respond(JsonResponse(json::serialize(json::object{{"items", items}})));
             }));
  router.Add("GET", "/api/v1/topics/{id}/issue",
             gate.Require(Action::kViewMetrics, [&desk, &clock, jira_project](
                                                    const ApiRequest& req, const Principal&,
                                                    Responder respond) {
               const std::string_view format = ports::QueryParam(req.query, "format");
               if (!format.empty() && format != "github" && format != "jira") {
                 return respond(ErrorResponse(BadParam("format", "github or jira")));
               }
               auto topic = TopicOf(req, desk, clock);
               if (!topic.ok()) return respond(ErrorResponse(topic.status()));
               const auto report = desk.Report(topic->first, topic->second);
               respond(JsonResponse(json::serialize(
                   format == "jira" ? JiraIssue(report, jira_project) : GithubIssue(report))));
             }));
  router.Add("POST", "/api/v1/topics/{id}/send",
             gate.Require(Action::kViewMetrics, [&desk, &clock, jira_project](
                                                    const ApiRequest& req, const Principal& who,
                                                    Responder respond) {
               auto topic = TopicOf(req, desk, clock);
               if (!topic.ok()) return respond(ErrorResponse(topic.status()));
               const auto& [view, period] = *topic;
               const auto report = desk.Report(view, period);
               const json::object body{
                   {"event", "topic.sent"},
                   {"sent_by", std::to_string(who.user.id)},
                   {"period", json::object{{"from", period.from}, {"to", period.to}}},
                   {"topic", TopicObject(view, desk.LinkOf(view.topic.id))},
                   {"report", json::object{{"title", report.title}, {"body", report.body}}},
                   {"github_issue", GithubIssue(report)},
                   {"jira_issue", JiraIssue(report, jira_project)},
               };
               const UnixMillis now = clock.NowMillis();
               Status sent = desk.SendToProduct(view.topic.id, json::serialize(body), now);
               // The product team's server refused it: a bad gateway, not a bad request.
               if (!sent.ok()) return respond(ErrorResponse(sent, sent.reason() == "webhook_refused" ? 502 : 0));
               respond(JsonResponse(json::serialize(json::object{{"delivered", true}, {"sent_at", now}})));
             }));
}

}  // namespace fr::api
