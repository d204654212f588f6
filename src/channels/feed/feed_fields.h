// Internal to channels/feed: the field rules shared by the RSS and Atom readers that need no
// XML tree — author strings, dates, fallback dedupe keys, polling hints. Pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace fr::channels::feed {

struct AuthorParts {
  std::string name;
  std::string email;
};

// Splits an RSS <author> / managingEditor value: "a@b (Name)", "Name (a@b)", "Name <a@b>",
// a bare address, or a bare name. Trimmed; parts that are absent are empty.
AuthorParts SplitAuthor(std::string_view text);

enum class DateStyle { kRfc822First, kIso8601First };

// UTC milliseconds of a feed date, trying both RFC 822 and ISO 8601 (the expected style
// first); nullopt when neither parses.
std::optional<UnixMillis> ParseFeedDate(std::string_view text, DateStyle style);

struct DatedText {
  std::string text;  // as written in the feed
  DateStyle style;
};
struct PickedDate {
  UnixMillis published = 0;  // of the first candidate that parses; 0 if none does
  std::string text;          // the first candidate's text, trimmed (part of FallbackKey)
};
// Tries `candidates` (the date elements present, most preferred first) in order.
PickedDate FirstDate(const std::vector<DatedText>& candidates);

// The key of an item with neither id nor link: "sha256:" + lower-case hex SHA-256 of
// title + "\n" + date text, or of "\n" + text when title and date text are both empty.
std::string FallbackKey(std::string_view title, std::string_view date_text, std::string_view text);

// Minutes between polls asked for by sy:updatePeriod ("hourly", "daily", "weekly",
// "monthly", "yearly") and sy:updateFrequency (times per period, default 1); nullopt when the
// period is unknown or the frequency not a positive integer.
std::optional<int> SyndicationMinutes(std::string_view period, std::string_view frequency);

// A positive whole number of minutes (RSS <ttl>), else nullopt.
std::optional<int> PositiveMinutes(std::string_view text);

}  // namespace fr::channels::feed
