// End-to-end listening: the real `feedroom serve` with [x.listening] pointed at a loopback
// server speaking X's filtered-stream protocol. Posts nobody addressed to the brand are
// stored; the one an escalating listening rule matches opens a case, the others do not.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/integration/server_process.h"
#include "tests/support/loopback_http_server.h"
#include "tests/support/temp_dir.h"

namespace fr::testing {
namespace {

namespace json = boost::json;

constexpr char kBrand[] = "900000000000000001";

// One stream line: a post by `user` with `followers`, expanded as X sends it.
std::string StreamLine(const std::string& id, const std::string& user, const std::string& text,
                       int followers) {
  return R"({"data":{"id":")" + id + R"(","text":)" + json::serialize(json::value(text)) +
         R"(,"author_id":")" + user + R"(","created_at":"2026-11-23T08:00:00.000Z","conversation_id":")" + id +
         R"("},"includes":{"users":[{"id":")" + user + R"(","username":"u)" + user +
         R"(","name":"נועה","public_metrics":{"followers_count":)" + std::to_string(followers) +
         R"(}}]},"matching_rules":[{"id":"9","tag":"brand"}]})" + "\r\n";
}

TEST(ListeningTest, StreamedPostsAreStoredAndAnEscalatingRuleOpensACase) {
  TempDir dir;
  LoopbackHttpServer x;
  // Rule sync: none on X, ours added. Then a first stream that only keeps alive, and goes
  // silent: by the time the reconnect comes, the test has made its rule escalate.
  x.Enqueue({200, {}, R"({"meta":{"result_count":0}})"});
  x.Enqueue({201, {}, R"({"meta":{"summary":{"created":1}}})"});
  x.Enqueue({.status = 200, .hang = true, .chunks = {"\r\n"}});

  const std::string config = dir.path() + "/feedroom.toml";
  const std::string rules = dir.path() + "/listening.rules";
  WriteFile(rules, "food.safety: קנטינה AND (מקולקל OR הרעלה)\n");
  WriteFile(config, std::string("[auth]\npassword_memory_kib = 8\npassword_passes = 1\n") +
                        "[listening]\nrules_file = \"" + rules + "\"\n" +
                        "[x]\nconsumer_secret = \"s\"\napi_base = \"" + x.base_url() + "\"\n" +
                        "[[x.accounts]]\nuser_id = \"" + kBrand + "\"\nhandle = \"kantina\"\n" +
                        "[x.listening]\nbearer_token = \"app-bearer\"\nstream = true\n" +
                        "heartbeat_seconds = 2\n" +
                        "[[x.listening.stream_rules]]\nvalue = \"קנטינה OR kantina\"\ntag = \"brand\"\n");
  const std::string data = dir.path() + "/data";
  const std::string token = CreateUserAndToken(config, data, "sara", "supervisor");
  ServerProcess server(config, data);
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"authorization", "Bearer " + token}, {"content-type", "application/json"}};

  HttpResult put = HttpCall(server.port(), "PUT", "/api/v1/listening/rules/food.safety", auth,
                            R"j({"query":"קנטינה AND (מקולקל OR הרעלה)","action":"escalate"})j");
  ASSERT_EQ(put.status, 200) << put.body;
  x.Enqueue({.status = 200,
             .hang = true,
             .chunks = {StreamLine("1860000000000000001", "55", "אכלתי בקנטינה ויש לי הרעלת מזון, הסלט היה מקולקל", 12400),
                        StreamLine("1860000000000000002", "56", "הקנטינה בדיזנגוף פתוחה עד חצות", 80)}});

  ASSERT_TRUE(Eventually([&] {
    return Metric(server.port(), "feedroom_ingest_events_total", "outcome=\"stored\"") >= 2;
  }));
  WaitForThreading(server.port());
  const auto requests = x.requests();
  ASSERT_GE(requests.size(), 4u);
  EXPECT_EQ(requests[0].Header("authorization"), "Bearer app-bearer");
  EXPECT_EQ(requests[1].body, R"({"add":[{"value":"קנטינה OR kantina","tag":"brand"}]})");

  HttpResult list = HttpCall(server.port(), "GET", "/api/v1/cases?queue=all", auth);
  ASSERT_EQ(list.status, 200) << list.body;
  const json::array items = json::parse(list.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << list.body;  // the opening-hours post opened none
  const json::value detail = json::parse(
      HttpCall(server.port(), "GET",
               "/api/v1/cases/" + std::string(items[0].at("id").as_string()), auth)
          .body);
  const json::value& m = detail.at("messages").at(0);
  EXPECT_EQ(m.at("external_id").as_string(), "1860000000000000001");
  EXPECT_TRUE(m.at("overheard").as_bool());
  EXPECT_EQ(m.at("rules").at(0).as_string(), "food.safety");
  EXPECT_EQ(Metric(server.port(), "feedroom_source_events_total", "event=\"post\""), 2);
}

}  // namespace
}  // namespace fr::testing
