#include "channels/sim/scenario.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fr::channels::sim {
namespace {

using domain::Platform;

// Reads the keys of one TOML table, remembering which were read so that any other key can be
// reported as unknown. Every error names the scenario and the key's path.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string_view source, std::string path)
      : table_(table), source_(source), path_(std::move(path)) {}

  Status Error(std::string_view key, std::string_view what) const {
    return Status(
        Errc::kInvalidArgument, "bad_scenario",
        std::string(source_) + ": " + path_ + std::string(key) + ": " + std::string(what));
  }

  // A string; "" when absent and not `required`.
  Result<std::string> String(std::string_view key, bool required) {
    const toml::node* n = Get(key);
    if (n == nullptr) return required ? Result<std::string>(Error(key, "required")) : std::string();
    const auto* s = n->as_string();
    if (s == nullptr) return Error(key, "must be a string");
    if (required && s->get().empty()) return Error(key, "must not be empty");
    return s->get();
  }

  // An integer in [min, max]; `min` when absent and not `required`.
  Result<std::int64_t> Int(std::string_view key, bool required, std::int64_t min,
                           std::int64_t max) {
    const toml::node* n = Get(key);
    if (n == nullptr) return required ? Result<std::int64_t>(Error(key, "required")) : min;
    const auto* i = n->as_integer();
    if (i == nullptr) return Error(key, "must be an integer");
    if (i->get() < min || i->get() > max) {
      return Error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return i->get();
  }

  // A boolean; false when absent.
  Result<bool> Bool(std::string_view key) {
    const toml::node* n = Get(key);
    if (n == nullptr) return false;
    const auto* b = n->as_boolean();
    if (b == nullptr) return Error(key, "must be true or false");
    return b->get();
  }

  Result<Platform> PlatformKey(std::string_view key, std::initializer_list<Platform> allowed) {
    FR_ASSIGN_OR_RETURN(std::string name, String(key, true));
    std::optional<Platform> p = domain::ParsePlatform(name);
    if (!p || std::find(allowed.begin(), allowed.end(), *p) == allowed.end()) {
      std::string names;
      for (Platform a : allowed) {
        names += (names.empty() ? "" : ", ") + std::string(domain::PlatformName(a));
      }
      return Error(key, "must be one of " + names);
    }
    return *p;
  }

  // The tables of the array of tables `key` (empty when absent).
  Result<std::vector<const toml::table*>> TableArray(std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = Get(key);
    if (n == nullptr) return out;
    const toml::array* array = n->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      return Error(key, "must be an array of tables ([[" + std::string(key) + "]])");
    }
    for (const toml::node& item : *array) out.push_back(item.as_table());
    return out;
  }

  // Fails on the first key that was never read.
  Status CheckNoOtherKeys() const {
    for (const auto& [key, value] : table_) {
      if (!read_.count(std::string(key.str()))) return Error(key.str(), "unknown key");
    }
    return Status::Ok();
  }

 private:
  const toml::node* Get(std::string_view key) {
    read_.insert(std::string(key));
    return table_.get(key);
  }

  const toml::table& table_;
  std::string_view source_;
  std::string path_;
  std::set<std::string> read_;
};

std::string Indexed(std::string_view array, std::size_t i) {
  return std::string(array) + "[" + std::to_string(i) + "].";
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

Result<ScenarioBrandPost> ReadBrandPost(const toml::table& t, std::string_view source,
                                        std::size_t i) {
  TableReader r(t, source, Indexed("brand_posts", i));
  ScenarioBrandPost post;
  FR_ASSIGN_OR_RETURN(post.key, r.String("key", true));
  FR_ASSIGN_OR_RETURN(post.platform, r.PlatformKey("platform", {Platform::kX, Platform::kFacebook,
                                                                Platform::kInstagram}));
  FR_ASSIGN_OR_RETURN(post.account_id, r.String("account", false));
  FR_ASSIGN_OR_RETURN(post.text, r.String("text", post.platform == Platform::kX));
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());
  return post;
}

