// Internal to channels/sim: the checks a scenario's customers and steps pass, shared by the
// scenario file reader (scenario.cc, TOML) and on-demand steps (scenario_step_json.cc, JSON),
// so both refuse the same things in the same words. The readers check only the types of what
// they read into the *Fields structs; everything else is checked here.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "channels/sim/scenario.h"

namespace fr::channels::sim::internal {

// Builds the error for `key` of the table or object being checked, e.g. "<source>:
// steps[3].kind: <what>" for a file, "kind: <what>" for an on-demand step.
using KeyError = std::function<Status(std::string_view key, std::string_view what)>;

// A customer as written; absent keys are nullopt.
struct CustomerFields {
  std::optional<std::string> key, platform, id, handle, name, psid;
  std::optional<std::int64_t> followers;
  std::optional<bool> verified;
};

// A step as written; absent keys are nullopt. at_seconds is when it plays (on-demand: now).
struct StepFields {
  std::optional<std::string> id, customer, platform, kind, text, in_reply_to, on, quotes, account,
      feed, title;
  std::int64_t at_seconds = 0;
};

// What a step may refer to, by key: the customers, the brand posts and the earlier steps
// that have an id (with their platform). Pointers into containers the caller keeps.
struct StepIndex {
  std::map<std::string, const ScenarioCustomer*, std::less<>> customers;
  std::map<std::string, const ScenarioBrandPost*, std::less<>> brand_posts;
  std::map<std::string, std::pair<const ScenarioStep*, domain::Platform>, std::less<>> steps;
};

// The platform named by `value`, which must be present and one of `allowed`.
// Errors: kInvalidArgument from `error` ("required", "must be one of x, facebook").
Result<domain::Platform> CheckPlatform(const std::optional<std::string>& value,
                                       std::string_view key,
                                       std::initializer_list<domain::Platform> allowed,
                                       const KeyError& error);

// The customer `f` describes: key, platform (x, facebook, messenger, instagram, rss) and id
// required, an X id numeric, followers within 0..2,000,000,000, psid for Facebook only.
// Errors: kInvalidArgument from `error`.
Result<ScenarioCustomer> CheckCustomer(const CustomerFields& f, const KeyError& error);

// The step `f` describes, its references resolved against `index`: a known customer, the
// customer's platform, a kind that platform has, a text; in_reply_to only for replies, naming
// an earlier public step on the same platform; on (comments) and quotes (quotes) naming a
// brand post of the platform; feed (forum steps only) a feed id of 1-64 of a-z 0-9 _ . -;
// title for forum steps only; account not for the steps that do not address the brand (post,
// forum). Does not check that the step's own id is new.
// Errors: kInvalidArgument from `error`.
Result<ScenarioStep> CheckStep(const StepFields& f, const StepIndex& index, const KeyError& error);

}  // namespace fr::channels::sim::internal
