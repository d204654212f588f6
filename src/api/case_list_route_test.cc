// GET /api/v1/cases through the router, the auth gate and a real store: each item's customer
// and preview as JSON, the search, status list and SLA filters, the cursors of both orders,
// and a 400 naming the parameter for every malformed one.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_test_world.h"
#include "api/case_list_query.h"
#include "api/read_routes.h"
#include "engine/sla/sla_tracker.h"

namespace fr::api {
namespace {

namespace json = boost::json;
using domain::CaseStatus;
using domain::Platform;

constexpr UnixMillis kNow = 1'800'000'000'000;
constexpr UnixMillis kMinute = 60'000;

class CaseListRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const domain::User noa = world_.AddUser("noa", domain::Role::kAgent, "a long password", "נועה");
    token_ = world_.ApiToken(noa, "list");
    storage::sqlite::SqliteStore& store = world_.store();
    AddReadRoutes(router_, world_.gate(), store, CaseSla(store, tracker_, clock_));
  }

  ApiResponse Get(std::vector<std::pair<std::string, std::string>> query) {
    ApiRequest req;
    req.method = "GET";
    req.path = "/api/v1/cases";
    req.query = std::move(query);
    req.client_address = "192.0.2.7";
    req.headers.Add("Authorization", "Bearer " + token_);
    ApiResponse out;
    router_.Dispatch(req, [&](ApiResponse r) { out = std::move(r); });
    return out;
  }
  // The ids of the items of one page.
  static std::vector<std::string> Ids(const ApiResponse& r) {
    std::vector<std::string> ids;
    const json::value doc = json::parse(r.body);
    for (const auto& item : doc.at("items").as_array()) {
      ids.emplace_back(item.at("id").as_string());
    }
    return ids;
  }
  static std::string NextCursor(const ApiResponse& r) {
    const json::value next = json::parse(r.body).at("next_cursor");
    return next.is_null() ? "" : std::string(next.as_string());
  }

