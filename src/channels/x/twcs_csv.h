// Customer Support on Twitter (TWCS, Thought Vector 2017) history as X messages: the CSV
// reader (libcsv; RFC 4180, quoted fields may hold commas, quotes and line breaks) and the
// mapping of its tweets onto domain::InboundEvent for `feedroom import twcs` (docs/import.md).
//
// The file's columns: tweet_id, author_id, inbound (True/False), created_at ("Tue Oct 31
// 22:10:47 +0000 2017"), text, response_tweet_id (comma-separated child ids),
// in_response_to_tweet_id. A brand's tweets are outbound, with the brand's handle as author;
// customers' ids are anonymised numbers. Thread-compatible functions.
#pragma once

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/inbound_event.h"

namespace fr::channels::x {

struct TwcsRow {
  std::string tweet_id;
  std::string author_id;
  bool inbound = false;
  UnixMillis created_at = 0;
  std::string text;
  std::vector<std::string> response_tweet_ids;
  std::string in_response_to;  // empty for a thread's root
  int line = 0;                // the file line the row starts on (1-based)
};

// A row that could not be read: where, and why.
struct TwcsRowError {
  int line = 0;
  std::string message;  // e.g. "created_at: not a date like \"Tue Oct 31 22:10:47 +0000 2017\""
};

// Reads the TWCS CSV in `in`: `on_row` gets each row that reads, in file order; `on_error`
// each that does not (a wrong number of fields, an id that is not a number, a bad time or
// inbound flag), after which reading goes on. Fails (kMalformed, naming the line) when the
// header is not the seven TWCS columns or the CSV itself is broken (an unterminated quote).
Status ReadTwcsCsv(std::istream& in, const std::function<void(TwcsRow)>& on_row,
                   const std::function<void(const TwcsRowError&)>& on_error);

// "Tue Oct 31 22:10:47 +0000 2017" (X's v1.1 time format) as Unix milliseconds.
std::optional<UnixMillis> ParseTwcsTime(std::string_view text);

// The X messages of a whole TWCS file, oldest first (then by tweet id), each on its brand's
// account: an outbound tweet's author; for a customer's tweet, the brand that answered it
// (its first brand reply in the file), else the brand of the tweet it answers, else the first
// brand it @mentions. The brands are the authors of outbound tweets plus `extra_brands`
// (handles, for a file of customers' tweets only). Tweets with no brand (customers talking
// among themselves) are left out and counted.
struct TwcsMessages {
  std::vector<domain::InboundEvent> events;
  std::int64_t without_brand = 0;
};
TwcsMessages ToInboundEvents(std::vector<TwcsRow> rows,
                             const std::vector<std::string>& extra_brands = {});

}  // namespace fr::channels::x
