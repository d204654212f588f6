#include "api/live_event_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/json_views.h"
#include "api/reply_json.h"

namespace fr::api {
namespace {

namespace json = boost::json;

constexpr UnixMillis kAt = 1'800'000'000'000;

domain::Case SomeCase() {
  domain::Case c;
  c.id = 12;
  c.status = domain::CaseStatus::kOpen;
  c.account_id = "1500000000000000001";
  c.team = 3;
  c.assignee = 7;
  return c;
}

engine::LiveEvent Event(engine::LivePayload payload) {
  return engine::LiveEvent{kAt, std::move(payload), {}};
}

TEST(LiveEventJsonTest, CaseEventsAreTypedByTheirKindAndCarryTheRestObjects) {
  engine::CaseChanged changed{SomeCase(), {}};
  changed.event.id = 40;
  changed.event.case_id = 12;
  changed.event.at = kAt - 5;
  changed.event.kind = domain::CaseEventKind::kAssigned;
  changed.event.user = 7;
  changed.event.detail = "auto";
  engine::LiveEvent event = Event(changed);
  EXPECT_EQ(LiveEventType(event), "case.assigned");
  json::value v = json::parse(LiveEventJson(event, CaseSla{}));
  EXPECT_EQ(v.at("type").as_string(), "case.assigned");
  EXPECT_EQ(v.at("at").as_int64(), kAt);
  json::object with_sla = CaseObject(changed.kase);
  with_sla["sla"] = nullptr;  // no clock: as GET /api/v1/cases/{id} shows it
  EXPECT_EQ(v.at("case"), json::value(with_sla));
  EXPECT_EQ(v.at("event"), json::value(CaseEventObject(changed.event)));
  EXPECT_EQ(v.at("event").at("user_id").as_string(), "7");

  // Kinds added later (the SLA clock's) need no change here.
  changed.event.kind = domain::CaseEventKind::kSlaBreached;
  EXPECT_EQ(LiveEventType(Event(changed)), "case.sla_breached");
}

TEST(LiveEventJsonTest, MessagesNameTheirCaseAndDirection) {
  engine::FiledMessage filed{99, domain::Platform::kInstagram, true, kAt - 10, SomeCase()};
  json::value v = json::parse(LiveEventJson(Event(filed), CaseSla{}));
  EXPECT_EQ(v.at("type").as_string(), "message.created");
  EXPECT_EQ(v.at("case").at("id").as_string(), "12");
  const json::value& m = v.at("message");
  EXPECT_EQ(m.at("id").as_string(), "99");
  EXPECT_EQ(m.at("case_id").as_string(), "12");
  EXPECT_EQ(m.at("platform").as_string(), "instagram");
  EXPECT_EQ(m.at("direction").as_string(), "outbound");
  EXPECT_EQ(m.at("created_at").as_int64(), kAt - 10);
}

TEST(LiveEventJsonTest, RepliesAreTypedByTheirStatusAndKeepHebrewIntact) {
  engine::ReplyChanged changed;
  changed.kase = SomeCase();
  changed.reply.id = 5;
  changed.reply.case_id = 12;
  changed.reply.text = "שלום דנה, ההזמנה בדרך 🚚 ^noa";
  changed.reply.status = domain::ReplyStatus::kAwaitingApproval;
  changed.reply.approval_reason = "sensitive:health";
  json::value v = json::parse(LiveEventJson(Event(changed), CaseSla{}));
  EXPECT_EQ(v.at("type").as_string(), "reply.awaiting_approval");
  EXPECT_EQ(v.at("reply"), json::value(ReplyObject(changed.reply)));
  EXPECT_EQ(v.at("reply").at("text").as_string(), "שלום דנה, ההזמנה בדרך 🚚 ^noa");
  EXPECT_FALSE(v.as_object().contains("case"));
}

TEST(LiveEventJsonTest, HelloAndOverflow) {
  domain::User noa;
  noa.id = 7;
  noa.username = "נועה";
  noa.role = domain::Role::kAgent;
  json::value hello = json::parse(HelloJson(noa, {7, domain::Role::kAgent, {3, 4}}, kAt));
  EXPECT_EQ(hello.at("type").as_string(), "hello");
  EXPECT_EQ(hello.at("at").as_int64(), kAt);
  EXPECT_EQ(hello.at("user").at("username").as_string(), "נועה");
  EXPECT_EQ(hello.at("user").at("role").as_string(), "agent");
  EXPECT_EQ(hello.at("team_ids"), json::parse(R"(["3","4"])"));

  json::value overflow = json::parse(OverflowJson(kAt));
  EXPECT_EQ(overflow.at("type").as_string(), "overflow");
  EXPECT_FALSE(overflow.at("message").as_string().empty());
}

}  // namespace
}  // namespace fr::api
