// End-to-end: the real `feedroom serve` binary, real SQLite in a temp dir, signed webhooks
// over loopback, read back through the API.
#include <signal.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "base/crypto.h"
#include "tests/integration/server_process.h"
#include "tests/support/temp_dir.h"

namespace fr::testing {
namespace {

namespace json = boost::json;

constexpr char kXSecret[] = "x-consumer-secret";
constexpr char kMetaSecret[] = "meta-app-secret";
constexpr char kBrand[] = "900000000000000001";  // the brand's X user id
constexpr char kPage[] = "111222333";
constexpr char kIg[] = "178414000";

std::string Config() {
  // The cheapest argon2id cost: the tests sign in often under sanitizers.
  return std::string("[auth]\npassword_memory_kib = 8\npassword_passes = 1\n\n[x]\nconsumer_secret = \"") + kXSecret + "\"\n[[x.accounts]]\nuser_id = \"" +
         kBrand + "\"\nhandle = \"kantina\"\n\n[meta]\napp_secret = \"" + kMetaSecret +
         "\"\nverify_token = \"vt-123\"\n[[meta.pages]]\npage_id = \"" + kPage +
         "\"\nname = \"קנטינה\"\ninstagram_user_id = \"" + kIg + "\"\n";
}

std::string XSig(const std::string& body) {
  return "sha256=" + crypto::Base64(crypto::HmacSha256(kXSecret, body));
}
std::string MetaSig(const std::string& body) {
  return "sha256=" + crypto::Hex(crypto::HmacSha256(kMetaSecret, body));
}

// An Account Activity delivery with one tweet.
std::string XTweet(const std::string& id, const std::string& user_id, const std::string& text,
                   const std::string& in_reply_to = "", long long ms = 1763800000000) {
  std::string reply = in_reply_to.empty() ? "null" : "\"" + in_reply_to + "\"";
  return std::string(R"({"for_user_id":")") + kBrand + R"(","tweet_create_events":[{"created_at":"Sat Nov 22 08:26:40 +0000 2025","id":)" +
         id + R"(,"id_str":")" + id + R"(","text":)" + json::serialize(json::value(text)) +
         R"(,"truncated":false,"in_reply_to_status_id_str":)" + reply +
         R"(,"user":{"id":)" + user_id + R"(,"id_str":")" + user_id + R"(","name":"Dana","screen_name":"dana_)" + user_id +
         R"(","followers_count":1234,"verified":false},"entities":{"user_mentions":[{"id_str":")" + kBrand +
         R"(","screen_name":"kantina"}]},"timestamp_ms":")" + std::to_string(ms) + R"("}]})";
}

std::string XDm(const std::string& id, const std::string& sender, const std::string& recipient,
                const std::string& text, long long ms) {
  return std::string(R"({"for_user_id":")") + kBrand + R"(","direct_message_events":[{"type":"message_create","id":")" + id +
         R"(","created_timestamp":")" + std::to_string(ms) + R"(","message_create":{"target":{"recipient_id":")" + recipient +
         R"("},"sender_id":")" + sender + R"(","message_data":{"text":)" + json::serialize(json::value(text)) +
         R"(,"entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]}}}}],"users":{")" + sender +
         R"(":{"id":")" + sender + R"(","name":"Dana","screen_name":"dana","followers_count":10}}})";
}

std::string IgComment(const std::string& id, const std::string& from, const std::string& text) {
  return std::string(R"({"object":"instagram","entry":[{"id":")") + kIg + R"(","time":1763800000,"changes":[{"field":"comments","value":{"from":{"id":")" +
         from + R"(","username":"noa"},"media":{"id":"1799","media_product_type":"FEED"},"id":")" + id +
         R"(","text":)" + json::serialize(json::value(text)) + "}}]}]}";
}