Result<ScenarioCustomer> ReadCustomer(const toml::table& t, std::string_view source,
                                      std::size_t i) {
  TableReader r(t, source, Indexed("customers", i));
  ScenarioCustomer c;
  Customer& customer = c.customer;
  FR_ASSIGN_OR_RETURN(c.key, r.String("key", true));
  FR_ASSIGN_OR_RETURN(customer.platform,
                      r.PlatformKey("platform", {Platform::kX, Platform::kFacebook,
                                                 Platform::kMessenger, Platform::kInstagram}));
  FR_ASSIGN_OR_RETURN(customer.person.id, r.String("id", true));
  if (customer.platform == Platform::kX && !AllDigits(customer.person.id)) {
    return r.Error("id", "must be the numeric X user id, as a string");
  }
  FR_ASSIGN_OR_RETURN(customer.person.handle, r.String("handle", false));
  FR_ASSIGN_OR_RETURN(customer.person.name, r.String("name", false));
  FR_ASSIGN_OR_RETURN(customer.person.followers, r.Int("followers", false, 0, 2'000'000'000));
  FR_ASSIGN_OR_RETURN(customer.person.verified, r.Bool("verified"));
  FR_ASSIGN_OR_RETURN(customer.psid, r.String("psid", false));
  if (!customer.psid.empty() && customer.platform != Platform::kFacebook) {
    return r.Error("psid", "is for facebook customers only");
  }
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());
  return c;
}

// What a step may refer to, by key: the customers, the brand posts and the earlier steps.
struct Known {
  std::map<std::string, const ScenarioCustomer*, std::less<>> customers;
  std::map<std::string, const ScenarioBrandPost*, std::less<>> brand_posts;
  std::map<std::string, std::pair<const ScenarioStep*, Platform>, std::less<>> steps;
};

Result<ScenarioStep> ReadStep(const toml::table& t, std::string_view source, std::size_t i,
                              const Known& known) {
  TableReader r(t, source, Indexed("steps", i));
  ScenarioStep step;
  FR_ASSIGN_OR_RETURN(step.id, r.String("id", false));
  FR_ASSIGN_OR_RETURN(step.at_seconds, r.Int("at", true, 0, 366LL * 24 * 3600));
  FR_ASSIGN_OR_RETURN(step.customer, r.String("customer", true));
  auto customer = known.customers.find(step.customer);
  if (customer == known.customers.end()) {
    return r.Error("customer", "no customer with key " + step.customer);
  }
  const Platform platform = customer->second->customer.platform;
  FR_ASSIGN_OR_RETURN(std::string platform_name, r.String("platform", false));
  if (!platform_name.empty() && platform_name != domain::PlatformName(platform)) {
    return r.Error("platform", "must be the customer's platform, " +
                                   std::string(domain::PlatformName(platform)));
  }
  FR_ASSIGN_OR_RETURN(std::string kind_name, r.String("kind", true));
  std::optional<CustomerActionKind> kind = ParseCustomerActionKind(kind_name);
  if (!kind) {
    return r.Error("kind", "must be mention, reply, quote, comment, dm or private_message");
  }
  if (!KindAllowedOn(*kind, platform)) {
    return r.Error("kind",
                   kind_name + " does not exist on " + std::string(domain::PlatformName(platform)));
  }
  step.kind = *kind;
  FR_ASSIGN_OR_RETURN(step.text, r.String("text", true));
  FR_ASSIGN_OR_RETURN(step.account_id, r.String("account", false));

  const bool reply = step.kind == CustomerActionKind::kReply;
  FR_ASSIGN_OR_RETURN(step.in_reply_to, r.String("in_reply_to", reply));
  if (!reply && !step.in_reply_to.empty()) return r.Error("in_reply_to", "is for replies only");
  if (reply) {
    auto parent = known.steps.find(step.in_reply_to);
    if (parent == known.steps.end()) {
      return r.Error("in_reply_to", "no earlier step with id " + step.in_reply_to);
    }
    const ScenarioStep& p = *parent->second.first;
    if (parent->second.second != platform || p.kind == CustomerActionKind::kDm) {
      return r.Error("in_reply_to", "must be a public post or comment on " +
                                        std::string(domain::PlatformName(platform)));
    }
    if (p.at_seconds > step.at_seconds) {
      return r.Error("in_reply_to", "step " + p.id + " plays later than this one");
    }
  }
  for (const auto& [key, wanted] : {std::pair{"on", CustomerActionKind::kComment},
                                    std::pair{"quotes", CustomerActionKind::kQuote}}) {
    FR_ASSIGN_OR_RETURN(std::string post_key, r.String(key, step.kind == wanted));
    if (post_key.empty()) continue;
    if (step.kind != wanted) {
      return r.Error(key, "is for " + std::string(CustomerActionKindName(wanted)) + " steps only");
    }
    auto post = known.brand_posts.find(post_key);
    if (post == known.brand_posts.end() || post->second->platform != platform) {
      return r.Error(key, "no " + std::string(domain::PlatformName(platform)) +
                              " brand post with key " + post_key);
    }
    step.brand_post = post_key;
  }
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());
  return step;
}

}  // namespace

