// The understanding and listening stages end to end on a real store, with fake models and a
// fake rule compiler (tests/support/fake_nlp.h): what the threader files, the listening desk's
// rule changes, and agents' label corrections.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/listen/insight_maker.h"
#include "engine/listen/listening_desk.h"
#include "engine/store_fixture_test_util.h"
#include "engine/thread/threader.h"
#include "engine/understand/label_desk.h"
#include "tests/support/fake_nlp.h"

namespace fr::engine {
namespace {

using domain::ListeningRule;
using domain::Priority;
using domain::RuleAction;

class ListeningTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    book_ = std::make_unique<RuleBook>(compiler_);
    desk_ = std::make_unique<ListeningDesk>(*store_, *book_, clock_);
    maker_ = std::make_unique<InsightMaker>(understander_, *book_, domain::TriagePolicy{});
  }

  // Files a customer tweet through the threader with understanding on; returns the stored
  // message.
  ports::StoredMessage File(const std::string& id, const std::string& text,
                            std::int64_t followers = 10, bool overheard = false,
                            const std::string& author = "cust") {
    domain::InboundEvent e;
    domain::Message& m = e.message;
    m.platform = domain::Platform::kX;
    m.account_id = "brand";
    m.external_id = id;
    m.author.id = author;
    m.author.handle = author;
    m.author.followers = followers;
    m.text = text;
    m.created_at = clock_.NowMillis();
    m.kind = overheard ? domain::MessageKind::kPost : domain::MessageKind::kMention;
    m.overheard = overheard;
    ThreadingOptions options;
    options.insights = maker_.get();
    Threader threader(options);
    Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", m.created_at, "{}"));
      return threader.Apply(txn, e, delivery, m.created_at).status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    auto stored = store_->GetMessage(domain::Platform::kX, id);
    EXPECT_TRUE(stored.ok() && stored->has_value());
    return stored.ok() && *stored ? **stored : ports::StoredMessage{};
  }

  ListeningRule Rule(std::string id, std::string query, RuleAction action = RuleAction::kTag,
                     std::string team = "") {
    ListeningRule r;
    r.id = std::move(id);
    r.query = std::move(query);
    r.action = action;
    r.team = std::move(team);
    return r;
  }

  // The insight of the message with platform id `id`, as the case detail shows it.
  ports::MessageInsight InsightShown(const ports::StoredMessage& m) {
    auto detail = store_->GetCaseDetail(m.case_id.value_or(0));
    EXPECT_TRUE(detail.ok() && detail->has_value());
    for (const auto& shown : (*detail)->messages) {
      if (shown.id == m.id && shown.insight) return *shown.insight;
    }
    ADD_FAILURE() << "message " << m.id << " shows no insight";
    return {};
  }

  fr::testing::FakeUnderstander understander_;
  fr::testing::FakeCompiler compiler_;
  std::unique_ptr<RuleBook> book_;
  std::unique_ptr<ListeningDesk> desk_;
  std::unique_ptr<InsightMaker> maker_;
};

TEST_F(ListeningTest, ACaseOpensWithTheTriagedPriorityAndLanguage) {
  ASSERT_TRUE(desk_->Put(Rule("cantina", "קנטינה")).ok());
  ports::StoredMessage m = File("1", "אני כועס על קנטינה", 25000);
  domain::Case c = GetCase(*m.case_id);
  EXPECT_EQ(c.priority, Priority::kHigh);  // complaint + negative + VIP reach
  EXPECT_EQ(c.language, "he");

  ports::MessageInsight shown = InsightShown(m);
  EXPECT_EQ(shown.understanding.intent, domain::Intent::kComplaint);
  EXPECT_EQ(shown.triage.reasons,
            (std::vector<std::string>{"intent:complaint", "sentiment:negative", "reach:vip"}));
  EXPECT_EQ(shown.rules, std::vector<std::string>{"cantina"});
}

