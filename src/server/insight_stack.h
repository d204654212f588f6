// InsightStack: what understands each new message and matches the listening rules against
// it — the language models, the rule compiler, the rule book in force, the InsightMaker the
// threading stage asks, and the ListeningDesk that changes the rules. Built the same way by
// the server and by `feedroom import`. Must outlive everything that uses its parts.
#pragma once

#include <memory>

#include "base/clock.h"
#include "base/status.h"
#include "engine/listen/insight_maker.h"
#include "engine/listen/listening_desk.h"
#include "engine/listen/rule_book.h"
#include "ports/mention_matcher.h"
#include "ports/store.h"
#include "ports/understander.h"
#include "server/config.h"

namespace fr::server {

struct InsightStack {
  std::unique_ptr<ports::Understander> understander;
  std::unique_ptr<ports::MatcherCompiler> compiler;
  std::unique_ptr<engine::RuleBook> rules;
  std::unique_ptr<engine::InsightMaker> insights;
  std::unique_ptr<engine::ListeningDesk> listening;
};

// Loads the models of config.models_dir and the listening rules (those stored in `store`,
// then config.rules_file's) into `out`. `store` and `clock` must outlive `out`. Errors: a
// model that cannot be loaded, an unreadable or invalid rules file, the store's.
Status LoadInsightStack(const ServerConfig& config, ports::Store& store, const Clock& clock,
                        InsightStack& out);

}  // namespace fr::server
