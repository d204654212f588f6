#include "server/sim_exchange.h"

#include <strings.h>

#include <string_view>
#include <utility>

namespace fr::server {
namespace {

// Appends `text` percent-encoded: RFC 3986 unreserved characters (and '/' with `keep_slash`)
// stay as they are.
void AppendEncoded(std::string& out, std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved || (keep_slash && c == '/')) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
}

}  // namespace

channels::sim::SimRequest ToSimRequest(const api::ApiRequest& request) {
  channels::sim::SimRequest out;
  out.method = request.method;
  AppendEncoded(out.target, request.path, /*keep_slash=*/true);
  for (size_t i = 0; i < request.query.size(); ++i) {
    out.target.push_back(i == 0 ? '?' : '&');
    AppendEncoded(out.target, request.query[i].first, /*keep_slash=*/false);
    out.target.push_back('=');
    AppendEncoded(out.target, request.query[i].second, /*keep_slash=*/false);
  }
  out.headers = request.headers;
  out.body = request.body;
  return out;
}

api::ApiResponse ToApiResponse(channels::sim::SimResponse response) {
  api::ApiResponse out;
  out.status = response.status;
  for (auto& [name, value] : response.headers) {
    if (strcasecmp(name.c_str(), "content-type") == 0) {
      out.content_type = std::move(value);
    } else {
      out.headers.emplace_back(std::move(name), std::move(value));
    }
  }
  out.body = std::move(response.body);
  return out;
}

}  // namespace fr::server
