#include "channels/x/twcs_csv.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

namespace fr::channels::x {
namespace {

constexpr std::array<std::string_view, 7> kHeader = {
    "tweet_id", "author_id", "inbound", "created_at",
    "text", "response_tweet_id", "in_response_to_tweet_id"};

bool IsNumber(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Splits "1,2,3" into ids; false if any is not a number.
bool SplitIds(std::string_view s, std::vector<std::string>& out) {
  while (!s.empty()) {
    const std::string_view id = s.substr(0, s.find(','));
    if (!IsNumber(id)) return false;
    out.emplace_back(id);
    s.remove_prefix(std::min(s.size(), id.size() + 1));
  }
  return true;
}

// Reads one row's fields into `row`; the reason it cannot, else empty.
std::string ReadFields(const std::vector<std::string>& f, TwcsRow& row) {
  if (f.size() != kHeader.size()) {
    return std::to_string(f.size()) + " fields, expected " + std::to_string(kHeader.size());
  }
  if (!IsNumber(f[0])) return "tweet_id: not a number";
  row.tweet_id = f[0];
  if (f[1].empty()) return "author_id: empty";
  row.author_id = f[1];
  if (f[2] != "True" && f[2] != "False") return "inbound: neither True nor False";
  row.inbound = f[2] == "True";
  std::optional<UnixMillis> at = ParseTwcsTime(f[3]);
  if (!at) return "created_at: not a date like \"Tue Oct 31 22:10:47 +0000 2017\"";
  row.created_at = *at;
  row.text = f[4];
  if (!SplitIds(f[5], row.response_tweet_ids)) return "response_tweet_id: not a list of numbers";
  if (!f[6].empty() && !IsNumber(f[6])) return "in_response_to_tweet_id: not a number";
  row.in_response_to = f[6];
  return "";
}

// libcsv's callbacks gather the fields of the current row; Reader turns rows into TwcsRows.
struct Reader {
  const std::function<void(TwcsRow)>* on_row = nullptr;
  const std::function<void(const TwcsRowError&)>* on_error = nullptr;
  std::vector<std::string> fields;
  int line = 1;            // the physical line being parsed
  int row_start = 1;       // the line the current row started on (blank lines aside)
  bool header_seen = false;
  Status failure;

  void EndRow() {
    if (!header_seen) {
      header_seen = true;
      if (!std::equal(fields.begin(), fields.end(), kHeader.begin(), kHeader.end())) {
        failure = Status(Errc::kMalformed, "bad_twcs_header",
                         "line 1: expected the header tweet_id,author_id,inbound,created_at,"
                         "text,response_tweet_id,in_response_to_tweet_id");
      }
    } else {
      TwcsRow row;
      row.line = row_start;
      if (std::string why = ReadFields(fields, row); !why.empty()) {
        (*on_error)(TwcsRowError{row_start, std::move(why)});
      } else {
        (*on_row)(std::move(row));
      }
    }
    fields.clear();
    row_start = line + 1;  // rows end with their line
  }
};

void OnField(void* data, std::size_t size, void* reader) {
  static_cast<Reader*>(reader)->fields.emplace_back(static_cast<const char*>(data), size);
}

void OnRowEnd(int, void* reader) { static_cast<Reader*>(reader)->EndRow(); }

// The first @handle of `text` that is one of `brands` (compared case-insensitively), or "".
std::string MentionedBrand(std::string_view text, const std::map<std::string, std::string>& brands) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
    std::string handle(text.substr(at + 1, end - at - 1));
    for (char& c : handle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto brand = brands.find(handle); brand != brands.end()) return brand->second;
  }
  return "";
}

}  // namespace