std::string IgDm(const std::string& mid, const std::string& from, const std::string& text, long long ms) {
  return std::string(R"({"object":"instagram","entry":[{"id":")") + kIg + R"(","time":)" + std::to_string(ms) +
         R"(,"messaging":[{"sender":{"id":")" + from + R"("},"recipient":{"id":")" + kIg + R"("},"timestamp":)" +
         std::to_string(ms) + R"(,"message":{"mid":")" + mid + R"(","text":)" + json::serialize(json::value(text)) + "}}]}]}";
}

std::string FbComment(const std::string& verb, const std::string& comment_id, const std::string& text,
                      long long created) {
  return std::string(R"({"object":"page","entry":[{"id":")") + kPage +
         R"(","time":1763800000,"changes":[{"field":"feed","value":{"item":"comment","verb":")" + verb +
         R"(","post_id":")" + kPage + R"(_555","parent_id":")" + kPage + R"(_555","comment_id":")" + comment_id +
         R"(","created_time":)" + std::to_string(created) + R"(,"message":)" + json::serialize(json::value(text)) +
         R"(,"from":{"id":"4242","name":"נועה"}}}]}]})";
}

std::string MessengerDm(const std::string& mid, const std::string& from, const std::string& to,
                        const std::string& text, long long ms, bool echo) {
  return std::string(R"({"object":"page","entry":[{"id":")") + kPage + R"(","time":)" + std::to_string(ms) +
         R"(,"messaging":[{"sender":{"id":")" + from + R"("},"recipient":{"id":")" + to + R"("},"timestamp":)" +
         std::to_string(ms) + R"(,"message":{)" + (echo ? R"("is_echo":true,"app_id":1517,)" : "") + R"("mid":")" + mid +
         R"(","text":)" + json::serialize(json::value(text)) + "}}]}]}";
}

HttpResult PostX(std::uint16_t port, const std::string& body) {
  return HttpCall(port, "POST", "/webhooks/x", {{"x-twitter-webhooks-signature", XSig(body)},
                                                {"content-type", "application/json"}}, body);
}
HttpResult PostMeta(std::uint16_t port, const std::string& body) {
  return HttpCall(port, "POST", "/webhooks/meta", {{"X-Hub-Signature-256", MetaSig(body)},
                                                   {"content-type", "application/json"}}, body);
}

// The header that authenticates as the holder of API token `token`.
std::vector<std::pair<std::string, std::string>> Bearer(const std::string& token) {
  return {{"authorization", "Bearer " + token}};
}

json::value GetJson(std::uint16_t port, const std::string& token, const std::string& target) {
  WaitForThreading(port);
  HttpResult r = HttpCall(port, "GET", target, Bearer(token));
  EXPECT_EQ(r.status, 200) << target << " " << r.body;
  return json::parse(r.body);
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.path() + "/feedroom.toml";
    WriteFile(config_, Config());
    data_ = dir_.path() + "/data";
    token_ = CreateUserAndToken(config_, data_, "reader", "agent");
  }
  TempDir dir_;
  std::string config_;
  std::string data_;
  std::string token_;  // an agent's API token
};

