#include "api/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <array>
#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "api/error_response.h"
#include "base/log.h"

namespace fr::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

class LiveSession;

// Shared by the listeners and sessions of one server.
struct ServerState {
  const Router* router = nullptr;
  HttpServerOptions options;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  metrics::Counter* requests = nullptr;
  metrics::Counter* too_large = nullptr;
  metrics::Counter* bad_requests = nullptr;
  metrics::Gauge* live_gauge = nullptr;

  // Open WebSockets, so that Stop can close them.
  std::mutex live_mu;
  std::map<const LiveSession*, std::weak_ptr<LiveSession>> live;  // guarded by live_mu
};

// A WebSocket handed over by an HTTP Session after a route asked for the upgrade. Everything
// but Wake and GoAway runs on the connection's own io_context thread: one write at a time,
// from the LiveSource's messages, so a client that reads slowly holds the messages back in
// the source (the live feed's bounded queue) rather than in memory here.
class LiveSession final : public LiveConnection, public std::enable_shared_from_this<LiveSession> {
 public:
  LiveSession(beast::tcp_stream&& stream, ServerState& state)
      : ws_(std::move(stream)), state_(state) {}
  // A session the server drops at Stop still tells its source.
  ~LiveSession() override { Finish(); }

  // Completes the handshake of `request` and hands the connection to `upgrade`. The request
  // was counted in flight; the count drops once the handshake is over.
  void Accept(http::request<http::string_body> request, LiveUpgrade upgrade) {
    upgrade_ = std::move(upgrade);
    beast::get_lowest_layer(ws_).expires_never();  // the WebSocket's own timeouts rule now
    auto timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeout.idle_timeout = state_.options.stream_idle_timeout;
    timeout.keep_alive_pings = true;
    ws_.set_option(timeout);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "feedroom"); }));
    ws_.read_message_max(64 * 1024);
    ws_.async_accept(request, [self = shared_from_this()](beast::error_code ec) {
      self->OnAccept(ec);
    });
  }

  // LiveConnection. The posted handler holds the session until it runs, so the caller's
  // temporary reference (a hub publisher's) is never the last one.
  void Wake() override {
    if (wake_posted_.exchange(true)) return;
    asio::post(ws_.get_executor(), [self = shared_from_this()] {
      self->wake_posted_.store(false);
      self->Pump();
    });
  }

  // Closes with 1001 "going away" after what is queued (the server is stopping). Any thread.
  void GoAway() {
    asio::post(ws_.get_executor(),
               [self = shared_from_this()] { self->CloseWith({1001, "server stopping"}); });
  }

 private:
  void OnAccept(beast::error_code ec) {
    state_.in_flight.fetch_sub(1);
    if (ec) {
      state_.bad_requests->Add();
      FR_LOG(kWarn, "http", "WebSocket handshake failed: {}", ec.message());
      return;
    }
    {
      std::lock_guard lock(state_.live_mu);
      state_.live[this] = weak_from_this();
      state_.live_gauge->Set(static_cast<std::int64_t>(state_.live.size()));
    }
    source_ = std::exchange(upgrade_, nullptr)(shared_from_this());
    Read();
    if (!source_) return CloseWith({1011, "stream unavailable"});
    // Registered before this check, so a Stop that began meanwhile closes it either way.
    if (state_.stopping.load()) return CloseWith({1001, "server stopping"});
    Pump();
  }

  // Clients have nothing to say on the stream: their messages are read and ignored. The read
  // also carries the pings, pongs and the close handshake; it ends with the connection.
  void Read() {
    ws_.async_read(read_buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->Finish();
      self->read_buffer_.consume(self->read_buffer_.size());
      self->Read();
    });
  }

  // Writes the next message, or the close once all are written, asking the source for more
  // when everything it gave has been written.
  void Pump() {
    if (finished_ || writing_) return;
    if (source_ && queue_.empty() && !close_) {
      LiveOutgoing out = source_->TakeOutgoing();
      std::ranges::move(out.messages, std::back_inserter(queue_));
      close_ = std::move(out.close);
    }
    if (!queue_.empty()) {
      writing_ = true;
      ws_.text(true);
      ws_.async_write(asio::buffer(queue_.front()),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->writing_ = false;
                        if (ec) return self->Finish();
                        self->queue_.pop_front();
                        self->Pump();
                      });
      return;
    }
    if (close_ && !close_sent_) {
      close_sent_ = true;
      writing_ = true;
      // The read in progress ends once the client answers the close (or times out).
      websocket::close_reason reason(static_cast<websocket::close_code>(close_->code));
      reason.reason = close_->reason;
      ws_.async_close(reason,
                      [self = shared_from_this()](beast::error_code ec) {
                        self->writing_ = false;
                        if (ec) self->Finish();
                      });
    }
  }

  void CloseWith(LiveClose close) {
    if (!close_) close_ = std::move(close);
    Pump();
  }

  // The connection is over: tell the source once and let go of it.
  void Finish() {
    if (finished_) return;
    finished_ = true;
    {
      std::lock_guard lock(state_.live_mu);
      state_.live.erase(this);
      state_.live_gauge->Set(static_cast<std::int64_t>(state_.live.size()));
    }
    if (source_) std::exchange(source_, nullptr)->OnClosed();
  }

  websocket::stream<beast::tcp_stream> ws_;
  ServerState& state_;
  LiveUpgrade upgrade_;                  // until the handshake is over
  std::shared_ptr<LiveSource> source_;   // from the handshake until Finish
  beast::flat_buffer read_buffer_;
  std::deque<std::string> queue_;        // taken from the source, not yet written
  std::optional<LiveClose> close_;       // to send once queue_ is written
  bool writing_ = false;                 // a write or the close is under way
  bool close_sent_ = false;
  bool finished_ = false;
  std::atomic<bool> wake_posted_{false};
};

