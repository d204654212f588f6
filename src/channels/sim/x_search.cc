// Recent search on the simulated X (PROTOCOLS.md §1.6): the page shapes of GET
// /2/tweets/search/recent with the fields and expansions Feedroom asks for.

#include "channels/sim/x_search.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <charconv>
#include <cstdint>
#include <set>
#include <variant>

#include "channels/sim/sim_dates.h"
#include "channels/sim/sim_ids.h"
#include "channels/sim/sim_json.h"
#include "channels/sim/utf8_text.h"
#include "channels/sim/x_errors.h"
#include "channels/sim/x_webhooks.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kContentType = "application/json; charset=utf-8";
constexpr UnixMillis kSevenDays = 7LL * 24 * 3600 * 1000;
constexpr std::size_t kMaxQueryLength = 512;  // code points, X's self-serve limit
constexpr int kMinResults = 10;
constexpr int kMaxResults = 100;
constexpr std::string_view kSeparators = " \t\r\n()";

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

json::object PostJson(const XPost& p) {
  json::object t{{"id", p.id},
                 {"text", p.text},
                 {"author_id", p.author.id},
                 {"created_at", IsoDate(p.created_at)},
                 {"conversation_id", p.conversation_id},
                 {"edit_history_tweet_ids", json::array{p.id}},
                 {"lang", XLang(p.text)}};
  json::array references;
  if (!p.in_reply_to_id.empty()) {
    references.push_back(json::object{{"type", "replied_to"}, {"id", p.in_reply_to_id}});
  }
  if (!p.quoted_id.empty()) {
    references.push_back(json::object{{"type", "quoted"}, {"id", p.quoted_id}});
  }
  if (!references.empty()) t["referenced_tweets"] = std::move(references);
  return t;
}

json::object UserJson(const Person& p) {
  return json::object{{"id", p.id},
                      {"username", p.handle},
                      {"name", p.name},
                      {"verified", p.verified},
                      {"public_metrics", json::object{{"followers_count", p.followers},
                                                      {"following_count", 0},
                                                      {"tweet_count", 0},
                                                      {"listed_count", 0}}}};
}

// The search's parameters, checked; or X's answer refusing them.
struct SearchParams {
  std::vector<std::string> words;
  int max_results = kMinResults;
  std::string since_id;   // empty: none
  std::string before_id;  // from next_token; empty: the first page
};

std::variant<SearchParams, SimResponse> ReadParams(const ports::QueryParams& params) {
  SearchParams out;
  const std::string_view query = ports::QueryParam(params, "query");
  if (query.empty()) {
    return XInvalidRequest("query", query, "The `query` query parameter can not be empty");
  }
  if (CodePointCount(query) > kMaxQueryLength) {
    return XInvalidRequest("query", query,
                           "The `query` query parameter value is longer than 512 characters");
  }
  out.words = SearchWords(query);
  if (const std::string_view max = ports::QueryParam(params, "max_results"); !max.empty()) {
    int value = 0;
    const auto [end, ec] = std::from_chars(max.data(), max.data() + max.size(), value);
    if (ec != std::errc() || end != max.data() + max.size() || value < kMinResults ||
        value > kMaxResults) {
      return XInvalidRequest("max_results", max,
                             "The `max_results` query parameter value [" + std::string(max) +
                                 "] is not between 10 and 100");
    }
    out.max_results = value;
  }
  out.since_id = ports::QueryParam(params, "since_id");
  if (!out.since_id.empty() && !IsNumericId(out.since_id)) {
    return XInvalidRequest(
        "since_id", out.since_id,
        "The `since_id` query parameter value [" + out.since_id + "] does not match ^[0-9]{1,19}$");
  }
  out.before_id = ports::QueryParam(params, "next_token");
  if (!out.before_id.empty() && !IsNumericId(out.before_id)) {
    return XInvalidRequest(
        "next_token", out.before_id,
        "The `next_token` query parameter value [" + out.before_id + "] is not valid");
  }
  return out;
}

}  // namespace

std::vector<std::string> SearchWords(std::string_view query) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < query.size()) {
    if (kSeparators.find(query[i]) != std::string_view::npos) {
      ++i;
      continue;
    }
    const bool negated = query[i] == '-';
    if (negated) ++i;
    std::string_view word;
    const bool phrase = i < query.size() && query[i] == '"';
    if (phrase) {
      const std::size_t close = query.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? query.size() : close;
      word = query.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      const std::size_t end = std::min(query.find_first_of(kSeparators, i), query.size());
      word = query.substr(i, end - i);
      i = end;
    }
    const bool keyword = word == "OR" || word == "AND";
    const bool op = !phrase && (keyword || word.find(':') != std::string_view::npos);
    if (!negated && !op && !word.empty()) words.push_back(AsciiLower(word));
  }
  return words;
}

bool ContainsAnyWord(std::string_view text, const std::vector<std::string>& words) {
  const std::string lower = AsciiLower(text);
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return lower.find(w) != std::string::npos; });
}

SimResponse SearchRecent(const SimWorld& world, const ports::QueryParams& params, UnixMillis now) {
  auto read = ReadParams(params);
  if (auto* refusal = std::get_if<SimResponse>(&read)) return std::move(*refusal);
  const SearchParams& p = std::get<SearchParams>(read);

  std::vector<const XPost*> found;
  for (const auto& [id, post] : world.x_posts()) {
    if (world.XAccountById(post.author.id) != nullptr) continue;  // the brand's own
    if (post.created_at < now - kSevenDays || post.created_at > now) continue;
    if (!p.since_id.empty() && !NumericIdBefore(p.since_id, id)) continue;
    if (!p.before_id.empty() && !NumericIdBefore(id, p.before_id)) continue;
    if (ContainsAnyWord(post.text, p.words)) found.push_back(&post);
  }
  if (found.empty()) {
    return JsonResponse(200, kContentType,
                        json::object{{"meta", json::object{{"result_count", 0}}}});
  }
  std::sort(found.begin(), found.end(),
            [](const XPost* a, const XPost* b) { return NumericIdBefore(b->id, a->id); });
  const bool more = found.size() > static_cast<std::size_t>(p.max_results);
  if (more) found.resize(p.max_results);

  json::array data;
  json::array users;
  json::array referenced;
  std::set<std::string> listed;  // user and post ids already in `includes`
  for (const XPost* post : found) {
    data.push_back(PostJson(*post));
    if (listed.insert("user:" + post->author.id).second) users.push_back(UserJson(post->author));
    for (const std::string& ref : {post->in_reply_to_id, post->quoted_id}) {
      const XPost* target = ref.empty() ? nullptr : world.FindXPost(ref);
      if (target != nullptr && listed.insert("post:" + ref).second) {
        referenced.push_back(PostJson(*target));
      }
    }
  }
  json::object includes{{"users", std::move(users)}};
  if (!referenced.empty()) includes["tweets"] = std::move(referenced);
  json::object meta{{"newest_id", found.front()->id},
                    {"oldest_id", found.back()->id},
                    {"result_count", static_cast<std::int64_t>(found.size())}};
  if (more) meta["next_token"] = found.back()->id;
  return JsonResponse(
      200, kContentType,
      json::object{
          {"data", std::move(data)}, {"includes", std::move(includes)}, {"meta", std::move(meta)}});
}

}  // namespace fr::channels::sim::internal
