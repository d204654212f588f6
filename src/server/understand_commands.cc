#include "server/understand_commands.h"

#include <boost/json.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <istream>
#include <map>
#include <ostream>
#include <sstream>

#include "domain/approval_rules.h"
#include "domain/triage.h"
#include "nlp/understand/metrics.h"
#include "nlp/understand/recipe.h"
#include "nlp/understand/understander.h"

namespace fr::server {
namespace {

namespace json = boost::json;

double Round3(double x) { return std::round(x * 1000) / 1000; }

// One JSON object on one line, numbers as people write them (0.862, not Boost's 8.62E-1).
std::string JsonLine(const json::object& object) {
  std::string line = "{";
  for (const auto& [key, value] : object) {
    if (line.size() > 1) line += ',';
    line += json::serialize(json::string(key));
    line += ':';
    if (value.is_double()) {
      char number[32];
      std::snprintf(number, sizeof number, "%.4g", value.as_double());
      line += number;
    } else {
      line += json::serialize(value);
    }
  }
  return line + "}";
}

// The classify answer to one JSON object, or an error message.
Result<json::object> ClassifyLine(const ports::Understander& understander,
                                  const json::object& in) {
  const json::value* text = in.if_contains("text");
  if (text == nullptr || !text->is_string()) {
    return Status(Errc::kInvalidArgument, "bad_line", "no string \"text\"");
  }
  domain::TriageInput triage;
  if (const json::value* v = in.if_contains("followers"); v != nullptr && !v->is_null()) {
    if (!v->is_int64() && !v->is_uint64()) {
      return Status(Errc::kInvalidArgument, "bad_line", "\"followers\" is not an integer");
    }
    triage.followers = v->to_number<std::int64_t>();
  }
  if (const json::value* v = in.if_contains("verified"); v != nullptr && !v->is_null()) {
    if (!v->is_bool()) return Status(Errc::kInvalidArgument, "bad_line", "\"verified\" is not a boolean");
    triage.verified = v->as_bool();
  }
  if (const json::value* v = in.if_contains("kind"); v != nullptr) {
    auto kind = v->is_string() ? domain::ParseMessageKind(v->as_string()) : std::nullopt;
    if (!kind) return Status(Errc::kInvalidArgument, "bad_line", "unknown \"kind\"");
    triage.kind = *kind;
  }
  if (const json::value* v = in.if_contains("visibility"); v != nullptr) {
    auto visibility = v->is_string() ? domain::ParseVisibility(v->as_string()) : std::nullopt;
    if (!visibility) return Status(Errc::kInvalidArgument, "bad_line", "unknown \"visibility\"");
    triage.visibility = *visibility;
  }

  const domain::Understanding u = understander.Understand(text->as_string());
  triage.understanding = &u;
  const domain::TriageResult t = domain::Triage(triage);
  json::object out;
  out["lang"] = u.language;
  if (!u.other_language.empty()) out["other_lang"] = u.other_language;
  out["sentiment"] = domain::SentimentName(u.sentiment);
  out["sentiment_p"] = Round3(u.sentiment_p);
  out["intent"] = domain::IntentName(u.intent);
  out["intent_p"] = Round3(u.intent_p);
  json::array sensitivity;
  for (const std::string& topic : u.sensitivity) sensitivity.emplace_back(topic);
  out["sensitivity"] = std::move(sensitivity);
  out["needs_reply"] = Round3(t.needs_reply);
  out["priority"] = domain::PriorityName(t.priority);
  json::array reasons;
  for (const std::string& reason : t.reasons) reasons.emplace_back(reason);
  out["reasons"] = std::move(reasons);
  return out;
}

// What VADER and AFINN say of `texts`: two label lists, or an explanation of why not.
struct BaselineLabels {
  std::vector<std::string> vader;
  std::vector<std::string> afinn;
  std::string note;  // set when the baselines could not run
};

std::string ShellQuote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

BaselineLabels RunBaselines(const std::string& baselines_dir,
                            const std::vector<nlp::Example>& examples) {
  BaselineLabels labels;
  namespace fs = std::filesystem;
  const fs::path script = fs::path(baselines_dir) / "label.js";
  if (!fs::exists(script) || !fs::exists(fs::path(baselines_dir) / "node_modules")) {
    labels.note = "VADER/AFINN not run: " + script.string() +
                  " or its node_modules is missing (run npm ci in " + baselines_dir + ")";
    return labels;
  }
  const fs::path input =
      fs::temp_directory_path() / ("feedroom-eval-" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(input);
    for (const nlp::Example& e : examples) out << json::serialize(json::object{{"text", e.text}}) << '\n';
  }
  const std::string command = "node " + ShellQuote(script.string()) + " < " +
                              ShellQuote(input.string()) + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe != nullptr) {
    std::string line;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
      line += buffer;
      if (line.empty() || line.back() != '\n') continue;
      line.pop_back();
      const size_t tab = line.find('\t');
      labels.vader.push_back(line.substr(0, tab));
      labels.afinn.push_back(tab == std::string::npos ? "" : line.substr(tab + 1));
      line.clear();
    }
    const int status = ::pclose(pipe);
    if (status != 0) labels.note = "VADER/AFINN not run: node exited with status " + std::to_string(status);
  } else {
    labels.note = "VADER/AFINN not run: cannot start node";
  }
  std::error_code ec;
  fs::remove(input, ec);
  if (labels.note.empty() && labels.vader.size() != examples.size()) {
    labels.note = "VADER/AFINN not run: node answered " + std::to_string(labels.vader.size()) +
                  " lines for " + std::to_string(examples.size()) + " texts";
  }
  if (!labels.note.empty()) labels.vader.clear(), labels.afinn.clear();
  return labels;
}

