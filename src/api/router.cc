#include "api/router.h"

#include "api/error_response.h"

namespace fr::api {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool Match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           std::vector<std::pair<std::string, std::string>>* params) {
  if (pattern.size() != path.size()) return false;
  params->clear();
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      params->emplace_back(p.substr(1, p.size() - 2), path[i]);
    } else if (p != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::string& ApiRequest::Param(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return kEmpty;
}

void Router::Add(std::string method, std::string pattern, Handler handler) {
  std::vector<std::string> segments = SplitPath(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

void Router::SetFallback(Handler handler) { fallback_ = std::move(handler); }

void Router::SetNotFound(Handler handler) { not_found_ = std::move(handler); }

std::vector<std::string> Router::Describe() const {
  std::vector<std::string> out;
  for (const Route& r : routes_) out.push_back(r.method + " " + r.pattern);
  return out;
}

void Router::Dispatch(ApiRequest& request, Responder respond) const {
  std::vector<std::string> path = SplitPath(request.path);
  bool path_known = false;
  std::vector<std::pair<std::string, std::string>> params;
  for (const Route& r : routes_) {
    if (!Match(r.segments, path, &params)) continue;
    path_known = true;
    if (r.method != request.method) continue;
    request.params = std::move(params);
    r.handler(request, std::move(respond));
    return;
  }
  if (fallback_) {
    fallback_(request, std::move(respond));
    return;
  }
  if (path_known) {
    respond(ErrorResponse(Status(Errc::kInvalidArgument, "method_not_allowed",
                                 "method " + request.method + " is not allowed here"),
                          405));
    return;
  }
  if (not_found_) {
    not_found_(request, std::move(respond));
    return;
  }
  respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such route")));
}

}  // namespace fr::api
