// WebhookForwarder: delivers the simulated platforms' webhooks to Feedroom over HTTP, one at
// a time and in the order queued: POST <target><path> with the webhook's own headers and
// bytes (its signature covers them). Feedroom may start after the simulator, or restart: an
// attempt that fails to connect, times out or is answered 5xx, 408 or 429 is retried with
// exponential backoff until it is accepted, and the webhooks queued behind it wait (order
// matters: a reply must not arrive before the post it answers). Any other 4xx means Feedroom
// refused those exact bytes (signature, unknown account), so that webhook is dropped with a
// warning. One log line per delivery and per failed attempt: the path, status and attempt,
// never the body or headers (customer text, signatures).
// Thread safety: Send and Stop may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "channels/common/http_client.h"
#include "channels/sim/sim_http.h"

namespace fr::server {

struct WebhookForwarderOptions {
  std::string target;  // Feedroom's base URL, e.g. "http://127.0.0.1:8080" (no trailing '/')
  std::chrono::milliseconds first_retry{250};  // the wait after a first failed attempt
  std::chrono::milliseconds max_retry{5000};   // the wait doubles up to this
  std::chrono::milliseconds timeout{5000};     // one attempt, connect to last byte
};

// Performs one HTTP exchange: channels::SendHttp, or a fake in tests.
using HttpExchange =
    std::function<Result<channels::HttpResponse>(const channels::HttpRequest&)>;

class WebhookForwarder {
 public:
  // Starts the delivery thread.
  WebhookForwarder(WebhookForwarderOptions options, HttpExchange exchange);
  ~WebhookForwarder();  // Stop()
  WebhookForwarder(const WebhookForwarder&) = delete;
  WebhookForwarder& operator=(const WebhookForwarder&) = delete;

  // Queues `webhooks` behind those queued before. Dropped (and logged) after Stop.
  void Send(std::vector<channels::sim::OutgoingWebhook> webhooks);

  // Stops retrying, abandons every webhook not delivered yet (logging how many) and joins the
  // thread; an attempt in progress ends first (at most options.timeout). Idempotent.
  void Stop();

 private:
  enum class Outcome { kDelivered, kRefused, kStopped };
  void Loop();
  // Attempts `webhook` until Feedroom accepts or refuses it, or Stop is called.
  Outcome Deliver(const channels::sim::OutgoingWebhook& webhook);

  const WebhookForwarderOptions options_;
  const HttpExchange exchange_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<channels::sim::OutgoingWebhook> queue_;  // guarded by mu_
  bool stopping_ = false;                             // guarded by mu_
  std::thread thread_;
};

}  // namespace fr::server
