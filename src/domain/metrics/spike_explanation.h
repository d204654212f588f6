// SpikeExplanation: why a spike happened, in terms a supervisor can act on — the words that
// suddenly appear far more often than usual, where the messages come from, who with a large
// audience is writing, and a few messages that show it (docs/spikes.md).
//
// The words are ranked by the log-odds ratio of their document frequency in the spike's
// window against a background (the same series before the spike), with an add-half prior,
// divided by its standard error (Monroe, Colaresi and Quinn's "Fightin' Words" z-score): a
// word common everywhere ("order") ranks below one that is new ("poisoning"). Pure and
// deterministic; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "domain/platform.h"

namespace fr::domain::metrics {

// A customer message of the spike's window.
struct WindowMessage {
  std::int64_t message_id = 0;
  std::int64_t case_id = 0;  // 0: none
  Platform platform = Platform::kX;
  std::string account_id;
  std::string author_handle;
  std::string author_name;
  std::optional<std::int64_t> author_followers;
  UnixMillis at = 0;
  bool negative = false;
  // Its distinct terms, as they are shown (topic terms: stop words dropped).
  std::vector<std::string> terms;
};

// How many background messages hold each term.
struct TermBackground {
  std::int64_t documents = 0;
  std::unordered_map<std::string, std::int64_t> document_counts;
};

struct TermLift {
  std::string term;
  std::int64_t count = 0;   // window messages holding it
  double lift = 0;          // its share of window messages over its background share
  double z = 0;             // the log-odds z-score it is ranked by
  bool operator==(const TermLift&) const = default;
};

struct SourceCount {
  Platform platform = Platform::kX;
  std::string account_id;
  std::int64_t count = 0;
  bool operator==(const SourceCount&) const = default;
};

struct AuthorReach {
  Platform platform = Platform::kX;
  std::string handle;
  std::string name;
  std::optional<std::int64_t> followers;  // the largest seen in the window
  std::int64_t count = 0;                 // their messages in the window
  bool operator==(const AuthorReach&) const = default;
};

struct SpikeExplanation {
  std::int64_t messages = 0;  // in the window
  std::int64_t negative = 0;
  std::vector<TermLift> top_terms;      // best z first
  std::vector<SourceCount> sources;     // most messages first
  std::vector<AuthorReach> top_authors;  // most followers first
  std::vector<std::int64_t> sample_message_ids;
  bool operator==(const SpikeExplanation&) const = default;
};

struct ExplainSettings {
  int max_terms = 8;
  std::int64_t min_term_count = 2;  // a word in fewer window messages is not shown
  int max_sources = 5;
  int max_authors = 5;
  int max_samples = 5;
};

// Explains a spike from its window's messages and the background term counts.
// Terms: positive log-odds (more common than in the background), held by at least
// min_term_count messages, best z first (ties: more messages, then the term). Sources: per
// (platform, account), most messages first. Authors: per (platform, handle), most followers
// first (unknown last), then most messages. Samples: messages holding the most top terms,
// one per author while authors last, more followers first, then earlier.
SpikeExplanation ExplainSpike(const std::vector<WindowMessage>& window,
                              const TermBackground& background, const ExplainSettings& settings = {});

}  // namespace fr::domain::metrics
