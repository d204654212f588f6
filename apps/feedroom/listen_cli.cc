#include "cli.h"

namespace fr::cli {

void AddListenCommands(CLI::App& app, CommandRun& run) {}

}  // namespace fr::cli
