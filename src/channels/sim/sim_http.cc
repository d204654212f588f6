#include "channels/sim/sim_http.h"

#include <strings.h>

namespace fr::channels::sim {

std::string_view FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [n, v] : headers) {
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
  }
  return {};
}

ports::HttpHeaders ToHttpHeaders(const HeaderList& headers) {
  ports::HttpHeaders out;
  for (const auto& [n, v] : headers) out.Add(n, v);
  return out;
}

}  // namespace fr::channels::sim
