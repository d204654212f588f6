#include "domain/crisis/crisis.h"

#include <algorithm>
#include <map>

#include "base/unicode.h"

namespace fr::domain::crisis {
namespace {

Status Invalid(std::string reason, std::string message) {
  return Status(Errc::kInvalidArgument, std::move(reason), std::move(message));
}

}  // namespace

Status ValidateCrisis(const Crisis& c) {
  if (!unicode::IsValidUtf8(c.name) || !unicode::IsValidUtf8(c.holding_statement)) {
    return Invalid("invalid_utf8", "the name and the holding statement must be UTF-8");
  }
  if (c.name.empty()) return Invalid("name_required", "a crisis needs a name");
  if (c.name.size() > kMaxNameBytes) {
    return Invalid("name_too_long", "the name is longer than " + std::to_string(kMaxNameBytes) + " bytes");
  }
  if (c.terms.size() > kMaxTerms) {
    return Invalid("too_many_terms", "at most " + std::to_string(kMaxTerms) + " terms");
  }
  for (const std::string& term : c.terms) {
    if (!unicode::IsValidUtf8(term)) return Invalid("invalid_utf8", "terms must be UTF-8");
    if (term.find_first_of("\r\n,") != std::string::npos) {
      return Invalid("term_line_break", "a term is one line without commas");
    }
    if (MatchWords(term).empty()) {
      return Invalid("term_without_words", "the term \"" + term + "\" has no word to match");
    }
  }
  if (c.holding_statement.size() > kMaxStatementBytes) {
    return Invalid("statement_too_long",
                   "the holding statement is longer than " + std::to_string(kMaxStatementBytes) + " bytes");
  }
  if (c.raise_to != Priority::kHigh && c.raise_to != Priority::kUrgent) {
    return Invalid("raise_to", "a crisis raises cases to high or urgent");
  }
  return Status::Ok();
}

CrisisMatcher::CrisisMatcher(const Crisis& crisis)
    : terms_(crisis.terms),
      rule_ids_(crisis.rule_ids),
      everything_(crisis.terms.empty() && crisis.rule_ids.empty()) {}

bool CrisisMatcher::Matches(std::string_view text, const std::vector<std::string>& rules) const {
  if (everything_) return true;
  for (const std::string& rule : rules) {
    if (std::find(rule_ids_.begin(), rule_ids_.end(), rule) != rule_ids_.end()) return true;
  }
  return terms_.FirstIn(MatchText(text)).has_value();
}

CrisisSummary Summarize(const Crisis& crisis, const std::vector<RelatedCase>& cases,
                        const std::vector<RelatedMessage>& messages, UnixMillis until) {
  constexpr std::int64_t kHour = 3'600'000;
  CrisisSummary s;
  s.cases = static_cast<std::int64_t>(cases.size());
  s.duration_ms = std::max<std::int64_t>(0, until - crisis.started_at);
  std::vector<std::int64_t> waits;
  for (const RelatedCase& c : cases) {
    s.replies_sent += c.replies_sent;
    if (c.first_reply_sent) {
      ++s.cases_answered;
      waits.push_back(std::max<std::int64_t>(0, *c.first_reply_sent - c.joined_at));
    }
  }
  if (!waits.empty()) {
    std::sort(waits.begin(), waits.end());
    const std::size_t n = waits.size();
    s.median_first_reply_ms = n % 2 ? waits[n / 2] : (waits[n / 2 - 1] + waits[n / 2]) / 2;
  }
  std::map<UnixMillis, std::int64_t> hours;
  for (const RelatedMessage& m : messages) {
    ++s.messages;
    s.negative += m.negative ? 1 : 0;
    UnixMillis hour = m.at - ((m.at % kHour) + kHour) % kHour;
    ++hours[hour];
  }
  for (const auto& [hour, count] : hours) {
    if (count > s.peak_hour_messages) {
      s.peak_hour = hour;
      s.peak_hour_messages = count;
    }
  }
  return s;
}

}  // namespace fr::domain::crisis
