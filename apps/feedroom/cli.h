// Command groups of the `feedroom` binary that live outside main.cc. Each Add* function
// registers its subcommands on `app`; when the command line names one of them, its CLI11
// callback stores the work in `run`, and main() runs it after parsing and returns its exit code
// (0 done, 1 failed, 2 bad input).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fr::cli {

using CommandRun = std::function<int()>;

// `feedroom listen test --rules FILE`: see docs/listening.md.
void AddListenCommands(CLI::App& app, CommandRun& run);
// `feedroom classify`, `feedroom train`, `feedroom eval`: see docs/understanding.md.
void AddUnderstandCommands(CLI::App& app, CommandRun& run);

}  // namespace fr::cli
