#include "history_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace fr::bench {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

constexpr std::array<domain::Platform, 3> kPlatforms = {
    domain::Platform::kX, domain::Platform::kFacebook, domain::Platform::kInstagram};
constexpr std::array<double, 3> kPlatformShare = {0.45, 0.35, 0.20};

template <std::size_t N>
std::size_t Pick(std::mt19937_64& random, const std::array<double, N>& shares) {
  double u = std::uniform_real_distribution<double>(0, 1)(random);
  for (std::size_t i = 0; i < N; ++i) {
    if (u < shares[i]) return i;
    u -= shares[i];
  }
  return N - 1;
}

// Relative traffic by local hour (Israel, UTC+2 taken as fixed) and weekday (Sunday first).
double Rhythm(UnixMillis t) {
  static constexpr std::array<double, 24> kByHour = {0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7,
                                                     1.0, 1.2, 1.3, 1.3, 1.3, 1.2, 1.2, 1.2,
                                                     1.3, 1.4, 1.5, 1.6, 1.6, 1.4, 1.0, 0.6};
  static constexpr std::array<double, 7> kByDay = {1.1, 1.1, 1.0, 1.0, 1.0, 0.7, 0.5};
  const std::int64_t local = t + 2 * kHour;
  const std::int64_t hour = (local / kHour) % 24;
  const std::int64_t day = (local / (24 * kHour) + 4) % 7;  // 1970-01-01 was a Thursday
  return kByHour[static_cast<std::size_t>(hour)] * kByDay[static_cast<std::size_t>(day)];
}

}  // namespace

HistoryGenerator::HistoryGenerator(HistoryShape shape) : shape_(shape), random_(shape.seed) {
  const std::int64_t hours = static_cast<std::int64_t>(shape_.days) * 24;
  double total = 0;
  for (std::int64_t h = 0; h < hours; ++h) {
    total += Rhythm(shape_.start + h * kHour);
    hour_weight_cdf_.push_back(total);
  }
  for (double& w : hour_weight_cdf_) w /= total;
}

UnixMillis HistoryGenerator::OpenedAt(std::int64_t i) {
  // Case i sits at quantile (i + 0.5) / cases of the weighted hours: time order by i.
  const double q = (static_cast<double>(i) + 0.5) / static_cast<double>(shape_.cases);
  const auto hour = std::lower_bound(hour_weight_cdf_.begin(), hour_weight_cdf_.end(), q) -
                    hour_weight_cdf_.begin();
  const double before = hour == 0 ? 0 : hour_weight_cdf_[static_cast<std::size_t>(hour) - 1];
  const double within = (q - before) / (hour_weight_cdf_[static_cast<std::size_t>(hour)] - before);
  return shape_.start + hour * kHour + static_cast<std::int64_t>(within * kHour);
}

