// bench/understand: messages per second on one core for each stage of understanding a message
// (language, features, sentiment model, intent model, sensitive topics) and for the whole
// ModelUnderstander::Understand call, over the validation texts of shared/data (Hebrew and
// English interleaved). Rates are per second of this thread's CPU time, so they are per core
// even on a shared machine; wall-clock rates are printed beside them. One JSON line per stage.
#include <time.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "domain/approval_rules.h"
#include "nlp/understand/language_id.h"
#include "nlp/understand/recipe.h"
#include "nlp/understand/sensitive_topics.h"
#include "nlp/understand/text_features.h"
#include "nlp/understand/understander.h"

namespace {

// This thread's CPU seconds: per-core throughput even when other processes share the cores.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Rates {
  double cpu_msgs_per_s;   // per second of this thread's CPU time: the per-core figure
  double wall_msgs_per_s;  // per second of wall time (lower when the cores are shared)
};

// Runs `work` over `texts` until at least `min_seconds` of CPU time have passed.
Rates Rate(const std::vector<std::string>& texts, double min_seconds,
           const std::function<size_t(const std::string&)>& work, size_t& sink) {
  using Clock = std::chrono::steady_clock;
  size_t messages = 0;
  const auto wall_start = Clock::now();
  const double cpu_start = CpuSeconds();
  double cpu = 0;
  while (cpu < min_seconds) {
    for (const std::string& text : texts) sink += work(text);
    messages += texts.size();
    cpu = CpuSeconds() - cpu_start;
  }
  const double wall = std::chrono::duration<double>(Clock::now() - wall_start).count();
  return Rates{static_cast<double>(messages) / cpu, static_cast<double>(messages) / wall};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Understanding throughput per core"};
  std::string data_dir, models_dir = "models";
  double seconds = 3;
  std::string only_stage;
  app.add_option("--data", data_dir, "shared/data")->required();
  app.add_option("--models", models_dir, "models directory")->capture_default_str();
  app.add_option("--seconds", seconds, "minimum seconds per stage")->capture_default_str();
  app.add_option("--stage", only_stage, "run this stage only (for profiling)");
  CLI11_PARSE(app, argc, argv);

  auto sets = fr::nlp::ValidationSets(data_dir);
  if (!sets.ok()) {
    std::fprintf(stderr, "%s\n", sets.status().ToString().c_str());
    return 1;
  }
  // Hebrew and English texts alternating, as a mixed inbox would bring them.
  std::vector<std::string> hebrew, english, texts;
  for (const auto& set : *sets) {
    if (set.task != "sentiment") continue;
    for (const auto& e : set.examples) (set.language == "he" ? hebrew : english).push_back(e.text);
  }
  for (size_t i = 0; i < std::max(hebrew.size(), english.size()); ++i) {
    if (i < hebrew.size()) texts.push_back(hebrew[i]);
    if (i < english.size()) texts.push_back(english[i]);
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();

  auto understander =
      fr::nlp::ModelUnderstander::Load(models_dir, fr::domain::DefaultSensitiveLexicon());
  if (!understander.ok()) {
    std::fprintf(stderr, "%s\n", understander.status().ToString().c_str());
    return 1;
  }
  auto sentiment_en = fr::nlp::FastTextModel::Load(models_dir + "/sentiment_en.ftz");
  auto intent = fr::nlp::FastTextModel::Load(models_dir + "/intent.ftz");
  if (!sentiment_en.ok() || !intent.ok()) return 1;
  std::vector<std::string> features;
  for (const auto& t : texts) features.push_back(fr::nlp::FeatureLine(t));
  const fr::nlp::SensitiveTopics topics(fr::domain::DefaultSensitiveLexicon());
  size_t feature_index = 0;
  auto next_features = [&]() -> const std::string& {
    const std::string& f = features[feature_index];
    feature_index = (feature_index + 1) % features.size();
    return f;
  };

  struct Stage {
    const char* name;
    std::function<size_t(const std::string&)> work;
  };
  const std::vector<Stage> stages = {
      {"language",
       [](const std::string& t) { return fr::nlp::IdentifyLanguage(t).language.size(); }},
      {"features", [](const std::string& t) { return fr::nlp::FeatureLine(t).size(); }},
      {"sentiment_model",
       [&](const std::string&) { return sentiment_en->Predict(next_features()).label.size(); }},
      {"intent_model",
       [&](const std::string&) { return intent->Predict(next_features()).label.size(); }},
      {"sensitivity", [&](const std::string& t) { return topics.In(t).size(); }},
      {"all",
       [&](const std::string& t) { return (*understander)->Understand(t).sensitivity.size(); }},
  };
  size_t sink = 0;
  for (const Stage& stage : stages) {
    if (!only_stage.empty() && only_stage != stage.name) continue;
    feature_index = 0;
    const Rates rate = Rate(texts, seconds, stage.work, sink);
    std::printf(
        "{\"bench\":\"understand\",\"stage\":\"%s\",\"texts\":%zu,\"mean_bytes\":%.1f,"
        "\"msgs_per_s_per_core\":%.0f,\"us_per_msg\":%.2f,\"wall_msgs_per_s\":%.0f,"
        "\"target_msgs_per_s\":100000}\n",
        stage.name, texts.size(), static_cast<double>(bytes) / static_cast<double>(texts.size()),
        rate.cpu_msgs_per_s, 1e6 / rate.cpu_msgs_per_s, rate.wall_msgs_per_s);
    std::fflush(stdout);
  }
  return sink == static_cast<size_t>(-1) ? 1 : 0;  // keeps the work from being optimised away
}
