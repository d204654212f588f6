#include "nlp/understand/datasets.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace fr::nlp {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Errc::kNotFound, "data_missing", "cannot read data file " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::vector<std::string_view> Lines(std::string_view content) {
  std::vector<std::string_view> lines = Split(content, '\n');
  for (auto& line : lines) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  }
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool HasQuestionMark(std::string_view text) {
  return text.find('?') != std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void AppendUtf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Literal \uXXXX escapes, left in many SemEval and TweetEval texts, back to UTF-8.
std::string UnescapeU(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 5 < s.size() && s[i + 1] == 'u' &&
        std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      AppendUtf8(out, static_cast<uint32_t>(
                          std::strtoul(std::string(s.substr(i + 2, 4)).c_str(), nullptr, 16)));
      i += 5;
    } else {
      out += s[i];
    }
  }
  return out;
}

// SemEval texts: CSV-style quoting ("...", "" for ") and literal \uXXXX escapes.
std::string CleanSemEvalText(std::string_view raw) {
  std::string s;
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
    raw = raw.substr(1, raw.size() - 2);
    for (size_t i = 0; i < raw.size(); ++i) {
      s += raw[i];
      if (raw[i] == '"' && i + 1 < raw.size() && raw[i + 1] == '"') ++i;
    }
  } else {
    s = raw;
  }
  return UnescapeU(s);
}

// A tweet's text for comparing copies: no mentions, no URLs, only lower-case ASCII letters
// and digits (TweetEval replaced mentions by @user and dropped most URLs).
std::string TweetKey(std::string_view text) {
  std::string key;
  for (std::string_view word : Split(text, ' ')) {
    if (word.empty() || word[0] == '@' || word.substr(0, 4) == "http") continue;
    for (char c : word) {
      if (static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c))) {
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
  }
  return key;
}

std::string_view AmramLabel(std::string_view code) {
  if (code == "0") return "positive";
  if (code == "1") return "negative";
  return "neutral";
}

Result<std::vector<Example>> ReadAmram(const std::string& path) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  std::vector<Example> examples;
  const auto lines = Lines(*content);
  for (size_t i = 1; i < lines.size(); ++i) {  // header: comment<TAB>label
    const auto fields = Split(lines[i], '\t');
    if (fields.size() < 2 || fields[0].empty()) continue;
    examples.push_back(Example{std::string(fields[0]), std::string(AmramLabel(fields[1]))});
  }
  return examples;
}

// Airline rows: tweet id, sentiment, text; deduplicated by text (the first copy is kept).
struct AirlineTweet {
  std::string id;
  std::string sentiment;
  std::string text;
};

Result<std::vector<AirlineTweet>> ReadAirline(const std::string& data_dir) {
  auto content = ReadFile(data_dir + "/twitter_us_airline_sentiment/Tweets.csv");
  if (!content.ok()) return content.status();
  std::vector<AirlineTweet> tweets;
  std::unordered_set<std::string> seen;
  const auto rows = ParseCsv(*content);
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (row.size() < 11 || !seen.insert(row[10]).second) continue;
    tweets.push_back(AirlineTweet{row[0], row[1], row[10]});
  }
  return tweets;
}

}  // namespace

bool HeldOut(std::string_view key) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash % 10 == 0;
}

