#include "channels/x/x_stream_rules.h"

#include <boost/json.hpp>

#include <algorithm>

#include "channels/common/json_fields.h"

namespace fr::channels::x {

Result<std::vector<XStreamRuleOnX>> ParseStreamRules(std::string_view body) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  std::vector<XStreamRuleOnX> out;
  auto data = ArrayMember(doc.root(), "data");
  if (!data) return out;
  size_t i = 0;
  for (JsonElement item : *data) {
    XStreamRuleOnX rule;
    auto id = IdMember(item, "id");
    auto value = StringMember(item, "value");
    if (!id) return MissingField("data[" + std::to_string(i) + "].id");
    if (!value) return MissingField("data[" + std::to_string(i) + "].value");
    rule.id = std::move(*id);
    rule.value = std::string(*value);
    rule.tag = std::string(StringMember(item, "tag").value_or(""));
    out.push_back(std::move(rule));
    ++i;
  }
  return out;
}

XRuleChanges PlanRuleChanges(const std::vector<XStreamRuleOnX>& on_x,
                             const std::vector<XStreamRuleSpec>& wanted) {
  XRuleChanges changes;
  std::vector<bool> held(wanted.size(), false);
  for (const XStreamRuleOnX& rule : on_x) {
    auto it = std::find(wanted.begin(), wanted.end(), XStreamRuleSpec{rule.value, rule.tag});
    const size_t at = static_cast<size_t>(it - wanted.begin());
    if (it == wanted.end() || held[at]) {
      changes.delete_ids.push_back(rule.id);
    } else {
      held[at] = true;
    }
  }
  for (size_t i = 0; i < wanted.size(); ++i) {
    const bool repeated = std::find(wanted.begin(), wanted.begin() + static_cast<long>(i),
                                    wanted[i]) != wanted.begin() + static_cast<long>(i);
    if (!held[i] && !repeated) changes.add.push_back(wanted[i]);
  }
  return changes;
}

std::string DeleteRulesBody(const std::vector<std::string>& ids) {
  boost::json::array list;
  for (const std::string& id : ids) list.emplace_back(id);
  return boost::json::serialize(boost::json::object{{"delete", boost::json::object{{"ids", list}}}});
}

std::string AddRulesBody(const std::vector<XStreamRuleSpec>& rules) {
  boost::json::array list;
  for (const XStreamRuleSpec& r : rules) {
    boost::json::object rule{{"value", r.value}};
    if (!r.tag.empty()) rule["tag"] = r.tag;
    list.emplace_back(std::move(rule));
  }
  return boost::json::serialize(boost::json::object{{"add", list}});
}

Status CheckRulesAnswer(int status, std::string_view body) {
  if (status < 200 || status > 299) {
    if (status == 400) {
      return Status(Errc::kInvalidArgument, "rules_refused",
                    "X refused the stream rules: " + std::string(body.substr(0, 300)));
    }
    return Status(Errc::kUnavailable, "x_error",
                  "X answered " + std::to_string(status) + " to a stream rules change");
  }
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  std::string refused;
  if (auto errors = ArrayMember(doc.root(), "errors")) {
    for (JsonElement e : *errors) {
      const std::string_view title = StringMember(e, "title").value_or("error");
      if (title == "DuplicateRule") continue;  // X holds it already: what we wanted
      if (!refused.empty()) refused += "; ";
      refused += std::string(title) + " \"" + std::string(StringMember(e, "value").value_or("")) + "\"";
    }
  }
  if (!refused.empty()) {
    return Status(Errc::kInvalidArgument, "rules_refused", "X refused stream rules: " + refused);
  }
  return Status::Ok();
}

}  // namespace fr::channels::x
