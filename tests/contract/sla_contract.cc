// The SLA part of the Store contract (ports/sla_store.h): clocks round-trip, one per metric,
// and the scheduler's queue of warnings and breaches, through the port only.
#include <vector>

#include "tests/contract/store_contract.h"

namespace fr::contract {
namespace {

using domain::CaseStatus;
using domain::sla::CaseSlaClock;
using domain::sla::SlaEventKind;
using domain::sla::SlaMetric;
using domain::sla::SlaPhase;
using ports::SlaAlert;
using std::chrono::milliseconds;

constexpr UnixMillis kT0 = 1'800'000'000'000;
constexpr std::int64_t kMinute = 60'000;

CaseSlaClock Running(SlaMetric metric, UnixMillis started, UnixMillis warn_at, UnixMillis due_at) {
  CaseSlaClock c;
  c.metric = metric;
  c.started_at = started;
  c.clock.target = milliseconds(due_at - started);
  c.clock.warn_after = milliseconds(warn_at - started);
  c.clock.phase = SlaPhase::kRunning;
  c.clock.phase_since = started;
  c.warn_at = warn_at;
  c.due_at = due_at;
  return c;
}

}  // namespace

domain::CaseId SlaContractTest::AddCase(CaseStatus status) {
  domain::CaseId id = 0;
  Status s = Write([&](ports::StoreTxn& txn) -> Status {
    domain::Case c;
    c.status = status;
    c.platform = domain::Platform::kX;
    c.account_id = "1500000000000000001";
    c.opened_at = kT0;
    c.last_activity_at = kT0;
    c.last_customer_message_at = kT0;
    FR_ASSIGN_OR_RETURN(id, txn.InsertCase(c));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return id;
}

void SlaContractTest::Put(domain::CaseId id, const CaseSlaClock& clock) {
  Status s = Write([&](ports::StoreTxn& txn) { return txn.sla().PutClock(id, clock); });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST_P(SlaContractTest, ClocksRoundTripOnePerMetric) {
  domain::CaseId id = AddCase(CaseStatus::kOpen);
  auto none = store_->sla().GetClocks(id);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, domain::sla::CaseSlaClocks{});

  CaseSlaClock first = Running(SlaMetric::kFirstResponse, kT0, kT0 + 48 * kMinute,
                               kT0 + 60 * kMinute);
  first.warned = true;
  Put(id, first);
  CaseSlaClock next;
  next.metric = SlaMetric::kNextResponse;
  next.started_at = kT0 + 90 * kMinute;
  next.clock.target = milliseconds(60 * kMinute);
  next.clock.warn_after = milliseconds(48 * kMinute);
  next.clock.phase = SlaPhase::kPaused;
  next.clock.phase_since = kT0 + 100 * kMinute;
  next.clock.consumed = milliseconds(10 * kMinute);
  next.breached = true;
  Put(id, next);

  auto read = store_->sla().GetClocks(id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->first_response, first);
  EXPECT_EQ(read->next_response, next);
  // The transaction sees the same.
  Status s = Write([&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(auto in_txn, txn.sla().GetClocks(id));
    EXPECT_EQ(in_txn, *read);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());

  // Putting a metric again replaces it.
  first.clock.phase = SlaPhase::kStopped;
  first.warn_at.reset();
  first.due_at.reset();
  Put(id, first);
  EXPECT_EQ(store_->sla().GetClocks(id)->first_response, first);
}

TEST_P(SlaContractTest, PutClockOfAnUnknownCaseIsNotFound) {
  Status s = Write([&](ports::StoreTxn& txn) {
    return txn.sla().PutClock(987654, Running(SlaMetric::kFirstResponse, kT0, kT0 + 1, kT0 + 2));
  });
  EXPECT_EQ(s.code(), Errc::kNotFound) << s.ToString();
}

TEST_P(SlaContractTest, GetClocksOfAPageReturnsOnlyCasesWithClocks) {
  domain::CaseId a = AddCase(CaseStatus::kOpen);
  domain::CaseId b = AddCase(CaseStatus::kOpen);
  domain::CaseId c = AddCase(CaseStatus::kOpen);
  Put(a, Running(SlaMetric::kFirstResponse, kT0, kT0 + 1, kT0 + 2));
  Put(c, Running(SlaMetric::kNextResponse, kT0, kT0 + 3, kT0 + 4));
  std::vector<domain::CaseId> ids = {a, b, c};
  auto page = store_->sla().GetClocksOf(ids);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ(page->at(a).first_response->due_at, kT0 + 2);
  EXPECT_FALSE(page->at(a).next_response);
  EXPECT_EQ(page->at(c).next_response->due_at, kT0 + 4);
  EXPECT_TRUE(store_->sla().GetClocksOf({})->empty());
}

TEST_P(SlaContractTest, DueAlertsAreUnraisedThresholdsOfRunningClocksEarliestFirst) {
  domain::CaseId a = AddCase(CaseStatus::kOpen);
  domain::CaseId b = AddCase(CaseStatus::kOpen);
  domain::CaseId paused = AddCase(CaseStatus::kPending);
  Put(a, Running(SlaMetric::kFirstResponse, kT0, kT0 + 48 * kMinute, kT0 + 60 * kMinute));
  CaseSlaClock warned = Running(SlaMetric::kNextResponse, kT0, kT0 + 10 * kMinute,
                                kT0 + 20 * kMinute);
  warned.warned = true;
  Put(b, warned);
  CaseSlaClock p = Running(SlaMetric::kFirstResponse, kT0, kT0 + 1, kT0 + 2);
  p.clock.phase = SlaPhase::kPaused;
  Put(paused, p);

  EXPECT_EQ(store_->sla().NextAlertAt()->value_or(0), kT0 + 20 * kMinute);
  EXPECT_TRUE(store_->sla().DueAlerts(kT0 + 19 * kMinute, 10)->empty());

  auto due = store_->sla().DueAlerts(kT0 + 60 * kMinute, 10);
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  std::vector<SlaAlert> expected = {
      {b, SlaMetric::kNextResponse, SlaEventKind::kBreach, kT0 + 20 * kMinute},
      {a, SlaMetric::kFirstResponse, SlaEventKind::kWarn, kT0 + 48 * kMinute},
      {a, SlaMetric::kFirstResponse, SlaEventKind::kBreach, kT0 + 60 * kMinute},
  };
  EXPECT_EQ(*due, expected);
  EXPECT_EQ(store_->sla().DueAlerts(kT0 + 60 * kMinute, 2)->size(), 2u);

  // Raised thresholds leave the queue.
  warned.breached = true;
  Put(b, warned);
  EXPECT_EQ(store_->sla().NextAlertAt()->value_or(0), kT0 + 48 * kMinute);
}

TEST_P(SlaContractTest, NoAlertTimeWithoutRunningClocks) {
  AddCase(CaseStatus::kOpen);
  auto next = store_->sla().NextAlertAt();
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(*next);
}

TEST_P(SlaContractTest, ActiveCaseIdsPageThroughActiveCasesOnly) {
  domain::CaseId a = AddCase(CaseStatus::kNew);
  AddCase(CaseStatus::kResolved);
  domain::CaseId c = AddCase(CaseStatus::kPending);
  domain::CaseId d = AddCase(CaseStatus::kOpen);
  AddCase(CaseStatus::kClosed);
  EXPECT_EQ(*store_->sla().ActiveCaseIds(0, 2), (std::vector<domain::CaseId>{a, c}));
  EXPECT_EQ(*store_->sla().ActiveCaseIds(c, 2), (std::vector<domain::CaseId>{d}));
  EXPECT_TRUE(store_->sla().ActiveCaseIds(d, 2)->empty());
}

TEST_P(SlaContractTest, TheCaseWriteHookRunsInsideEveryCaseWrite) {
  std::vector<domain::Case> seen;
  store_->SetCaseWriteHook([&](ports::StoreTxn& txn, const domain::Case& c) -> Status {
    seen.push_back(c);
    // The hook writes in the same transaction as the case.
    return txn.sla().PutClock(c.id, Running(SlaMetric::kFirstResponse, c.opened_at,
                                            c.opened_at + 1, c.opened_at + 2));
  });
  domain::CaseId id = AddCase(CaseStatus::kNew);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].id, id);
  EXPECT_EQ(seen[0].status, CaseStatus::kNew);
  Status s = Write([&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
    c->status = CaseStatus::kOpen;
    return txn.UpdateCase(*c);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].status, CaseStatus::kOpen);
  EXPECT_TRUE(store_->sla().GetClocks(id)->first_response);

  // The hook's error fails the write: the case change is rolled back with it.
  store_->SetCaseWriteHook([](ports::StoreTxn&, const domain::Case&) {
    return Status(Errc::kUnavailable, "hook_failed", "the hook failed");
  });
  s = Write([&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
    c->status = CaseStatus::kPending;
    return txn.UpdateCase(*c);
  });
  EXPECT_EQ(s.reason(), "hook_failed");
  store_->SetCaseWriteHook({});
  auto detail = store_->GetCaseDetail(id);
  ASSERT_TRUE(detail.ok() && *detail);
  EXPECT_EQ((*detail)->kase.status, CaseStatus::kOpen);
}

}  // namespace fr::contract