std::vector<std::vector<std::string>> ParseCsv(std::string_view content) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    if (quoted) {
      if (c == '"' && i + 1 < content.size() && content[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<LabelledSplit> AmramSentiment(const std::string& data_dir) {
  const std::string dir = data_dir + "/hebrew_sentiment_amram2018/cleaned_onlplab/token/";
  auto train = ReadAmram(dir + "train.tsv");
  if (!train.ok()) return train.status();
  auto dev = ReadAmram(dir + "dev.tsv");
  if (!dev.ok()) return dev.status();
  return LabelledSplit{std::move(train).value(), std::move(dev).value()};
}

Result<LabelledSplit> HebemoSentiment(const std::string& data_dir) {
  auto content =
      ReadFile(data_dir + "/hebrew_hebemo_covid_ugc/hebemo_sentiment_per_comment.csv");
  if (!content.ok()) return content.status();
  LabelledSplit split;
  const auto rows = ParseCsv(*content);
  for (size_t i = 1; i < rows.size(); ++i) {  // split, doc_id, ..., text (5), ..., mean (7)
    const auto& row = rows[i];
    if (row.size() < 8 || row[5].empty() || row[7].empty()) continue;
    const double mean = std::strtod(row[7].c_str(), nullptr);
    const char* label = mean < -0.25 ? "negative" : mean > 0.25 ? "positive" : "neutral";
    (row[0] == "main" ? split.train : split.validation).push_back(Example{row[5], label});
  }
  return split;
}

Result<LabelledSplit> TweetSentiment(const std::string& data_dir) {
  LabelledSplit split;
  auto val_text = ReadFile(data_dir + "/tweeteval_sentiment/val_text.txt");
  if (!val_text.ok()) return val_text.status();
  auto val_labels = ReadFile(data_dir + "/tweeteval_sentiment/val_labels.txt");
  if (!val_labels.ok()) return val_labels.status();
  const auto texts = Lines(*val_text);
  const auto labels = Lines(*val_labels);
  std::unordered_set<std::string> validation_keys;
  for (size_t i = 0; i < texts.size() && i < labels.size(); ++i) {
    const char* label = labels[i] == "0" ? "negative" : labels[i] == "2" ? "positive" : "neutral";
    std::string text = UnescapeU(texts[i]);
    validation_keys.insert(TweetKey(text));
    split.validation.push_back(Example{std::move(text), label});
  }

  static constexpr const char* kPool[] = {
      "twitter-2013train-A.tsv", "twitter-2013dev-A.tsv",     "twitter-2013test-A.tsv",
      "twitter-2014test-A.tsv",  "twitter-2014sarcasm-A.tsv", "twitter-2015train-A.tsv",
      "twitter-2015test-A.tsv",  "twitter-2016train-A.tsv",   "twitter-2016dev-A.tsv",
      "twitter-2016devtest-A.tsv", "twitter-2016test-A.tsv"};
  std::unordered_set<std::string> seen_ids;
  for (const char* file : kPool) {
    auto content = ReadFile(data_dir + "/semeval2017_task4a_english/train_2013_2016/" + file);
    if (!content.ok()) return content.status();
    for (std::string_view line : Lines(*content)) {
      const auto fields = Split(line, '\t');
      if (fields.size() < 3 || !seen_ids.insert(std::string(fields[0])).second) continue;
      std::string text = CleanSemEvalText(fields[2]);
      if (validation_keys.count(TweetKey(text)) > 0) continue;
      split.train.push_back(Example{std::move(text), std::string(fields[1])});
    }
  }
  return split;
}

Result<LabelledSplit> AirlineSentiment(const std::string& data_dir) {
  auto tweets = ReadAirline(data_dir);
  if (!tweets.ok()) return tweets.status();
  LabelledSplit split;
  for (const AirlineTweet& t : *tweets) {
    (HeldOut(t.id) ? split.validation : split.train).push_back(Example{t.text, t.sentiment});
  }
  return split;
}

Result<LabelledSplit> ComplaintIntent(const std::string& data_dir) {
  auto content = ReadFile(data_dir + "/complaints_preotiuc2019/complaints-data.csv");
  if (!content.ok()) return content.status();
  LabelledSplit split;
  for (const auto& row : ParseCsv(*content)) {  // id, text, label, domain; no header
    if (row.size() < 3 || row[1].empty()) continue;
    const char* label = row[2] == "1" ? "complaint" : HasQuestionMark(row[1]) ? "question" : "other";
    (HeldOut(row[0]) ? split.validation : split.train).push_back(Example{row[1], label});
  }
  return split;
}

Result<LabelledSplit> BankingIntent(const std::string& data_dir) {
  auto content = ReadFile(data_dir + "/banking77/train.csv");
  if (!content.ok()) return content.status();
  LabelledSplit split;
  const auto rows = ParseCsv(*content);
  for (size_t i = 1; i < rows.size(); ++i) {  // text, category
    if (rows[i].empty() || rows[i][0].empty()) continue;
    const std::string& text = rows[i][0];
    (HeldOut(text) ? split.validation : split.train)
        .push_back(Example{text, std::string(RequestOrQuestion(text))});
  }
  return split;
}

Result<LabelledSplit> AirlineIntent(const std::string& data_dir) {
  auto tweets = ReadAirline(data_dir);
  if (!tweets.ok()) return tweets.status();
  LabelledSplit split;
  for (const AirlineTweet& t : *tweets) {
    const char* label = t.sentiment == "negative"   ? "complaint"
                        : t.sentiment == "positive" ? "praise"
                        : HasQuestionMark(t.text)   ? "question"
                                                    : "other";
    (HeldOut(t.id) ? split.validation : split.train).push_back(Example{t.text, label});
  }
  return split;
}

Result<LabelledSplit> AmramIntent(const std::string& data_dir) {
  auto sentiment = AmramSentiment(data_dir);
  if (!sentiment.ok()) return sentiment.status();
  auto relabel = [](std::vector<Example>& examples) {
    for (Example& e : examples) {
      e.label = e.label == "negative"   ? "complaint"
                : e.label == "positive" ? "praise"
                : HasQuestionMark(e.text) ? "question"
                                          : "other";
    }
  };
  relabel(sentiment->train);
  relabel(sentiment->validation);
  return sentiment;
}

std::string_view RequestOrQuestion(std::string_view text) {
  const std::string lower = Lower(text);
  static constexpr std::string_view kRequestStarts[] = {
      "please", "can you", "could you", "would you", "will you", "can u", "i want", "i need",
      "i would like", "i'd like", "i wish to", "help me", "cancel", "i must",
      "i have to", "send me", "give me", "let me", "change my", "update my", "close my",
      "reset my", "block my", "freeze my", "refund"};
  for (std::string_view start : kRequestStarts) {
    if (lower.compare(0, start.size(), start) == 0) return "request";
  }
  static constexpr std::string_view kQuestionStarts[] = {
      "how", "what", "why", "when", "where", "which", "who", "is ", "are ", "do ", "does ",
      "did ", "can i", "could i", "should", "will ", "would ", "has ", "have ", "am i", "may i"};
  if (HasQuestionMark(lower)) return "question";
  for (std::string_view start : kQuestionStarts) {
    if (lower.compare(0, start.size(), start) == 0) return "question";
  }
  return "request";
}

}  // namespace fr::nlp