struct Figure {
  std::string system;  // "feedroom", "vader", "afinn"
  const nlp::ValidationSet* set;
  nlp::Scores scores;
};

json::object FigureJson(const Figure& f) {
  json::object o{{"system", f.system},          {"set", f.set->name},
                 {"language", f.set->language}, {"task", f.set->task},
                 {"n", f.scores.n},             {"accuracy", Round3(f.scores.accuracy)},
                 {"macro_f1", Round3(f.scores.macro_f1)},
                 {"macro_recall", Round3(f.scores.macro_recall)}};
  if (f.scores.Of("complaint").support > 0) o["complaint_f1"] = Round3(f.scores.Of("complaint").f1);
  return o;
}

void PrintTable(const std::vector<Figure>& figures, std::ostream& out) {
  out << std::left << std::setw(10) << "system" << std::setw(24) << "set" << std::setw(5)
      << "lang" << std::setw(11) << "task" << std::right << std::setw(6) << "n" << std::setw(10)
      << "accuracy" << std::setw(10) << "macro-F1" << std::setw(10) << "macro-rec"
      << std::setw(14) << "complaint-F1" << '\n';
  out << std::fixed << std::setprecision(3);
  for (const Figure& f : figures) {
    out << std::left << std::setw(10) << f.system << std::setw(24) << f.set->name << std::setw(5)
        << f.set->language << std::setw(11) << f.set->task << std::right << std::setw(6)
        << f.scores.n << std::setw(10) << f.scores.accuracy << std::setw(10)
        << f.scores.macro_f1 << std::setw(10) << f.scores.macro_recall;
    if (f.scores.Of("complaint").support > 0) out << std::setw(14) << f.scores.Of("complaint").f1;
    out << '\n';
  }
  out << std::defaultfloat;
}

}  // namespace