Status HistoryGenerator::WriteCase(ports::StoreTxn& txn, std::int64_t i) {
  std::mt19937_64& r = random_;
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(r) < p; };
  const std::size_t platform_index = Pick(r, kPlatformShare);
  const domain::Platform platform = kPlatforms[platform_index];
  const std::string account = "acct-" + std::to_string(platform_index) + "-" + std::to_string(r() % 2);
  // About 1 customer in 3 comes back during the year.
  const std::int64_t customer_number =
      static_cast<std::int64_t>(r() % static_cast<std::uint64_t>(std::max<std::int64_t>(1, shape_.cases * 2 / 3)));
  domain::Author author;
  author.id = "cust-" + std::to_string(customer_number);
  author.handle = author.id;
  FR_ASSIGN_OR_RETURN(domain::CustomerId customer, txn.UpsertCustomer(platform, author));

  const UnixMillis opened = OpenedAt(i);
  domain::Case c;
  c.platform = platform;
  c.account_id = account;
  c.customer_id = customer;
  c.opened_at = c.last_customer_message_at = c.last_activity_at = opened;
  c.status = domain::CaseStatus::kOpen;
  c.status_since = opened;
  c.priority = std::array{domain::Priority::kNormal, domain::Priority::kHigh,
                          domain::Priority::kUrgent, domain::Priority::kLow}
      [Pick(r, std::array<double, 4>{0.70, 0.20, 0.05, 0.05})];
  c.language = std::array{"he", "en", "ar"}[Pick(r, std::array<double, 3>{0.60, 0.35, 0.05})];
  c.team = static_cast<domain::TeamId>(1 + r() % 5);
  if (chance(0.9)) c.assignee = static_cast<domain::UserId>(1 + r() % 40);

  std::vector<std::pair<UnixMillis, bool>> messages = {{opened, false}};
  std::lognormal_distribution<double> first_response(std::log(20.0 * kMinute), 1.2);
  if (chance(0.92)) {
    const UnixMillis answer = opened + static_cast<std::int64_t>(first_response(r));
    messages.emplace_back(answer, true);
    c.first_response_at = c.last_agent_reply_at = answer;
    if (chance(0.5)) messages.emplace_back(answer + static_cast<std::int64_t>(first_response(r)), false);
  }
  c.message_count = static_cast<std::int64_t>(messages.size());
  for (const auto& [at, outbound] : messages) {
    c.last_activity_at = std::max(c.last_activity_at, at);
    if (!outbound) c.last_customer_message_at = std::max(c.last_customer_message_at, at);
  }
  FR_ASSIGN_OR_RETURN(c.id, txn.InsertCase(c));

  domain::MessageId opening = 0;
  for (const auto& [at, outbound] : messages) {
    ports::StoredMessage m;
    m.message.platform = platform;
    m.message.account_id = account;
    m.message.external_id = "g" + std::to_string(++next_message_);
    m.message.author = outbound ? domain::Author{} : author;
    m.message.text = outbound ? "נבדוק ונחזור אליך" : "ההזמנה שלי לא הגיעה";
    m.message.created_at = at;
    m.message.is_outbound = outbound;
    m.case_id = c.id;
    m.author_customer_id = outbound ? 0 : customer;
    m.received_at = at;
    FR_ASSIGN_OR_RETURN(domain::MessageId id, txn.InsertMessage(m));
    if (opening == 0) opening = id;
  }
  ports::MessageInsight insight;
  insight.understanding.language = c.language;
  insight.understanding.intent = std::array{domain::Intent::kComplaint, domain::Intent::kQuestion,
                                            domain::Intent::kRequest, domain::Intent::kPraise,
                                            domain::Intent::kOther}
      [Pick(r, std::array<double, 5>{0.35, 0.35, 0.15, 0.10, 0.05})];
  insight.understanding.sentiment =
      insight.understanding.intent == domain::Intent::kComplaint ? domain::Sentiment::kNegative
      : insight.understanding.intent == domain::Intent::kPraise  ? domain::Sentiment::kPositive
                                                                 : domain::Sentiment::kNeutral;
  if (chance(0.2)) insight.rules.push_back("rule-" + std::to_string(r() % 30));
  FR_RETURN_IF_ERROR(txn.insights().PutInsight(opening, insight));

  if (c.first_response_at != 0 && chance(0.8)) {
    std::lognormal_distribution<double> resolution(std::log(5.0 * kHour), 1.0);
    const UnixMillis resolved = c.first_response_at + static_cast<std::int64_t>(resolution(r));
    FR_RETURN_IF_ERROR(txn.work()
                           .InsertCaseEvent({0, c.id, resolved, domain::CaseEventKind::kStatusChanged,
                                             std::nullopt, std::nullopt, "open>resolved"})
                           .status());
    c.status = domain::CaseStatus::kResolved;
    c.status_since = resolved;
    FR_RETURN_IF_ERROR(txn.UpdateCase(c));
  }
  return Status::Ok();
}

Status HistoryGenerator::AddPeople(ports::Store& store) {
  return ports::WriteOne(store, [](ports::StoreTxn& txn) -> Status {
    for (int i = 1; i <= 40; ++i) {
      ports::StoredUser u;
      u.user.username = "agent" + std::to_string(i);
      u.user.display_name = "נציג " + std::to_string(i);
      FR_RETURN_IF_ERROR(txn.people().InsertUser(u).status());
    }
    for (int i = 1; i <= 5; ++i) {
      domain::Team t;
      t.name = "צוות " + std::to_string(i);
      FR_RETURN_IF_ERROR(txn.people().InsertTeam(t).status());
    }
    return Status::Ok();
  });
}

Result<std::int64_t> HistoryGenerator::Write(ports::Store& store, std::int64_t from,
                                             std::int64_t to, int per_batch) {
  const std::int64_t messages_before = next_message_;
  for (std::int64_t start = from; start < to; start += per_batch) {
    const std::int64_t end = std::min(to, start + per_batch);
    std::vector<ports::WriteUnit> units;
    for (std::int64_t i = start; i < end; ++i) {
      units.push_back([this, i](ports::StoreTxn& txn) { return WriteCase(txn, i); });
    }
    for (const Status& s : store.WriteBatch(units, ports::Durability::kDeferred)) {
      FR_RETURN_IF_ERROR(s);
    }
  }
  return next_message_ - messages_before;
}

}  // namespace fr::bench
