#include "tests/integration/server_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

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
    parser.skip(method == "HEAD");  // the answer to a HEAD announces a body it does not send
    http::read(stream, buffer, parser);
    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    out.content_type = std::string(res[http::field::content_type]);
    out.set_cookie = std::string(res[http::field::set_cookie]);
    for (const auto& field : res) {
      out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  } catch (const std::exception&) {
    out.status = 0;
  }
  return out;
}

std::string HttpResult::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (beast::iequals(k, name)) return v;
  }
  return "";
}

namespace {

// argv for execv: "feedroom" followed by `args`; the pointers live as long as `args`.
std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>("feedroom"));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

std::string Binary() { return std::string(FR_BINARY_DIR) + "/apps/feedroom/feedroom"; }

// In the child: run from the repository's root, as a person does, so that the defaults
// relative to the working directory (the shipped models/, web/dist) resolve.
void EnterSourceDir() {
  if (chdir(FR_SOURCE_DIR) != 0) _exit(126);
}

}  // namespace

FeedroomProcess::FeedroomProcess(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  const std::string binary = Binary();
  std::vector<char*> argv = Argv(args);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    EnterSourceDir();
    execv(binary.c_str(), argv.data());
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
  std::fclose(out);  // the process's later stdout writes go nowhere; it logs to stderr
  if (port_ == 0) {
    std::fprintf(stderr, "feedroom %s did not start (%s)\n",
                 args.empty() ? "" : args[0].c_str(), binary.c_str());
    std::abort();
  }
}

int FeedroomProcess::StopWith(int sig) {
  if (pid_ <= 0) return 0;
  kill(pid_, sig);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

FeedroomProcess::~FeedroomProcess() { StopWith(SIGTERM); }

CommandResult RunFeedroom(const std::vector<std::string>& args, const std::string& stdin_text) {
  int in_fds[2], out_fds[2];
  if (pipe(in_fds) != 0 || pipe(out_fds) != 0) std::abort();
  const std::string binary = Binary();
  std::vector<char*> argv = Argv(args);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_fds[0], STDIN_FILENO);
    dup2(out_fds[1], STDOUT_FILENO);
    dup2(out_fds[1], STDERR_FILENO);
    for (int fd : {in_fds[0], in_fds[1], out_fds[0], out_fds[1]}) close(fd);
    EnterSourceDir();
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(in_fds[0]);
  close(out_fds[1]);
  // The input is a line or two: it fits in the pipe buffer, so writing before reading is safe.
  if (write(in_fds[1], stdin_text.data(), stdin_text.size()) < 0) std::abort();
  close(in_fds[1]);
  CommandResult result;
  char buf[4096];
  ssize_t n;
  while ((n = read(out_fds[0], buf, sizeof buf)) > 0) result.output.append(buf, static_cast<size_t>(n));
  close(out_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string CreateUserAndToken(const std::string& config_path, const std::string& data_dir,
                               const std::string& username, const std::string& role) {
  CommandResult added = RunFeedroom({"user", "add", "--config", config_path, "--data", data_dir,
                                     "--username", username, "--role", role},
                                    std::string(kTestPassword) + "\n");
  if (added.exit_code != 0) {
    std::fprintf(stderr, "feedroom user add failed: %s\n", added.output.c_str());
    std::abort();
  }
  CommandResult token = RunFeedroom({"token", "create", "--config", config_path, "--data",
                                     data_dir, "--username", username, "--name", "tests"},
                                    "");
  // The output interleaves the log (stderr) with the token's line (stdout).
  std::size_t at = token.output.find("\nfrt_");
  if (token.exit_code != 0 || at == std::string::npos) {
    std::fprintf(stderr, "feedroom token create failed: %s\n", token.output.c_str());
    std::abort();
  }
  std::size_t end = token.output.find('\n', at + 1);
  return token.output.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

double Metric(std::uint16_t port, const std::string& name, const std::string& label_part) {
  std::string text = HttpCall(port, "GET", "/metrics").body;
  double total = 0;
  size_t pos = 0;
  while ((pos = text.find(name, pos)) != std::string::npos) {
    size_t eol = text.find('\n', pos);
    bool line_start = pos == 0 || text[pos - 1] == '\n';  // not inside a # HELP line
    std::string line = text.substr(pos, eol - pos);
    pos = eol;
    if (!line_start) continue;
    if (line.rfind(name + "{", 0) != 0 && line.rfind(name + " ", 0) != 0) continue;
    if (!label_part.empty() && line.find(label_part) == std::string::npos) continue;
    total += std::stod(line.substr(line.rfind(' ') + 1));
  }
  return total;
}

void WaitForThreading(std::uint16_t port) {
  for (int i = 0; i < 500; ++i) {
    if (Metric(port, "feedroom_ingest_backlog") == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "the threading backlog did not drain";
}

bool Eventually(const std::function<bool()>& check) {
  for (int i = 0; i < 600; ++i) {
    if (check()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace fr::testing