int RunClassify(const ports::Understander& understander, std::istream& in, std::ostream& out,
                std::ostream& err) {
  int exit_code = 0;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    boost::system::error_code ec;
    const json::value value = json::parse(line, ec);
    Result<json::object> answer =
        ec || !value.is_object()
            ? Result<json::object>(Status(Errc::kMalformed, "bad_line", "not a JSON object"))
            : ClassifyLine(understander, value.as_object());
    if (answer.ok()) {
      out << JsonLine(*answer) << '\n';
      continue;
    }
    const std::string message = "line " + std::to_string(number) + ": " + answer.status().message();
    err << "feedroom classify: " << message << '\n';
    out << json::serialize(json::object{{"error", message}}) << '\n';
    exit_code = 2;
  }
  return exit_code;
}

int RunClassifyCommand(const std::string& models_dir, std::istream& in, std::ostream& out,
                       std::ostream& err) {
  auto understander = nlp::ModelUnderstander::Load(models_dir, domain::DefaultSensitiveLexicon());
  if (!understander.ok()) {
    err << "feedroom classify: " << understander.status().message() << '\n';
    return 1;
  }
  return RunClassify(**understander, in, out, err);
}

int RunTrain(const TrainArgs& args, std::ostream& out, std::ostream& err) {
  nlp::TrainRequest request{args.data_dir, args.out_dir, args.work_dir, {}};
  if (!args.corrections.empty()) {
    auto corrections = nlp::ReadCorrections(args.corrections);
    if (!corrections.ok()) {
      err << "feedroom train: " << corrections.status().message() << '\n';
      return 2;
    }
    request.corrections = std::move(corrections).value();
  }
  const bool temporary_work = request.work_dir.empty();
  if (temporary_work) {
    request.work_dir = (std::filesystem::temp_directory_path() /
                        ("feedroom-train-" + std::to_string(::getpid())))
                           .string();
  }
  const Status status = nlp::TrainModels(request, out);
  if (temporary_work) {
    std::error_code ec;
    std::filesystem::remove_all(request.work_dir, ec);
  }
  if (!status.ok()) {
    err << "feedroom train: " << status.message() << '\n';
    return 1;
  }
  return 0;
}

int RunEval(const EvalArgs& args, std::ostream& out, std::ostream& err) {
  auto understander =
      nlp::ModelUnderstander::Load(args.models_dir, domain::DefaultSensitiveLexicon());
  if (!understander.ok()) {
    err << "feedroom eval: " << understander.status().message() << '\n';
    return 1;
  }
  auto sets = nlp::ValidationSets(args.data_dir);
  if (!sets.ok()) {
    err << "feedroom eval: " << sets.status().message() << '\n';
    return 1;
  }
  std::vector<Figure> figures;
  std::vector<std::string> notes;
  for (const nlp::ValidationSet& set : *sets) {
    std::vector<std::string> gold, predicted;
    for (const nlp::Example& e : set.examples) {
      const domain::Understanding u = (*understander)->Understand(e.text);
      gold.push_back(e.label);
      predicted.emplace_back(set.task == "sentiment" ? domain::SentimentName(u.sentiment)
                                                     : domain::IntentName(u.intent));
    }
    figures.push_back(Figure{"feedroom", &set, nlp::Score(gold, predicted)});
    if (set.task != "sentiment" || set.language != "en") continue;
    BaselineLabels baseline = RunBaselines(args.baselines_dir, set.examples);
    if (!baseline.note.empty()) {
      notes.push_back(set.name + ": " + baseline.note);
      continue;
    }
    figures.push_back(Figure{"vader", &set, nlp::Score(gold, baseline.vader)});
    figures.push_back(Figure{"afinn", &set, nlp::Score(gold, baseline.afinn)});
  }
  if (!args.json_only) {
    PrintTable(figures, out);
    for (const std::string& note : notes) out << "note: " << note << '\n';
    out << '\n';
  }
  for (const std::string& note : notes) err << "feedroom eval: " << note << '\n';
  for (const Figure& f : figures) out << JsonLine(FigureJson(f)) << '\n';
  return 0;
}

}  // namespace fr::server
