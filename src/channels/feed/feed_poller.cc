#include "channels/feed/feed_poller.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "base/log.h"
#include "channels/common/http_client.h"
#include "channels/common/json_fields.h"
#include "channels/feed/feed_delivery.h"
#include "channels/feed/feed_parse.h"

namespace fr::channels::feed {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kComponent = "feeds";
constexpr milliseconds kRequestTimeout{20'000};
constexpr int kMaxRedirects = 3;

std::string CursorKey(const FeedConfig& feed) { return "rss:" + feed.id; }

// The validators of the last answer, as stored in the cursor.
struct Validators {
  std::string etag;
  std::string last_modified;
};

Validators ReadValidators(const std::optional<std::string>& cursor) {
  Validators v;
  if (!cursor) return v;
  JsonDocument doc;
  if (!doc.Parse(*cursor).ok()) return v;
  v.etag = std::string(StringMember(doc.root(), "etag").value_or(""));
  v.last_modified = std::string(StringMember(doc.root(), "last_modified").value_or(""));
  return v;
}

std::string WriteValidators(const Validators& v) {
  return boost::json::serialize(
      boost::json::object{{"etag", v.etag}, {"last_modified", v.last_modified}});
}

// Retry-After in seconds (the HTTP-date form is rare for feeds: the fallback applies).
milliseconds RetryAfter(const HttpResponse& answer, milliseconds fallback) {
  const std::string_view text = answer.headers.Get("retry-after");
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || seconds < 0) {
    return fallback;
  }
  return std::max(fallback, milliseconds(seconds * 1000));
}

// `location` resolved against `url` (absolute, or an absolute path on the same origin).
std::string Resolve(std::string_view url, std::string_view location) {
  if (location.starts_with("http://") || location.starts_with("https://")) {
    return std::string(location);
  }
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  const std::string_view origin = url.substr(0, path);
  if (location.starts_with("/")) return std::string(origin) + std::string(location);
  return "";  // relative paths are not used by feed hosts in practice: treated as no redirect
}

}  // namespace

bool IsValidFeedId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

FeedPoller::FeedPoller(std::vector<FeedConfig> feeds, ports::Store& store, const Clock& clock,
                       ports::HeardSink sink, metrics::Registry& metrics)
    : feeds_(std::move(feeds)),
      store_(store),
      clock_(clock),
      sink_(std::move(sink)),
      metrics_(metrics),
      pacer_([this] { return PollDue(); }) {}

FeedPoller::~FeedPoller() { Stop(); }

Result<domain::ParsedDelivery> FeedPoller::ParseStored(std::string_view raw) const {
  return ParseStoredItems(raw);
}

void FeedPoller::Start() { pacer_.Start(); }

void FeedPoller::Stop() { pacer_.Stop(); }

void FeedPoller::Count(const FeedConfig& feed, std::string_view event) {
  metrics_
      .GetCounter("feedroom_feed_polls_total", "Feed polls by feed and outcome",
                  {{"feed", feed.id}, {"outcome", std::string(event)}})
      ->Add();
}

milliseconds FeedPoller::PollDue() {
  UnixMillis next = clock_.NowMillis() + 3600 * 1000;
  for (const FeedConfig& feed : feeds_) {
    if (pacer_.stopping()) break;
    FeedState& state = state_[feed.id];
    if (state.due <= clock_.NowMillis()) {
      state.due = clock_.NowMillis() + Poll(feed, state).count();
    }
    next = std::min(next, state.due);
  }
  return milliseconds(std::max<UnixMillis>(0, next - clock_.NowMillis()));
}

