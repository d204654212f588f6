// Router: maps (method, path pattern) to a handler. Patterns are literal segments and
// `{name}` placeholders that match one non-empty segment: "/api/v1/cases/{id}".
// A fallback handler, when set, takes every request no route matches (a server that hands
// whole path spaces to one handler, like the platform simulator). A not-found handler takes
// only the requests whose path no route has (the web app behind the API).
// Build it before the server starts; Dispatch is then safe from any thread (read-only).
#pragma once

#include <string>
#include <vector>

#include "api/http_types.h"

namespace fr::api {

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // Runs `handler` for every request that matches no route (by path and method), instead of
  // answering 404 or 405. Replaces any earlier fallback.
  void SetFallback(Handler handler);
  // Runs `handler` for every request whose path matches no route, instead of answering 404;
  // a known path with another method still gets 405. Unused while a fallback is set.
  void SetNotFound(Handler handler);

  // Runs the matching handler, else the fallback. Without a fallback, known paths with
  // another method get 405 and unknown paths the not-found handler, else 404 (JSON errors).
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
  Handler fallback_;   // empty: 404 / 405
  Handler not_found_;  // empty: 404
};

}  // namespace fr::api