TEST_F(ServeTest, HealthReadinessAndHandshakes) {
  ServerProcess server(config_, data_);
  EXPECT_EQ(HttpCall(server.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(HttpCall(server.port(), "GET", "/readyz").status, 200);

  HttpResult crc = HttpCall(server.port(), "GET", "/webhooks/x?crc_token=some_random");
  ASSERT_EQ(crc.status, 200);
  EXPECT_EQ(json::parse(crc.body).at("response_token").as_string(),
            "sha256=" + crypto::Base64(crypto::HmacSha256(kXSecret, "some_random")));

  HttpResult hub = HttpCall(server.port(), "GET",
                            "/webhooks/meta?hub.mode=subscribe&hub.verify_token=vt-123&hub.challenge=1158201444");
  EXPECT_EQ(hub.status, 200);
  EXPECT_EQ(hub.body, "1158201444");
  HttpResult bad = HttpCall(server.port(), "GET",
                            "/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1");
  EXPECT_EQ(bad.status, 403);
  EXPECT_NE(bad.body.find("\"error\""), std::string::npos);
}

TEST_F(ServeTest, XMentionIsStoredOnceThreadedAndReadable) {
  ServerProcess server(config_, data_);
  std::string mention = XTweet("1924465506158878979", "42", "@kantina ההזמנה שלי לא הגיעה 😡");
  ASSERT_EQ(PostX(server.port(), mention).status, 200);
  ASSERT_EQ(PostX(server.port(), mention).status, 200);  // X retries: still one message

  json::value msg = GetJson(server.port(), token_, "/api/v1/messages/x/1924465506158878979");
  EXPECT_EQ(msg.at("text").as_string(), "@kantina ההזמנה שלי לא הגיעה 😡");
  EXPECT_EQ(msg.at("kind").as_string(), "mention");
  EXPECT_EQ(msg.at("author").at("followers").as_int64(), 1234);

  // The brand answers (echo), then the customer replies: one case, three messages, in order.
  ASSERT_EQ(PostX(server.port(), XTweet("1924465506158879001", kBrand, "@dana_42 מצטערים! שלחנו הודעה פרטית",
                                         "1924465506158878979", 1763800060000)).status, 200);
  ASSERT_EQ(PostX(server.port(), XTweet("1924465506158879002", "42", "@kantina תודה",
                                         "1924465506158879001", 1763800120000)).status, 200);

  json::value cases = GetJson(server.port(), token_, "/api/v1/cases");
  ASSERT_EQ(cases.at("items").as_array().size(), 1u);
  std::string case_id(cases.at("items").at(0).at("id").as_string());
  json::value detail = GetJson(server.port(), token_, "/api/v1/cases/" + case_id);
  const auto& messages = detail.at("messages").as_array();
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].at("external_id").as_string(), "1924465506158878979");
  EXPECT_EQ(messages[1].at("is_outbound").as_bool(), true);
  EXPECT_EQ(messages[2].at("external_id").as_string(), "1924465506158879002");
  EXPECT_EQ(detail.at("message_count").as_int64(), 3);
  WaitForThreading(server.port());
  EXPECT_EQ(Metric(server.port(), "feedroom_ingest_events_total", "outcome=\"duplicate\""), 1);
  // The families operators alert on: received / accepted per platform, ingest latency and
  // group-commit batch sizes.
  EXPECT_EQ(Metric(server.port(), "feedroom_webhooks_received_total", "platform=\"x\""), 4);
  EXPECT_EQ(Metric(server.port(), "feedroom_webhooks_accepted_total", "platform=\"x\""), 4);
  EXPECT_EQ(Metric(server.port(), "feedroom_ingest_latency_seconds_count"), 4);
  EXPECT_GE(Metric(server.port(), "feedroom_store_commit_batch_size_count"), 1);
  EXPECT_EQ(Metric(server.port(), "feedroom_store_commit_batch_size_sum"), 4);
}

TEST_F(ServeTest, BrandEchoAloneNeverOpensACase) {
  ServerProcess server(config_, data_);
  ASSERT_EQ(PostX(server.port(), XTweet("5001", kBrand, "מבצע חדש בקנטינה!")).status, 200);
  ASSERT_EQ(PostX(server.port(), XDm("6001", kBrand, "42", "שלום דנה", 1763800000000)).status, 200);
  EXPECT_EQ(GetJson(server.port(), token_, "/api/v1/cases").at("items").as_array().size(), 0u);
  json::value dm = GetJson(server.port(), token_, "/api/v1/messages/x/6001");
  EXPECT_TRUE(dm.at("is_outbound").as_bool());
  EXPECT_TRUE(dm.at("case_id").is_null());
}

TEST_F(ServeTest, DirectMessagesShareOneConversationPerCustomer) {
  ServerProcess server(config_, data_);
  ASSERT_EQ(PostX(server.port(), XDm("7001", "42", kBrand, "היי, יש לי בעיה עם הזמנה", 1763800000000)).status, 200);
  ASSERT_EQ(PostX(server.port(), XDm("7002", kBrand, "42", "ספרי לנו מה מספר ההזמנה", 1763800030000)).status, 200);
  ASSERT_EQ(PostX(server.port(), XDm("7003", "42", kBrand, "4411", 1763800090000)).status, 200);
  json::value cases = GetJson(server.port(), token_, "/api/v1/cases?platform=x");
  ASSERT_EQ(cases.at("items").as_array().size(), 1u);
  json::value detail =
      GetJson(server.port(), token_, "/api/v1/cases/" + std::string(cases.at("items").at(0).at("id").as_string()));
  ASSERT_EQ(detail.at("messages").as_array().size(), 3u);
  EXPECT_EQ(detail.at("conversations").as_array().size(), 1u);
  EXPECT_EQ(detail.at("conversations").at(0).at("visibility").as_string(), "private");
}

