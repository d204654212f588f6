#include "nlp/understand/recipe.h"

#include <boost/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>

#include "domain/understanding.h"
#include "nlp/understand/language_id.h"
#include "nlp/understand/metrics.h"
#include "nlp/understand/text_features.h"
#include "nlp/understand/understander.h"

namespace fr::nlp {
namespace {

constexpr uint32_t kShuffleSeed = 20261122;

using Reader = Result<LabelledSplit> (*)(const std::string&);

// The data sets whose training parts each model learns from.
std::vector<Reader> Sources(std::string_view file) {
  if (file == kHebrewSentimentModel) return {&AmramSentiment, &HebemoSentiment};
  if (file == kEnglishSentimentModel) return {&TweetSentiment, &AirlineSentiment};
  return {&ComplaintIntent, &BankingIntent, &AirlineIntent, &AmramIntent};
}

// Whether a correction of `task` for `text` trains `spec`.
bool Trains(const ModelSpec& spec, const Correction& c) {
  if (c.task != spec.task) return false;
  if (spec.language == "*") return true;
  const bool hebrew = IdentifyLanguage(c.text).language == "he";
  return hebrew == (spec.language == "he");
}

Status WriteTrainingFile(std::vector<Example> examples, const std::string& path) {
  std::mt19937 random(kShuffleSeed);  // std::shuffle's use of it is library-defined: do it here
  for (size_t i = examples.size(); i > 1; --i) {
    std::swap(examples[i - 1], examples[random() % i]);
  }
  std::ofstream out(path, std::ios::binary);
  for (const Example& e : examples) {
    const std::string features = FeatureLine(e.text);
    if (!features.empty()) out << "__label__" << e.label << ' ' << features << '\n';
  }
  out.flush();
  if (!out) return Status(Errc::kInternal, "write_failed", "cannot write " + path);
  return Status::Ok();
}

// The validation sets that judge `spec`.
std::vector<const ValidationSet*> JudgedBy(const ModelSpec& spec,
                                            const std::vector<ValidationSet>& sets) {
  std::vector<const ValidationSet*> judged;
  for (const ValidationSet& set : sets) {
    if (set.task == spec.task && (spec.language == "*" || set.language == spec.language)) {
      judged.push_back(&set);
    }
  }
  return judged;
}

void LogScores(std::ostream& log, std::string_view model, std::string_view variant,
               const ValidationSet& set, const FastTextModel& ft) {
  std::vector<std::string> gold, predicted;
  for (const Example& e : set.examples) {
    gold.push_back(e.label);
    predicted.push_back(ft.Predict(FeatureLine(e.text)).label);
  }
  const Scores s = Score(gold, predicted);
  boost::json::object line{{"model", model},         {"variant", variant},
                           {"validation", set.name}, {"n", s.n},
                           {"accuracy", s.accuracy}, {"macro_f1", s.macro_f1},
                           {"macro_recall", s.macro_recall}};
  if (s.Of("complaint").support > 0) line["complaint_f1"] = s.Of("complaint").f1;
  log << boost::json::serialize(line) << std::endl;
}

}  // namespace

const std::vector<ModelSpec>& ShippedModels() {
  static const std::vector<ModelSpec> models = [] {
    TrainSettings he;
    he.epoch = 15;
    TrainSettings en;
    en.epoch = 10;
    TrainSettings intent;
    intent.epoch = 10;
    return std::vector<ModelSpec>{
        {kHebrewSentimentModel, "sentiment", "he", he},
        {kEnglishSentimentModel, "sentiment", "en", en},
        {kIntentModel, "intent", "*", intent},
    };
  }();
  return models;
}

Result<std::vector<ValidationSet>> ValidationSets(const std::string& data_dir) {
  struct Set {
    const char* name;
    const char* language;
    const char* task;
    Reader read;
  };
  static constexpr Set kSets[] = {
      {"amram_dev", "he", "sentiment", &AmramSentiment},
      {"hebemo_test", "he", "sentiment", &HebemoSentiment},
      {"tweeteval_val", "en", "sentiment", &TweetSentiment},
      {"airline_heldout", "en", "sentiment", &AirlineSentiment},
      {"complaints_heldout", "en", "intent", &ComplaintIntent},
      {"banking77_heldout", "en", "intent", &BankingIntent},
      {"airline_intent_heldout", "en", "intent", &AirlineIntent},
      {"amram_intent_dev", "he", "intent", &AmramIntent},
  };
  std::vector<ValidationSet> sets;
  for (const Set& set : kSets) {
    auto split = set.read(data_dir);
    if (!split.ok()) return split.status();
    sets.push_back(ValidationSet{set.name, set.language, set.task,
                                 std::move(split->validation)});
  }
  return sets;
}

Result<std::vector<Correction>> ReadCorrections(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(Errc::kNotFound, "corrections_missing", "cannot read " + path);
  std::vector<Correction> corrections;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto bad = [&](const std::string& why) {
      return Status(Errc::kInvalidArgument, "bad_correction",
                    path + ":" + std::to_string(number) + ": " + why);
    };
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(line, ec);
    if (ec || !value.is_object()) return bad("not a JSON object");
    const auto& object = value.as_object();
    Correction c;
    for (auto [field, target] : {std::pair{"text", &c.text}, std::pair{"task", &c.task},
                                 std::pair{"label", &c.label}}) {
      const boost::json::value* v = object.if_contains(field);
      if (v == nullptr || !v->is_string()) return bad(std::string("no string \"") + field + "\"");
      *target = std::string(v->as_string());
    }
    if (c.task != "sentiment" && c.task != "intent") continue;
    if (!domain::IsValidLabel(c.task, c.label)) return bad("invalid label \"" + c.label + "\"");
    corrections.push_back(std::move(c));
  }
  return corrections;
}

