// Router: maps (method, path pattern) to a handler. Patterns are literal segments and
// `{name}` placeholders that match one non-empty segment: "/api/v1/cases/{id}".
// Build it before the server starts; Dispatch is then safe from any thread (read-only).
#pragma once

#include <string>
#include <vector>

#include "api/http_types.h"

namespace fr::api {

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);

  // Runs the matching handler. Unknown paths get 404, known paths with another method 405,
  // both as JSON errors.
  void Dispatch(ApiRequest& request, Responder respond) const;

  // Every route as "METHOD /pattern", in the order added (for the RBAC matrix test).
  std::vector<std::string> Describe() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace fr::api