TEST_F(ServeTest, PublicCommentAndDmOfOneCustomerShareACase) {
  ServerProcess server(config_, data_);
  ASSERT_EQ(PostMeta(server.port(), IgComment("18001", "55501", "המשלוח מאחר כבר שבוע")).status, 200);
  ASSERT_EQ(PostMeta(server.port(), IgDm("m_abc", "55501", "הנה מספר ההזמנה 4411", 1763800600000)).status, 200);
  json::value cases = GetJson(server.port(), token_, "/api/v1/cases?platform=instagram");
  ASSERT_EQ(cases.at("items").as_array().size(), 1u);
  json::value detail =
      GetJson(server.port(), token_, "/api/v1/cases/" + std::string(cases.at("items").at(0).at("id").as_string()));
  EXPECT_EQ(detail.at("messages").as_array().size(), 2u);
  EXPECT_EQ(detail.at("conversations").as_array().size(), 2u);
}

TEST_F(ServeTest, FacebookCommentEditAndRemovalKeepTheirHistory) {
  ServerProcess server(config_, data_);
  const std::string id = std::string(kPage) + "_555_901";
  ASSERT_EQ(PostMeta(server.port(), FbComment("add", id, "האוכל הגיע קר", 1763800000)).status, 200);
  ASSERT_EQ(PostMeta(server.port(), FbComment("edited", id, "האוכל הגיע קר ומאוחר", 1763800000)).status, 200);
  ASSERT_EQ(PostMeta(server.port(), FbComment("remove", id, "", 1763800100)).status, 200);
  json::value m = GetJson(server.port(), token_, "/api/v1/messages/facebook/" + id);
  EXPECT_EQ(m.at("text").as_string(), "האוכל הגיע קר ומאוחר");
  EXPECT_TRUE(m.at("deleted").as_bool());
  const auto& revisions = m.at("revisions").as_array();
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].at("kind").as_string(), "edit");
  EXPECT_EQ(revisions[0].at("previous_text").as_string(), "האוכל הגיע קר");
  EXPECT_EQ(revisions[1].at("kind").as_string(), "delete");
  EXPECT_EQ(GetJson(server.port(), token_, "/api/v1/cases?platform=facebook").at("items").as_array().size(), 1u);
}

TEST_F(ServeTest, MessengerEchoJoinsTheCustomersThreadWithoutOpeningACase) {
  ServerProcess server(config_, data_);
  ASSERT_EQ(PostMeta(server.port(), MessengerDm("m_1", "7001", kPage, "איפה ההזמנה שלי?", 1763800000000, false)).status, 200);
  ASSERT_EQ(PostMeta(server.port(), MessengerDm("m_2", kPage, "7001", "בודקים ומעדכנים", 1763800060000, true)).status, 200);
  json::value cases = GetJson(server.port(), token_, "/api/v1/cases?platform=messenger");
  ASSERT_EQ(cases.at("items").as_array().size(), 1u);
  json::value detail =
      GetJson(server.port(), token_, "/api/v1/cases/" + std::string(cases.at("items").at(0).at("id").as_string()));
  const auto& messages = detail.at("messages").as_array();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_FALSE(messages[0].at("is_outbound").as_bool());
  EXPECT_TRUE(messages[1].at("is_outbound").as_bool());
  EXPECT_EQ(messages[1].at("counterpart_id").as_string(), "7001");
}

TEST_F(ServeTest, ForgedAndMalformedDeliveriesAreRefusedAndNothingIsStored) {
  ServerProcess server(config_, data_);
  std::string body = XTweet("8001", "42", "forged");
  HttpResult forged = HttpCall(server.port(), "POST", "/webhooks/x",
                               {{"x-twitter-webhooks-signature", XSig(body + " ")}}, body);
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(json::parse(forged.body).at("error").at("code").as_string(), "bad_signature");
  EXPECT_EQ(HttpCall(server.port(), "POST", "/webhooks/x", {}, body).status, 401);

  std::string broken = "{\"for_user_id\":";
  HttpResult malformed = PostX(server.port(), broken);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(json::parse(malformed.body).at("error").at("code").as_string(), "malformed_json");

  std::string bad_utf8 = XTweet("8002", "42", "x");
  bad_utf8.replace(bad_utf8.find("\"x\""), 3, "\"\xC3\x28\"");
  EXPECT_EQ(json::parse(PostX(server.port(), bad_utf8).body).at("error").at("code").as_string(), "invalid_utf8");

  std::string other_account = XTweet("8003", "42", "hi");
  other_account.replace(other_account.find(kBrand), std::string(kBrand).size(), "123");
  HttpResult unknown = PostX(server.port(), other_account);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(json::parse(unknown.body).at("error").at("code").as_string(), "unknown_account");

  std::string huge(2 << 20, 'a');
  EXPECT_EQ(PostX(server.port(), huge).status, 413);

  WaitForThreading(server.port());
  EXPECT_EQ(HttpCall(server.port(), "GET", "/api/v1/messages/x/8001", Bearer(token_)).status, 404);
  EXPECT_EQ(GetJson(server.port(), token_, "/api/v1/cases").at("items").as_array().size(), 0u);
  EXPECT_EQ(Metric(server.port(), "feedroom_webhooks_rejected_total", "reason=\"bad_signature\""), 1);
  EXPECT_EQ(Metric(server.port(), "feedroom_webhooks_rejected_total", "reason=\"missing_signature\""), 1);
  EXPECT_EQ(HttpCall(server.port(), "GET", "/healthz").status, 200);  // still serving
}

