#include "channels/sim/sim_json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cstdint>

namespace fr::channels::sim::internal {

std::optional<boost::json::object> ParseJsonObject(std::string_view body) {
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.get_object());
}

std::optional<std::string_view> StringField(const boost::json::object& obj, std::string_view key) {
  const boost::json::value* v = obj.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string_view(v->get_string());
}

SimResponse JsonResponse(int status, std::string_view content_type,
                         const boost::json::value& body) {
  SimResponse r;
  r.status = status;
  r.headers.emplace_back("content-type", std::string(content_type));
  r.body = boost::json::serialize(body);
  return r;
}

boost::json::value NumericId(std::string_view id) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), n);
  if (ec != std::errc() || end != id.data() + id.size() || id.empty()) return nullptr;
  return n;
}

}  // namespace fr::channels::sim::internal
