#include "channels/sim/scenario_step_json.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <string>
#include <utility>

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

Status BadStep(std::string_view prefix, std::string_view key, std::string_view what) {
  return Status(Errc::kInvalidArgument, "bad_step",
                std::string(prefix) + std::string(key) + ": " + std::string(what));
}

// Reads the members of one JSON object by name, each checked for its type; `prefix` names the
// object in errors ("" for the step, "customer." for an inline customer).
class ObjectReader {
 public:
  ObjectReader(const json::object& object, std::string_view prefix)
      : object_(object), prefix_(prefix) {}

  Status Error(std::string_view key, std::string_view what) const {
    return BadStep(prefix_, key, what);
  }
  KeyError Errors() const {
    return [this](std::string_view key, std::string_view what) { return Error(key, what); };
  }

  // Refuses members other than `known`.
  template <std::size_t N>
  Status AllowOnly(const std::array<std::string_view, N>& known) const {
    for (const auto& member : object_) {
      const std::string_view key = member.key();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        return Error(key,
                     key == "at" ? "not for on-demand steps, which play at once" : "unknown field");
      }
    }
    return Status::Ok();
  }

  // A string; nullopt when absent or null.
  Result<std::optional<std::string>> String(std::string_view key) const {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr || v->is_null()) return std::optional<std::string>();
    if (!v->is_string()) return Error(key, "must be a string");
    return std::optional<std::string>(std::string(v->get_string()));
  }

  Result<std::optional<std::int64_t>> Int(std::string_view key) const {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr || v->is_null()) return std::optional<std::int64_t>();
    if (v->is_int64()) return std::optional<std::int64_t>(v->get_int64());
    if (v->is_uint64()) return Error(key, "is too large");
    return Error(key, "must be an integer");
  }

  Result<std::optional<bool>> Bool(std::string_view key) const {
    const json::value* v = object_.if_contains(key);
    if (v == nullptr || v->is_null()) return std::optional<bool>();
    if (!v->is_bool()) return Error(key, "must be true or false");
    return std::optional<bool>(v->get_bool());
  }

 private:
  const json::object& object_;
  std::string_view prefix_;
};

constexpr std::array<std::string_view, 8> kCustomerFields = {
    "key", "platform", "id", "handle", "name", "followers", "verified", "psid"};
constexpr std::array<std::string_view, 11> kStepFields = {
    "customer",    "kind", "text",    "platform", "on",   "quotes",
    "in_reply_to", "id",   "account", "feed",     "title"};

Result<ScenarioCustomer> ReadInlineCustomer(const json::object& object) {
  ObjectReader r(object, "customer.");
  FR_RETURN_IF_ERROR(r.AllowOnly(kCustomerFields));
  CustomerFields f;
  for (auto [key, into] :
       {std::pair{"key", &f.key}, std::pair{"platform", &f.platform}, std::pair{"id", &f.id},
        std::pair{"handle", &f.handle}, std::pair{"name", &f.name}, std::pair{"psid", &f.psid}}) {
    FR_ASSIGN_OR_RETURN(*into, r.String(key));
  }
  FR_ASSIGN_OR_RETURN(f.followers, r.Int("followers"));
  FR_ASSIGN_OR_RETURN(f.verified, r.Bool("verified"));
  return CheckCustomer(f, r.Errors());
}

}  // namespace

Result<StepJson> ParseStepJson(std::string_view body) {
  json::error_code ec;
  json::value root = json::parse(body, ec);
  if (ec || !root.is_object()) {
    return Status(Errc::kMalformed, "malformed_json", "the step must be a JSON object");
  }
  const json::object& object = root.get_object();
  ObjectReader r(object, "");
  FR_RETURN_IF_ERROR(r.AllowOnly(kStepFields));
  StepJson out;
  StepFields& f = out.step;
  if (const json::value* c = object.if_contains("customer"); c != nullptr && c->is_object()) {
    FR_ASSIGN_OR_RETURN(out.customer, ReadInlineCustomer(c->get_object()));
    f.customer = out.customer->key;
  } else if (c != nullptr && !c->is_string() && !c->is_null()) {
    return r.Error("customer", "must be a customers key or a customer object");
  } else {
    FR_ASSIGN_OR_RETURN(f.customer, r.String("customer"));
  }
  for (auto [key, into] : {std::pair{"kind", &f.kind}, std::pair{"text", &f.text},
                           std::pair{"platform", &f.platform}, std::pair{"on", &f.on},
                           std::pair{"quotes", &f.quotes}, std::pair{"in_reply_to", &f.in_reply_to},
                           std::pair{"id", &f.id}, std::pair{"account", &f.account},
                           std::pair{"feed", &f.feed}, std::pair{"title", &f.title}}) {
    FR_ASSIGN_OR_RETURN(*into, r.String(key));
  }
  return out;
}

}  // namespace fr::channels::sim::internal