Result<Scenario> ParseScenario(std::string_view toml_text, std::string_view source_name) {
  // Debian's toml++ is built with exceptions: parse errors are thrown, and caught here so that
  // none leaves the module.
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& err) {
    std::ostringstream msg;
    msg << source_name << ":" << err.source().begin.line << ":" << err.source().begin.column << ": "
        << err.description();
    return Status(Errc::kInvalidArgument, "bad_scenario", msg.str());
  }
  TableReader r(root, source_name, "");
  Scenario s;
  FR_ASSIGN_OR_RETURN(s.name, r.String("name", false));
  FR_ASSIGN_OR_RETURN(s.description, r.String("description", false));
  FR_ASSIGN_OR_RETURN(auto brand_posts, r.TableArray("brand_posts"));
  FR_ASSIGN_OR_RETURN(auto customers, r.TableArray("customers"));
  FR_ASSIGN_OR_RETURN(auto steps, r.TableArray("steps"));
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());

  for (std::size_t i = 0; i < brand_posts.size(); ++i) {
    FR_ASSIGN_OR_RETURN(ScenarioBrandPost post, ReadBrandPost(*brand_posts[i], source_name, i));
    s.brand_posts.push_back(std::move(post));
  }
  for (std::size_t i = 0; i < customers.size(); ++i) {
    FR_ASSIGN_OR_RETURN(ScenarioCustomer customer, ReadCustomer(*customers[i], source_name, i));
    s.customers.push_back(std::move(customer));
  }
  // The vectors are complete: pointers into them stay valid while `known` is used.
  Known known;
  for (std::size_t i = 0; i < s.brand_posts.size(); ++i) {
    if (!known.brand_posts.emplace(s.brand_posts[i].key, &s.brand_posts[i]).second) {
      return TableReader(*brand_posts[i], source_name, Indexed("brand_posts", i))
          .Error("key", "is used twice");
    }
  }
  for (std::size_t i = 0; i < s.customers.size(); ++i) {
    if (!known.customers.emplace(s.customers[i].key, &s.customers[i]).second) {
      return TableReader(*customers[i], source_name, Indexed("customers", i))
          .Error("key", "is used twice");
    }
  }
  s.steps.reserve(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    FR_ASSIGN_OR_RETURN(ScenarioStep step, ReadStep(*steps[i], source_name, i, known));
    s.steps.push_back(std::move(step));
    const ScenarioStep& added = s.steps.back();
    if (added.id.empty()) continue;
    const Platform platform = known.customers.find(added.customer)->second->customer.platform;
    if (!known.steps.emplace(added.id, std::pair{&added, platform}).second) {
      return TableReader(*steps[i], source_name, Indexed("steps", i)).Error("id", "is used twice");
    }
  }
  std::stable_sort(
      s.steps.begin(), s.steps.end(),
      [](const ScenarioStep& a, const ScenarioStep& b) { return a.at_seconds < b.at_seconds; });
  return s;
}

Result<Scenario> LoadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(Errc::kNotFound, "scenario_unreadable", "cannot read scenario file " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseScenario(text.str(), path);
}

}  // namespace fr::channels::sim
