// loadgen: a closed-loop HTTP/1.1 load generator for bench/ingest. Each of --connections
// keep-alive connections sends signed webhook deliveries (X and Meta alternately, every
// message id unique) until --seconds have passed, then waits for every response in flight,
// so the count of 200s is exact. Prints one JSON line:
//   {"target":…,"rps":…,"acked":…,"failed":…,"p50_ms":…,"p99_ms":…}
// The same requests go to nginx (the ceiling) and to Feedroom.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/crypto.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string target = "feedroom";
  std::uint16_t port = 0;
  int connections = 64;
  double seconds = 10;
  std::string x_secret, x_account, meta_secret, meta_page;
  std::string run_id = "r";
};

struct Shared {
  Options opt;
  Clock::time_point deadline;
  std::atomic<long> next_id{0};
  long acked = 0;
  long failed = 0;
  std::vector<double> latencies_ms;
};

// A unique, signed delivery: even ids are X mentions, odd ids Meta comments (Hebrew text).
http::request<http::string_body> MakeRequest(Shared& s, long n) {
  http::request<http::string_body> req(http::verb::post, "", 11);
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::content_type, "application/json");
  std::string id = s.opt.run_id + std::to_string(n);
  std::string customer = std::to_string(1000 + n % 5000);
  if (n % 2 == 0) {
    req.target("/webhooks/x");
    req.body() = R"({"for_user_id":")" + s.opt.x_account +
                 R"(","tweet_create_events":[{"id_str":")" + id +
                 R"(","text":"@kantina ההזמנה שלי מספר )" + id +
                 R"( לא הגיעה","timestamp_ms":"1763800000000","user":{"id_str":")" + customer +
                 R"(","screen_name":"c)" + customer + R"(","name":"לקוח","followers_count":321}}]})";
    req.set("x-twitter-webhooks-signature",
            "sha256=" + fr::crypto::Base64(fr::crypto::HmacSha256(s.opt.x_secret, req.body())));
  } else {
    req.target("/webhooks/meta");
    req.body() = R"({"object":"page","entry":[{"id":")" + s.opt.meta_page +
                 R"(","time":1763800000,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","post_id":")" +
                 s.opt.meta_page + "_77" + R"(","parent_id":")" + s.opt.meta_page + "_77" +
                 R"(","comment_id":")" + s.opt.meta_page + "_" + id +
                 R"(","created_time":1763800000,"message":"השירות היה מעולה )" + id +
                 R"(","from":{"id":")" + customer + R"(","name":"לקוחה"}}}]}]})";
    req.set("X-Hub-Signature-256",
            "sha256=" + fr::crypto::Hex(fr::crypto::HmacSha256(s.opt.meta_secret, req.body())));
  }
  req.prepare_payload();
  return req;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(asio::io_context& ioc, Shared& s) : stream_(ioc), s_(s) {}

  void Start(const tcp::endpoint& ep) {
    stream_.async_connect(ep, [self = shared_from_this()](beast::error_code ec) {
      if (ec) {
        self->s_.failed++;
        return;
      }
      self->Send();
    });
  }

 private:
  void Send() {
    if (Clock::now() >= s_.deadline) return;
    req_ = MakeRequest(s_, s_.next_id.fetch_add(1));
    started_ = Clock::now();
    http::async_write(stream_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        self->s_.failed++;
        return;
      }
      self->res_ = {};
      http::async_read(self->stream_, self->buffer_, self->res_,
                       [self](beast::error_code ec2, std::size_t) { self->OnResponse(ec2); });
    });
  }

  void OnResponse(beast::error_code ec) {
    if (ec) {
      s_.failed++;
      return;
    }
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    if (res_.result_int() == 200) {
      s_.acked++;
      s_.latencies_ms.push_back(ms);
    } else {
      s_.failed++;
    }
    Send();
  }

  beast::tcp_stream stream_;
  Shared& s_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
  Clock::time_point started_;
};

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  size_t k = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  Shared s;
  CLI::App app{"closed-loop webhook load generator"};
  app.add_option("--target", s.opt.target, "label for the output");
  app.add_option("--port", s.opt.port)->required();
  app.add_option("--connections", s.opt.connections);
  app.add_option("--seconds", s.opt.seconds);
  app.add_option("--x-secret", s.opt.x_secret)->required();
  app.add_option("--x-account", s.opt.x_account)->required();
  app.add_option("--meta-secret", s.opt.meta_secret)->required();
  app.add_option("--meta-page", s.opt.meta_page)->required();
  app.add_option("--run-id", s.opt.run_id, "prefix making message ids unique per run");
  CLI11_PARSE(app, argc, argv);

  asio::io_context ioc(1);
  tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), s.opt.port);
  auto start = Clock::now();
  s.deadline = start + std::chrono::milliseconds(static_cast<long>(s.opt.seconds * 1000));
  for (int i = 0; i < s.opt.connections; ++i) std::make_shared<Connection>(ioc, s)->Start(ep);
  ioc.run();  // returns when every connection has stopped (deadline reached, responses read)
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  double p50 = Percentile(s.latencies_ms, 0.50);
  double p99 = Percentile(s.latencies_ms, 0.99);
  std::printf("{\"target\":\"%s\",\"rps\":%.0f,\"acked\":%ld,\"failed\":%ld,\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n",
              s.opt.target.c_str(), static_cast<double>(s.acked) / elapsed, s.acked, s.failed, p50, p99);
  return 0;
}