milliseconds FeedPoller::Poll(const FeedConfig& feed, FeedState& state) {
  Result<std::optional<std::string>> cursor = store_.insights().GetSourceCursor(CursorKey(feed));
  if (!cursor.ok()) {
    FR_LOG(kWarn, kComponent, "feed {}: cursor unreadable: {}", feed.id,
           cursor.status().ToString());
    return feed.interval;
  }
  Validators validators = ReadValidators(*cursor);

  std::string url = feed.url;
  Result<HttpResponse> answer = Status(Errc::kInternal, "unreachable", "no request made");
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    HttpRequest get;
    get.url = url;
    get.timeout = kRequestTimeout;
    get.headers = {{"Accept",
                    "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                    "text/xml;q=0.8, */*;q=0.1"}};
    if (!validators.etag.empty()) get.headers.emplace_back("If-None-Match", validators.etag);
    if (!validators.last_modified.empty()) {
      get.headers.emplace_back("If-Modified-Since", validators.last_modified);
    }
    answer = SendHttp(get);
    if (!answer.ok() || (answer->status != 301 && answer->status != 302 && answer->status != 303 &&
                         answer->status != 307 && answer->status != 308)) {
      break;
    }
    const std::string next = Resolve(url, answer->headers.Get("location"));
    if (next.empty()) break;
    if (answer->status == 301 || answer->status == 308) {
      FR_LOG(kInfo, kComponent, "feed {} moved permanently: update its url to {}", feed.id, next);
    }
    url = next;
  }
  if (!answer.ok()) {
    Count(feed, "fetch_failed");
    FR_LOG(kWarn, kComponent, "feed {}: {}", feed.id, answer.status().ToString());
    return feed.interval;
  }
  if (answer->status == 304) {
    Count(feed, "not_modified");
    return feed.interval;
  }
  if (answer->status == 429 || answer->status == 503) {
    Count(feed, "asked_to_wait");
    const milliseconds wait = RetryAfter(*answer, feed.interval);
    FR_LOG(kWarn, kComponent, "feed {} answered {}; next poll in {} s", feed.id, answer->status,
           wait.count() / 1000);
    return wait;
  }
  if (answer->status != 200) {
    Count(feed, "http_error");
    FR_LOG(kWarn, kComponent, "feed {} answered {}", feed.id, answer->status);
    return feed.interval;
  }
  Result<FeedDocument> doc = ParseFeed(answer->body, answer->headers.Get("content-type"), url);
  if (!doc.ok()) {
    Count(feed, "not_a_feed");
    FR_LOG(kWarn, kComponent, "feed {}: {}", feed.id, doc.status().ToString());
    return feed.interval;
  }
  if (doc->bozo) {
    Count(feed, "bozo");
    FR_LOG(kInfo, kComponent, "feed {} is ill-formed ({}); read what could be recovered", feed.id,
           doc->bozo_reason);
  }
  const milliseconds wait =
      std::max(feed.interval, milliseconds(std::int64_t{doc->ttl_minutes.value_or(0)} * 60'000));

  std::vector<FeedItem> fresh;
  std::set<std::string> keys;
  for (FeedItem& item : doc->items) {
    if (!keys.insert(item.key).second) continue;  // the same item twice in one answer
    if (!state.last_keys.contains(item.key)) fresh.push_back(std::move(item));
  }
  if (!fresh.empty()) {
    std::string raw = StoredItems(feed.id, clock_.NowMillis(), fresh);
    Result<domain::ParsedDelivery> heard = ParseStoredItems(raw);
    const Status stored =
        heard.ok() ? sink_(kFeedChannel, std::move(raw), std::move(*heard)) : heard.status();
    if (!stored.ok()) {
      Count(feed, "not_stored");
      FR_LOG(kWarn, kComponent, "feed {}: new items not stored ({}); fetched again next time",
             feed.id, stored.ToString());
      return feed.interval;
    }
  }
  Count(feed, "fetched");
  state.last_keys = std::move(keys);
  validators.etag = std::string(answer->headers.Get("etag"));
  validators.last_modified = std::string(answer->headers.Get("last-modified"));
  const Status saved = ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return txn.insights().PutSourceCursor(CursorKey(feed), WriteValidators(validators),
                                          clock_.NowMillis());
  });
  if (!saved.ok())
    FR_LOG(kWarn, kComponent, "feed {}: cursor not saved: {}", feed.id, saved.ToString());
  return wait;
}

}  // namespace fr::channels::feed
