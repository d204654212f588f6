#include "server/webhook_forwarder.h"

#include <algorithm>
#include <utility>

#include "base/log.h"

namespace fr::server {
namespace {

constexpr char kLog[] = "simulate";

// Feedroom answers these when it is (re)starting, overloaded or slow: worth another try.
bool Transient(int status) { return status >= 500 || status == 408 || status == 429; }

}  // namespace

WebhookForwarder::WebhookForwarder(WebhookForwarderOptions options, HttpExchange exchange)
    : options_(std::move(options)), exchange_(std::move(exchange)), thread_([this] { Loop(); }) {}

WebhookForwarder::~WebhookForwarder() { Stop(); }

void WebhookForwarder::Send(std::vector<channels::sim::OutgoingWebhook> webhooks) {
  if (webhooks.empty()) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) {
    FR_LOG(kWarn, kLog, "stopping: {} webhook(s) not sent", webhooks.size());
    return;
  }
  for (auto& w : webhooks) queue_.push_back(std::move(w));
  wake_.notify_one();
}

void WebhookForwarder::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void WebhookForwarder::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) break;
    channels::sim::OutgoingWebhook webhook = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    const Outcome outcome = Deliver(webhook);
    lock.lock();
    if (outcome == Outcome::kStopped) queue_.push_front(std::move(webhook));
  }
  if (!queue_.empty()) {
    FR_LOG(kWarn, kLog, "stopping: {} webhook(s) not delivered to {}", queue_.size(),
           options_.target);
  }
}

WebhookForwarder::Outcome WebhookForwarder::Deliver(
    const channels::sim::OutgoingWebhook& webhook) {
  channels::HttpRequest request;
  request.method = "POST";
  request.url = options_.target + webhook.path;
  request.headers = webhook.headers;
  request.body = webhook.body;
  request.timeout = options_.timeout;
  std::chrono::milliseconds wait = options_.first_retry;
  for (int attempt = 1;; ++attempt) {
    Result<channels::HttpResponse> response = exchange_(request);
    std::string failure;
    if (!response.ok()) {
      failure = response.status().message();
    } else if (response->status >= 200 && response->status < 300) {
      FR_LOG(kInfo, kLog, "webhook delivered: POST {} -> {} (attempt {})", webhook.path,
             response->status, attempt);
      return Outcome::kDelivered;
    } else if (!Transient(response->status)) {
      FR_LOG(kWarn, kLog, "webhook refused and dropped: POST {} -> {}", webhook.path,
             response->status);
      return Outcome::kRefused;
    } else {
      failure = "HTTP " + std::to_string(response->status);
    }
    FR_LOG(kWarn, kLog, "webhook not delivered: POST {}{} (attempt {}): {}; retrying in {} ms",
           options_.target, webhook.path, attempt, failure, wait.count());
    std::unique_lock<std::mutex> lock(mu_);
    if (wake_.wait_for(lock, wait, [this] { return stopping_; })) return Outcome::kStopped;
    wait = std::min(wait * 2, options_.max_retry);
  }
}

}  // namespace fr::server