TEST_F(ListeningTest, EachMessageCountsInItsAccountAndRuleMinutes) {
  ASSERT_TRUE(desk_->Put(Rule("cantina", "קנטינה")).ok());
  const UnixMillis minute = clock_.NowMillis() - clock_.NowMillis() % 60'000;
  File("1", "אני כועס על קנטינה");
  File("2", "שאלה על קנטינה?", 10, /*overheard=*/true, "other");
  File("3", "thanks");
  auto account = store_->metrics().MinuteCounts("account:x:brand", minute, minute + 60'000);
  ASSERT_TRUE(account.ok());
  EXPECT_EQ(*account, (std::vector<ports::MinuteCount>{{minute, 3, 1}}));
  auto rule = store_->metrics().MinuteCounts("rule:cantina", minute, minute + 60'000);
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(*rule, (std::vector<ports::MinuteCount>{{minute, 2, 1}})) << "overheard ones count too";
}

TEST_F(ListeningTest, AMoreUrgentMessageRaisesTheCaseButNeverLowersIt) {
  ports::StoredMessage first = File("1", "angry about my order");
  ASSERT_EQ(GetCase(*first.case_id).priority, Priority::kNormal);
  File("2", "angry: my kid got food poison");
  EXPECT_EQ(GetCase(*first.case_id).priority, Priority::kUrgent);
  File("3", "thanks anyway");
  EXPECT_EQ(GetCase(*first.case_id).priority, Priority::kUrgent);

  auto events = store_->work().ListCaseEvents(*first.case_id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().kind, domain::CaseEventKind::kPriorityChanged);
  EXPECT_EQ(events->front().detail, "normal>urgent");
  EXPECT_FALSE(events->front().actor.has_value());
}

TEST_F(ListeningTest, OverheardMessagesAreTaggedWithoutACase) {
  ASSERT_TRUE(desk_->Put(Rule("brand", "Cantina")).ok());
  ports::StoredMessage m = File("1", "Cantina was slow today", 10, /*overheard=*/true);
  EXPECT_FALSE(m.case_id.has_value());
  EXPECT_TRUE(m.message.overheard);
  auto insight = store_->insights().GetInsight(m.id);
  ASSERT_TRUE(insight.ok() && insight->has_value());
  EXPECT_EQ((*insight)->rules, std::vector<std::string>{"brand"});

  // Unmatched overheard chatter is kept too (for analytics), still without a case.
  EXPECT_FALSE(File("2", "nothing to see", 10, true).case_id.has_value());
}

TEST_F(ListeningTest, AnEscalatingRuleOpensACaseInItsTeamsQueue) {
  domain::Team listening = AddTeam("listening", {});
  ASSERT_TRUE(desk_->Put(Rule("boycott", "חרם", RuleAction::kEscalate, "listening")).ok());
  ports::StoredMessage m = File("1", "קוראים לחרם על קנטינה", 10, true);
  ASSERT_TRUE(m.case_id.has_value());
  domain::Case c = GetCase(*m.case_id);
  EXPECT_EQ(c.team, listening.id);
  EXPECT_EQ(c.queue, listening.id);
}

TEST_F(ListeningTest, ABadRuleChangesNothing) {
  ASSERT_TRUE(desk_->Put(Rule("a", "refund")).ok());
  auto bad = desk_->Put(Rule("b", "((refund"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "invalid_rule");
  EXPECT_NE(bad.status().message().find("rule b: column 3"), std::string::npos);
  EXPECT_EQ(desk_->List()->size(), 1u);
  EXPECT_EQ(book_->Current()->rules.size(), 1u);

  EXPECT_EQ(desk_->Put(Rule("has space", "x")).status().reason(), "invalid_rule_id");
  EXPECT_EQ(desk_->Put(Rule("c", "x", RuleAction::kEscalate, "nobody")).status().reason(),
            "unknown_team");
  EXPECT_EQ(desk_->Delete("zzz").reason(), "not_found");
}

TEST_F(ListeningTest, ChangesTakeEffectForTheNextMessageAndSurviveARestart) {
  ASSERT_TRUE(desk_->Put(Rule("refunds", "refund")).ok());
  EXPECT_EQ(File("1", "refund please").insight, std::nullopt);  // GetMessage leaves it out
  EXPECT_EQ(store_->insights().GetInsight(File("2", "refund now").id)->value().rules,
            std::vector<std::string>{"refunds"});
  ASSERT_TRUE(desk_->Delete("refunds").ok());
  EXPECT_TRUE(store_->insights().GetInsight(File("3", "refund again").id)->value().rules.empty());

  ASSERT_TRUE(desk_->Apply({Rule("late", "late"), Rule("lost", "lost")}).ok());
  RuleBook fresh(compiler_);
  ListeningDesk restarted(*store_, fresh, clock_);
  ASSERT_TRUE(restarted.Load().ok());
  EXPECT_EQ(fresh.Current()->rules.size(), 2u);
  EXPECT_NE(fresh.Current()->matcher, nullptr);
}

// Rules change while messages are being filed: every message is filed (ingest never waits for a
// compile) and is matched against one whole rule set, the old or the new, never a mix.
TEST_F(ListeningTest, RulesSwapUnderIngestWithoutPausingOrMixingSets) {
  ASSERT_TRUE(desk_->Put(Rule("a", "alpha")).ok());
  std::atomic<bool> filing{true};
  std::thread changer([&] {
    for (int i = 0; filing.load(); ++i) {
      // Alternates between {a} and {a, b}; the same change also rewrites a.
      Status s = i % 2 == 0 ? desk_->Put(Rule("b", "beta")).status() : desk_->Delete("b");
      EXPECT_TRUE(s.ok()) << s.ToString();
    }
  });
  std::vector<ports::StoredMessage> filed;
  for (int i = 0; i < 150; ++i) {
    filed.push_back(File(std::to_string(i), "alpha beta", 10, false, "cust" + std::to_string(i)));
  }
  filing = false;
  changer.join();

  int with_b = 0;
  for (const auto& m : filed) {
    auto insight = store_->insights().GetInsight(m.id);
    ASSERT_TRUE(insight.ok() && insight->has_value()) << m.message.external_id;
    const std::vector<std::string>& rules = (*insight)->rules;
    ASSERT_TRUE(rules == std::vector<std::string>{"a"} ||
                rules == (std::vector<std::string>{"a", "b"}))
        << m.message.external_id;
    with_b += rules.size() == 2 ? 1 : 0;
  }
  EXPECT_EQ(filed.size(), 150u);
  RecordProperty("messages_matched_with_b", with_b);
}

TEST_F(ListeningTest, AgentsCorrectLabelsAndTheCorrectionsBecomeTrainingExamples) {
  domain::User dana = AddUser("dana");
  LabelDesk labels(*store_, clock_);
  ports::StoredMessage m = File("1", "angry about the delivery");

  auto corrected = labels.Correct(m.id, dana.id, "intent", "question");
  ASSERT_TRUE(corrected.ok()) << corrected.status().ToString();
  EXPECT_EQ(corrected->understanding.intent, domain::Intent::kQuestion);
  EXPECT_EQ(corrected->corrected, std::vector<std::string>{"intent"});
  corrected = labels.Correct(m.id, dana.id, "sensitivity", "boycott,health");
  ASSERT_TRUE(corrected.ok());
  EXPECT_EQ(corrected->understanding.sensitivity, (std::vector<std::string>{"health", "boycott"}));
  EXPECT_EQ(corrected->corrected, (std::vector<std::string>{"intent", "sensitivity"}));
  EXPECT_EQ(InsightShown(m).understanding.intent, domain::Intent::kQuestion);

  auto examples = store_->insights().ListCorrections();
  ASSERT_TRUE(examples.ok());
  ASSERT_EQ(examples->size(), 2u);
  EXPECT_EQ((*examples)[0].text, "angry about the delivery");
  EXPECT_EQ((*examples)[0].task, "intent");
  EXPECT_EQ((*examples)[0].label, "question");
  EXPECT_EQ((*examples)[1].label, "health,boycott");

  EXPECT_EQ(labels.Correct(m.id, dana.id, "intent", "angry").status().reason(), "invalid_label");
  EXPECT_EQ(labels.Correct(m.id, dana.id, "mood", "happy").status().reason(), "invalid_label");
  EXPECT_EQ(labels.Correct(999, dana.id, "intent", "praise").status().code(), Errc::kNotFound);
}

}  // namespace
}  // namespace fr::engine
