// HttpServer: HTTP/1.1 on Boost.Beast, one io_context per thread, each with its own
// SO_REUSEPORT acceptor on the same port (the layout measured fastest in STACK.md §5).
// Keep-alive, a request body limit (413 beyond it), idle timeouts, and a graceful stop that
// lets requests in flight finish. A HEAD request gets the headers of the GET answer, without
// its body. Beast stays inside http_server.cc: this header is light.
//
// WebSockets: a route that answers with ApiResponse::upgrade (api/http_types.h) gets the
// connection once the handshake is done, as a LiveConnection feeding from its LiveSource.
// The server answers the client's pings, pings a silent client and closes a connection that
// stays silent for stream_idle_timeout; at Stop it closes every WebSocket with 1001.
//
// Thread safety: Start, Stop and Wait are called from one controlling thread. Handlers run
// on the server's threads; a Responder may be called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/router.h"
#include "base/metrics.h"
#include "base/status.h"

namespace fr::api {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (see Start)
  int threads = 2;
  std::size_t body_limit = 1 << 20;  // bytes
  std::chrono::seconds idle_timeout{60};
  // A WebSocket whose client sent nothing (not even a pong) for this long is closed; the
  // server pings it after half of it.
  std::chrono::seconds stream_idle_timeout{60};
  // Added to every HTTP response that does not set the same header itself (the security
  // headers); WebSocket handshakes do not get them.
  std::vector<std::pair<std::string, std::string>> default_headers;
};

class HttpServer {
 public:
  // `router` and `metrics` must outlive the server.
  HttpServer(HttpServerOptions options, const Router& router, metrics::Registry& metrics);
  ~HttpServer();

  // Binds and starts serving on background threads. Returns the bound port.
  // Errors: kUnavailable when the address cannot be bound.
  Result<std::uint16_t> Start();
  // Closes the listening sockets; connections already open keep being served, and their
  // responses say "Connection: close". Idempotent.
  void StopAccepting();
  // Stops accepting, closes every WebSocket (1001 "going away"), waits up to `grace` for
  // requests in flight to be answered and up to a second of it for WebSocket clients to answer
  // the close, then closes every connection and joins the threads; each LiveSource has had
  // OnClosed by then. Idempotent.
  // REQUIRES: nothing calls a Responder of this server after Stop returns (stop the
  // ingestor, whose callbacks answer webhooks, between StopAccepting and Stop), and no thread
  // but the server's calls LiveConnection::Wake once Stop has begun (stop the workers that
  // publish live events first).
  void Stop(std::chrono::milliseconds grace = std::chrono::milliseconds(5000));

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fr::api
