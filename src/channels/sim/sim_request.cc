#include "channels/sim/sim_request.h"

#include <strings.h>

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace fr::channels::sim::internal {
namespace {

// Query parameters with '+' read as a space, as HTML forms and most HTTP clients encode them.
ports::QueryParams Decode(const boost::urls::url_view& url) {
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  ports::QueryParams out;
  for (auto param : url.params(opts)) {
    out.emplace_back(std::string(param.key), std::string(param.value));
  }
  return out;
}

}  // namespace

Result<ParsedTarget> ParseTarget(std::string_view target) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) {
    return Status(Errc::kInvalidArgument, "bad_target", "the request target is not a valid path");
  }
  ParsedTarget out;
  out.path = std::string(url->path());
  out.query = Decode(*url);
  return out;
}

Result<ports::QueryParams> ParseForm(std::string_view body) {
  if (body.empty()) return ports::QueryParams{};
  const std::string as_target = "/?" + std::string(body);
  auto url = boost::urls::parse_origin_form(as_target);
  if (!url) return Status(Errc::kInvalidArgument, "bad_form", "the body is not form-encoded");
  return Decode(*url);
}

std::string_view BearerToken(const ports::HttpHeaders& headers) {
  std::string_view value = headers.Get("Authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size() ||
      strncasecmp(value.data(), kScheme.data(), kScheme.size()) != 0) {
    return {};
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return value;
}

}  // namespace fr::channels::sim::internal