TEST_F(ServeTest, CursorPaginationWalksEveryCaseOnce) {
  ServerProcess server(config_, data_);
  for (int i = 0; i < 7; ++i) {
    std::string id = std::to_string(9100 + i);
    ASSERT_EQ(PostX(server.port(), XTweet(id, std::to_string(300 + i), "@kantina שאלה " + id, "",
                                          1763800000000 + i * 1000)).status, 200);
  }
  std::set<std::string> seen;
  std::string cursor;
  long long last = INT64_MAX;
  for (int page = 0; page < 10; ++page) {
    json::value p = GetJson(server.port(), token_, "/api/v1/cases?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : p.at("items").as_array()) {
      EXPECT_TRUE(seen.insert(std::string(item.at("id").as_string())).second);
      EXPECT_LE(item.at("last_activity_at").as_int64(), last);
      last = item.at("last_activity_at").as_int64();
    }
    if (p.at("next_cursor").is_null()) break;
    cursor = std::string(p.at("next_cursor").as_string());
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(HttpCall(server.port(), "GET", "/api/v1/cases?status=bogus", Bearer(token_)).status, 400);
}

// Posts deliveries from a thread while the server is stopped mid-stream by `sig`; then a
// restarted server gets every delivery again (as the platform retries). Every acknowledged
// message must have survived, and nothing may be stored twice.
void RestartMidStream(const std::string& config, const std::string& data,
                      const std::string& token, int sig) {
  constexpr int kTotal = 300;
  std::vector<std::string> bodies;
  for (int i = 0; i < kTotal; ++i) {
    bodies.push_back(XTweet(std::to_string(1000000 + i), std::to_string(10 + i % 50),
                            "@kantina הודעה מספר " + std::to_string(i), "", 1763800000000 + i));
  }
  std::set<int> acked;
  {
    ServerProcess server(config, data);
    std::atomic<int> sent{0};
    std::thread poster([&] {
      for (int i = 0; i < kTotal; ++i) {
        if (PostX(server.port(), bodies[i]).status == 200) acked.insert(i);
        sent = i + 1;
      }
    });
    while (sent.load() < kTotal / 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server.StopWith(sig);
    poster.join();
  }
  ASSERT_GT(acked.size(), 0u);
  ASSERT_LT(acked.size(), static_cast<size_t>(kTotal));
  ServerProcess again(config, data);
  WaitForThreading(again.port());  // acknowledged before the stop, threaded after the start
  for (int i : acked) {
    EXPECT_EQ(HttpCall(again.port(), "GET", "/api/v1/messages/x/" + std::to_string(1000000 + i), Bearer(token)).status, 200)
        << "acknowledged message " << i << " was lost";
  }
  for (int i = 0; i < kTotal; ++i) ASSERT_EQ(PostX(again.port(), bodies[i]).status, 200);
  // Every message exactly once: each customer's 6 messages in one case, 300 in all.
  long long total = 0;
  std::string cursor;
  for (;;) {
    json::value p = GetJson(again.port(), token, "/api/v1/cases?limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : p.at("items").as_array()) total += item.at("message_count").as_int64();
    if (p.at("next_cursor").is_null()) break;
    cursor = std::string(p.at("next_cursor").as_string());
  }
  EXPECT_EQ(total, kTotal);
}

TEST_F(ServeTest, GracefulStopMidStreamLosesAndDuplicatesNothing) {
  RestartMidStream(config_, data_, token_, SIGTERM);
}

TEST_F(ServeTest, CrashMidStreamLosesNoAcknowledgedMessage) {
  RestartMidStream(config_, data_, token_, SIGKILL);
}

}  // namespace
}  // namespace fr::testing
