#include "channels/sim/scenario.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "channels/sim/scenario_rules.h"

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

  // A string; nullopt when absent.
  Result<std::optional<std::string>> OptionalString(std::string_view key) {
    const toml::node* n = Get(key);
    if (n == nullptr) return std::optional<std::string>();
    const auto* s = n->as_string();
    if (s == nullptr) return Error(key, "must be a string");
    return std::optional<std::string>(s->get());
  }

  // An integer; nullopt when absent.
  Result<std::optional<std::int64_t>> OptionalInt(std::string_view key) {
    const toml::node* n = Get(key);
    if (n == nullptr) return std::optional<std::int64_t>();
    const auto* i = n->as_integer();
    if (i == nullptr) return Error(key, "must be an integer");
    return std::optional<std::int64_t>(i->get());
  }

  // A boolean; nullopt when absent.
  Result<std::optional<bool>> OptionalBool(std::string_view key) {
    const toml::node* n = Get(key);
    if (n == nullptr) return std::optional<bool>();
    const auto* b = n->as_boolean();
    if (b == nullptr) return Error(key, "must be true or false");
    return std::optional<bool>(b->get());
  }

  // Errors of the checks shared with on-demand steps (scenario_rules.h), in this table.
  internal::KeyError Errors() const {
    return [this](std::string_view key, std::string_view what) { return Error(key, what); };
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

Result<ScenarioBrandPost> ReadBrandPost(const toml::table& t, std::string_view source,
                                        std::size_t i) {
  TableReader r(t, source, Indexed("brand_posts", i));
  ScenarioBrandPost post;
  FR_ASSIGN_OR_RETURN(post.key, r.String("key", true));
  FR_ASSIGN_OR_RETURN(std::optional<std::string> platform, r.OptionalString("platform"));
  FR_ASSIGN_OR_RETURN(post.platform,
                      internal::CheckPlatform(platform, "platform",
                                              {Platform::kX, Platform::kFacebook,
                                               Platform::kInstagram},
                                              r.Errors()));
  FR_ASSIGN_OR_RETURN(post.account_id, r.String("account", false));
  FR_ASSIGN_OR_RETURN(post.text, r.String("text", post.platform == Platform::kX));
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());
  return post;
}

Result<ScenarioCustomer> ReadCustomer(const toml::table& t, std::string_view source,
                                      std::size_t i) {
  TableReader r(t, source, Indexed("customers", i));
  internal::CustomerFields f;
  for (auto [key, into] : {std::pair{"key", &f.key}, std::pair{"platform", &f.platform},
                           std::pair{"id", &f.id}, std::pair{"handle", &f.handle},
                           std::pair{"name", &f.name}, std::pair{"psid", &f.psid}}) {
    FR_ASSIGN_OR_RETURN(*into, r.OptionalString(key));
  }
  FR_ASSIGN_OR_RETURN(f.followers, r.OptionalInt("followers"));
  FR_ASSIGN_OR_RETURN(f.verified, r.OptionalBool("verified"));
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());
  return internal::CheckCustomer(f, r.Errors());
}

Result<ScenarioStep> ReadStep(const toml::table& t, std::string_view source, std::size_t i,
                              const internal::StepIndex& index) {
  TableReader r(t, source, Indexed("steps", i));
  internal::StepFields f;
  FR_ASSIGN_OR_RETURN(f.at_seconds, r.Int("at", true, 0, 366LL * 24 * 3600));
  for (auto [key, into] :
       {std::pair{"id", &f.id}, std::pair{"customer", &f.customer},
        std::pair{"platform", &f.platform}, std::pair{"kind", &f.kind}, std::pair{"text", &f.text},
        std::pair{"account", &f.account}, std::pair{"in_reply_to", &f.in_reply_to},
        std::pair{"on", &f.on}, std::pair{"quotes", &f.quotes}, std::pair{"feed", &f.feed},
        std::pair{"title", &f.title}}) {
    FR_ASSIGN_OR_RETURN(*into, r.OptionalString(key));
  }
  FR_RETURN_IF_ERROR(r.CheckNoOtherKeys());
  return internal::CheckStep(f, index, r.Errors());
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
  internal::StepIndex known;
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
