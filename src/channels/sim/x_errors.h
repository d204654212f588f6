// Internal to channels/sim: the error answers of the simulated X API v2, in the shapes X uses
// (PROTOCOLS.md §1.8): problem objects {"title","detail","type","status"} (type "about:blank"
// for plain HTTP errors, ".../2/problems/<kind>" for API ones), the invalid-request form with
// an errors[] list (fixtures/twitter/sns-python-twitter/delete_error.json) and the legacy
// {"errors":[{"message","code"}]} of unknown routes. Pure; thread-safe.
#pragma once

#include <string_view>

#include "channels/sim/sim_http.h"

namespace fr::channels::sim::internal {

// The reason phrase of an HTTP status ("Too Many Requests"), "Error" when unknown.
std::string_view ReasonPhrase(int status);

// {"title": ReasonPhrase(status), "type": "about:blank", "status", "detail"}; `detail`
// defaults to the title (as X's 401 and 429 answers do).
SimResponse XPlainProblem(int status, std::string_view detail = {});

// 403 {"title":"Forbidden", "type":"about:blank", "status":403, "detail": detail}.
SimResponse XForbidden(std::string_view detail);

// 400 {"errors":[{"parameters":{param:[value]},"message"}], "title":"Invalid Request",
// "detail":"One or more parameters to your request was invalid.", "type": ".../invalid-request"};
// "parameters" is left out when `parameter` is empty (a body that is not JSON).
SimResponse XInvalidRequest(std::string_view parameter, std::string_view value,
                            std::string_view message);

// 403 {"title":"Unsupported Authentication", "type":".../unsupported-authentication", …}: the
// app-only bearer token on an endpoint that needs a user's token.
SimResponse XUnsupportedAuthentication();

// 404 {"errors":[{"message":"Sorry, that page does not exist","code":34}]}.
SimResponse XUnknownRoute();

}  // namespace fr::channels::sim::internal
