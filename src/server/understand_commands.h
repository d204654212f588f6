// The understanding commands of the command line: `feedroom classify` (what the models make of
// messages read as JSON lines), `feedroom train` (the training recipe of nlp/understand/
// recipe.h) and `feedroom eval` (validation scores, ours beside VADER's and AFINN's). Each
// returns a process exit code (0 done, 1 failed, 2 bad input) and writes a message a person
// can act on to `err`. See docs/understanding.md.
#pragma once

#include <iosfwd>
#include <string>

#include "ports/understander.h"

namespace fr::server {

// Reads one JSON object per line from `in`: {"text": …} with optional "followers" (integer),
// "verified" (boolean), "kind" (a MessageKindName, default "post"), "visibility" ("public" or
// "private", default "public") and "platform" (accepted, not used). Writes one JSON object per
// line to `out`: lang, other_lang (when set), sentiment, sentiment_p, intent, intent_p,
// sensitivity (list), needs_reply, priority and reasons (domain/triage.h). A line that cannot be
// read gets {"error": "line N: …"} on `out` and the same on `err`, so output lines stay one per
// input line; blank lines are skipped. Returns 0, or 2 when some line was bad.
int RunClassify(const ports::Understander& understander, std::istream& in, std::ostream& out,
                std::ostream& err);

// `feedroom classify --models DIR`: loads the models of `models_dir`, then RunClassify.
int RunClassifyCommand(const std::string& models_dir, std::istream& in, std::ostream& out,
                       std::ostream& err);

struct TrainArgs {
  std::string data_dir;     // shared/data
  std::string out_dir;      // models/
  std::string corrections;  // a JSON-lines file of label corrections, or empty
  std::string work_dir;     // training files and unquantised models; empty: a temporary one
};

// `feedroom train`: trains the shipped models into out_dir; the log (JSON lines: training set
// sizes, validation scores before and after quantisation, file sizes) goes to `out`.
int RunTrain(const TrainArgs& args, std::ostream& out, std::ostream& err);

struct EvalArgs {
  std::string data_dir;       // shared/data
  std::string models_dir;     // models/
  std::string baselines_dir;  // eval/lexicon-baselines (its label.js and node_modules)
  bool json_only = false;     // JSON lines only, no table
};

// `feedroom eval`: accuracy, macro-F1 and macro-recall of the models on every validation set,
// per language and task (complaint F1 too for intent sets), through the same Understand call
// the server makes; and on the English sentiment sets, VADER's and AFINN's (run with node on
// the same texts; when node or the packages are missing a note says so and our figures are
// still printed). A table, then one JSON object per figure.
int RunEval(const EvalArgs& args, std::ostream& out, std::ostream& err);

}  // namespace fr::server