ApiRequest ToApiRequest(http::request<http::string_body>&& req, const std::string& client) {
  ApiRequest out;
  out.method = std::string(req.method_string());
  std::string_view target = req.target();
  auto parsed = boost::urls::parse_origin_form(target);
  if (parsed) {
    out.path = std::string(parsed->path());
    for (auto param : parsed->params()) {
      out.query.emplace_back(std::string(param.key), std::string(param.value));
    }
  } else {
    out.path = std::string(target.substr(0, target.find('?')));
  }
  for (const auto& field : req) {
    out.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(req.body());
  out.client_address = client;
  return out;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerState& state) : stream_(std::move(socket)), state_(state) {
    beast::error_code ec;
    auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) client_address_ = remote.address().to_string();
  }

  void Run() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

 private:
  void Read() {
    head_request_ = false;
    parser_.emplace();
    parser_->body_limit(state_.options.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(state_.options.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       self->OnRead(ec);
                     });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      state_.too_large->Add();
      FR_LOG(kWarn, "http", "request body over the limit of {} bytes", state_.options.body_limit);
      keep_alive_ = false;
      return Write(ErrorResponse(Status(Errc::kPayloadTooLarge, "payload_too_large",
                                        "request body exceeds the limit")),
                   /*counted=*/false);
    }
    if (ec) {
      state_.bad_requests->Add();
      FR_LOG(kWarn, "http", "malformed HTTP request: {}", ec.message());
      keep_alive_ = false;
      return Write(ErrorResponse(Status(Errc::kMalformed, "bad_http", "malformed HTTP request")),
                   /*counted=*/false);
    }
    state_.requests->Add();
    auto req = parser_->release();
    keep_alive_ = req.keep_alive();
    head_request_ = req.method() == http::verb::head;
    upgrade_request_.reset();
    if (websocket::is_upgrade(req)) upgrade_request_ = req;  // headers only: no body
    ApiRequest api_request = ToApiRequest(std::move(req), client_address_);

    state_.in_flight.fetch_add(1);
    auto once = std::make_shared<std::atomic<bool>>(false);
    auto self = shared_from_this();
    state_.router->Dispatch(api_request, [self, once](ApiResponse response) {
      if (once->exchange(true)) return;  // a responder runs once
      asio::post(self->stream_.get_executor(),
                 [self, r = std::move(response)]() mutable { self->Respond(std::move(r)); });
    });
  }

  // Writes the response, or hands the connection over to a WebSocket when the route asked
  // for one and the request is a WebSocket handshake.
  void Respond(ApiResponse r) {
    if (!r.upgrade) return Write(std::move(r), true);
    if (!upgrade_request_) {
      ApiResponse refusal = ErrorResponse(
          Status(Errc::kInvalidArgument, "upgrade_required", "this route speaks WebSocket only"),
          426);
      refusal.headers.emplace_back("Upgrade", "websocket");
      return Write(std::move(refusal), true);
    }
    std::make_shared<LiveSession>(std::move(stream_), state_)
        ->Accept(std::move(*upgrade_request_), std::move(r.upgrade));
  }

  void Write(ApiResponse r, bool counted) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<http::status>(r.status));
    res->set(http::field::server, "feedroom");
    res->set(http::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res->insert(k, v);
    for (const auto& [k, v] : state_.options.default_headers) {
      if (res->find(k) == res->end()) res->insert(k, v);
    }
    res->body() = std::move(r.body);
    bool keep = keep_alive_ && !state_.stopping.load();
    res->keep_alive(keep);
    res->prepare_payload();
    if (head_request_ && !res->body().empty()) {
      // The length of the body a GET would get, and no body (RFC 9110 §9.3.2).
      const std::size_t length = res->body().size();
      res->body().clear();
      res->content_length(length);
    }
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res, keep, counted](beast::error_code ec, std::size_t) {
                        if (counted) self->state_.in_flight.fetch_sub(1);
                        if (ec || !keep) return self->Close();
                        self->Read();
                      });
  }

  // A lingering close (as nginx does): stop sending, then read and discard what the client
  // is still sending (a body over the limit) for a short while, so the close does not turn
  // into a reset that destroys the response before the client has read it.
  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    stream_.expires_after(std::chrono::seconds(2));
    Discard();
  }

  void Discard() {
    stream_.async_read_some(asio::buffer(discard_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->Discard();
                            });
  }

  beast::tcp_stream stream_;
  ServerState& state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  // The current request when it is a WebSocket handshake, kept for the upgrade.
  std::optional<http::request<http::string_body>> upgrade_request_;
  bool keep_alive_ = true;
  bool head_request_ = false;  // the current request is a HEAD: its answer has no body
  std::string client_address_;  // the peer's IP address, looked up once per connection
  std::array<char, 16 * 1024> discard_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, ServerState& state) : ioc_(ioc), acceptor_(ioc), state_(state) {}

  beast::error_code Bind(const tcp::endpoint& endpoint) {
    beast::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.set_option(ReusePort(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    return ec;
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  void Accept() {
    acceptor_.async_accept(ioc_, [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      if (ec) {
        if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) return;
        FR_LOG(kWarn, "http", "accept failed: {}", ec.message());
      } else {
        s.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(std::move(s), self->state_)->Run();
      }
      self->Accept();
    });
  }

  void Close() {
    asio::post(ioc_, [self = shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
    });
  }

 private:
  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  ServerState& state_;
};

}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpServerOptions options, const Router& router, metrics::Registry& metrics) {
    state_.router = &router;
    state_.options = std::move(options);
    state_.requests = metrics.GetCounter("feedroom_http_requests_total", "HTTP requests parsed.");
    state_.too_large = metrics.GetCounter("feedroom_http_rejected_total",
                                          "HTTP requests rejected before routing.",
                                          {{"reason", "payload_too_large"}});
    state_.bad_requests = metrics.GetCounter("feedroom_http_rejected_total",
                                             "HTTP requests rejected before routing.",
                                             {{"reason", "bad_http"}});
    state_.live_gauge = metrics.GetGauge("feedroom_websocket_connections", "Open WebSockets.");
  }

  Result<std::uint16_t> Start() {
    beast::error_code ec;
    auto address = asio::ip::make_address(state_.options.host, ec);
    if (ec) return Status(Errc::kInvalidArgument, "bad_listen_address", "cannot parse host " + state_.options.host);
    int n = std::max(1, state_.options.threads);
    std::uint16_t port = state_.options.port;
    for (int i = 0; i < n; ++i) {
      auto ioc = std::make_unique<asio::io_context>(1);
      auto listener = std::make_shared<Listener>(*ioc, state_);
      ec = listener->Bind(tcp::endpoint(address, port));
      if (ec) {
        return Status(Errc::kUnavailable, "bind_failed",
                      "cannot listen on " + state_.options.host + ":" + std::to_string(port) + ": " + ec.message());
      }
      port = listener->port();  // with port 0, the others join the port the first one got
      listener->Accept();
      contexts_.push_back(std::move(ioc));
      listeners_.push_back(std::move(listener));
    }
    for (auto& ioc : contexts_) {
      threads_.emplace_back([ctx = ioc.get()] { ctx->run(); });
    }
    return port;
  }

  void StopAccepting() {
    if (state_.stopping.exchange(true)) return;
    for (auto& l : listeners_) l->Close();
  }

  std::vector<std::shared_ptr<LiveSession>> LiveSessions() {
    std::vector<std::shared_ptr<LiveSession>> out;
    std::lock_guard lock(state_.live_mu);
    for (const auto& [key, weak] : state_.live) {
      if (auto s = weak.lock()) out.push_back(std::move(s));
    }
    return out;
  }

  void Stop(std::chrono::milliseconds grace) {
    if (threads_.empty()) return;
    StopAccepting();
    for (const std::shared_ptr<LiveSession>& s : LiveSessions()) s->GoAway();
    // A WebSocket client gets a moment to answer the close; one that does not is cut (it has
    // the close frame already), so a stuck client cannot hold the stop for the whole grace.
    constexpr std::chrono::milliseconds kCloseAnswerWait(1000);
    auto now = std::chrono::steady_clock::now();
    auto deadline = now + grace;
    auto streams_deadline = now + std::min(grace, kCloseAnswerWait);
    while (now < deadline && (state_.in_flight.load() > 0 ||
                              (now < streams_deadline && !LiveSessions().empty()))) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      now = std::chrono::steady_clock::now();
    }
    for (auto& ioc : contexts_) ioc->stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    listeners_.clear();
    contexts_.clear();
  }

 private:
  ServerState state_;
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<std::shared_ptr<Listener>> listeners_;
  std::vector<std::thread> threads_;
};

HttpServer::HttpServer(HttpServerOptions options, const Router& router, metrics::Registry& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

HttpServer::~HttpServer() { Stop(); }

Result<std::uint16_t> HttpServer::Start() { return impl_->Start(); }

void HttpServer::StopAccepting() { impl_->StopAccepting(); }

void HttpServer::Stop(std::chrono::milliseconds grace) { impl_->Stop(grace); }

}  // namespace fr::api
