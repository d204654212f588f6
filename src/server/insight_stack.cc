#include "server/insight_stack.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/log.h"
#include "domain/listen/rule_file.h"
#include "nlp/listen/rule_matcher.h"
#include "nlp/understand/understander.h"

namespace fr::server {
namespace {

// Applies the rules file `path` (docs/configuration.md): its queries are stored and put in
// force; a rule already stored keeps its action, team and enabled flag, unless `escalations`
// (rule id, team) makes it escalate.
Status ApplyRulesFile(const std::string& path,
                      const std::vector<std::pair<std::string, std::string>>& escalations,
                      engine::ListeningDesk& desk) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(Errc::kInvalidArgument, "config", "listening.rules_file: cannot read " + path);
  }
  std::ostringstream content;
  content << in.rdbuf();
  FR_ASSIGN_OR_RETURN(std::vector<domain::ListeningRule> rules,
                      domain::ParseRulesFile(content.str(), path));
  FR_ASSIGN_OR_RETURN(std::vector<domain::ListeningRule> stored, desk.List());
  for (domain::ListeningRule& r : rules) {
    for (const domain::ListeningRule& s : stored) {
      if (s.id != r.id) continue;
      r.action = s.action;
      r.team = s.team;
      r.enabled = s.enabled;
    }
  }
  for (const auto& [id, team] : escalations) {
    auto rule = std::find_if(rules.begin(), rules.end(),
                             [&](const domain::ListeningRule& r) { return r.id == id; });
    if (rule == rules.end()) {
      return Status(Errc::kInvalidArgument, "config",
                    "listening.escalate." + id + ": no rule " + id + " in " + path);
    }
    rule->action = domain::RuleAction::kEscalate;
    rule->team = team;
  }
  FR_RETURN_IF_ERROR(desk.Apply(rules));
  FR_LOG(kInfo, "listening", "rules file applied rules={} path={}", rules.size(), path);
  return Status::Ok();
}

}  // namespace

Status LoadInsightStack(const ServerConfig& config, ports::Store& store, const Clock& clock,
                        InsightStack& out) {
  FR_ASSIGN_OR_RETURN(out.understander,
                      nlp::ModelUnderstander::Load(config.models_dir,
                                                   config.replies.approval.lexicon));
  out.compiler = std::make_unique<nlp::RuleMatcherCompiler>();
  out.rules = std::make_unique<engine::RuleBook>(*out.compiler);
  out.insights = std::make_unique<engine::InsightMaker>(*out.understander, *out.rules, config.triage);
  out.listening = std::make_unique<engine::ListeningDesk>(store, *out.rules, clock);
  FR_RETURN_IF_ERROR(out.listening->Load());
  if (!config.rules_file.empty()) {
    FR_RETURN_IF_ERROR(ApplyRulesFile(config.rules_file, config.escalations, *out.listening));
  }
  FR_LOG(kInfo, "listening", "models loaded from {}; {} listening rules in force",
         config.models_dir, out.rules->Current()->rules.size());
  return Status::Ok();
}

}  // namespace fr::server
