#include "tests/integration/ws_client.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace fr::testing {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct WsClient::Impl {
  asio::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  beast::flat_buffer buffer;
  bool done = false;

  // Runs one asynchronous operation to its end, which `timeout` bounds.
  template <typename Start>
  beast::error_code Run(std::chrono::milliseconds timeout, Start start) {
    beast::error_code result;
    beast::get_lowest_layer(ws).expires_after(timeout);
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run();
    return result;
  }
};

WsClient::WsClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WsClient::~WsClient() { Close(); }

std::unique_ptr<WsClient> WsClient::Open(
    std::uint16_t port, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  auto impl = std::make_unique<Impl>();
  constexpr std::chrono::seconds kTimeout(10);
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  beast::error_code ec = impl->Run(kTimeout, [&](auto handler) {
    beast::get_lowest_layer(impl->ws).async_connect(endpoint, handler);
  });
  if (ec) {
    ADD_FAILURE() << "cannot connect to port " << port << ": " << ec.message();
    return nullptr;
  }
  impl->ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
    for (const auto& [k, v] : headers) req.set(k, v);
  }));
  websocket::response_type response;
  ec = impl->Run(kTimeout, [&](auto handler) {
    impl->ws.async_handshake(response, "127.0.0.1:" + std::to_string(port), target, handler);
  });
  if (ec) {
    ADD_FAILURE() << "WebSocket handshake refused: " << ec.message() << " (HTTP "
                  << response.result_int() << ")";
    return nullptr;
  }
  return std::unique_ptr<WsClient>(new WsClient(std::move(impl)));
}

std::optional<std::string> WsClient::Next(std::chrono::milliseconds timeout) {
  if (impl_->done) return std::nullopt;
  impl_->buffer.clear();
  beast::error_code ec =
      impl_->Run(timeout, [&](auto handler) { impl_->ws.async_read(impl_->buffer, handler); });
  if (ec) {
    impl_->done = true;
    return std::nullopt;
  }
  return beast::buffers_to_string(impl_->buffer.data());
}

int WsClient::close_code() const { return impl_->ws.reason().code; }

void WsClient::Close() {
  if (impl_->done) return;
  impl_->done = true;
  impl_->Run(std::chrono::seconds(2), [&](auto handler) {
    impl_->ws.async_close(websocket::close_code::normal, handler);
  });
}

}  // namespace fr::testing