  domain::CustomerId AddCustomer(const std::string& user, const std::string& handle,
                                 const std::string& name) {
    domain::Author a;
    a.id = user;
    a.handle = handle;
    a.name = name;
    a.followers = 25000;
    a.verified = false;
    domain::CustomerId id = 0;
    EXPECT_TRUE(ports::WriteOne(world_.store(), [&](ports::StoreTxn& t) -> Status {
                  FR_ASSIGN_OR_RETURN(id, t.UpsertCustomer(Platform::kInstagram, a));
                  return Status::Ok();
                }).ok());
    return id;
  }
  std::string AddCase(domain::CustomerId customer, UnixMillis at, const std::string& text,
                      CaseStatus status = CaseStatus::kOpen) {
    domain::CaseId id = 0;
    Status s = ports::WriteOne(world_.store(), [&](ports::StoreTxn& t) -> Status {
      domain::Case c;
      c.status = status;
      c.platform = Platform::kInstagram;
      c.account_id = "ig";
      c.customer_id = customer;
      c.opened_at = at;
      c.last_activity_at = at;
      c.last_customer_message_at = at;
      FR_ASSIGN_OR_RETURN(id, t.InsertCase(c));
      ports::StoredMessage m;
      m.message.platform = Platform::kInstagram;
      m.message.account_id = "ig";
      m.message.external_id = "m" + std::to_string(id);
      m.message.text = text;
      m.message.created_at = at;
      m.message.kind = domain::MessageKind::kComment;
      m.case_id = id;
      m.author_customer_id = customer;
      m.received_at = at;
      return t.InsertMessage(m).status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return std::to_string(id);
  }
  void AddRunningClock(const std::string& kase, UnixMillis warn_at, UnixMillis due_at) {
    domain::sla::CaseSlaClock c;
    c.started_at = kNow - 60 * kMinute;
    c.clock.target = std::chrono::milliseconds(due_at - c.started_at);
    c.clock.warn_after = std::chrono::milliseconds(warn_at - c.started_at);
    c.clock.phase = domain::sla::SlaPhase::kRunning;
    c.clock.phase_since = c.started_at;
    c.warn_at = warn_at;
    c.due_at = due_at;
    Status s = ports::WriteOne(
        world_.store(), [&](ports::StoreTxn& t) { return t.sla().PutClock(std::stoll(kase), c); });
    EXPECT_TRUE(s.ok()) << s.ToString();
  }

  ManualClock clock_{kNow};
  ApiTestWorld world_{clock_};
  engine::SlaTracker tracker_{engine::SlaSettings{}};
  Router router_;
  std::string token_;
};

TEST_F(CaseListRouteTest, ItemsCarryTheCustomerAndThePreview) {
  const domain::CustomerId dana = AddCustomer("ig-1", "dana.cohen", "דנה כהן");
  const std::string kase = AddCase(dana, kNow, "הַמִּשְׁלוֹחַ לא הגיע 📦");
  const std::string long_text(250, 'x');
  AddCase(dana, kNow - 1, long_text);

  ApiResponse r = Get({});
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value doc = json::parse(r.body);
  const json::array& items = doc.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const json::object& item = items[0].as_object();
  EXPECT_EQ(item.at("id").as_string(), kase);
  EXPECT_EQ(item.at("status").as_string(), "open");  // the Case fields stay as they were
  const json::object& customer = item.at("customer").as_object();
  EXPECT_EQ(customer.at("id").as_string(), std::to_string(dana));
  EXPECT_EQ(customer.at("platform").as_string(), "instagram");
  EXPECT_EQ(customer.at("platform_user_id").as_string(), "ig-1");
  EXPECT_EQ(customer.at("handle").as_string(), "dana.cohen");
  EXPECT_EQ(customer.at("name").as_string(), "דנה כהן");
  EXPECT_EQ(customer.at("followers").as_int64(), 25000);
  EXPECT_EQ(customer.at("verified").as_bool(), false);
  const json::object& preview = item.at("preview").as_object();
  EXPECT_EQ(preview.at("id").as_string(), kase);  // the first message of the first case
  EXPECT_EQ(preview.at("text").as_string(), "הַמִּשְׁלוֹחַ לא הגיע 📦");
  EXPECT_EQ(preview.at("truncated").as_bool(), false);
  EXPECT_EQ(preview.at("visibility").as_string(), "public");
  EXPECT_EQ(preview.at("kind").as_string(), "comment");
  EXPECT_EQ(preview.at("created_at").as_int64(), kNow);
  const json::object& cut = items[1].at("preview").as_object();
  EXPECT_EQ(cut.at("text").as_string(), std::string(200, 'x'));
  EXPECT_EQ(cut.at("truncated").as_bool(), true);
}

TEST_F(CaseListRouteTest, SearchStatusListAndCustomerNarrowTheList) {
  const domain::CustomerId dana = AddCustomer("ig-1", "dana", "Dana");
  const domain::CustomerId noa = AddCustomer("ig-2", "noa", "Noa");
  const std::string late = AddCase(dana, kNow - 3, "המשלוח מאחר", CaseStatus::kNew);
  const std::string broken = AddCase(noa, kNow - 2, "המוצר הגיע שבור", CaseStatus::kPending);
  const std::string closed = AddCase(dana, kNow - 1, "המשלוח הגיע, תודה", CaseStatus::kClosed);

  EXPECT_EQ(Ids(Get({{"q", "משלוח"}})), (std::vector<std::string>{closed, late}));
  EXPECT_EQ(Ids(Get({{"q", "  הַמִּשְׁלוֹחַ  "}})), (std::vector<std::string>{closed, late}));
  EXPECT_EQ(Ids(Get({{"q", "הגי"}, {"status", "new,pending"}})),
            (std::vector<std::string>{broken}));
  EXPECT_EQ(Ids(Get({{"status", "pending,new"}})), (std::vector<std::string>{broken, late}));
  EXPECT_EQ(Ids(Get({{"customer", std::to_string(dana)}})),
            (std::vector<std::string>{closed, late}));
  EXPECT_EQ(Ids(Get({{"q", "noa"}})), (std::vector<std::string>{broken}));
  EXPECT_EQ(Ids(Get({{"q", ""}})).size(), 3u);  // an empty search is no search

  // Paging with a search.
  ApiResponse first = Get({{"q", "משל"}, {"limit", "1"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Ids(first), std::vector<std::string>{closed});
  ApiResponse second = Get({{"q", "משל"}, {"limit", "1"}, {"cursor", NextCursor(first)}});
  EXPECT_EQ(Ids(second), std::vector<std::string>{late});
  EXPECT_EQ(NextCursor(second), "");
}

TEST_F(CaseListRouteTest, SlaBreachingIsSoonestDueFirstWithItsOwnCursor) {
  const domain::CustomerId c = AddCustomer("ig-1", "h", "n");
  const std::string warning = AddCase(c, kNow - 3, "a");
  AddRunningClock(warning, kNow - kMinute, kNow + 40 * kMinute);
  const std::string breached = AddCase(c, kNow - 2, "b");
  AddRunningClock(breached, kNow - 20 * kMinute, kNow - 5 * kMinute);
  const std::string due_soon = AddCase(c, kNow - 1, "c");
  AddRunningClock(due_soon, kNow + 5 * kMinute, kNow + 14 * kMinute);
  const std::string on_track = AddCase(c, kNow, "d");
  AddRunningClock(on_track, kNow + 20 * kMinute, kNow + 16 * kMinute + 30 * kMinute);

  EXPECT_EQ(Ids(Get({{"sla", "breaching"}})),
            (std::vector<std::string>{breached, due_soon, warning}));
  EXPECT_EQ(Ids(Get({{"sla", "warning"}})), std::vector<std::string>{warning});
  EXPECT_EQ(Ids(Get({{"sla", "breached"}})), std::vector<std::string>{breached});

  ApiResponse first = Get({{"sla", "breaching"}, {"limit", "2"}});
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string cursor = NextCursor(first);
  EXPECT_EQ(cursor, "due." + std::to_string(kNow + 14 * kMinute) + "." + due_soon);
  // Each item still shows where its clock stands.
  const json::value sla = json::parse(first.body).at("items").at(0).at("sla");
  EXPECT_EQ(sla.at("state").as_string(), "breached");
  EXPECT_EQ(Ids(Get({{"sla", "breaching"}, {"limit", "2"}, {"cursor", cursor}})),
            std::vector<std::string>{warning});

  // The clock moves on: 30 minutes later the on-track case is due soon too.
  clock_.Advance(30 * kMinute);
  EXPECT_EQ(Ids(Get({{"sla", "breaching"}})),
            (std::vector<std::string>{breached, due_soon, warning, on_track}));
}

TEST_F(CaseListRouteTest, EachMalformedParameterIsA400NamingIt) {
  const std::string many_words = "a1 a2 a3 a4 a5 a6 a7 a8 a9";
  const std::string too_long(kMaxSearchBytes + 1, 'x');
  const struct {
    std::vector<std::pair<std::string, std::string>> query;
    std::string parameter;
  } cases[] = {
      {{{"status", "done"}}, "status"},
      {{{"status", "new,"}}, "status"},
      {{{"status", "new,,open"}}, "status"},
      {{{"platform", "myspace"}}, "platform"},
      {{{"customer", "dana"}}, "customer"},
      {{{"customer", "0"}}, "customer"},
      {{{"q", "?!"}}, "q"},
      {{{"q", "\u05B4\u05B8"}}, "q"},  // niqqud alone
      {{{"q", many_words}}, "q"},
      {{{"q", too_long}}, "q"},
      {{{"sla", "soon"}}, "sla"},
      {{{"sla", "Breaching"}}, "sla"},
      {{{"cursor", "xyz"}}, "cursor"},
      {{{"cursor", "due.5.5"}}, "cursor"},                    // an sla cursor without sla
      {{{"sla", "breaching"}, {"cursor", "5.5"}}, "cursor"},  // an activity cursor with sla
      {{{"limit", "0"}}, "limit"},
      {{{"limit", "201"}}, "limit"},
      {{{"assignee", "someone"}}, "assignee"},
      {{{"team", "x"}}, "team"},
      {{{"assignee", "me"}, {"unassigned", "true"}}, "unassigned"},
  };
  for (const auto& c : cases) {
    ApiResponse r = Get(c.query);
    std::string shown;
    for (const auto& [k, v] : c.query) shown += k + "=" + v.substr(0, 20) + " ";
    EXPECT_EQ(r.status, 400) << shown << r.body;
    if (r.status != 400) continue;
    const json::value doc = json::parse(r.body);
    const json::object& error = doc.at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "invalid_parameter") << shown;
    EXPECT_TRUE(std::string(error.at("message").as_string()).starts_with(c.parameter + ": "))
        << shown << error.at("message");
  }
  // At the limits: accepted.
  EXPECT_EQ(Get({{"q", "a1 a2 a3 a4 a5 a6 a7 a8"}}).status, 200);
  EXPECT_EQ(Get({{"limit", "200"}, {"status", "new,open,pending,resolved,closed"}}).status, 200);
}

}  // namespace
}  // namespace fr::api
