// feedroom: the one binary. Parses the command line and hands over to server/.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "server/config.h"
#include "server/server.h"

int main(int argc, char** argv) {
  CLI::App app{"Feedroom: the social customer care control room"};
  app.require_subcommand(1);

  std::string config_path;
  std::string data_dir;
  std::string listen;
  CLI::App* serve = app.add_subcommand("serve", "Run the server (webhooks, API)");
  serve->add_option("--config", config_path, "TOML configuration file")->required();
  serve->add_option("--data", data_dir, "Data directory (default: server.data_dir, ./feedroom-data)");
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default: server.listen)");

  CLI11_PARSE(app, argc, argv);

  if (serve->parsed()) {
    auto config = fr::server::LoadConfigFile(config_path, fr::server::ProcessEnv);
    if (!config.ok()) {
      std::fprintf(stderr, "feedroom: invalid configuration: %s\n", config.status().message().c_str());
      return 2;
    }
    if (!data_dir.empty()) config->data_dir = data_dir;
    if (!listen.empty()) {
      auto addr = fr::server::ParseListenAddress(listen);
      if (!addr.ok()) {
        std::fprintf(stderr, "feedroom: --listen: %s\n", addr.status().message().c_str());
        return 2;
      }
      config->listen_host = addr->first;
      config->listen_port = addr->second;
    }
    return fr::server::RunUntilSignalled(*config);
  }
  return 0;
}
