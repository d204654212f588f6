// Configuration of X listening (docs/sources.md): the filtered stream with the rules Feedroom
// keeps on X, and recent-search polling. Both use the app's bearer token and see posts from
// the point of view of one brand account (to tell mentions and the brand's own posts).
// Plain values; immutable once handed to a source.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "channels/x/x_config.h"

namespace fr::channels::x {

// One rule of the filtered stream, in X's own query language (not Feedroom's rule language:
// X filters the firehose, Feedroom's listening rules then tag and escalate what arrives).
struct XStreamRuleSpec {
  std::string value;  // e.g. "(קנטינה OR cantina) -is:retweet"
  std::string tag;    // Feedroom's name for it; rules are matched on (value, tag)
  bool operator==(const XStreamRuleSpec&) const = default;
};

struct XListenConfig {
  std::string api_base = "https://api.x.com";
  std::string bearer_token;  // the app-only bearer token: a secret, never logged
  XAccount account;          // the brand account the posts are filed under

  bool stream = false;                      // connect to GET /2/tweets/search/stream
  std::vector<XStreamRuleSpec> stream_rules;  // made to be exactly X's rules at each connect
  // Asks X to resend up to this many minutes missed during a disconnection (Pro and
  // Enterprise access only; 0 = never ask).
  int backfill_minutes = 0;
  // X sends a keep-alive at least every 20 s: this long without any byte means reconnect.
  std::chrono::milliseconds heartbeat_timeout{20'000};

  std::vector<std::string> searches;        // recent-search queries, polled in turn
  std::chrono::milliseconds search_interval{60'000};
  int search_max_pages = 5;                 // pages of 100 per query and poll, at most
};

}  // namespace fr::channels::x
