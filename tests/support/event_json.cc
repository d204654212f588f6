#include "tests/support/event_json.h"

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fr::testing {
namespace json = boost::json;
namespace {

json::value MessageToValue(const domain::Message& m) {
  json::object o;
  o["platform"] = domain::PlatformName(m.platform);
  o["account_id"] = m.account_id;
  o["external_id"] = m.external_id;
  o["thread_key"] = m.thread_key;
  o["parent_id"] = m.parent_id;
  json::object a;
  a["id"] = m.author.id;
  a["handle"] = m.author.handle;
  a["name"] = m.author.name;
  a["followers"] = m.author.followers ? json::value(*m.author.followers) : json::value(nullptr);
  a["verified"] = m.author.verified ? json::value(*m.author.verified) : json::value(nullptr);
  o["author"] = std::move(a);
  o["counterpart_id"] = m.counterpart_id;
  o["text"] = m.text;
  o["created_at"] = m.created_at;
  o["visibility"] = domain::VisibilityName(m.visibility);
  o["kind"] = domain::MessageKindName(m.kind);
  json::array atts;
  for (const auto& at : m.attachments) atts.push_back(json::object{{"type", at.type}, {"url", at.url}});
  o["attachments"] = std::move(atts);
  o["is_outbound"] = m.is_outbound;
  o["edit_of"] = m.edit_of;
  return o;
}

void Pretty(std::ostream& os, const json::value& v, int indent) {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (o.empty()) { os << "{}"; return; }
    os << "{\n";
    size_t i = 0;
    for (const auto& kv : o) {
      os << pad << "  " << json::serialize(json::value(kv.key())) << ": ";
      Pretty(os, kv.value(), indent + 1);
      os << (++i < o.size() ? ",\n" : "\n");
    }
    os << pad << "}";
  } else if (v.is_array()) {
    const auto& a = v.as_array();
    if (a.empty()) { os << "[]"; return; }
    os << "[\n";
    for (size_t i = 0; i < a.size(); ++i) {
      os << pad << "  ";
      Pretty(os, a[i], indent + 1);
      os << (i + 1 < a.size() ? ",\n" : "\n");
    }
    os << pad << "]";
  } else {
    os << json::serialize(v);
  }
}

}  // namespace

std::string DeliveryToJson(const domain::ParsedDelivery& d) {
  json::array events;
  for (const auto& e : d.events) {
    json::object eo;
    eo["type"] = domain::EventTypeName(e.type);
    eo["occurred_at"] = e.occurred_at;
    eo["message"] = MessageToValue(e.message);
    events.push_back(std::move(eo));
  }
  json::array skipped;
  for (const auto& s : d.skipped) skipped.push_back(json::string(s));
  json::object root;
  root["events"] = std::move(events);
  root["skipped"] = std::move(skipped);
  std::ostringstream os;
  Pretty(os, root, 0);
  os << "\n";
  return os.str();
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string CompareWithGolden(const std::string& actual, const std::string& golden_path) {
  const char* update = std::getenv("FR_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream out(golden_path, std::ios::binary);
    out << actual;
    return out ? "" : "cannot write " + golden_path;
  }
  std::ifstream in(golden_path, std::ios::binary);
  if (!in) return "missing golden file " + golden_path + " (run with FR_UPDATE_GOLDEN=1)";
  std::ostringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  json::value expected = json::parse(ss.str(), ec);
  if (ec) return "golden file is not JSON: " + golden_path;
  json::value got = json::parse(actual, ec);
  if (ec) return "rendering is not JSON";
  if (expected == got) return "";
  return "differs from " + golden_path + "\n--- actual ---\n" + actual;
}

}  // namespace fr::testing
