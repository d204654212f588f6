#include "cli.h"

namespace fr::cli {

void AddUnderstandCommands(CLI::App& app, CommandRun& run) {}

}  // namespace fr::cli
