// The security headers every response of the server carries (HttpServerOptions::
// default_headers) and the web app's responses set themselves: a Content-Security-Policy
// that lets the page load only its own scripts, styles, fonts and images and talk only to
// its own origin (connect-src 'self' covers the same-origin WebSocket in current browsers),
// and the headers against MIME sniffing, referrer leaks, framing and cross-window access.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fr::api {

// Header name and value pairs, in a fixed order.
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

}  // namespace fr::api
