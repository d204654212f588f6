// `feedroom simulate`: the platform simulator (channels/sim) as a process. It serves the fake
// X and Meta APIs over HTTP, so Feedroom's connectors, pointed at it by x.api_base and
// meta.graph_base, talk to it as to the real platforms; plays a scenario of customer activity,
// and single steps on demand (POST /sim/steps); and POSTs every webhook the simulated platforms send (the scenario's posts and messages, the
// echoes of accepted replies) to a Feedroom server, retrying while that server is down.
// docs/simulator.md describes what it fakes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/config.h"

namespace fr::server {

struct SimulateOptions {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8090;  // 0 picks a free port
  std::string scenario_path;         // a scenario TOML file; empty: serve the APIs only
  std::string target;                // Feedroom's base URL, e.g. "http://127.0.0.1:8080"
  double speed = 1.0;                // scenario seconds per wall-clock second
};

class SimulatorHost {
 public:
  // Simulates the accounts, tokens and secrets of `config` (SimConfigFor), serves them on
  // options' address and starts playing the scenario, its webhooks going to options.target.
  // Errors: kInvalidArgument when the target is not an http(s) URL, the speed is not
  // positive, or the scenario cannot be parsed or played against the configured accounts
  // (the message names the file and position or key); kNotFound when the scenario cannot be
  // read; kUnavailable when the address cannot be bound.
  static Result<std::unique_ptr<SimulatorHost>> Start(const ServerConfig& config,
                                                      const SimulateOptions& options);
  ~SimulatorHost();  // Stop()

  // The port actually bound (differs from the options when they asked for port 0).
  std::uint16_t port() const;
  // Stops accepting and playing, answers every request held back by an injected delay,
  // closes the connections and abandons the webhooks not delivered yet. Idempotent.
  void Stop();

 private:
  struct Parts;
  explicit SimulatorHost(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

// `feedroom simulate`: starts a SimulatorHost, prints "feedroom simulate: listening on
// http://HOST:PORT" on stdout, waits for SIGTERM or SIGINT, then stops. Returns the process
// exit code: 0 after a signal, 2 for bad options or an unreadable or invalid scenario, 1 when
// it cannot start otherwise.
// REQUIRES: called from the main thread before any other thread is started.
int RunSimulatorUntilSignalled(const ServerConfig& config, const SimulateOptions& options);

}  // namespace fr::server
