// CrisisDesk on a real store: a crisis raises the active cases it is about (back to the
// look-back, not before), keeps raising new ones as the sweep finds them, tells the reply desk
// which replies wait, survives a restart, and ends with a summary; one runs at a time.
#include "engine/crisis/crisis_desk.h"

#include <gtest/gtest.h>

#include "engine/store_fixture_test_util.h"
#include "engine/thread/threader.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

class CrisisDeskTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    cases_ = std::make_unique<CaseDesk>(*store_, clock_, [this](const domain::Case& c,
                                                               const domain::CaseEvent& e) {
      hub_.Publish(CaseChanged{c, e});
    });
    desk_ = std::make_unique<CrisisDesk>(*store_, clock_, *cases_, &hub_);
    agent_ = hub_.Subscribe({9, domain::Role::kAgent, {}}, [] {});
  }

  // A customer tweet `ago` before now; returns its case.
  domain::CaseId Tweet(const std::string& author, const std::string& text, std::int64_t ago) {
    domain::InboundEvent e;
    e.message.platform = domain::Platform::kX;
    e.message.account_id = "brand";
    e.message.external_id = "t" + std::to_string(++tweets_);
    e.message.author.id = author;
    e.message.text = text;
    e.message.created_at = clock_.NowMillis() - ago;
    e.message.kind = domain::MessageKind::kMention;
    Threader threader(ThreadingOptions{});
    ApplyNotes notes;
    Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", clock_.NowMillis(), "{}"));
      return threader.Apply(txn, e, delivery, clock_.NowMillis(), &notes).status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return notes.messages.empty() ? 0 : notes.messages[0].kase.id;
  }

  static domain::crisis::Crisis Boycott() {
    domain::crisis::Crisis c;
    c.name = "חרם קנטינה";
    c.terms = {"חרם", "להחרים"};
    c.holding_statement = "שמענו אתכם. אנחנו בודקים ונעדכן עד הערב.";
    return c;
  }

  std::vector<std::string> LiveTypes() {
    std::vector<std::string> types;
    for (const auto& e : agent_->Take().events) {
      if (const auto* c = std::get_if<CrisisChanged>(&e->payload)) {
        types.push_back(c->kind == CrisisChanged::Kind::kStarted   ? "started"
                        : c->kind == CrisisChanged::Kind::kUpdated ? "updated"
                                                                   : "ended");
      } else if (std::get_if<CaseChanged>(&e->payload)) {
        types.push_back("case");
      }
    }
    return types;
  }

  metrics::Registry metrics_;
  EventHub hub_{clock_, metrics_};
  std::unique_ptr<CaseDesk> cases_;
  std::unique_ptr<CrisisDesk> desk_;
  std::shared_ptr<LiveSubscription> agent_;
  int tweets_ = 0;
};

