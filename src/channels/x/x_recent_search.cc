#include "channels/x/x_recent_search.h"

#include <algorithm>
#include <charconv>

#include "base/log.h"
#include "channels/common/json_fields.h"
#include "channels/x/x_listen_request.h"
#include "channels/x/x_v2_tweets.h"

namespace fr::channels::x {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kComponent = "x_search";
constexpr milliseconds kRequestTimeout{15'000};

std::string CursorKey(const std::string& query) { return "x_search:" + query; }

// meta.newest_id and meta.next_token of a search page (empty when absent).
struct PageMeta {
  std::string newest_id;
  std::string next_token;
};

Result<PageMeta> MetaOf(std::string_view body) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  PageMeta out;
  if (auto meta = Member(doc.root(), "meta")) {
    out.newest_id = IdMember(*meta, "newest_id").value_or("");
    out.next_token = std::string(StringMember(*meta, "next_token").value_or(""));
  }
  return out;
}

// The wait until X's x-rate-limit-reset (epoch seconds), at least `floor`.
milliseconds UntilReset(const HttpResponse& answer, UnixMillis now, milliseconds floor) {
  const std::string_view reset = answer.headers.Get("x-rate-limit-reset");
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(reset.data(), reset.data() + reset.size(), seconds);
  if (ec != std::errc() || end != reset.data() + reset.size()) return floor;
  return std::max(floor, milliseconds(seconds * 1000 - now));
}

}  // namespace

XRecentSearch::XRecentSearch(XListenConfig config, ports::Store& store, const Clock& clock,
                             ports::HeardSink sink, metrics::Registry& metrics)
    : config_(std::move(config)),
      store_(store),
      clock_(clock),
      sink_(std::move(sink)),
      metrics_(metrics),
      pacer_([this] { return PollAll(); }) {}

XRecentSearch::~XRecentSearch() { Stop(); }

Result<domain::ParsedDelivery> XRecentSearch::ParseStored(std::string_view raw) const {
  FR_ASSIGN_OR_RETURN(std::vector<domain::Message> posts, ParseV2Tweets(raw, config_.account));
  return HeardDelivery(std::move(posts));
}

void XRecentSearch::Start() { pacer_.Start(); }

void XRecentSearch::Stop() { pacer_.Stop(); }

void XRecentSearch::Count(std::string_view event) {
  CountSourceEvent(metrics_, kSearchChannel, event);
}

milliseconds XRecentSearch::PollAll() {
  milliseconds wait = config_.search_interval;
  for (const std::string& query : config_.searches) {
    if (pacer_.stopping()) break;
    const milliseconds asked = Poll(query);
    if (asked > config_.search_interval) return asked;  // rate-limited: the rest waits too
  }
  return wait;
}

milliseconds XRecentSearch::Poll(const std::string& query) {
  Result<std::optional<std::string>> since = store_.insights().GetSourceCursor(CursorKey(query));
  if (!since.ok()) {
    FR_LOG(kWarn, kComponent, "cursor unreadable: {}", since.status().ToString());
    return config_.search_interval;
  }
  const int max_pages = since->has_value() ? config_.search_max_pages : 1;
  std::string newest;
  std::string next_token;
  for (int page = 0; page < max_pages; ++page) {
    std::string path = "/2/tweets/search/recent?query=" + QueryValue(query) +
                       "&max_results=100&" + std::string(PostFieldsQuery());
    if (since->has_value()) path += "&since_id=" + QueryValue(**since);
    if (!next_token.empty()) path += "&next_token=" + QueryValue(next_token);
    HttpRequest get = BearerGet(config_, path);
    get.timeout = kRequestTimeout;
    Result<HttpResponse> answer = SendHttp(get);
    if (!answer.ok()) {
      Count("fetch_failed");
      FR_LOG(kWarn, kComponent, "search failed: {}", answer.status().ToString());
      return config_.search_interval;
    }
    if (answer->status == 429) {
      Count("rate_limited");
      const milliseconds wait = UntilReset(*answer, clock_.NowMillis(), config_.search_interval);
      FR_LOG(kWarn, kComponent, "rate-limited by X; next search in {} s", wait.count() / 1000);
      return wait + milliseconds(1);
    }
    if (answer->status != 200) {
      Count("http_error");
      FR_LOG(kWarn, kComponent, "X answered {} to the search: {}", answer->status,
             answer->body.substr(0, 300));
      return config_.search_interval;
    }
    Result<domain::ParsedDelivery> heard = ParseStored(answer->body);
    Result<PageMeta> meta = MetaOf(answer->body);
    if (!heard.ok() || !meta.ok()) {
      Count("bad_page");
      FR_LOG(kWarn, kComponent, "unreadable search page skipped: {}",
             (heard.ok() ? meta.status() : heard.status()).ToString());
      return config_.search_interval;
    }
    if (page == 0) newest = meta->newest_id;
    if (!heard->events.empty()) {
      Count("page");
      const Status stored = sink_(kSearchChannel, std::move(answer->body), std::move(*heard));
      if (!stored.ok()) {
        Count("not_stored");
        FR_LOG(kWarn, kComponent, "search page not stored ({}); fetched again next time",
               stored.ToString());
        return config_.search_interval;
      }
    }
    next_token = meta->next_token;
    if (next_token.empty()) break;
    if (page + 1 == max_pages && since->has_value()) {
      Count("pages_skipped");
      FR_LOG(kWarn, kComponent, "more than {} pages of new posts; older ones skipped", max_pages);
    }
  }
  if (newest.empty()) return config_.search_interval;  // nothing new
  const Status saved = ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return txn.insights().PutSourceCursor(CursorKey(query), newest, clock_.NowMillis());
  });
  if (!saved.ok()) FR_LOG(kWarn, kComponent, "cursor not saved: {}", saved.ToString());
  return config_.search_interval;
}

}  // namespace fr::channels::x
