#include <iostream>
#include <memory>

#include "cli.h"
#include "server/understand_commands.h"

namespace fr::cli {

void AddUnderstandCommands(CLI::App& app, CommandRun& run) {
  // Shared with the callbacks, which run after parsing, when main() calls `run`.
  auto models_dir = std::make_shared<std::string>("models");
  auto train = std::make_shared<server::TrainArgs>();
  auto eval = std::make_shared<server::EvalArgs>();
  eval->models_dir = "models";
  eval->baselines_dir = "eval/lexicon-baselines";

  CLI::App* classify = app.add_subcommand(
      "classify", "Read {\"text\":…} JSON lines on stdin, write what the models understood of each");
  classify->add_option("--models", *models_dir, "Models directory")->capture_default_str();
  classify->callback([&run, models_dir] {
    run = [models_dir] {
      return server::RunClassifyCommand(*models_dir, std::cin, std::cout, std::cerr);
    };
  });

  CLI::App* train_cmd = app.add_subcommand(
      "train", "Train the sentiment and intent models from the public data sets");
  train_cmd->add_option("--data", train->data_dir, "The shared data folder (shared/data)")
      ->required();
  train_cmd->add_option("--out", train->out_dir, "Where the .ftz models go (models/)")->required();
  train_cmd->add_option("--corrections", train->corrections,
                        "JSON lines {\"text\",\"task\",\"label\"} added to the training data");
  train_cmd->add_option("--work", train->work_dir,
                        "Keep training files and unquantised models here (default: temporary)");
  train_cmd->callback([&run, train] {
    run = [train] { return server::RunTrain(*train, std::cout, std::cerr); };
  });

  CLI::App* eval_cmd = app.add_subcommand(
      "eval", "Score the models on the validation sets, beside VADER and AFINN");
  eval_cmd->add_option("--data", eval->data_dir, "The shared data folder (shared/data)")
      ->required();
  eval_cmd->add_option("--models", eval->models_dir, "Models directory")->capture_default_str();
  eval_cmd->add_option("--baselines", eval->baselines_dir,
                       "The lexicon baselines package (label.js, node_modules)")
      ->capture_default_str();
  eval_cmd->add_flag("--json", eval->json_only, "JSON lines only, no table");
  eval_cmd->callback([&run, eval] {
    run = [eval] { return server::RunEval(*eval, std::cout, std::cerr); };
  });
}

}  // namespace fr::cli