Status TrainModels(const TrainRequest& request, std::ostream& log) {
  std::error_code ec;
  std::filesystem::create_directories(request.out_dir, ec);
  std::filesystem::create_directories(request.work_dir, ec);
  auto validation = ValidationSets(request.data_dir);
  if (!validation.ok()) return validation.status();
  for (const ModelSpec& spec : ShippedModels()) {
    std::vector<Example> examples;
    for (Reader read : Sources(spec.file)) {
      auto split = read(request.data_dir);
      if (!split.ok()) return split.status();
      for (Example& e : split->train) examples.push_back(std::move(e));
    }
    size_t corrections = 0;
    for (const Correction& c : request.corrections) {
      if (!Trains(spec, c)) continue;
      examples.push_back(Example{c.text, c.label});
      ++corrections;
    }
    const std::string name(spec.file.substr(0, spec.file.rfind('.')));
    const std::string input = request.work_dir + "/" + name + ".train.txt";
    const std::string bin = request.work_dir + "/" + name + ".bin";
    const std::string ftz = request.out_dir + "/" + std::string(spec.file);
    log << boost::json::serialize(boost::json::object{{"model", spec.file},
                                                      {"training_examples", examples.size()},
                                                      {"corrections", corrections}})
        << std::endl;
    if (Status s = WriteTrainingFile(std::move(examples), input); !s.ok()) return s;
    if (Status s = TrainAndQuantize(input, spec.settings, bin, ftz); !s.ok()) return s;
    for (const auto& [variant, path] : {std::pair{"full", bin}, std::pair{"quantised", ftz}}) {
      auto model = FastTextModel::Load(path);
      if (!model.ok()) return model.status();
      for (const ValidationSet* set : JudgedBy(spec, *validation)) {
        LogScores(log, spec.file, variant, *set, *model);
      }
      log << boost::json::serialize(boost::json::object{
                 {"model", spec.file}, {"variant", variant},
                 {"bytes", std::filesystem::file_size(path, ec)}})
          << std::endl;
    }
  }
  return Status::Ok();
}

}  // namespace fr::nlp