std::optional<UnixMillis> ParseTwcsTime(std::string_view text) {
  std::tm tm{};
  const std::string copy(text);
  const char* end = strptime(copy.c_str(), "%a %b %d %H:%M:%S %z %Y", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  const long offset = tm.tm_gmtoff;
  const std::time_t utc = timegm(&tm) - offset;
  return static_cast<UnixMillis>(utc) * 1000;
}

Status ReadTwcsCsv(std::istream& in, const std::function<void(TwcsRow)>& on_row,
                   const std::function<void(const TwcsRowError&)>& on_error) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Status(Errc::kInternal, "csv_init_failed", "cannot start the CSV reader");
  }
  Reader reader;
  reader.on_row = &on_row;
  reader.on_error = &on_error;
  std::string line;
  Status result;
  // One physical line at a time, so every row knows the line it started on.
  while (result.ok() && reader.failure.ok() && std::getline(in, line)) {
    line.push_back('\n');
    if (csv_parse(&parser, line.data(), line.size(), OnField, OnRowEnd, &reader) != line.size()) {
      result = Status(Errc::kMalformed, "bad_csv",
                      "line " + std::to_string(reader.line) + ": " + csv_strerror(csv_error(&parser)));
    }
    ++reader.line;
  }
  if (result.ok() && reader.failure.ok() &&
      csv_fini(&parser, OnField, OnRowEnd, &reader) != 0) {
    result = Status(Errc::kMalformed, "bad_csv",
                    "line " + std::to_string(reader.row_start) + ": a quoted field never ends");
  }
  csv_free(&parser);
  if (!reader.failure.ok()) return reader.failure;
  if (result.ok() && !reader.header_seen) {
    return Status(Errc::kMalformed, "bad_twcs_header", "line 1: the file is empty");
  }
  return result;
}

TwcsMessages ToInboundEvents(std::vector<TwcsRow> rows,
                             const std::vector<std::string>& extra_brands) {
  std::stable_sort(rows.begin(), rows.end(), [](const TwcsRow& a, const TwcsRow& b) {
    if (a.created_at != b.created_at) return a.created_at < b.created_at;
    if (a.tweet_id.size() != b.tweet_id.size()) return a.tweet_id.size() < b.tweet_id.size();
    return a.tweet_id < b.tweet_id;
  });
  std::map<std::string, std::string> brands;  // lower-case handle -> handle
  auto add_brand = [&](const std::string& handle) {
    std::string lower = handle;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    brands.emplace(lower, handle);
  };
  for (const std::string& handle : extra_brands) add_brand(handle);
  std::unordered_map<std::string, const TwcsRow*> by_id;
  for (const TwcsRow& r : rows) {
    by_id.emplace(r.tweet_id, &r);
    if (!r.inbound) add_brand(r.author_id);
  }
  TwcsMessages out;
  std::unordered_map<std::string, std::string> account_of;  // tweet id -> brand, as decided
  for (const TwcsRow& r : rows) {
    std::string account;
    if (!r.inbound) {
      account = r.author_id;
    } else {
      for (std::size_t i = 0; account.empty() && i < r.response_tweet_ids.size(); ++i) {
        auto child = by_id.find(r.response_tweet_ids[i]);
        if (child != by_id.end() && !child->second->inbound) account = child->second->author_id;
      }
      if (account.empty() && !r.in_response_to.empty()) {
        if (auto parent = account_of.find(r.in_response_to); parent != account_of.end()) {
          account = parent->second;
        }
      }
      if (account.empty()) account = MentionedBrand(r.text, brands);
    }
    if (account.empty()) {
      ++out.without_brand;
      continue;
    }
    account_of.emplace(r.tweet_id, account);
    domain::InboundEvent e;
    domain::Message& m = e.message;
    m.platform = domain::Platform::kX;
    m.account_id = account;
    m.external_id = r.tweet_id;
    m.author.id = r.author_id;
    m.author.handle = r.author_id;
    m.text = r.text;
    m.created_at = r.created_at;
    m.parent_id = r.in_response_to;
    m.is_outbound = !r.inbound;
    m.visibility = domain::Visibility::kPublic;
    m.kind = r.in_response_to.empty() ? (r.inbound ? domain::MessageKind::kMention
                                                   : domain::MessageKind::kPost)
                                      : domain::MessageKind::kReply;
    out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace fr::channels::x
