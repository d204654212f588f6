// Readers of the public data sets under shared/data (see its README.md) that the models are
// trained and validated on, each turned into labelled examples with a fixed train/validation
// split. Deterministic: the same files give the same examples in the same order. Labels are
// sentiment or intent names (domain/understanding.h). Pure functions of the files; thread-safe.
//
// Where a set has no validation split, an example belongs to validation when the FNV-1a hash
// of its id (or of its text, for sets without ids) is 0 mod 10 (HeldOut).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace fr::nlp {

struct Example {
  std::string text;
  std::string label;
};

struct LabelledSplit {
  std::vector<Example> train;
  std::vector<Example> validation;
};

// True for the tenth of keys that make up a home-made validation split.
bool HeldOut(std::string_view key);

// Hebrew sentiment, Amram et al. 2018, OnlpLab's de-duplicated split (token/train.tsv,
// token/dev.tsv): 0 → positive, 1 → negative, 2 (off-topic) → neutral.
Result<LabelledSplit> AmramSentiment(const std::string& data_dir);

// Hebrew sentiment, HebEMO news talkbacks: the mean annotator score < -0.25 → negative,
// > 0.25 → positive, else neutral; split "main" trains, the two test splits validate.
Result<LabelledSplit> HebemoSentiment(const std::string& data_dir);

// English tweet sentiment: the SemEval 2013–2016 pool (deduplicated by id, JSON escapes
// undone) trains, less every tweet whose text also appears in TweetEval's validation set
// (compared without mentions, URLs, case, punctuation and non-ASCII); TweetEval val (its
// \uXXXX escapes undone too) validates.
Result<LabelledSplit> TweetSentiment(const std::string& data_dir);

// English customer-care sentiment: US airline tweets (deduplicated by text), HeldOut(tweet id).
Result<LabelledSplit> AirlineSentiment(const std::string& data_dir);

// Intent, English: complaints (Preoțiuc-Pietro et al. 2019), label 1 → complaint, label 0 →
// question when it contains "?", else other; HeldOut(tweet id).
Result<LabelledSplit> ComplaintIntent(const std::string& data_dir);

// Intent, English: BANKING77 queries → question or request by their wording (RequestOrQuestion);
// HeldOut(text).
Result<LabelledSplit> BankingIntent(const std::string& data_dir);

// Intent, English: airline tweets, negative → complaint, positive → praise, neutral →
// question with "?" else other; HeldOut(tweet id), as AirlineSentiment.
Result<LabelledSplit> AirlineIntent(const std::string& data_dir);

// Intent, Hebrew, a proxy: Amram comments, negative → complaint, positive → praise, off-topic →
// question with "?" else other. Comments to a head of state, not to a brand: see the model card.
Result<LabelledSplit> AmramIntent(const std::string& data_dir);

// "request" when `text` asks for something to be done (begins with please, can/could/would you,
// I want/need/would like ...), else "question" when it asks (a "?" or a question word first),
// else "request".
std::string_view RequestOrQuestion(std::string_view text);

// Rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> ParseCsv(std::string_view content);

}  // namespace fr::nlp
