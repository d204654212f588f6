#include "channels/sim/scenario_rules.h"

#include <algorithm>
#include <initializer_list>
#include <tuple>

namespace fr::channels::sim::internal {
namespace {

using domain::Platform;

// A key that must be present and non-empty.
Result<std::string> Required(const std::optional<std::string>& value, std::string_view key,
                             const KeyError& error) {
  if (!value) return error(key, "required");
  if (value->empty()) return error(key, "must not be empty");
  return *value;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A feed id is a path segment of the simulator's URL (/feeds/<id>.xml), written as Feedroom's
// [[listening.feeds]] ids are.
bool IsFeedId(std::string_view s) {
  return !s.empty() && s.size() <= 64 &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.-") == std::string_view::npos;
}

// A key only steps of kind `wanted` may have: "" when absent; an error when another kind has it.
Result<std::string> OnlyFor(CustomerActionKind wanted, CustomerActionKind kind,
                            const std::optional<std::string>& value, std::string_view key,
                            const KeyError& error) {
  std::string given = value.value_or("");
  if (!given.empty() && kind != wanted) {
    return error(key, "is for " + std::string(CustomerActionKindName(wanted)) + " steps only");
  }
  return given;
}

}  // namespace

Result<Platform> CheckPlatform(const std::optional<std::string>& value, std::string_view key,
                               std::initializer_list<Platform> allowed, const KeyError& error) {
  FR_ASSIGN_OR_RETURN(std::string name, Required(value, key, error));
  std::optional<Platform> p = domain::ParsePlatform(name);
  if (!p || std::find(allowed.begin(), allowed.end(), *p) == allowed.end()) {
    std::string names;
    for (Platform a : allowed) {
      names += (names.empty() ? "" : ", ") + std::string(domain::PlatformName(a));
    }
    return error(key, "must be one of " + names);
  }
  return *p;
}

Result<ScenarioCustomer> CheckCustomer(const CustomerFields& f, const KeyError& error) {
  ScenarioCustomer c;
  Customer& customer = c.customer;
  FR_ASSIGN_OR_RETURN(c.key, Required(f.key, "key", error));
  FR_ASSIGN_OR_RETURN(customer.platform,
                      CheckPlatform(f.platform, "platform",
                                    {Platform::kX, Platform::kFacebook, Platform::kMessenger,
                                     Platform::kInstagram, Platform::kRss},
                                    error));
  FR_ASSIGN_OR_RETURN(customer.person.id, Required(f.id, "id", error));
  if (customer.platform == Platform::kX && !AllDigits(customer.person.id)) {
    return error("id", "must be the numeric X user id, as a string");
  }
  customer.person.handle = f.handle.value_or("");
  customer.person.name = f.name.value_or("");
  customer.person.followers = f.followers.value_or(0);
  constexpr std::int64_t kMaxFollowers = 2'000'000'000;
  if (customer.person.followers < 0 || customer.person.followers > kMaxFollowers) {
    return error("followers", "must be between 0 and " + std::to_string(kMaxFollowers));
  }
  customer.person.verified = f.verified.value_or(false);
  customer.psid = f.psid.value_or("");
  if (!customer.psid.empty() && customer.platform != Platform::kFacebook) {
    return error("psid", "is for facebook customers only");
  }
  return c;
}

Result<ScenarioStep> CheckStep(const StepFields& f, const StepIndex& index, const KeyError& error) {
  ScenarioStep step;
  step.id = f.id.value_or("");
  step.at_seconds = f.at_seconds;
  FR_ASSIGN_OR_RETURN(step.customer, Required(f.customer, "customer", error));
  auto customer = index.customers.find(step.customer);
  if (customer == index.customers.end()) {
    return error("customer", "no customer with key " + step.customer);
  }
  const Platform platform = customer->second->customer.platform;
  if (f.platform && !f.platform->empty() && *f.platform != domain::PlatformName(platform)) {
    return error("platform",
                 "must be the customer's platform, " + std::string(domain::PlatformName(platform)));
  }
  FR_ASSIGN_OR_RETURN(std::string kind_name, Required(f.kind, "kind", error));
  std::optional<CustomerActionKind> kind = ParseCustomerActionKind(kind_name);
  if (!kind) {
    return error("kind",
                 "must be mention, reply, quote, comment, dm, private_message, post or forum");
  }
  if (!KindAllowedOn(*kind, platform)) {
    return error("kind",
                 kind_name + " does not exist on " + std::string(domain::PlatformName(platform)));
  }
  step.kind = *kind;
  FR_ASSIGN_OR_RETURN(step.text, Required(f.text, "text", error));
  step.account_id = f.account.value_or("");
  if (!step.account_id.empty() &&
      (step.kind == CustomerActionKind::kPost || step.kind == CustomerActionKind::kForum)) {
    return error("account", "is for steps that address the brand");
  }
  if (step.kind == CustomerActionKind::kForum) {
    FR_ASSIGN_OR_RETURN(step.feed, Required(f.feed, "feed", error));
    if (!IsFeedId(step.feed)) return error("feed", "must be 1-64 of a-z 0-9 _ . -");
  } else {
    FR_RETURN_IF_ERROR(
        OnlyFor(CustomerActionKind::kForum, step.kind, f.feed, "feed", error).status());
  }
  FR_ASSIGN_OR_RETURN(step.title,
                      OnlyFor(CustomerActionKind::kForum, step.kind, f.title, "title", error));

  if (step.kind == CustomerActionKind::kReply) {
    FR_ASSIGN_OR_RETURN(step.in_reply_to, Required(f.in_reply_to, "in_reply_to", error));
    auto parent = index.steps.find(step.in_reply_to);
    if (parent == index.steps.end()) {
      return error("in_reply_to", "no earlier step with id " + step.in_reply_to);
    }
    const ScenarioStep& p = *parent->second.first;
    if (parent->second.second != platform || p.kind == CustomerActionKind::kDm) {
      return error("in_reply_to", "must be a public post or comment on " +
                                      std::string(domain::PlatformName(platform)));
    }
    if (p.at_seconds > step.at_seconds) {
      return error("in_reply_to", "step " + p.id + " plays later than this one");
    }
  } else if (f.in_reply_to && !f.in_reply_to->empty()) {
    return error("in_reply_to", "is for replies only");
  }
  for (const auto& [key, value, wanted] :
       {std::tuple{"on", &f.on, CustomerActionKind::kComment},
        std::tuple{"quotes", &f.quotes, CustomerActionKind::kQuote}}) {
    std::string post_key;
    if (step.kind == wanted) {
      FR_ASSIGN_OR_RETURN(post_key, Required(*value, key, error));
    } else {
      FR_ASSIGN_OR_RETURN(post_key, OnlyFor(wanted, step.kind, *value, key, error));
    }
    if (post_key.empty()) continue;
    auto post = index.brand_posts.find(post_key);
    if (post == index.brand_posts.end() || post->second->platform != platform) {
      return error(key, "no " + std::string(domain::PlatformName(platform)) +
                            " brand post with key " + post_key);
    }
    step.brand_post = post_key;
  }
  return step;
}

}  // namespace fr::channels::sim::internal
