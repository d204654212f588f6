// The HTTP request and response as the API layer sees them: plain values, free of Beast, so
// handlers and tests do not pull the HTTP stack's headers in. A route that turns its
// connection into a live stream (a WebSocket) answers with an upgrade instead of a body; the
// server and the route then talk through LiveConnection and LiveSource.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ports/webhook_channel.h"

namespace fr::api {

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query, e.g. "/api/v1/cases/12"
  ports::QueryParams query;
  ports::HttpHeaders headers;
  std::string body;    // the exact bytes received
  std::string client_address;  // the peer's IP address (for rate limits and logs)
  // Path parameters filled in by the router, e.g. {"id","12"}.
  std::vector<std::pair<std::string, std::string>> params;

  // The path parameter `name`, or an empty string.
  const std::string& Param(std::string_view name) const;
};

// A WebSocket close: RFC 6455 status code and reason.
struct LiveClose {
  int code = 1000;  // 1000 normal, 1001 going away, 1013 try again later, ...
  std::string reason;
};

// What a live source has to send now.
struct LiveOutgoing {
  std::vector<std::string> messages;  // text messages (UTF-8), in order
  std::optional<LiveClose> close;     // close the connection after them
};

// The route's side of an upgraded connection. The server calls it one call at a time, on the
// connection's own thread (OnClosed may come from the thread that stops the server).
class LiveSource {
 public:
  virtual ~LiveSource() = default;
  // The messages to send now; called when the connection opens, after each Wake, and after
  // the previous messages were written while more may be waiting. Empty when there is none.
  virtual LiveOutgoing TakeOutgoing() = 0;
  // The connection ended (the client left or stopped answering pings, the source closed it,
  // or the server is stopping). Called exactly once, at the latest when the server stops;
  // TakeOutgoing is not called afterwards.
  virtual void OnClosed() = 0;
};

// The server's side of an upgraded connection, given to the route when it opens.
class LiveConnection {
 public:
  virtual ~LiveConnection() = default;
  // Asks the server to call the source's TakeOutgoing soon on the connection's thread. Never
  // blocks; calls are coalesced; a no-op once the connection ended. Thread-safe.
  virtual void Wake() = 0;
};

// Turns an opened connection into the route's source. Returning null closes the connection.
using LiveUpgrade =
    std::function<std::shared_ptr<LiveSource>(std::shared_ptr<LiveConnection> connection)>;

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set by a route that serves a WebSocket: the server completes the handshake and calls it
  // with the open connection (status, body and headers are then unused). A request that is no
  // WebSocket handshake gets 426 "upgrade_required" instead.
  LiveUpgrade upgrade;
};

// Sends the response for one request. Must be called exactly once, from any thread.
using Responder = std::function<void(ApiResponse)>;
using Handler = std::function<void(const ApiRequest&, Responder)>;

}  // namespace fr::api
