#include "engine/listen/insight_maker.h"

namespace fr::engine {

MessageJudgement InsightMaker::Judge(const domain::Message& m) const {
  MessageJudgement out;
  ports::MessageInsight& insight = out.insight;
  insight.understanding = understander_.Understand(m.text);

  const std::shared_ptr<const RuleSet> rules = rules_.Current();
  if (rules->matcher) {
    domain::ListenPost post;
    post.text = m.text;
    post.platform = m.platform;
    post.language = insight.understanding.language;
    post.kind = m.kind;
    post.author_handle = m.author.handle;
    post.followers = m.author.followers;
    rules->matcher->Match(post, &insight.rules);
  }
  for (const std::string& id : insight.rules) {
    auto it = rules->escalations.find(id);
    if (it == rules->escalations.end()) continue;
    if (!out.team) out.team = it->second;
    out.escalate = true;
  }

  domain::TriageInput in;
  in.understanding = &insight.understanding;
  in.followers = m.author.followers;
  in.verified = m.author.verified;
  in.kind = m.kind;
  in.visibility = m.visibility;
  insight.triage = domain::Triage(in, policy_);
  return out;
}

}  // namespace fr::engine
