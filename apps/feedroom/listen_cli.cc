#include <iostream>
#include <memory>
#include <string>

#include "cli.h"
#include "server/listen_commands.h"

namespace fr::cli {

void AddListenCommands(CLI::App& app, CommandRun& run) {
  CLI::App* listen = app.add_subcommand("listen", "Listening rules")->require_subcommand(1);
  auto rules_path = std::make_shared<std::string>();
  CLI::App* test = listen->add_subcommand(
      "test", "Match posts (JSON lines on stdin) against a rules file; one JSON line out per post");
  test->add_option("--rules", *rules_path, "Rules file: one `id: query` per line")->required();
  test->callback([&run, rules_path] {
    run = [rules_path] { return server::RunListenTest(*rules_path, std::cin, std::cout, std::cerr); };
  });
}

}  // namespace fr::cli
