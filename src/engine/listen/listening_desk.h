// ListeningDesk: what admins and supervisors do with listening rules — list them, create or
// change one, delete one — keeping the store and the RuleBook in step. A change is compiled
// with all the other rules before anything is stored, so a rule that does not compile (or
// would blow up the matcher) is refused with its reason and changes nothing. Changes are
// serialised; reads are not. Thread-safe.
#pragma once

#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/listen/listening_rule.h"
#include "engine/listen/rule_book.h"
#include "ports/store.h"

namespace fr::engine {

class ListeningDesk {
 public:
  // `store`, `book` and `clock` must outlive the desk.
  ListeningDesk(ports::Store& store, RuleBook& book, const Clock& clock)
      : store_(store), book_(book), clock_(clock) {}

  // Compiles the stored rules and puts them in force (at start). Errors: the store's; a stored
  // rule that no longer compiles (kInvalidArgument naming it).
  Status Load();

  // Stores `rules` (creating or replacing each by id; other stored rules stay) and puts the
  // result in force: how a rules file is applied at start. Errors: as Put.
  Status Apply(const std::vector<domain::ListeningRule>& rules);

  // Every stored rule, by id.
  Result<std::vector<domain::ListeningRule>> List();

  // Creates or replaces rule `rule.id` and returns it. Errors: kInvalidArgument "invalid_rule_id",
  // "invalid_rule" (with the compiler's message: which rule, which column, why), "unknown_team"
  // (an escalating rule naming a team that does not exist).
  Result<domain::ListeningRule> Put(domain::ListeningRule rule);

  // Deletes rule `id`. Errors: kNotFound "not_found".
  Status Delete(const std::string& id);

 private:
  // Builds `rules` (the stored rules after the change), stores the change `write`, then puts
  // the built set in force. REQUIRES: mu_ held.
  Status Commit(std::vector<domain::ListeningRule> rules, std::span<const domain::Team> teams,
                const ports::WriteUnit& write);

  ports::Store& store_;
  RuleBook& book_;
  const Clock& clock_;
  std::mutex mu_;  // serialises changes
};

}  // namespace fr::engine
