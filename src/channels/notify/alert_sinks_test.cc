// The alert sinks against loopback servers: the webhook's Slack-compatible body and its
// signature, the e-mail's headers and body through a real SMTP exchange, and which failures
// are worth retrying.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "base/crypto.h"
#include "channels/notify/alert_text.h"
#include "channels/notify/email_alert_sink.h"
#include "channels/notify/webhook_alert_sink.h"
#include "tests/support/loopback_http_server.h"
#include "tests/support/loopback_smtp_server.h"

namespace fr::channels::notify {
namespace {

namespace json = boost::json;

constexpr UnixMillis kNow = 1'800'000'000'000;

ports::AlertNotice Cantina() {
  ports::AlertNotice n;
  n.spike.alert = {4, "rule:cantina", domain::metrics::SpikeKind::kVolume, kNow - 120'000,
                   std::nullopt, 31, 2.5, 11.3};
  n.spike.explanation.messages = 31;
  n.spike.explanation.negative = 24;
  n.spike.explanation.top_terms = {{"חרם", 19, 41.0, 9.1}, {"קנטינה", 25, 3.2, 4.0}};
  n.spike.explanation.sources = {{domain::Platform::kFacebook, "1029384756", 22}};
  n.spike.explanation.top_authors = {{domain::Platform::kX, "noa_news", "נועה", 48200, 2}};
  ports::SeriesMessage sample;
  sample.head.message_id = 881;
  sample.head.author_handle = "noa_news";
  sample.text = "קוראת לכולם להחרים את קנטינה עד שיתנצלו";
  n.spike.samples = {sample};
  n.series_label = "rule cantina";
  n.link = "https://care.example.com/dashboard?alert=4";
  return n;
}

TEST(AlertTextTest, TitleAndBodyInHebrewAndEnglish) {
  const ports::AlertNotice n = Cantina();
  EXPECT_EQ(AlertTitle(n, AlertLanguage::kHebrew),
            "rule cantina — קפיצה: 31 הודעות ב-5 דקות (בדרך כלל 2.5)");
  EXPECT_EQ(AlertTitle(n, AlertLanguage::kEnglish),
            "rule cantina — spike: 31 messages in 5 minutes (usually 2.5)");
  const std::string body = AlertBody(n, AlertLanguage::kHebrew);
  EXPECT_NE(body.find("מילים בולטות: חרם (19), קנטינה (25)"), std::string::npos) << body;
  EXPECT_NE(body.find("facebook 1029384756 (22)"), std::string::npos);
  EXPECT_NE(body.find("@noa_news (נועה) — 48200 עוקבים"), std::string::npos);
  EXPECT_NE(body.find("@noa_news: קוראת לכולם להחרים את קנטינה עד שיתנצלו"), std::string::npos);
  EXPECT_NE(body.find("https://care.example.com/dashboard?alert=4"), std::string::npos);

  ports::AlertNotice ended = n;
  ended.started = false;
  EXPECT_EQ(AlertTitle(ended, AlertLanguage::kEnglish), "rule cantina — spike over");
  ports::AlertNotice negative = n;
  negative.spike.alert.kind = domain::metrics::SpikeKind::kNegativeShare;
  EXPECT_NE(AlertTitle(negative, AlertLanguage::kEnglish).find("negative spike"), std::string::npos);
}

TEST(AlertTextTest, LongSamplesAreCutOnCharacters) {
  ports::AlertNotice n = Cantina();
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "ש";
  n.spike.samples[0].text = long_text;
  const std::string body = AlertBody(n, AlertLanguage::kEnglish);
  std::string cut;
  for (int i = 0; i < 280; ++i) cut += "ש";
  EXPECT_NE(body.find(": " + cut + "…\n"), std::string::npos);
}

TEST(WebhookAlertSinkTest, SignatureKnownVector) {
  EXPECT_EQ(WebhookSignature("s3cret", 1700000000, R"({"a":1})"),
            "v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940");
}

TEST(WebhookAlertSinkTest, PostsASignedSlackCompatibleBody) {
  fr::testing::LoopbackHttpServer server;
  server.Enqueue({200, {}, "ok", false});
  ManualClock clock(kNow);
  WebhookAlertSink sink({{server.base_url() + "/hooks/T1", "s3cret"}, AlertLanguage::kHebrew}, clock);
  ASSERT_TRUE(sink.Deliver(Cantina()).ok());

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/hooks/T1");
  EXPECT_EQ(r.Header("X-Feedroom-Event"), "spike.started");
  EXPECT_EQ(r.Header("X-Feedroom-Timestamp"), "1800000000");
  // The receiver's check: HMAC over "<timestamp>.<raw body>" with the shared secret.
  EXPECT_EQ(r.Header("X-Feedroom-Signature"),
            "v1=" + crypto::Hex(crypto::HmacSha256("s3cret", "1800000000." + r.body)));
  const json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("text").as_string(), AlertTitle(Cantina(), AlertLanguage::kHebrew));
  const json::object& block = body.at("blocks").as_array()[0].as_object();
  EXPECT_EQ(block.at("type").as_string(), "section");
  EXPECT_EQ(block.at("text").at("type").as_string(), "mrkdwn");
  EXPECT_EQ(block.at("text").at("text").as_string(), AlertBody(Cantina(), AlertLanguage::kHebrew));
  const json::object& f = body.at("feedroom").as_object();
  EXPECT_EQ(f.at("event").as_string(), "spike.started");
  EXPECT_EQ(f.at("alert_id").as_string(), "4");
  EXPECT_EQ(f.at("series").as_string(), "rule:cantina");
  EXPECT_TRUE(f.at("ended_at").is_null());
}

TEST(WebhookAlertSinkTest, ServerErrorsAreRetriableRefusalsAreNot) {
  fr::testing::LoopbackHttpServer server;
  server.Enqueue({503, {}, "", false});
  server.Enqueue({429, {}, "", false});
  server.Enqueue({404, {}, "", false});
  ManualClock clock(kNow);
  WebhookAlertSink sink({{server.base_url() + "/", ""}, AlertLanguage::kEnglish}, clock);
  EXPECT_EQ(sink.Deliver(Cantina()).code(), Errc::kUnavailable);
  EXPECT_EQ(sink.Deliver(Cantina()).code(), Errc::kUnavailable);
  const Status refused = sink.Deliver(Cantina());
  EXPECT_EQ(refused.code(), Errc::kInvalidArgument);
  EXPECT_EQ(refused.reason(), "webhook_refused");
  EXPECT_EQ(server.requests()[0].Header("X-Feedroom-Signature"), "");  // no secret, no signature

  fr::testing::RefusingPort closed;
  WebhookAlertSink nowhere({{closed.base_url() + "/", ""}, AlertLanguage::kEnglish}, clock);
  EXPECT_EQ(nowhere.Deliver(Cantina()).code(), Errc::kUnavailable);
}

TEST(EmailAlertSinkTest, MailsTheAlertThroughSmtp) {
  fr::testing::LoopbackSmtpServer smtp;
  ManualClock clock(kNow);
  EmailAlertOptions options{{smtp.url()}, "alerts@feedroom.test", {"sup@brand.test", "ops@brand.test"},
                            AlertLanguage::kHebrew};
  EmailAlertSink sink(options, clock);
  EXPECT_FALSE(sink.wants_ended());
  const Status s = sink.Deliver(Cantina());
  ASSERT_TRUE(s.ok()) << s.ToString();

  const auto mails = smtp.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].from, "alerts@feedroom.test");
  EXPECT_EQ(mails[0].to, (std::vector<std::string>{"sup@brand.test", "ops@brand.test"}));
  EXPECT_EQ(mails[0].data, AlertMail(Cantina(), options, kNow));
  const std::string& data = mails[0].data;
  EXPECT_NE(data.find("To: sup@brand.test, ops@brand.test\r\n"), std::string::npos);
  EXPECT_NE(data.find("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(data.find("Subject: =?UTF-8?B?" +
                      crypto::Base64Bytes(AlertTitle(Cantina(), AlertLanguage::kHebrew)) + "?=\r\n"),
            std::string::npos);
  EXPECT_NE(data.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  // The body: base64 lines of at most 76 characters after the blank line.
  const std::string body = data.substr(data.find("\r\n\r\n") + 4);
  std::string joined;
  for (size_t at = 0; at < body.size();) {
    const size_t eol = body.find("\r\n", at);
    EXPECT_LE(eol - at, 76u);
    joined += body.substr(at, eol - at);
    at = eol + 2;
  }
  std::string crlf_body;
  for (char c : AlertBody(Cantina(), AlertLanguage::kHebrew)) {
    if (c == '\n') crlf_body += '\r';
    crlf_body += c;
  }
  EXPECT_EQ(joined, crypto::Base64Bytes(crlf_body));
}

