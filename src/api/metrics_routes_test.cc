// The metrics routes through the real gate, Threader, MetricsKeeper and SQLite store: a small
// history of customer tweets and brand replies, read back as figures by group and by day, as
// drill-down pages and as CSV; parameters refused with their name; agents kept out.
#include "api/metrics_routes.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"
#include "engine/metrics/metrics_keeper.h"
#include "engine/thread/threader.h"

namespace fr::api {
namespace {

namespace json = boost::json;

constexpr UnixMillis kDay1 = 1'800'057'600'000;  // 2027-01-16T00:00:00Z
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

class MetricsRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tokens_ = world_.AgentAndSupervisorTokens();
    world_.store().SetBatchEndHook([this](ports::StoreTxn& txn, std::span<const domain::CaseId> ids) {
      return keeper_.Refresh(txn, ids);
    });
    AddMetricsRoutes(router_, world_.gate(), world_.store(), explainer_);
  }

  // A customer tweet to `account` at `at`, answered by the brand `answer_after` later (if set).
  void Exchange(const std::string& account, const std::string& customer, UnixMillis at,
                std::optional<std::int64_t> answer_after) {
    const std::string id = "t" + std::to_string(++filed_);
    File(account, id, customer, at, "", false);
    if (answer_after) File(account, "r" + std::to_string(filed_), account, at + *answer_after, id, true);
  }

