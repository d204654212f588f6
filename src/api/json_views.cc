#include "api/json_views.h"

#include <boost/json.hpp>

namespace fr::api {
namespace json = boost::json;
namespace {

json::object AuthorObject(const domain::Author& a) {
  json::object o;
  o["id"] = a.id;
  o["handle"] = a.handle;
  o["name"] = a.name;
  o["followers"] = a.followers ? json::value(*a.followers) : json::value(nullptr);
  o["verified"] = a.verified ? json::value(*a.verified) : json::value(nullptr);
  return o;
}

}  // namespace

json::object CaseObject(const domain::Case& c) {
  json::object o;
  o["id"] = std::to_string(c.id);
  o["status"] = domain::CaseStatusName(c.status);
  o["platform"] = domain::PlatformName(c.platform);
  o["account_id"] = c.account_id;
  o["customer_id"] = std::to_string(c.customer_id);
  o["opened_at"] = c.opened_at;
  o["last_activity_at"] = c.last_activity_at;
  o["last_customer_message_at"] = c.last_customer_message_at;
  o["message_count"] = c.message_count;
  o["reopen_count"] = c.reopen_count;
  o["priority"] = domain::PriorityName(c.priority);
  o["team_id"] = IdOrNull(c.team);
  o["assignee_id"] = IdOrNull(c.assignee);
  o["assigned_at"] = c.assigned_at;
  o["first_response_at"] = c.first_response_at;
  o["last_agent_reply_at"] = c.last_agent_reply_at;
  o["language"] = c.language;
  o["queue_team_id"] = IdOrNull(c.queue);
  return o;
}

void AddInsightFields(const ports::MessageInsight& insight, json::object& o) {
  const domain::Understanding& u = insight.understanding;
  auto strings = [](const std::vector<std::string>& items) {
    json::array a;
    for (const auto& s : items) a.emplace_back(s);
    return a;
  };
  o["language"] = u.language;
  o["other_language"] = u.other_language;
  o["sentiment"] = domain::SentimentName(u.sentiment);
  o["sentiment_p"] = u.sentiment_p;
  o["intent"] = domain::IntentName(u.intent);
  o["intent_p"] = u.intent_p;
  o["sensitivity"] = strings(u.sensitivity);
  o["needs_reply"] = insight.triage.needs_reply;
  o["triage"] = json::object{{"priority", domain::PriorityName(insight.triage.priority)},
                             {"reasons", strings(insight.triage.reasons)}};
  o["rules"] = strings(insight.rules);
  o["corrected"] = strings(insight.corrected);
}

json::value SlaValue(const std::optional<engine::SlaReading>& r) {
  if (!r) return nullptr;
  json::object o;
  o["metric"] = domain::sla::SlaMetricName(r->metric);
  o["state"] = domain::sla::SlaStateName(r->state);
  o["started_at"] = r->started_at;
  o["due_at"] = r->due_at ? json::value(*r->due_at) : json::value(nullptr);
  o["warn_at"] = r->warn_at ? json::value(*r->warn_at) : json::value(nullptr);
  o["target_ms"] = r->target.count();
  o["consumed_ms"] = r->consumed.count();
  return o;
}

json::object CaseEventObject(const domain::CaseEvent& e) {
  json::object o;
  o["id"] = std::to_string(e.id);
  o["case_id"] = std::to_string(e.case_id);
  o["at"] = e.at;
  o["kind"] = domain::CaseEventKindName(e.kind);
  o["actor_id"] = IdOrNull(e.actor);
  o["user_id"] = IdOrNull(e.user);
  o["detail"] = e.detail;
  return o;
}

namespace {

json::object MessageObject(const ports::StoredMessage& s) {
  const domain::Message& m = s.message;
  json::object o;
  o["id"] = std::to_string(s.id);
  o["platform"] = domain::PlatformName(m.platform);
  o["account_id"] = m.account_id;
  o["external_id"] = m.external_id;
  o["thread_key"] = m.thread_key;
  o["parent_id"] = m.parent_id;
  o["author"] = AuthorObject(m.author);
  o["counterpart_id"] = m.counterpart_id;
  o["text"] = m.text;
  o["created_at"] = m.created_at;
  o["visibility"] = domain::VisibilityName(m.visibility);
  o["kind"] = domain::MessageKindName(m.kind);
  json::array atts;
  for (const auto& a : m.attachments) atts.push_back(json::object{{"type", a.type}, {"url", a.url}});
  o["attachments"] = std::move(atts);
  o["is_outbound"] = m.is_outbound;
  o["edit_of"] = m.edit_of;
  o["conversation_id"] = std::to_string(s.conversation_id);
  o["case_id"] = IdOrNull(s.case_id);
  o["delivery_id"] = std::to_string(s.delivery_id);
  o["received_at"] = s.received_at;
  o["deleted"] = s.deleted;
  o["hidden"] = s.hidden;
  json::array revs;
  for (const auto& r : s.revisions) {
    revs.push_back(json::object{{"kind", ports::RevisionKindName(r.kind)},
                                {"previous_text", r.previous_text},
                                {"text", r.text},
                                {"at", r.at}});
  }
  o["revisions"] = std::move(revs);
  o["overheard"] = m.overheard;
  if (s.insight) AddInsightFields(*s.insight, o);
  return o;
}

}  // namespace

namespace {

// The inbox's view of a case's customer: our id (as in customer_id) and the latest profile.
json::value CustomerSummaryValue(const std::optional<domain::Customer>& c) {
  if (!c) return nullptr;
  json::object o;
  o["id"] = std::to_string(c->id);
  o["platform"] = domain::PlatformName(c->platform);
  o["platform_user_id"] = c->profile.id;
  o["handle"] = c->profile.handle;
  o["name"] = c->profile.name;
  o["followers"] = c->profile.followers ? json::value(*c->profile.followers) : json::value(nullptr);
  o["verified"] = c->profile.verified ? json::value(*c->profile.verified) : json::value(nullptr);
  return o;
}

json::value PreviewValue(const std::optional<ports::MessagePreview>& p) {
  if (!p) return nullptr;
  json::object o;
  o["id"] = std::to_string(p->id);
  o["text"] = p->text;
  o["truncated"] = p->truncated;
  o["visibility"] = domain::VisibilityName(p->visibility);
  o["kind"] = domain::MessageKindName(p->kind);
  o["created_at"] = p->created_at;
  return o;
}

}  // namespace

std::string CasePageJson(const ports::CasePage& page, const std::string& next_cursor,
                         const std::map<domain::CaseId, engine::SlaReading>& sla) {
  json::array items;
  for (const ports::CaseListItem& item : page.items) {
    json::object o = CaseObject(item.kase);
    auto reading = sla.find(item.kase.id);
    o["sla"] = reading == sla.end() ? json::value(nullptr) : SlaValue(reading->second);
    o["customer"] = CustomerSummaryValue(item.customer);
    o["preview"] = PreviewValue(item.preview);
    items.push_back(std::move(o));
  }
  json::object o;
  o["items"] = std::move(items);
  o["next_cursor"] = next_cursor.empty() ? json::value(nullptr) : json::value(next_cursor);
  return json::serialize(o);
}

std::string CaseDetailJson(const ports::CaseDetail& d,
                           const std::optional<engine::SlaReading>& sla) {
  json::object o = CaseObject(d.kase);
  o["sla"] = SlaValue(sla);
  json::array messages;
  for (const auto& m : d.messages) messages.push_back(MessageObject(m));
  o["messages"] = std::move(messages);
  json::array conversations;
  for (const auto& c : d.conversations) {
    conversations.push_back(json::object{{"id", std::to_string(c.id)},
                                         {"platform", domain::PlatformName(c.platform)},
                                         {"account_id", c.account_id},
                                         {"key", c.key},
                                         {"visibility", domain::VisibilityName(c.visibility)},
                                         {"customer_id", std::to_string(c.customer_id)}});
  }
  o["conversations"] = std::move(conversations);
  json::array customers;
  for (const auto& c : d.customers) {
    json::object co = AuthorObject(c.profile);
    co["customer_id"] = std::to_string(c.id);
    co["platform"] = domain::PlatformName(c.platform);
    customers.push_back(std::move(co));
  }
  o["customers"] = std::move(customers);
  return json::serialize(o);
}

json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? json::value(std::to_string(*id)) : json::value(nullptr);
}

std::string CaseJson(const domain::Case& c, const std::optional<engine::SlaReading>& sla) {
  json::object o = CaseObject(c);
  o["sla"] = SlaValue(sla);
  return json::serialize(o);
}

std::string CaseEventsJson(const std::vector<domain::CaseEvent>& events) {
  json::array items;
  for (const domain::CaseEvent& e : events) items.emplace_back(CaseEventObject(e));
  json::object out;
  out["items"] = std::move(items);
  return json::serialize(out);
}

std::string MessageJson(const ports::StoredMessage& message) {
  return json::serialize(MessageObject(message));
}

}  // namespace fr::api