TEST(EmailAlertSinkTest, TemporaryRefusalsAreRetriablePermanentOnesAreNot) {
  fr::testing::LoopbackSmtpServer smtp;
  ManualClock clock(kNow);
  EmailAlertSink sink({{smtp.url()}, "alerts@feedroom.test", {"sup@brand.test"}}, clock);
  smtp.Refuse(1, "452 4.3.1 insufficient system storage");
  EXPECT_EQ(sink.Deliver(Cantina()).code(), Errc::kUnavailable);
  smtp.Refuse(1, "550 5.7.1 relaying denied");
  const Status refused = sink.Deliver(Cantina());
  EXPECT_EQ(refused.code(), Errc::kInvalidArgument) << refused.ToString();
  EXPECT_EQ(refused.reason(), "mail_refused");
  EXPECT_TRUE(smtp.mails().empty());

  fr::testing::RefusingPort closed;
  std::string smtp_url = closed.base_url();
  smtp_url.replace(0, 4, "smtp");  // same host and port
  EmailAlertSink nowhere({{smtp_url},
                          "alerts@feedroom.test", {"sup@brand.test"}}, clock);
  EXPECT_EQ(nowhere.Deliver(Cantina()).code(), Errc::kUnavailable);
  EmailAlertSink bad_url({{"http://mail.example.com"}, "a@b", {"c@d"}}, clock);
  EXPECT_EQ(bad_url.Deliver(Cantina()).code(), Errc::kInvalidArgument);
}

}  // namespace
}  // namespace fr::channels::notify
