// Scenario: a scripted stretch of customer activity for the simulated platforms (the demo, load
// and integration runs): the brand's existing posts, the customers, and timed steps ("at 30 s,
// Dana mentions the brand on X", "at 95 s, Yossi replies to step `late`"). Read from TOML;
// played by ScenarioPlayer, which also takes steps on demand as JSON (the same checks, in
// scenario_rules.h). Plain values; immutable once parsed.
//
// File format (every key is checked; unknown keys are errors):
//   name = "demo"                     # optional
//   description = "…"                 # optional
//   [[brand_posts]]                   # posts customers comment on or quote
//   key = "menu"                      # required, unique
//   platform = "x" | "facebook" | "instagram"
//   account = "104000000000001"       # optional: X user id, Page id or Instagram user id
//   text = "…"                        # what the post says (shown in X quotes)
//   [[customers]]
//   key = "dana"                      # required, unique
//   platform = "x" | "facebook" | "messenger" | "instagram" | "rss" (a forum or blog writer)
//   id = "1600000000000000101"        # required: X user id, Facebook id, PSID, IGSID, user name
//   handle = "dana_levi"              # optional: X screen name / Instagram username
//   name = "דנה לוי"                  # optional display name
//   followers = 420                   # optional, default 0
//   verified = false                  # optional
//   psid = "…"                        # optional, facebook only: the id Messenger knows them by
//   [[steps]]                         # played in order of `at` (file order for equal times)
//   id = "late"                       # optional, unique: lets later steps answer this one
//   at = 30                           # required: seconds after the scenario starts
//   customer = "dana"                 # required: a customers key
//   platform = "x"                    # optional: must be the customer's platform
//   kind = "mention" | "reply" | "quote" | "comment" | "dm" | "private_message" (= dm)
//        | "post" (X: not addressed to the brand) | "forum" (rss: an item of a feed)
//   text = "…"                        # required
//   in_reply_to = "late"              # reply: an earlier step on the same platform
//   on = "menu"                       # comment: a brand post of the same platform
//   quotes = "menu"                   # quote: an X brand post
//   feed = "forum.demo"               # forum: the feed id (1-64 of a-z 0-9 _ . -)
//   title = "…"                       # forum, optional: the post's title
//   account = "…"                     # optional: the brand account addressed (not post, forum)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "channels/sim/sim_customer.h"

namespace fr::channels::sim {

struct ScenarioBrandPost {
  std::string key;
  domain::Platform platform = domain::Platform::kX;
  std::string account_id;  // empty: the first configured account
  std::string text;
};

struct ScenarioCustomer {
  std::string key;
  Customer customer;
};

struct ScenarioStep {
  std::string id;  // may be empty
  std::int64_t at_seconds = 0;
  std::string customer;  // a ScenarioCustomer key
  CustomerActionKind kind = CustomerActionKind::kMention;
  std::string text;
  std::string in_reply_to;  // kReply: a ScenarioStep id
  std::string brand_post;   // kComment (`on`) and kQuote (`quotes`): a ScenarioBrandPost key
  std::string feed;         // kForum: the feed's id
  std::string title;        // kForum: may be empty
  std::string account_id;   // may be empty
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<ScenarioBrandPost> brand_posts;
  std::vector<ScenarioCustomer> customers;
  std::vector<ScenarioStep> steps;  // sorted by at_seconds, file order kept for equal times
};

// Parses and checks a scenario (format above). `source_name` prefixes error messages.
// Errors: kInvalidArgument "bad_scenario" with "<source>:<line>:<column>: …" for TOML syntax
// and "<source>: steps[3].in_reply_to: …" for a missing, unknown, mistyped or inconsistent key
// (a kind the customer's platform lacks, a reference to an unknown or later step, …).
Result<Scenario> ParseScenario(std::string_view toml_text, std::string_view source_name);

// Reads the file at `path` and parses it. Errors: kNotFound "scenario_unreadable"; those of
// ParseScenario.
Result<Scenario> LoadScenarioFile(const std::string& path);

}  // namespace fr::channels::sim
