#include "bench_corpus.h"

#include <fstream>
#include <istream>

namespace fr::bench {
namespace {

// The fields of one CSV record (RFC 4180 quoting; records may span lines). False at the end.
bool ReadCsvRecord(std::istream& in, std::vector<std::string>* fields) {
  fields->assign(1, "");
  bool quoted = false, any = false;
  for (int c; (c = in.get()) != EOF;) {
    any = true;
    if (quoted) {
      if (c != '"') {
        fields->back().push_back(static_cast<char>(c));
      } else if (in.peek() == '"') {
        fields->back().push_back(static_cast<char>(in.get()));
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->emplace_back();
    } else if (c == '\n') {
      return true;
    } else if (c != '\r') {
      fields->back().push_back(static_cast<char>(c));
    }
  }
  return any;
}

// Appends column `column` of every record of a CSV file, skipping `header_lines` records.
void ReadCsvColumn(const std::string& path, size_t column, int header_lines, std::vector<std::string>* out) {
  std::ifstream in(path);
  std::vector<std::string> fields;
  for (int i = 0; i < header_lines; ++i) ReadCsvRecord(in, &fields);
  while (ReadCsvRecord(in, &fields)) {
    if (fields.size() > column && !fields[column].empty()) out->push_back(fields[column]);
  }
}

// Appends the first tab-separated column of every line after the header.
void ReadTsvFirstColumn(const std::string& path, std::vector<std::string>* out) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) out->push_back(line.substr(0, line.find('\t')));
}

}  // namespace

Corpus LoadCorpus(const std::string& data_dir) {
  Corpus corpus;
  for (const char* file : {"/twcs/twcs_head5000.csv", "/twcs/twcs_random5000.csv", "/twcs/spotifycares_customer_side.csv"}) {
    ReadCsvColumn(data_dir + file, 4, 1, &corpus.english);
  }
  {
    std::ifstream in(data_dir + "/tweeteval_sentiment/val_text.txt");
    for (std::string line; std::getline(in, line);) corpus.english.push_back(line);
  }
  ReadCsvColumn(data_dir + "/complaints_preotiuc2019/complaints-data.csv", 1, 0, &corpus.english);
  for (const char* file : {"/hebrew_sentiment_amram2018/cleaned_onlplab/token/train.tsv",
                           "/hebrew_sentiment_amram2018/cleaned_onlplab/token/dev.tsv"}) {
    ReadTsvFirstColumn(data_dir + file, &corpus.hebrew);
  }
  ReadCsvColumn(data_dir + "/hebrew_hebemo_covid_ugc/hebemo_sentiment_per_comment.csv", 5, 1, &corpus.hebrew);
  return corpus;
}

std::vector<domain::ListenPost> MakePosts(const Corpus& corpus, std::size_t count) {
  static constexpr domain::MessageKind kKinds[] = {domain::MessageKind::kPost, domain::MessageKind::kComment,
                                                   domain::MessageKind::kReply, domain::MessageKind::kMention};
  std::vector<domain::ListenPost> posts(count);
  for (size_t i = 0; i < count; ++i) {
    const bool hebrew = i % 2 == 1;
    const std::vector<std::string>& texts = hebrew ? corpus.hebrew : corpus.english;
    domain::ListenPost& post = posts[i];
    post.text = texts[(i / 2) % texts.size()];
    post.language = hebrew ? "he" : "en";
    post.platform = i % 3 ? domain::Platform::kX : domain::Platform::kInstagram;
    post.kind = kKinds[i % 4];
    post.followers = static_cast<std::int64_t>(i % 7919);
  }
  return posts;
}

std::size_t TextBytes(const std::vector<domain::ListenPost>& posts) {
  std::size_t bytes = 0;
  for (const domain::ListenPost& post : posts) bytes += post.text.size();
  return bytes;
}

}  // namespace fr::bench
