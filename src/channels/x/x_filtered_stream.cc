#include "channels/x/x_filtered_stream.h"

#include "base/log.h"
#include "channels/common/http_stream.h"
#include "channels/x/x_listen_request.h"
#include "channels/x/x_stream_rules.h"
#include "channels/x/x_v2_tweets.h"

namespace fr::channels::x {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kComponent = "x_stream";
constexpr std::string_view kRulesPath = "/2/tweets/search/stream/rules";
// A line longer than this is not X's: the connection is dropped rather than buffered on.
constexpr size_t kMaxLineBytes = 1 << 20;
constexpr milliseconds kRequestTimeout{10'000};

HttpRequest RulesPost(const XListenConfig& config, std::string body) {
  HttpRequest r = BearerGet(config, kRulesPath);
  r.method = "POST";
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = std::move(body);
  r.timeout = kRequestTimeout;
  return r;
}

// Sends a rules change and checks X's answer.
Status Change(const XListenConfig& config, std::string body) {
  FR_ASSIGN_OR_RETURN(HttpResponse answer, SendHttp(RulesPost(config, std::move(body))));
  return CheckRulesAnswer(answer.status, answer.body);
}

}  // namespace

XFilteredStream::XFilteredStream(XListenConfig config, ports::HeardSink sink,
                                 metrics::Registry& metrics)
    : config_(std::move(config)),
      sink_(std::move(sink)),
      metrics_(metrics),
      pacer_([this] { return Session(); }) {}

XFilteredStream::~XFilteredStream() { Stop(); }

Result<domain::ParsedDelivery> XFilteredStream::ParseStored(std::string_view raw) const {
  FR_ASSIGN_OR_RETURN(XStreamLine line, ParseStreamLine(raw, config_.account));
  return HeardDelivery(std::move(line.messages));
}

void XFilteredStream::Start() { pacer_.Start(); }

void XFilteredStream::Stop() { pacer_.Stop(); }

void XFilteredStream::Count(std::string_view event) {
  CountSourceEvent(metrics_, kStreamChannel, event);
}

Status XFilteredStream::SyncRules() {
  HttpRequest get = BearerGet(config_, kRulesPath);
  get.timeout = kRequestTimeout;
  FR_ASSIGN_OR_RETURN(HttpResponse answer, SendHttp(get));
  if (answer.status != 200) {
    return Status(answer.status == 429 ? Errc::kRateLimited : Errc::kUnavailable, "x_error",
                  "X answered " + std::to_string(answer.status) + " to GET stream rules");
  }
  FR_ASSIGN_OR_RETURN(std::vector<XStreamRuleOnX> on_x, ParseStreamRules(answer.body));
  const XRuleChanges changes = PlanRuleChanges(on_x, config_.stream_rules);
  if (!changes.delete_ids.empty()) FR_RETURN_IF_ERROR(Change(config_, DeleteRulesBody(changes.delete_ids)));
  if (!changes.add.empty()) FR_RETURN_IF_ERROR(Change(config_, AddRulesBody(changes.add)));
  FR_LOG(kInfo, kComponent, "stream rules in sync: {} kept, {} added, {} deleted",
         on_x.size() - changes.delete_ids.size(), changes.add.size(), changes.delete_ids.size());
  return Status::Ok();
}

XFilteredStream::LineVerdict XFilteredStream::OnLine(std::string_view line) {
  Result<XStreamLine> parsed = ParseStreamLine(line, config_.account);
  if (!parsed.ok()) {
    // Not a post we can read: counted and logged (without the customer's text), then skipped.
    Count("bad_line");
    FR_LOG(kWarn, kComponent, "unreadable stream line skipped reason={} bytes={}",
           parsed.status().reason(), line.size());
    return LineVerdict::kGoOn;
  }
  backoff_.Reset();  // the connection works
  if (parsed->heartbeat) {
    Count("heartbeat");
    return LineVerdict::kGoOn;
  }
  for (const XApiError& e : parsed->errors) {
    FR_LOG(kWarn, kComponent, "X said on the stream: {} {}", e.title, e.detail);
    if (e.title == "operational-disconnect") {
      Count("operational_disconnect");
      return LineVerdict::kReconnect;
    }
  }
  if (parsed->messages.empty()) return LineVerdict::kGoOn;
  Count("post");
  Status stored = sink_(kStreamChannel, std::string(line), HeardDelivery(std::move(parsed->messages)));
  if (!stored.ok()) {
    Count("not_stored");
    FR_LOG(kError, kComponent, "a post could not be stored ({}); reconnecting to ask for it again",
           stored.ToString());
    return LineVerdict::kReconnect;
  }
  return LineVerdict::kGoOn;
}

bool XFilteredStream::OnBytes(std::string_view bytes) {
  partial_.append(bytes);
  size_t start = 0;
  for (size_t nl = partial_.find('\n'); nl != std::string::npos; nl = partial_.find('\n', start)) {
    std::string_view line(partial_.data() + start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = nl + 1;
    if (OnLine(line) == LineVerdict::kReconnect) return false;
  }
  partial_.erase(0, start);
  if (partial_.size() > kMaxLineBytes) {
    Count("bad_line");
    FR_LOG(kWarn, kComponent, "a stream line exceeds {} bytes; reconnecting", kMaxLineBytes);
    return false;
  }
  return true;
}

milliseconds XFilteredStream::Session() {
  using Failure = XReconnectBackoff::Failure;
  if (!rules_synced_) {
    Status synced = SyncRules();
    if (!synced.ok()) {
      FR_LOG(kWarn, kComponent, "stream rules not synced: {}", synced.ToString());
      Count("rules_not_synced");
      const bool network =
          synced.reason() == kRequestNotSent || synced.reason() == kRequestMaybeSent;
      return backoff_.Next(synced.code() == Errc::kRateLimited ? Failure::kRateLimited
                           : network                           ? Failure::kNetwork
                                                               : Failure::kHttp);
    }
    rules_synced_ = true;
  }

  std::string path = "/2/tweets/search/stream?" + std::string(PostFieldsQuery());
  if (had_connection_ && config_.backfill_minutes > 0) {
    path += "&backfill_minutes=" + std::to_string(config_.backfill_minutes);
  }
  HttpRequest get = BearerGet(config_, path);
  get.timeout = kRequestTimeout;
  partial_.clear();
  Count("connect");
  StreamCallbacks callbacks{[this](std::string_view bytes) { return OnBytes(bytes); },
                            [this] { return pacer_.stopping(); }};
  Result<StreamEnd> end = StreamHttp(get, config_.heartbeat_timeout, callbacks);
  had_connection_ = true;
  if (pacer_.stopping()) return milliseconds(0);
  if (!end.ok()) {
    FR_LOG(kWarn, kComponent, "stream connection failed: {}", end.status().ToString());
    return backoff_.Next(Failure::kNetwork);
  }
  if (end->status == 429) {
    Count("rate_limited");
    FR_LOG(kWarn, kComponent, "X refused the stream: 429 (too many connections or requests)");
    return backoff_.Next(Failure::kRateLimited);
  }
  if (end->status != 0 && (end->status < 200 || end->status > 299)) {
    Count("http_error");
    // 401 and 403 are a wrong token or access level: they need a person, but are retried.
    FR_LOG(kWarn, kComponent, "X refused the stream: {} {}", end->status,
           end->error_body.substr(0, 300));
    return backoff_.Next(Failure::kHttp);
  }
  const bool idle = end->why == StreamEnd::Why::kIdle;
  const bool left = end->why == StreamEnd::Why::kStopped;  // OnLine asked to reconnect
  Count(idle ? "heartbeat_missed" : left ? "left" : "disconnected");
  FR_LOG(kInfo, kComponent, "stream ended ({}); reconnecting",
         idle ? "no heartbeat" : left ? "left by Feedroom" : "closed by X");
  return backoff_.Next(Failure::kNetwork);
}

}  // namespace fr::channels::x
