#include "api/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

#include "api/error_response.h"
#include "base/log.h"

namespace fr::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

// Shared by the listeners and sessions of one server.
struct ServerState {
  const Router* router = nullptr;
  HttpServerOptions options;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  metrics::Counter* requests = nullptr;
  metrics::Counter* too_large = nullptr;
  metrics::Counter* bad_requests = nullptr;
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
    ApiRequest api_request = ToApiRequest(std::move(req), client_address_);

    state_.in_flight.fetch_add(1);
    auto once = std::make_shared<std::atomic<bool>>(false);
    auto self = shared_from_this();
    state_.router->Dispatch(api_request, [self, once](ApiResponse response) {
      if (once->exchange(true)) return;  // a responder runs once
      asio::post(self->stream_.get_executor(),
                 [self, r = std::move(response)]() mutable { self->Write(std::move(r), true); });
    });
  }

  void Write(ApiResponse r, bool counted) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<http::status>(r.status));
    res->set(http::field::server, "feedroom");
    res->set(http::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res->insert(k, v);
    res->body() = std::move(r.body);
    bool keep = keep_alive_ && !state_.stopping.load();
    res->keep_alive(keep);
    res->prepare_payload();
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
  bool keep_alive_ = true;
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

  void Stop(std::chrono::milliseconds grace) {
    if (threads_.empty()) return;
    StopAccepting();
    auto deadline = std::chrono::steady_clock::now() + grace;
    while (state_.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
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
