#include "api/live_event_json.h"

#include <boost/json.hpp>

#include "api/alert_json.h"
#include "api/crisis_json.h"
#include "api/json_views.h"
#include "api/people_json.h"
#include "api/reply_json.h"

namespace fr::api {
namespace json = boost::json;
namespace {

json::object MessageObject(const engine::FiledMessage& m) {
  json::object o;
  o["id"] = std::to_string(m.id);
  o["case_id"] = std::to_string(m.kase.id);
  o["platform"] = domain::PlatformName(m.platform);
  o["direction"] = m.outbound ? "outbound" : "inbound";
  o["created_at"] = m.created_at;
  return o;
}

struct TypeVisitor {
  std::string operator()(const engine::CaseChanged& e) const {
    return "case." + std::string(domain::CaseEventKindName(e.event.kind));
  }
  std::string operator()(const engine::FiledMessage&) const { return "message.created"; }
  std::string operator()(const engine::ReplyChanged& e) const {
    return "reply." + std::string(domain::ReplyStatusName(e.reply.status));
  }
  std::string operator()(const engine::SpikeChanged& e) const {
    return e.started ? "spike.started" : "spike.ended";
  }
  std::string operator()(const engine::CrisisChanged& e) const {
    switch (e.kind) {
      case engine::CrisisChanged::Kind::kStarted: return "crisis.started";
      case engine::CrisisChanged::Kind::kUpdated: return "crisis.updated";
      case engine::CrisisChanged::Kind::kEnded: return "crisis.ended";
    }
    return "crisis.updated";
  }
};

// Adds the payload's own fields to `o`.
struct FieldsVisitor {
  json::object& o;
  const CaseSla& sla;

  json::object Case(const domain::Case& c) const {
    json::object out = CaseObject(c);
    out["sla"] = SlaValue(sla.Of(c));
    return out;
  }
  void operator()(const engine::CaseChanged& e) const {
    o["case"] = Case(e.kase);
    o["event"] = CaseEventObject(e.event);
  }
  void operator()(const engine::FiledMessage& e) const {
    o["case"] = Case(e.kase);
    o["message"] = MessageObject(e);
  }
  void operator()(const engine::ReplyChanged& e) const { o["reply"] = ReplyObject(e.reply); }
  void operator()(const engine::SpikeChanged& e) const { o["spike"] = ExplainedSpikeObject(e.spike); }
  void operator()(const engine::CrisisChanged& e) const {
    o["crisis"] = CrisisObject(e.crisis);
    if (e.summary) o["summary"] = CrisisSummaryObject(*e.summary);
  }
};

json::object Header(std::string type, UnixMillis at) {
  json::object o;
  o["type"] = std::move(type);
  o["at"] = at;
  return o;
}

}  // namespace

std::string LiveEventType(const engine::LiveEvent& event) {
  return std::visit(TypeVisitor{}, event.payload);
}

std::string LiveEventJson(const engine::LiveEvent& event, const CaseSla& sla) {
  json::object o = Header(LiveEventType(event), event.at);
  std::visit(FieldsVisitor{o, sla}, event.payload);
  return json::serialize(o);
}

std::string HelloJson(const domain::User& user, const domain::LiveViewer& viewer, UnixMillis now) {
  json::object o = Header("hello", now);
  o["user"] = UserObject(user);
  json::array teams;
  for (domain::TeamId t : viewer.teams) teams.emplace_back(std::to_string(t));
  o["team_ids"] = std::move(teams);
  return json::serialize(o);
}

std::string OverflowJson(UnixMillis now) {
  json::object o = Header("overflow", now);
  o["message"] = "events came faster than this connection read them; reload and reconnect";
  return json::serialize(o);
}

}  // namespace fr::api