TEST_F(CrisisDeskTest, RaisesRelatedCasesHoldsTheirRepliesAndEndsWithASummary) {
  const domain::CaseId old = Tweet("c1", "קוראים לחרם על קנטינה", 30 * kHour);  // before the look-back
  const domain::CaseId calling = Tweet("c2", "כולם להחרים את קנטינה!", 2 * kHour);
  const domain::CaseId late = Tweet("c3", "ההזמנה שלי מאחרת", kHour);
  ASSERT_NE(calling, 0);
  LiveTypes();

  auto started = desk_->Start(7, Boycott());
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  EXPECT_EQ(started->started_by, 7);
  EXPECT_EQ(started->started_at, clock_.NowMillis());
  EXPECT_EQ(GetCase(calling).priority, domain::Priority::kHigh);
  EXPECT_EQ(GetCase(late).priority, domain::Priority::kNormal);
  EXPECT_EQ(GetCase(old).priority, domain::Priority::kNormal);
  auto history = store_->work().ListCaseEvents(calling);
  ASSERT_TRUE(history.ok());
  ASSERT_FALSE(history->empty());
  EXPECT_EQ(history->back().kind, domain::CaseEventKind::kPriorityChanged);
  EXPECT_EQ(history->back().detail, "normal>high crisis:" + std::to_string(started->id));
  EXPECT_FALSE(history->back().actor);  // the system
  EXPECT_EQ(LiveTypes(), (std::vector<std::string>{"started", "case"}));  // agents hear both

  EXPECT_TRUE(*desk_->IsRelated(calling, "תודה"));  // found related by the sweep
  EXPECT_FALSE(*desk_->IsRelated(late, "ההזמנה שלי מאחרת"));
  EXPECT_TRUE(*desk_->IsRelated(late, "ואם אצטרף לחרם?"));  // the text itself is about it

  EXPECT_EQ(desk_->Start(8, Boycott()).status().reason(), "crisis_running");

  // New messages: the sweep finds them.
  clock_.Advance(10 * kMinute);
  const domain::CaseId joining = Tweet("c4", "גם אני בחרם", 0);
  Tweet("c5", "שאלה על שעות פתיחה", 0);
  auto raised = desk_->Sweep();
  ASSERT_TRUE(raised.ok());
  EXPECT_EQ(*raised, 1);
  EXPECT_EQ(GetCase(joining).priority, domain::Priority::kHigh);
  EXPECT_EQ(*desk_->Sweep(), 0);  // nothing new

  // A restart while it runs: the new desk knows it and sweeps on from where it stood.
  CrisisDesk restarted(*store_, clock_, *cases_, &hub_);
  ASSERT_TRUE(restarted.Load().ok());
  ASSERT_TRUE(restarted.Running());
  EXPECT_EQ(restarted.Running()->holding_statement, Boycott().holding_statement);
  const domain::CaseId after_restart = Tweet("c6", "להחרים!!!", 0);
  EXPECT_EQ(*restarted.Sweep(), 1);
  EXPECT_EQ(GetCase(after_restart).priority, domain::Priority::kHigh);

  domain::crisis::Crisis changes = Boycott();
  changes.holding_statement = "עדכון: הסניף נסגר לבדיקה.";
  changes.raise_to = domain::Priority::kUrgent;
  auto updated = restarted.Update(started->id, changes);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(restarted.Running()->holding_statement, "עדכון: הסניף נסגר לבדיקה.");
  EXPECT_EQ(updated->started_by, 7);  // kept

  clock_.Advance(kHour);
  auto ended = restarted.End(7, started->id);
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_FALSE(restarted.Running());
  EXPECT_EQ(ended->first.ended_by, 7);
  const domain::crisis::CrisisSummary& s = ended->second;
  EXPECT_EQ(s.cases, 3);     // calling, joining, after_restart
  EXPECT_EQ(s.messages, 2);  // those written after the start
  EXPECT_EQ(s.replies_sent, 0);
  EXPECT_EQ(s.duration_ms, 70 * kMinute);
  EXPECT_EQ(restarted.End(7, started->id).status().reason(), "crisis_ended");
  EXPECT_EQ(restarted.Update(started->id, changes).status().reason(), "crisis_ended");
  EXPECT_FALSE(*restarted.IsRelated(calling, "חרם"));  // none runs
  auto again = restarted.SummaryOf(ended->first);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, s);  // the record stays

  auto next = restarted.Start(std::nullopt, Boycott());  // one may start again
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->started_by);
}

TEST_F(CrisisDeskTest, RefusesWhatItCannotRun) {
  domain::crisis::Crisis bad = Boycott();
  bad.name.clear();
  EXPECT_EQ(desk_->Start(7, bad).status().reason(), "name_required");
  EXPECT_FALSE(desk_->Running());
  EXPECT_EQ(desk_->End(7, 99).status().code(), Errc::kNotFound);
  EXPECT_EQ(desk_->Update(99, Boycott()).status().code(), Errc::kNotFound);
}

}  // namespace
}  // namespace fr::engine
