#include "corpora.h"

#include <csv.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <unordered_set>

#include "channels/x/twcs_csv.h"

namespace fr::bench {
namespace {

// Calls `on_record` with the fields of every record of the CSV file at `path` but the first.
void ReadCsv(const std::string& path,
             const std::function<void(const std::vector<std::string>&)>& on_record) {
  struct State {
    std::vector<std::string> fields;
    bool header = true;
    const std::function<void(const std::vector<std::string>&)>* on_record;
  } state{{}, true, &on_record};
  const auto on_field = [](void* data, std::size_t size, void* s) {
    static_cast<State*>(s)->fields.emplace_back(static_cast<const char*>(data), size);
  };
  const auto on_end = [](int, void* s) {
    auto* st = static_cast<State*>(s);
    if (!st->header) (*st->on_record)(st->fields);
    st->header = false;
    st->fields.clear();
  };
  std::ifstream in(path, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  csv_parser parser;
  csv_init(&parser, 0);
  csv_parse(&parser, content.data(), content.size(), on_field, on_end, &state);
  csv_fini(&parser, on_field, on_end, &state);
  csv_free(&parser);
}

void Add(Labelled& out, UnixMillis at, std::string text, std::string brand, std::string label) {
  out.docs.push_back({static_cast<std::int64_t>(out.docs.size()), at, std::move(text)});
  out.brands.push_back(std::move(brand));
  out.labels.push_back(std::move(label));
}

// The customers' tweets of TWCS files, each with its brand.
Labelled CustomerTweets(const std::vector<std::string>& paths,
                        const std::vector<std::string>& extra_brands) {
  std::vector<channels::x::TwcsRow> rows;
  std::unordered_set<std::string> seen;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    const Status read = channels::x::ReadTwcsCsv(
        in,
        [&](channels::x::TwcsRow row) {
          if (seen.insert(row.tweet_id).second) rows.push_back(std::move(row));
        },
        [](const channels::x::TwcsRowError&) {});
    if (!read.ok()) std::fprintf(stderr, "%s: %s\n", path.c_str(), read.ToString().c_str());
  }
  Labelled out;
  for (domain::InboundEvent& e :
       channels::x::ToInboundEvents(std::move(rows), extra_brands).events) {
    if (e.message.is_outbound) continue;
    Add(out, e.message.created_at, std::move(e.message.text), e.message.account_id, "");
  }
  return out;
}

}  // namespace

Labelled TwcsCustomerTweets(const std::string& data_dir) {
  return CustomerTweets(
      {data_dir + "/twcs/twcs_head5000.csv", data_dir + "/twcs/twcs_random5000.csv"}, {});
}

Labelled SpotifyCustomerTweets(const std::string& data_dir) {
  return CustomerTweets({data_dir + "/twcs/spotifycares_customer_side.csv"}, {"SpotifyCares"});
}

Labelled AirlineTweets(const std::string& data_dir) {
  Labelled out;
  out.label_name = "reason";
  ReadCsv(data_dir + "/twitter_us_airline_sentiment/Tweets.csv",
          [&](const std::vector<std::string>& f) {
            if (f.size() > 10) Add(out, 0, f[10], f[5], f[3] == "Can't Tell" ? "" : f[3]);
          });
  return out;
}

Labelled HebrewComments(const std::string& data_dir) {
  Labelled out;
  out.label_name = "article";
  ReadCsv(data_dir + "/hebrew_hebemo_covid_ugc/hebemo_sentiment_per_comment.csv",
          [&](const std::vector<std::string>& f) {
            if (f.size() > 5) Add(out, 0, f[5], "", f[4]);
          });
  for (const char* split : {"train", "dev"}) {
    std::ifstream in(data_dir + "/hebrew_sentiment_amram2018/cleaned_onlplab/token/" + split +
                     ".tsv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) Add(out, 0, line.substr(0, line.find('\t')), "", "");
  }
  return out;
}

}  // namespace fr::bench
