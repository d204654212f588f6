// The training recipe of the shipped models: which data sets each model learns from, with
// which hyper-parameters, which validation sets judge it, and the agents' corrections added on
// top. `feedroom train` runs TrainModels; `feedroom eval` reads ValidationSets. Deterministic:
// the same data, corrections and library give byte-identical models (fastText with one thread
// and a fixed seed, training lines shuffled by a seeded Mersenne Twister). Thread-compatible.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "nlp/understand/datasets.h"
#include "nlp/understand/fasttext_model.h"

namespace fr::nlp {

struct ModelSpec {
  std::string_view file;      // in the models directory: kHebrewSentimentModel ...
  std::string_view task;      // "sentiment" | "intent"
  std::string_view language;  // "he" | "en" | "*" (both)
  TrainSettings settings;
};

// The three shipped models (understander.h names their files).
const std::vector<ModelSpec>& ShippedModels();

// A validation set: `name` (e.g. "amram_dev"), the language and task it judges.
struct ValidationSet {
  std::string name;
  std::string language;
  std::string task;
  std::vector<Example> examples;
};

// Every validation set of the recipe, read from `data_dir` (shared/data).
Result<std::vector<ValidationSet>> ValidationSets(const std::string& data_dir);

// A label correction read back for training: {"text":…, "task":…, "label":…}.
struct Correction {
  std::string text;
  std::string task;
  std::string label;
};

// Reads a JSON-lines corrections file. Lines whose task is neither "sentiment" nor "intent"
// are skipped (language and sensitivity are not learnt); a line that is not a JSON object with
// those string fields, or whose label is invalid for its task, is an error naming the line.
Result<std::vector<Correction>> ReadCorrections(const std::string& path);

struct TrainRequest {
  std::string data_dir;   // shared/data
  std::string out_dir;    // where the .ftz files go (models/)
  std::string work_dir;   // training files and unquantised .bin models
  std::vector<Correction> corrections;
};

// Trains and quantises every shipped model, writes them to out_dir, and logs to `log`, one
// JSON object per line, the size of each training set and the validation scores of each
// model before and after quantisation (the accuracy cost of quantising).
Status TrainModels(const TrainRequest& request, std::ostream& log);

}  // namespace fr::nlp
