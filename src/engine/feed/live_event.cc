#include "engine/feed/live_event.h"

namespace fr::engine {
namespace {

domain::LiveScope CaseScope(const domain::Case& c) {
  domain::LiveScope scope;
  scope.team = c.team;
  scope.assignee = c.assignee;
  return scope;
}

struct ScopeVisitor {
  domain::LiveScope operator()(const CaseChanged& e) const {
    domain::LiveScope scope = CaseScope(e.kase);
    if (e.event.user) scope.concerned.push_back(*e.event.user);
    return scope;
  }
  domain::LiveScope operator()(const FiledMessage& e) const { return CaseScope(e.kase); }
  domain::LiveScope operator()(const ReplyChanged& e) const {
    domain::LiveScope scope = CaseScope(e.kase);
    scope.concerned.push_back(e.reply.author);
    return scope;
  }
  domain::LiveScope operator()(const CrisisChanged&) const { return {}; }
  domain::LiveScope operator()(const SpikeChanged&) const {
    domain::LiveScope scope;
    scope.supervisors_only = true;
    return scope;
  }
};

}  // namespace

domain::LiveScope ScopeOf(const LivePayload& payload) {
  return std::visit(ScopeVisitor{}, payload);
}

}  // namespace fr::engine
