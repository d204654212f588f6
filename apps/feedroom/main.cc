// feedroom: the one binary. Parses the command line and hands over to server/.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli.h"
#include "server/commands.h"
#include "server/config.h"
#include "server/history_commands.h"
#include "server/server.h"
#include "server/simulator_host.h"

namespace {

// The options every command that opens the store takes, as `serve` does.
struct StoreOptions {
  std::string config_path;
  std::string data_dir;
};

void AddStoreOptions(CLI::App* command, StoreOptions& o) {
  command->add_option("--config", o.config_path, "TOML configuration file")->required();
  command->add_option("--data", o.data_dir,
                      "Data directory (default: server.data_dir, ./feedroom-data)");
}

// Loads the configuration named by `o`; prints the error and returns nullopt on failure.
std::optional<fr::server::ServerConfig> LoadConfig(const StoreOptions& o) {
  auto config = fr::server::LoadConfigFile(o.config_path, fr::server::ProcessEnv);
  if (!config.ok()) {
    std::fprintf(stderr, "feedroom: invalid configuration: %s\n", config.status().message().c_str());
    return std::nullopt;
  }
  if (!o.data_dir.empty()) config->data_dir = o.data_dir;
  return std::move(config).value();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Feedroom: the social customer care control room"};
  app.require_subcommand(1);

  StoreOptions serve_store;
  std::string listen;
  CLI::App* serve = app.add_subcommand("serve", "Run the server (webhooks, API)");
  AddStoreOptions(serve, serve_store);
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default: server.listen)");
  std::string web_root;
  serve->add_option("--web", web_root,
                    "Directory of the built web app (default: web.root, web/dist)");

  std::string sim_config_path, sim_listen = "127.0.0.1:8090";
  fr::server::SimulateOptions sim;
  CLI::App* simulate = app.add_subcommand(
      "simulate", "Run the platform simulator: fake X and Meta APIs, and a scenario of customer "
                  "activity sent to Feedroom as webhooks");
  simulate->add_option("--config", sim_config_path, "The TOML configuration Feedroom serves with")
      ->required();
  simulate->add_option("--listen", sim_listen, "HOST:PORT to serve the fake APIs on")
      ->capture_default_str();
  simulate->add_option("--scenario", sim.scenario_path,
                       "Scenario TOML file to play (default: none, serve the APIs only)");
  simulate->add_option("--target", sim.target, "Feedroom's URL, e.g. http://127.0.0.1:8080")
      ->required();
  simulate->add_option("--speed", sim.speed, "Scenario seconds per real second")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  CLI::App* user = app.add_subcommand("user", "Manage users")->require_subcommand(1);
  StoreOptions user_store;
  fr::server::UserAddArgs add_args;
  CLI::App* user_add =
      user->add_subcommand("add", "Add a user; the password is read from the first line of stdin");
  AddStoreOptions(user_add, user_store);
  user_add->add_option("--username", add_args.username, "Login name")->required();
  user_add->add_option("--role", add_args.role, "agent, supervisor or admin")->required();
  user_add->add_option("--name", add_args.display_name, "Display name shown to customers");
  user_add->add_option("--capacity", add_args.capacity, "Cases at once (default 8)");
  user_add->add_option("--languages", add_args.languages, "Languages, e.g. he,en");
  user_add->add_option("--platforms", add_args.platforms, "Platforms, e.g. x,facebook");
  user_add->add_flag("--in-training", add_args.in_training,
                     "Replies wait for a supervisor's approval");

  CLI::App* token = app.add_subcommand("token", "Manage API tokens")->require_subcommand(1);
  StoreOptions token_store;
  std::string token_user, token_name;
  CLI::App* token_create = token->add_subcommand(
      "create", "Create an API token for an integration; prints it once");
  AddStoreOptions(token_create, token_store);
  token_create->add_option("--username", token_user, "The user the token acts as")->required();
  token_create->add_option("--name", token_name, "What uses it, e.g. \"CRM sync\"")->required();

  CLI::App* labels = app.add_subcommand("labels", "Agents' label corrections")->require_subcommand(1);
  StoreOptions labels_store;
  CLI::App* labels_export = labels->add_subcommand(
      "export", "Write every label correction as JSON lines (the input of train --corrections)");
  AddStoreOptions(labels_export, labels_store);

