#include "server/webhook_forwarder.h"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <string>
#include <vector>

namespace fr::server {
namespace {

using channels::HttpRequest;
using channels::HttpResponse;
using channels::sim::OutgoingWebhook;
using std::chrono::milliseconds;

OutgoingWebhook Webhook(std::string path, std::string body) {
  return OutgoingWebhook{std::move(path), {{"x-signature", "sig-" + body}}, std::move(body)};
}

WebhookForwarderOptions FastRetries() {
  WebhookForwarderOptions o;
  o.target = "http://127.0.0.1:8080";
  o.first_retry = milliseconds(1);
  o.max_retry = milliseconds(4);
  return o;
}

Result<HttpResponse> Answer(int status) {
  HttpResponse r;
  r.status = status;
  return r;
}

Result<HttpResponse> ConnectionRefused() {
  return Status(Errc::kUnavailable, std::string(channels::kRequestNotSent), "connection refused");
}

// A fake Feedroom: answers attempts from a script, records every request, and fulfils `done`
// once it has answered the last scripted attempt.
class FakeFeedroom {
 public:
  explicit FakeFeedroom(std::vector<Result<HttpResponse>> script) : script_(std::move(script)) {}

  HttpExchange Exchange() {
    return [this](const HttpRequest& request) -> Result<HttpResponse> {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(request);
      Result<HttpResponse> answer = script_.at(requests_.size() - 1);
      if (requests_.size() == script_.size()) done_.set_value();
      return answer;
    };
  }
  // Waits until every scripted attempt was made; returns the requests seen.
  std::vector<HttpRequest> WaitForAll() {
    EXPECT_EQ(done_.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  std::mutex mu_;
  std::vector<Result<HttpResponse>> script_;
  std::vector<HttpRequest> requests_;
  std::promise<void> done_;
};

TEST(WebhookForwarderTest, RetriesWhileFeedroomIsDownAndKeepsTheOrder) {
  FakeFeedroom feedroom({ConnectionRefused(), Answer(503), Answer(429), Answer(200), Answer(200)});
  WebhookForwarder forwarder(FastRetries(), feedroom.Exchange());
  forwarder.Send({Webhook("/webhooks/x", "first"), Webhook("/webhooks/meta", "second")});
  std::vector<HttpRequest> seen = feedroom.WaitForAll();
  forwarder.Stop();

  ASSERT_EQ(seen.size(), 5u);
  for (size_t i = 0; i < 4; ++i) {  // the second waits until the first is accepted
    EXPECT_EQ(seen[i].method, "POST");
    EXPECT_EQ(seen[i].url, "http://127.0.0.1:8080/webhooks/x");
    EXPECT_EQ(seen[i].body, "first");
    ASSERT_EQ(seen[i].headers.size(), 1u);
    EXPECT_EQ(seen[i].headers[0].second, "sig-first");
  }
  EXPECT_EQ(seen[4].url, "http://127.0.0.1:8080/webhooks/meta");
  EXPECT_EQ(seen[4].body, "second");
}

TEST(WebhookForwarderTest, DropsAWebhookFeedroomRefusesAndGoesOn) {
  FakeFeedroom feedroom({Answer(400), Answer(200)});
  WebhookForwarder forwarder(FastRetries(), feedroom.Exchange());
  forwarder.Send({Webhook("/webhooks/x", "bad signature")});
  forwarder.Send({Webhook("/webhooks/x", "good")});
  std::vector<HttpRequest> seen = feedroom.WaitForAll();
  forwarder.Stop();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].body, "bad signature");
  EXPECT_EQ(seen[1].body, "good");
}

TEST(WebhookForwarderTest, StopInterruptsTheWaitBeforeARetry) {
  FakeFeedroom feedroom({ConnectionRefused()});
  WebhookForwarderOptions options = FastRetries();
  options.first_retry = milliseconds(3'600'000);
  WebhookForwarder forwarder(options, feedroom.Exchange());
  forwarder.Send({Webhook("/webhooks/x", "never delivered")});
  EXPECT_EQ(feedroom.WaitForAll().size(), 1u);
  forwarder.Stop();  // returns now, not in an hour
  forwarder.Send({Webhook("/webhooks/x", "too late")});  // ignored: no second attempt
}

}  // namespace
}  // namespace fr::server
