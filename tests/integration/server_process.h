// Test support for integration tests: runs the real `feedroom` binary (`serve`, `simulate`)
// as a child process on port 0 and talks HTTP to it (a Boost.Beast synchronous client).
#pragma once

#include <functional>

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fr::testing {

struct HttpResult {
  int status = 0;  // 0 when the connection failed
  std::string body;
  std::string content_type;
  std::string set_cookie;  // the first Set-Cookie header, if any
  std::vector<std::pair<std::string, std::string>> headers;  // every header, in order

  // The first value of header `name` (any case), or empty.
  std::string Header(std::string_view name) const;
};

// One HTTP/1.1 request to 127.0.0.1:`port` on a fresh connection.
HttpResult HttpCall(std::uint16_t port, const std::string& method, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers = {},
                    const std::string& body = "");

// A running `feedroom <command>` that serves HTTP on 127.0.0.1 (`serve`, `simulate`). The
// destructor sends SIGTERM and waits.
class FeedroomProcess {
 public:
  // Starts `feedroom <args...>` and waits until it prints "http://127.0.0.1:PORT" on stdout.
  // Aborts the test on failure.
  explicit FeedroomProcess(const std::vector<std::string>& args);
  ~FeedroomProcess();
  FeedroomProcess(const FeedroomProcess&) = delete;
  FeedroomProcess& operator=(const FeedroomProcess&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits for the process to exit; returns its exit status (or 128+sig).
  int StopWith(int signal);

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// A running `feedroom serve`.
class ServerProcess : public FeedroomProcess {
 public:
  // Writes nothing; starts `feedroom serve --config <config_path> --data <data_dir>
  // --listen 127.0.0.1:0` and waits until it prints its port. Aborts the test on failure.
  ServerProcess(const std::string& config_path, const std::string& data_dir)
      : FeedroomProcess({"serve", "--config", config_path, "--data", data_dir, "--listen",
                         "127.0.0.1:0"}) {}
};

struct CommandResult {
  int exit_code = 0;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `feedroom <args...>` to completion with `stdin_text` on its standard input.
CommandResult RunFeedroom(const std::vector<std::string>& args, const std::string& stdin_text);

// The password CreateUserAndToken gives its users.
inline constexpr char kTestPassword[] = "integration-pass-1";

// Adds a user with `role` through `feedroom user add` (password kTestPassword) and returns a
// new API token for them from `feedroom token create`. Aborts the test on failure. Works
// before or while a server runs on the same data directory.
std::string CreateUserAndToken(const std::string& config_path, const std::string& data_dir,
                               const std::string& username, const std::string& role);

// Writes `text` to `path`.
void WriteFile(const std::string& path, const std::string& text);

// The value of metric `name` in the server's /metrics, summed over every series whose labels
// contain `label_part`.
double Metric(std::uint16_t port, const std::string& name, const std::string& label_part = "");

// Waits until the server on `port` has threaded every acknowledged delivery (a test failure
// after about 5 s).
void WaitForThreading(std::uint16_t port);

// Polls `check` every 50 ms until it is true (returns true) or about 30 s have passed
// (returns false; sanitizer builds are slow).
bool Eventually(const std::function<bool()>& check);

}  // namespace fr::testing
