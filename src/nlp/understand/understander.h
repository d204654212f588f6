// ModelUnderstander: the ports::Understander of production. Language by CLD2 (language_id.h);
// sentiment by a fastText model per language (sentiment_he.ftz for Hebrew, sentiment_en.ftz
// for English and every other language, which share its emoji and punctuation cues); intent by
// one fastText model for both languages (intent.ftz); sensitive topics by the approval rules'
// lexicon (domain/approval_rules.h), matched as the rules match it. Immutable once loaded;
// Understand is thread-safe.
//
// Wording rules sit on top of the intent model, which has seen no Hebrew customer care (see
// models/intent.md). For a Hebrew text with a cue of HebrewIntentCue (intent_cues.h):
//  * a request by its wording ("אפשר לבטל את ההזמנה שלי", "תחזירו לי את הכסף בבקשה") is a
//    request, however angry: an explicit ask for an action; its anger stays in the sentiment,
//    which triage weighs on its own;
//  * a question by its wording ("מתי אתם פתוחים מחר?") is a question, unless the sentiment
//    model is at least kPraiseOverruledAt sure it is negative: asking why something went wrong,
//    in anger, is complaining ("למה ההזמנה שלי עוד לא הגיעה?!"), so it is a complaint with the
//    sentiment's probability.
// A cue that overrules the model reports intent_p kCueP. Without a cue (and for English) the
// model decides, but praise said in anger is a complaint: when the model says praise and the
// sentiment model is at least kPraiseOverruledAt sure the text is negative, the intent is
// complaint with the sentiment's probability.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/approval_rules.h"
#include "nlp/understand/fasttext_model.h"
#include "nlp/understand/sensitive_topics.h"
#include "ports/understander.h"

namespace fr::nlp {

// The model files a models directory holds.
inline constexpr std::string_view kHebrewSentimentModel = "sentiment_he.ftz";
inline constexpr std::string_view kEnglishSentimentModel = "sentiment_en.ftz";
inline constexpr std::string_view kIntentModel = "intent.ftz";

inline constexpr float kPraiseOverruledAt = 0.6f;
// The intent probability reported when a wording cue overrules the model: a fixed value, not a
// measured one, below the model's usual (often saturated) figures so that a reader can tell.
inline constexpr float kCueP = 0.75f;

class ModelUnderstander final : public ports::Understander {
 public:
  // Loads the three models from `models_dir`. A missing or unreadable file, or a model whose
  // labels are not sentiment or intent names, is an error naming the file: the server refuses
  // to start with it.
  static Result<std::unique_ptr<ModelUnderstander>> Load(const std::string& models_dir,
                                                         const domain::SensitiveLexicon& lexicon);

  domain::Understanding Understand(std::string_view text) const override;

 private:
  ModelUnderstander(FastTextModel sentiment_he, FastTextModel sentiment_en, FastTextModel intent,
                    SensitiveTopics topics);

  FastTextModel sentiment_he_;
  FastTextModel sentiment_en_;
  FastTextModel intent_;
  SensitiveTopics topics_;
};

}  // namespace fr::nlp
