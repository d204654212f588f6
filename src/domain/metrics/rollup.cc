#include "domain/metrics/rollup.h"

#include <array>

namespace fr::domain::metrics {
namespace {

constexpr std::int64_t kHourMs = 60LL * 60 * 1000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

constexpr std::array<Dimension, 10> kDimensions = {
    Dimension::kAll,      Dimension::kPlatform, Dimension::kAccount, Dimension::kTeam,
    Dimension::kAgent,    Dimension::kPriority, Dimension::kLanguage, Dimension::kIntent,
    Dimension::kRule,     Dimension::kTopic};

// The groups of `facts` under `d`.
std::vector<std::string> GroupsUnder(const CaseFacts& facts, Dimension d) {
  const CaseGroups& g = facts.groups;
  switch (d) {
    case Dimension::kAll: return {""};
    case Dimension::kPlatform: return {g.platform};
    case Dimension::kAccount: return {g.account};
    case Dimension::kTeam: return {g.team};
    case Dimension::kAgent: return {g.agent};
    case Dimension::kPriority: return {g.priority};
    case Dimension::kLanguage: return {g.language};
    case Dimension::kIntent: return {g.intent};
    case Dimension::kRule: return g.rules;
    case Dimension::kTopic: return g.topic.empty() ? std::vector<std::string>{} : std::vector{g.topic};
  }
  return {};
}

}  // namespace

std::string_view GrainName(Grain g) { return g == Grain::kHour ? "hour" : "day"; }

std::optional<Grain> ParseGrain(std::string_view name) {
  if (name == "hour") return Grain::kHour;
  if (name == "day") return Grain::kDay;
  return std::nullopt;
}

std::int64_t GrainMs(Grain g) { return g == Grain::kHour ? kHourMs : kDayMs; }

UnixMillis BucketOf(Grain grain, UnixMillis t) {
  const std::int64_t size = GrainMs(grain);
  std::int64_t bucket = t / size;
  if (t % size < 0) --bucket;  // floor for instants before 1970
  return bucket * size;
}

std::string_view DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kAll: return "all";
    case Dimension::kPlatform: return "platform";
    case Dimension::kAccount: return "account";
    case Dimension::kTeam: return "team";
    case Dimension::kAgent: return "agent";
    case Dimension::kPriority: return "priority";
    case Dimension::kLanguage: return "language";
    case Dimension::kIntent: return "intent";
    case Dimension::kRule: return "rule";
    case Dimension::kTopic: return "topic";
  }
  return "all";
}

std::optional<Dimension> ParseDimension(std::string_view name) {
  for (Dimension d : kDimensions) {
    if (DimensionName(d) == name) return d;
  }
  return std::nullopt;
}

const std::vector<Dimension>& AllDimensions() {
  static const std::vector<Dimension> all(kDimensions.begin(), kDimensions.end());
  return all;
}

void RollupCounters::Merge(const RollupCounters& o, int sign) {
  for (auto [mine, theirs] : std::initializer_list<std::pair<std::int64_t*, std::int64_t>>{
           {&cases, o.cases},
           {&responded, o.responded},
           {&first_response_sum_ms, o.first_response_sum_ms},
           {&first_response_business_sum_ms, o.first_response_business_sum_ms},
           {&next_response_sum_ms, o.next_response_sum_ms},
           {&next_response_count, o.next_response_count},
           {&resolved, o.resolved},
           {&resolution_sum_ms, o.resolution_sum_ms},
           {&customer_messages, o.customer_messages},
           {&answered_messages, o.answered_messages},
           {&sla_met, o.sla_met},
           {&sla_breached, o.sla_breached},
           {&complaints, o.complaints},
           {&repeat_complaints, o.repeat_complaints},
           {&negative, o.negative},
           {&neutral, o.neutral},
           {&positive, o.positive}}) {
    *mine += sign * theirs;
  }
  first_response.Merge(o.first_response, sign);
  first_response_business.Merge(o.first_response_business, sign);
  resolution.Merge(o.resolution, sign);
}

bool RollupCounters::IsZero() const { return *this == RollupCounters{}; }

RollupCounters ContributionOf(const CaseFacts& f) {
  RollupCounters c;
  c.cases = 1;
  if (f.first_response_ms) {
    c.responded = 1;
    c.first_response_sum_ms = *f.first_response_ms;
    c.first_response.Add(*f.first_response_ms);
  }
  if (f.first_response_business_ms) {
    c.first_response_business_sum_ms = *f.first_response_business_ms;
    c.first_response_business.Add(*f.first_response_business_ms);
  }
  c.next_response_sum_ms = f.next_response_sum_ms;
  c.next_response_count = f.next_response_count;
  if (f.resolution_ms) {
    c.resolved = 1;
    c.resolution_sum_ms = *f.resolution_ms;
    c.resolution.Add(*f.resolution_ms);
  }
  c.customer_messages = f.customer_messages;
  c.answered_messages = f.answered_messages;
  c.sla_met = f.first_response_sla == SlaOutcome::kMet ? 1 : 0;
  c.sla_breached = f.first_response_sla == SlaOutcome::kBreached ? 1 : 0;
  c.complaints = f.complaint ? 1 : 0;
  c.repeat_complaints = f.repeat_complaint ? 1 : 0;
  if (f.sentiment) {
    c.negative = *f.sentiment == Sentiment::kNegative ? 1 : 0;
    c.neutral = *f.sentiment == Sentiment::kNeutral ? 1 : 0;
    c.positive = *f.sentiment == Sentiment::kPositive ? 1 : 0;
  }
  return c;
}

std::vector<RollupKey> KeysOf(const CaseFacts& facts) {
  std::vector<RollupKey> keys;
  for (Grain grain : {Grain::kHour, Grain::kDay}) {
    const UnixMillis bucket = BucketOf(grain, facts.opened_at);
    for (Dimension d : kDimensions) {
      for (std::string& group : GroupsUnder(facts, d)) {
        keys.push_back(RollupKey{grain, bucket, d, std::move(group)});
      }
    }
  }
  return keys;
}

void RollupDelta::Apply(const CaseFacts& facts, int sign) {
  const RollupCounters contribution = ContributionOf(facts);
  for (RollupKey& key : KeysOf(facts)) changes_[std::move(key)].Merge(contribution, sign);
}

void RollupDelta::Replace(const std::optional<CaseFacts>& old_facts,
                          const std::optional<CaseFacts>& new_facts) {
  if (old_facts) Apply(*old_facts, -1);
  if (new_facts) Apply(*new_facts, +1);
}

std::map<RollupKey, RollupCounters> RollupDelta::Changes() const {
  std::map<RollupKey, RollupCounters> out;
  for (const auto& [key, change] : changes_) {
    if (!change.IsZero()) out.emplace(key, change);
  }
  return out;
}

}  // namespace fr::domain::metrics
