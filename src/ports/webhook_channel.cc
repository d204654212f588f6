#include "ports/webhook_channel.h"

#include <strings.h>

namespace fr::ports {

void HttpHeaders::Add(std::string name, std::string value) {
  items_.emplace_back(std::move(name), std::move(value));
}

std::string_view HttpHeaders::Get(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
  }
  return {};
}

std::string_view QueryParam(const QueryParams& params, std::string_view name) {
  for (const auto& [n, v] : params) {
    if (n == name) return v;
  }
  return {};
}

}  // namespace fr::ports
