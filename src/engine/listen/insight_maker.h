// InsightMaker: the understanding and listening stages of the pipeline for one inbound
// message — language, sentiment, intent and sensitive topics (ports::Understander), the
// listening rules it matches (RuleBook), and its triage (domain/triage.h). Pure computation on
// the caller's thread; thread-safe (the Understander and the RuleBook are).
#pragma once

#include <optional>

#include "domain/message.h"
#include "domain/people.h"
#include "domain/triage.h"
#include "engine/listen/rule_book.h"
#include "ports/insight_store.h"
#include "ports/understander.h"

namespace fr::engine {

struct MessageJudgement {
  ports::MessageInsight insight;
  // True if an escalating rule matched: an overheard message then opens a case.
  bool escalate = false;
  // The team of the first escalating rule that names one.
  std::optional<domain::TeamId> team;
};

class InsightMaker {
 public:
  // `understander` and `rules` must outlive the InsightMaker.
  InsightMaker(const ports::Understander& understander, const RuleBook& rules,
               domain::TriagePolicy policy)
      : understander_(understander), rules_(rules), policy_(policy) {}

  // Judges customer message `m` (REQUIRES: !m.is_outbound).
  MessageJudgement Judge(const domain::Message& m) const;

 private:
  const ports::Understander& understander_;
  const RuleBook& rules_;
  const domain::TriagePolicy policy_;
};

}  // namespace fr::engine
