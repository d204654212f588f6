// The composition root: builds the store, channels, engine and HTTP server from a
// ServerConfig, runs until asked to stop, and shuts down in the order that loses nothing:
// stop accepting -> drain ingest (every queued delivery made durable and answered) -> close
// connections -> close the store.
#pragma once

#include <cstdint>
#include <memory>

#include "base/status.h"
#include "server/config.h"

namespace fr::server {

class Server {
 public:
  // Opens the store under config.data_dir (creating it) and starts serving.
  // Errors: the store cannot be opened or migrated, the address cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const ServerConfig& config);
  ~Server();  // Stop()

  // The port actually bound (differs from the config when it asked for port 0).
  std::uint16_t port() const;
  // Graceful shutdown as described above. Idempotent.
  void Stop();

 private:
  struct Parts;
  static Status StartListening(const ServerConfig& config, Parts& parts);
  explicit Server(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

// `feedroom serve`: starts a Server, prints "feedroom: listening on http://HOST:PORT" on
// stdout, waits for SIGTERM or SIGINT, then stops gracefully. Returns the process exit code.
// REQUIRES: called from the main thread before any other thread is started.
int RunUntilSignalled(const ServerConfig& config);

}  // namespace fr::server
