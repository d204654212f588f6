#include "nlp/understand/understander.h"

#include <optional>
#include <utility>

#include "nlp/understand/feature_tokens.h"
#include "nlp/understand/intent_cues.h"
#include "nlp/understand/language_id.h"
#include "nlp/understand/text_features.h"

namespace fr::nlp {
namespace {

// Loads `dir`/`name` and checks that every label is a name `valid` accepts.
template <typename Parse>
Result<FastTextModel> LoadModel(const std::string& dir, std::string_view name, Parse valid) {
  const std::string path = dir + "/" + std::string(name);
  auto model = FastTextModel::Load(path);
  if (!model.ok()) return model.status();
  for (const std::string& label : model->Labels()) {
    if (!valid(label)) {
      return Status(Errc::kMalformed, "model_load_failed",
                    "model file " + path + ": unexpected label \"" + label + "\"");
    }
  }
  return model;
}

}  // namespace

ModelUnderstander::ModelUnderstander(FastTextModel sentiment_he, FastTextModel sentiment_en,
                                     FastTextModel intent, SensitiveTopics topics)
    : sentiment_he_(std::move(sentiment_he)),
      sentiment_en_(std::move(sentiment_en)),
      intent_(std::move(intent)),
      topics_(std::move(topics)) {}

Result<std::unique_ptr<ModelUnderstander>> ModelUnderstander::Load(
    const std::string& models_dir, const domain::SensitiveLexicon& lexicon) {
  auto is_sentiment = [](const std::string& l) { return domain::ParseSentiment(l).has_value(); };
  auto is_intent = [](const std::string& l) { return domain::ParseIntent(l).has_value(); };
  auto he = LoadModel(models_dir, kHebrewSentimentModel, is_sentiment);
  if (!he.ok()) return he.status();
  auto en = LoadModel(models_dir, kEnglishSentimentModel, is_sentiment);
  if (!en.ok()) return en.status();
  auto intent = LoadModel(models_dir, kIntentModel, is_intent);
  if (!intent.ok()) return intent.status();

  return std::unique_ptr<ModelUnderstander>(
      new ModelUnderstander(std::move(he).value(), std::move(en).value(), std::move(intent).value(),
                            SensitiveTopics(lexicon)));
}

domain::Understanding ModelUnderstander::Understand(std::string_view text) const {
  domain::Understanding u;
  LanguageGuess language = IdentifyLanguage(text);
  u.language = std::move(language.language);
  u.other_language = std::move(language.other_language);

  thread_local std::string features;
  FeatureLine(text, features);
  if (!features.empty()) {
    thread_local FeatureTokens tokens;  // cut and hashed once for both models
    tokens.Reset(features);
    const Prediction sentiment =
        (u.language == "he" ? sentiment_he_ : sentiment_en_).Predict(tokens);
    if (auto s = domain::ParseSentiment(sentiment.label)) {
      u.sentiment = *s;
      u.sentiment_p = sentiment.p;
    }
    const Prediction intent = intent_.Predict(tokens);
    if (auto i = domain::ParseIntent(intent.label)) {
      u.intent = *i;
      u.intent_p = intent.p;
    }
    const bool clearly_negative =
        u.sentiment == domain::Sentiment::kNegative && u.sentiment_p >= kPraiseOverruledAt;
    const std::optional<domain::Intent> cue =
        u.language == "he" ? HebrewIntentCue(tokens) : std::nullopt;
    if (cue == domain::Intent::kRequest || (cue && !clearly_negative)) {
      if (*cue != u.intent) {
        u.intent = *cue;
        u.intent_p = kCueP;
      }
    } else if (clearly_negative && (cue || u.intent == domain::Intent::kPraise)) {
      u.intent = domain::Intent::kComplaint;
      u.intent_p = u.sentiment_p;
    }
  }

  u.sensitivity = topics_.In(text);
  return u;
}

}  // namespace fr::nlp