  void File(const std::string& account, const std::string& id, const std::string& author,
            UnixMillis at, const std::string& parent, bool outbound,
            const std::string& text = "my order is late") {
    domain::InboundEvent e;
    e.message.platform = domain::Platform::kX;
    e.message.account_id = account;
    e.message.external_id = id;
    e.message.author.id = author;
    e.message.text = outbound ? "@" + author + " sorry, checking" : text;
    e.message.created_at = at;
    e.message.parent_id = parent;
    e.message.is_outbound = outbound;
    e.message.kind = outbound ? domain::MessageKind::kReply : domain::MessageKind::kMention;
    engine::Threader threader(engine::ThreadingOptions{});
    Status s = ports::WriteOne(world_.store(), [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", at, "{}"));
      return threader.Apply(txn, e, delivery, at).status();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  ApiResponse Get(const std::string& who, const std::string& path_and_query) {
    return CallAs(router_, tokens_[who], "GET", path_and_query);
  }

  json::array Items(const std::string& path_and_query) {
    ApiResponse r = Get("rina", path_and_query);
    EXPECT_EQ(r.status, 200) << r.body;
    json::value v = json::parse(r.body);
    return v.is_array() ? v.as_array() : json::array{};
  }

  static std::string Range() {
    return "from=" + std::to_string(kDay1) + "&to=" + std::to_string(kDay1 + 3 * 24 * kHour);
  }

  SystemClock clock_;
  ApiTestWorld world_{clock_};
  domain::sla::BusinessCalendar always_open_ = domain::sla::BusinessCalendar::AlwaysOpen();
  engine::MetricsKeeper keeper_{[this](std::optional<domain::TeamId>)
                                    -> const domain::sla::BusinessCalendar& { return always_open_; }};
  engine::SpikeExplainer explainer_{world_.store()};
  Router router_;
  std::map<std::string, std::string> tokens_;
  int filed_ = 0;
};

TEST_F(MetricsRoutesTest, FirstResponseByAccount) {
  Exchange("brand1", "c1", kDay1 + 9 * kHour, 10 * kMinute);
  Exchange("brand1", "c2", kDay1 + 10 * kHour, 30 * kMinute);
  Exchange("brand1", "c3", kDay1 + 26 * kHour, 50 * kMinute);
  Exchange("brand2", "c4", kDay1 + 11 * kHour, std::nullopt);
  json::array items = Items("/api/v1/metrics/first-response?group_by=account&" + Range());
  ASSERT_EQ(items.size(), 2u);
  const json::object& one = items[0].as_object();
  EXPECT_EQ(one.at("group").as_string(), "brand1");
  EXPECT_EQ(one.at("count").as_int64(), 3);
  EXPECT_EQ(one.at("cases").as_int64(), 3);
  EXPECT_DOUBLE_EQ(one.at("mean_s").as_double(), 1800.0);
  EXPECT_NEAR(one.at("median_s").as_double(), 1800.0, 36.0);
  EXPECT_NEAR(one.at("p90_s").as_double(), 3000.0, 60.0);
  const json::object& two = items[1].as_object();
  EXPECT_EQ(two.at("group").as_string(), "brand2");
  EXPECT_EQ(two.at("count").as_int64(), 0);
  EXPECT_TRUE(two.at("median_s").is_null());

  json::array rate = Items("/api/v1/metrics/response-rate?" + Range());
  ASSERT_EQ(rate.size(), 1u);
  EXPECT_EQ(rate[0].at("count").as_int64(), 4);
  EXPECT_EQ(rate[0].at("answered").as_int64(), 3);
  EXPECT_DOUBLE_EQ(rate[0].at("rate").as_double(), 0.75);
}

TEST_F(MetricsRoutesTest, ByLocalDayInAZone) {
  // 23:30 UTC on day 1 is already day 2 in Jerusalem (UTC+2 in January).
  Exchange("brand", "c1", kDay1 + 12 * kHour, 10 * kMinute);
  Exchange("brand", "c2", kDay1 + 23 * kHour + 30 * kMinute, 20 * kMinute);
  json::array days = Items("/api/v1/metrics/volume?from=2027-01-16&to=2027-01-18&tz=Asia/Jerusalem&interval=day");
  ASSERT_EQ(days.size(), 2u) << json::serialize(days);
  EXPECT_EQ(days[0].at("from").as_int64(), kDay1 - 2 * kHour);
  EXPECT_EQ(days[0].at("count").as_int64(), 1);
  EXPECT_EQ(days[1].at("from").as_int64(), kDay1 + 22 * kHour);
  EXPECT_EQ(days[1].at("count").as_int64(), 1);
}

TEST_F(MetricsRoutesTest, SummaryHasEveryMetric) {
  Exchange("brand", "c1", kDay1 + kHour, 5 * kMinute);
  json::array items = Items("/api/v1/metrics/summary?" + Range());
  ASSERT_EQ(items.size(), 1u);
  for (const char* key : {"first_response", "next_response", "resolution", "response_rate", "sla",
                          "repeat_complaints", "sentiment", "volume"}) {
    EXPECT_TRUE(items[0].as_object().contains(key)) << key;
  }
  EXPECT_EQ(items[0].at("volume").at("count").as_int64(), 1);
}

TEST_F(MetricsRoutesTest, DrillDownPagesAndCsv) {
  for (int i = 0; i < 5; ++i) Exchange("brand", "c" + std::to_string(i), kDay1 + i * kHour, 7 * kMinute);
  ApiResponse first = Get("rina", "/api/v1/metrics/cases?limit=3&" + Range());
  ASSERT_EQ(first.status, 200) << first.body;
  json::object page = json::parse(first.body).as_object();
  EXPECT_EQ(page.at("items").as_array().size(), 3u);
  EXPECT_DOUBLE_EQ(page.at("items").as_array()[0].at("first_response_s").as_double(), 420.0);
  const std::string cursor(page.at("next_cursor").as_string());
  ApiResponse second = Get("rina", "/api/v1/metrics/cases?limit=3&cursor=" + cursor + "&" + Range());
  json::object rest = json::parse(second.body).as_object();
  EXPECT_EQ(rest.at("items").as_array().size(), 2u);
  EXPECT_TRUE(rest.at("next_cursor").is_null());

  ApiResponse csv = Get("rina", "/api/v1/metrics/cases.csv?group_by=account&group=brand&" + Range());
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  std::size_t lines = 0;
  for (std::size_t p = 0; (p = csv.body.find("\r\n", p)) != std::string::npos; p += 2) ++lines;
  EXPECT_EQ(lines, 6u) << "a header and five cases";
  EXPECT_NE(csv.body.find(",420.0,"), std::string::npos);
  ApiResponse none = Get("rina", "/api/v1/metrics/cases.csv?group_by=account&group=other&" + Range());
  EXPECT_EQ(none.body, "\xEF\xBB\xBF" + std::string("case_id,opened_at,platform,account,team,agent,priority,language,intent,rules,first_response_s,first_response_business_s,next_responses,next_response_mean_s,resolution_s,customer_messages,answered_messages,first_response_sla,sentiment,complaint,repeat_complaint,topic\r\n"));
}

TEST_F(MetricsRoutesTest, BadParametersAreNamed) {
  EXPECT_EQ(Get("rina", "/api/v1/metrics/first-response?to=5").status, 400);
  EXPECT_NE(Get("rina", "/api/v1/metrics/first-response?to=5").body.find("from:"), std::string::npos);
  ApiResponse bad_group = Get("rina", "/api/v1/metrics/first-response?group_by=colour&" + Range());
  EXPECT_EQ(bad_group.status, 400);
  EXPECT_NE(bad_group.body.find("group_by"), std::string::npos);
  EXPECT_EQ(Get("rina", "/api/v1/metrics/first-response?tz=Mars/Olympus&" + Range()).status, 400);
  EXPECT_EQ(Get("rina", "/api/v1/metrics/first-response?from=2027-01-16&to=2027-01-15").status, 400);
  EXPECT_EQ(Get("rina", "/api/v1/metrics/first-response?interval=week&" + Range()).status, 400);
  ApiResponse unknown = Get("rina", "/api/v1/metrics/happiness?" + Range());
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(ErrorCodeOf(unknown), "unknown_metric");
  EXPECT_EQ(ErrorCodeOf(Get("rina", "/api/v1/metrics/volume?interval=hour&from=2027-01-01&to=2027-03-01")),
            "too_many_intervals");
}

TEST_F(MetricsRoutesTest, AlertsListTheLatestSpikesFirst) {
  for (UnixMillis at : {kDay1, kDay1 + kHour}) {
    ports::SpikeAlert a{0, "rule:קנטינה", domain::metrics::SpikeKind::kVolume, at, std::nullopt,
                        40, 4.2, 9.87};
    ASSERT_TRUE(ports::WriteOne(world_.store(), [&](ports::StoreTxn& txn) {
                  return txn.metrics().InsertSpikeAlert(a).status();
                }).ok());
  }
  ApiResponse r = Get("rina", "/api/v1/alerts");
  ASSERT_EQ(r.status, 200) << r.body;
  json::array items = json::parse(r.body).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("started_at").as_int64(), kDay1 + kHour);
  EXPECT_EQ(items[0].at("series").as_string(), "rule:קנטינה");
  EXPECT_EQ(items[0].at("kind").as_string(), "volume");
  EXPECT_TRUE(items[0].at("ended_at").is_null());
  EXPECT_DOUBLE_EQ(items[0].at("score").as_double(), 9.9);
  EXPECT_EQ(Get("dana", "/api/v1/alerts").status, 403);
}

TEST_F(MetricsRoutesTest, AnAlertExplainsItselfWithItsWindowsMessages) {
  // A quiet day before, then five complaints of poisoning in the spike's minutes.
  for (int i = 0; i < 6; ++i) {
    File("brand", "b" + std::to_string(i), "regular" + std::to_string(i),
         kDay1 + i * kHour, "", false, "ההזמנה שלי מאחרת");
  }
  const UnixMillis onset = kDay1 + 20 * kHour;
  const std::vector<std::string> places = {"בסניף", "בחיפה", "במשלוח", "בבית", "בעבודה"};
  for (int i = 0; i < 5; ++i) {
    File("brand", "s" + std::to_string(i), "writer" + std::to_string(i), onset - i * kMinute, "",
         false, "הרעלה " + places[i] + ", ההזמנה שלי");
  }
  File("other", "o1", "elsewhere", onset, "", false, "הרעלה הרעלה");  // another series
  ports::SpikeAlert a{0, "account:x:brand", domain::metrics::SpikeKind::kVolume, onset,
                      std::nullopt, 5, 0.1, 8.2};
  ASSERT_TRUE(ports::WriteOne(world_.store(), [&](ports::StoreTxn& txn) -> Status {
                FR_ASSIGN_OR_RETURN(a.id, txn.metrics().InsertSpikeAlert(a));
                return Status::Ok();
              }).ok());

  ApiResponse r = Get("rina", "/api/v1/alerts/" + std::to_string(a.id));
  ASSERT_EQ(r.status, 200) << r.body;
  json::object o = json::parse(r.body).as_object();
  EXPECT_EQ(o.at("series").as_string(), "account:x:brand");
  const json::object& e = o.at("explanation").as_object();
  EXPECT_EQ(e.at("messages").as_int64(), 5);
  const json::array& terms = e.at("top_terms").as_array();
  ASSERT_FALSE(terms.empty());
  EXPECT_EQ(terms[0].at("term").as_string(), "הרעלה");
  EXPECT_EQ(terms[0].at("count").as_int64(), 5);
  for (const json::value& t : terms) {
    EXPECT_NE(t.at("term").as_string(), "הזמנה") << "usual here";
    EXPECT_NE(t.at("term").as_string(), "ההזמנה");
  }
  const json::array& sources = e.at("sources").as_array();
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].at("account_id").as_string(), "brand");
  const json::array& samples = e.at("samples").as_array();
  ASSERT_EQ(samples.size(), 5u);
  EXPECT_EQ(samples[0].at("text").as_string(), "הרעלה בעבודה, ההזמנה שלי");  // the earliest
  EXPECT_FALSE(samples[0].at("case_id").is_null());

  EXPECT_EQ(Get("rina", "/api/v1/alerts/999").status, 404);
  EXPECT_EQ(Get("rina", "/api/v1/alerts/x1").status, 404);
  EXPECT_EQ(Get("dana", "/api/v1/alerts/" + std::to_string(a.id)).status, 403);
}

TEST_F(MetricsRoutesTest, AgentsCannotSeeTeamMetrics) {
  ApiResponse r = Get("dana", "/api/v1/metrics/first-response?" + Range());
  EXPECT_EQ(r.status, 403);
}

}  // namespace
}  // namespace fr::api
