// TopicReport: a recurring complaint topic written up for the product team — a title and a
// Markdown body with the counts, the change against the period before, the words that name
// it and a few customers' own words — the text of the "send to product team" webhook and of
// the GitHub / Jira issues offered for it (docs/topics.md). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"

namespace fr::domain::topics {

struct TopicReportExample {
  std::string platform;  // "x", "facebook", ...
  std::string author;    // handle, without '@'
  std::string text;
  UnixMillis at = 0;
};

struct TopicReportInput {
  std::string name;                 // "משלוח · הגיע"
  std::vector<std::string> terms;   // display terms
  std::int64_t count = 0;           // complaints in [from, to)
  std::int64_t previous_count = 0;  // in the same length before `from`
  UnixMillis from = 0;
  UnixMillis to = 0;
  std::vector<TopicReportExample> examples;
  std::string link;  // the topic in the app; empty: none
  bool hebrew = true;
};

struct TopicReport {
  std::string title;  // "Recurring complaint: משלוח · הגיע (41)"
  std::string body;   // Markdown
};

// Writes `in` up in Hebrew or English. Example texts are quoted line by line (Markdown
// block quotes), cut to 500 characters; dates are UTC days.
TopicReport MakeTopicReport(const TopicReportInput& in);

}  // namespace fr::domain::topics