  CLI::App* team = app.add_subcommand("team", "Manage teams")->require_subcommand(1);
  StoreOptions team_store;
  fr::server::TeamAddArgs team_args;
  CLI::App* team_add = team->add_subcommand("add", "Add a team of existing users");
  AddStoreOptions(team_add, team_store);
  team_add->add_option("--name", team_args.name, "Team name")->required();
  team_add->add_option("--members", team_args.members, "User names, e.g. dana,yossi");
  team_add->add_option("--languages", team_args.languages, "Languages it covers, e.g. he,en");
  team_add->add_option("--platforms", team_args.platforms, "Platforms it covers, e.g. x,facebook");
  team_add->add_option("--signature", team_args.signature, "caret, dash_name (default) or none");

  CLI::App* import = app.add_subcommand("import", "Import past conversations")->require_subcommand(1);
  StoreOptions import_store;
  std::string twcs_file;
  CLI::App* import_twcs = import->add_subcommand(
      "twcs", "Import a Customer Support on Twitter CSV with its original times and threads");
  import_twcs->add_option("file", twcs_file, "The CSV file")->required();
  std::vector<std::string> twcs_brands;
  import_twcs->add_option("--brands", twcs_brands,
                          "Brand handles besides the authors of its outbound tweets, e.g. "
                          "SpotifyCares (for a file of customers' tweets only)")
      ->delimiter(',');
  AddStoreOptions(import_twcs, import_store);

  CLI::App* metrics = app.add_subcommand("metrics", "Service metrics")->require_subcommand(1);
  StoreOptions metrics_store;
  CLI::App* metrics_rebuild = metrics->add_subcommand(
      "rebuild", "Recompute every case's metric facts and the rollups from the cases");
  AddStoreOptions(metrics_rebuild, metrics_store);

  fr::cli::CommandRun run;
  fr::cli::AddListenCommands(app, run);
  fr::cli::AddUnderstandCommands(app, run);

  CLI11_PARSE(app, argc, argv);

  if (run) return run();

  if (serve->parsed()) {
    auto config = LoadConfig(serve_store);
    if (!config) return 2;
    if (!listen.empty()) {
      auto addr = fr::server::ParseListenAddress(listen);
      if (!addr.ok()) {
        std::fprintf(stderr, "feedroom: --listen: %s\n", addr.status().message().c_str());
        return 2;
      }
      config->listen_host = addr->first;
      config->listen_port = addr->second;
    }
    if (!web_root.empty()) config->web_root = web_root;
    return fr::server::RunUntilSignalled(*config);
  }
  if (simulate->parsed()) {
    auto config = LoadConfig(StoreOptions{sim_config_path, ""});
    if (!config) return 2;
    auto addr = fr::server::ParseListenAddress(sim_listen);
    if (!addr.ok()) {
      std::fprintf(stderr, "feedroom simulate: --listen: %s\n", addr.status().message().c_str());
      return 2;
    }
    sim.listen_host = addr->first;
    sim.listen_port = addr->second;
    return fr::server::RunSimulatorUntilSignalled(*config, sim);
  }
  if (user_add->parsed()) {
    auto config = LoadConfig(user_store);
    if (!config) return 2;
    return fr::server::RunUserAdd(*config, add_args, std::cin, std::cout, std::cerr);
  }
  if (team_add->parsed()) {
    auto config = LoadConfig(team_store);
    if (!config) return 2;
    return fr::server::RunTeamAdd(*config, team_args, std::cout, std::cerr);
  }
  if (labels_export->parsed()) {
    auto config = LoadConfig(labels_store);
    if (!config) return 2;
    return fr::server::RunLabelsExport(*config, std::cout, std::cerr);
  }
  if (import_twcs->parsed()) {
    auto config = LoadConfig(import_store);
    if (!config) return 2;
    return fr::server::RunTwcsImport(*config, twcs_file, twcs_brands, std::cout, std::cerr);
  }
  if (metrics_rebuild->parsed()) {
    auto config = LoadConfig(metrics_store);
    if (!config) return 2;
    return fr::server::RunMetricsRebuild(*config, std::cout, std::cerr);
  }
  if (token_create->parsed()) {
    auto config = LoadConfig(token_store);
    if (!config) return 2;
    return fr::server::RunTokenCreate(*config, token_user, token_name, std::cout, std::cerr);
  }
  return 0;
}
