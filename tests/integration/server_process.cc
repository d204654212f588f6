#include "tests/integration/server_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fr::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

HttpResult HttpCall(std::uint16_t port, const std::string& method, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::string& body) {
  HttpResult out;
  try {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    req.keep_alive(false);
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    http::read(stream, buffer, parser);
    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    out.content_type = std::string(res[http::field::content_type]);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  } catch (const std::exception&) {
    out.status = 0;
  }
  return out;
}

ServerProcess::ServerProcess(const std::string& config_path, const std::string& data_dir) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  std::string binary = std::string(FR_BINARY_DIR) + "/apps/feedroom/feedroom";
  pid_ = fork();
  if (pid_ == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl(binary.c_str(), "feedroom", "serve", "--config", config_path.c_str(), "--data",
          data_dir.c_str(), "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  FILE* out = fdopen(fds[0], "r");
  char line[512];
  while (std::fgets(line, sizeof line, out)) {
    std::string s(line);
    auto at = s.find("http://127.0.0.1:");
    if (at != std::string::npos) {
      port_ = static_cast<std::uint16_t>(std::atoi(s.c_str() + at + 17));
      break;
    }
  }
  std::fclose(out);  // the server's later stdout writes go nowhere; it logs to stderr
  if (port_ == 0) {
    std::fprintf(stderr, "feedroom serve did not start (%s)\n", binary.c_str());
    std::abort();
  }
}

int ServerProcess::StopWith(int sig) {
  if (pid_ <= 0) return 0;
  kill(pid_, sig);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

ServerProcess::~ServerProcess() { StopWith(SIGTERM); }

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace fr::testing
