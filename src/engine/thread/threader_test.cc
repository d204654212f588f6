#include "engine/thread/threader.h"

#include <gtest/gtest.h>


#include "storage/sqlite/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace fr::engine {
namespace {

using domain::CaseStatus;
using domain::EventType;
using domain::InboundEvent;
using domain::Message;
using domain::MessageKind;
using domain::Platform;
using domain::Visibility;

constexpr UnixMillis kT0 = 1763800000000;
constexpr UnixMillis kHour = 3600 * 1000;

class ThreaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("t.db");
    auto store = storage::sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  // Applies `event` in its own batch, noting what it filed in `notes` if given; returns the
  // outcome.
  ApplyOutcome Apply(const InboundEvent& event, ThreadingOptions options = {},
                     ApplyNotes* notes = nullptr) {
    Threader threader(options);
    ApplyOutcome outcome = ApplyOutcome::kOrphan;
    ports::WriteUnit unit = [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", kT0, "{}"));
      FR_ASSIGN_OR_RETURN(outcome, threader.Apply(txn, event, delivery, kT0, notes));
      return Status::Ok();
    };
    auto results = store_->WriteBatch(std::span<const ports::WriteUnit>(&unit, 1));
    EXPECT_TRUE(results.at(0).ok()) << results.at(0).ToString();
    return outcome;
  }

  ports::StoredMessage Get(const std::string& id, Platform p = Platform::kX) {
    auto m = store_->GetMessage(p, id);
    EXPECT_TRUE(m.ok() && m->has_value()) << id;
    return m.ok() && *m ? **m : ports::StoredMessage{};
  }

  domain::Case CaseOf(const std::string& id, Platform p = Platform::kX) {
    auto m = Get(id, p);
    EXPECT_TRUE(m.case_id.has_value()) << id << " has no case";
    auto d = store_->GetCaseDetail(m.case_id.value_or(0));
    EXPECT_TRUE(d.ok() && d->has_value());
    return d.ok() && *d ? (*d)->kase : domain::Case{};
  }

  void SetCaseStatus(domain::CaseId id, CaseStatus status) {
    ports::WriteUnit unit = [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
      c->status = status;
      return txn.UpdateCase(*c);
    };
    ASSERT_TRUE(store_->WriteBatch(std::span<const ports::WriteUnit>(&unit, 1)).at(0).ok());
  }

  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
};

InboundEvent Tweet(std::string id, std::string author, std::string text, UnixMillis at,
                   std::string parent = "", bool outbound = false) {
  InboundEvent e;
  Message& m = e.message;
  m.platform = Platform::kX;
  m.account_id = "brand";
  m.external_id = std::move(id);
  m.author.id = std::move(author);
  m.text = std::move(text);
  m.created_at = at;
  m.parent_id = std::move(parent);
  m.kind = m.parent_id.empty() ? MessageKind::kMention : MessageKind::kReply;
  m.is_outbound = outbound;
  return e;
}

InboundEvent Dm(std::string id, std::string customer, UnixMillis at, bool outbound = false,
                Platform p = Platform::kX) {
  InboundEvent e = Tweet(std::move(id), outbound ? "brand" : customer, "dm", at, "", outbound);
  e.message.platform = p;
  e.message.kind = MessageKind::kDm;
  e.message.visibility = Visibility::kPrivate;
  e.message.counterpart_id = customer;
  return e;
}

TEST_F(ThreaderTest, AnOverheardPostOpensNoCaseUntilItsAddressedCopyArrives) {
  InboundEvent heard = Tweet("7", "dana", "הקנטינה בתל אביב סגורה @brand?", kT0, "100");
  heard.message.overheard = true;
  ASSERT_EQ(Apply(heard), ApplyOutcome::kStored);
  EXPECT_FALSE(Get("7").case_id.has_value());
  EXPECT_EQ(Apply(heard), ApplyOutcome::kDuplicate);  // heard again: still no case

  InboundEvent sent = heard;
  sent.message.overheard = false;  // the webhook's copy: a reply to the brand
  ApplyNotes notes;
  ASSERT_EQ(Apply(sent, {}, &notes), ApplyOutcome::kStored);

  const ports::StoredMessage m = Get("7");
  EXPECT_FALSE(m.message.overheard);
  ASSERT_TRUE(m.case_id.has_value());
  EXPECT_EQ(CaseOf("7").status, CaseStatus::kNew);
  ASSERT_EQ(notes.messages.size(), 1u);
  EXPECT_EQ(notes.messages[0].id, m.id);
  EXPECT_EQ(Apply(sent), ApplyOutcome::kDuplicate);  // and only once
  EXPECT_EQ(*store_->CountMessages(), 1);
}

TEST_F(ThreaderTest, CustomerMessageOpensANewCaseAndDuplicatesAreIgnored) {
  EXPECT_EQ(Apply(Tweet("1", "dana", "@brand ההזמנה לא הגיעה", kT0)), ApplyOutcome::kStored);
  EXPECT_EQ(Apply(Tweet("1", "dana", "@brand ההזמנה לא הגיעה", kT0)), ApplyOutcome::kDuplicate);
  domain::Case c = CaseOf("1");
  EXPECT_EQ(c.status, CaseStatus::kNew);
  EXPECT_EQ(c.message_count, 1);
  EXPECT_EQ(c.opened_at, kT0);
  EXPECT_EQ(store_->CountMessages().value(), 1);
}

TEST_F(ThreaderTest, BrandReplyJoinsTheCaseItAnswersAndEchoesNeverOpenOne) {
  Apply(Tweet("1", "dana", "@brand help", kT0));
  Apply(Tweet("2", "brand", "@dana sorry!", kT0 + 1000, "1", /*outbound=*/true));
  Apply(Tweet("3", "dana", "@brand thanks", kT0 + 2000, "2"));
  domain::Case c = CaseOf("1");
  EXPECT_EQ(CaseOf("2").id, c.id);
  EXPECT_EQ(CaseOf("3").id, c.id);
  EXPECT_EQ(c.message_count, 3);
  EXPECT_EQ(c.last_customer_message_at, kT0 + 2000);
  // Answered on the platform itself: the case has its first response and is open.
  EXPECT_EQ(c.first_response_at, kT0 + 1000);
  EXPECT_EQ(c.last_agent_reply_at, kT0 + 1000);
  EXPECT_EQ(c.status, domain::CaseStatus::kOpen);

  Apply(Tweet("9", "brand", "מבצע!", kT0, "", /*outbound=*/true));
  EXPECT_FALSE(Get("9").case_id.has_value());
}

TEST_F(ThreaderTest, NotesNameEachMessageFiledOnACaseWithTheCaseAsItLeftIt) {
  ApplyNotes notes;
  Apply(Tweet("1", "dana", "@brand איפה ההזמנה?", kT0), {}, &notes);
  ASSERT_EQ(notes.messages.size(), 1u);
  const FiledMessage& first = notes.messages[0];
  EXPECT_EQ(first.id, Get("1").id);
  EXPECT_EQ(first.platform, Platform::kX);
  EXPECT_FALSE(first.outbound);
  EXPECT_EQ(first.created_at, kT0);
  EXPECT_EQ(first.kase, CaseOf("1"));

  // The brand's answer, which is also the echo of a reply the outbox sent.
  domain::Reply sent;
  sent.case_id = first.kase.id;
  sent.account_id = "brand";
  sent.in_reply_to = "1";
  sent.text = "@dana בדרך אלייך";
  sent.idempotency_key = "k1";
  sent.status = domain::ReplyStatus::kSent;
  sent.platform_id = "2";
  ports::WriteUnit unit = [&](ports::StoreTxn& txn) -> Status {
    ports::StoredUser noa;
    noa.user.username = "noa";
    FR_ASSIGN_OR_RETURN(sent.author, txn.people().InsertUser(noa));
    FR_ASSIGN_OR_RETURN(sent.id, txn.replies().InsertReply(sent));
    return Status::Ok();
  };
  Status written = store_->WriteBatch(std::span<const ports::WriteUnit>(&unit, 1)).at(0);
  ASSERT_TRUE(written.ok()) << written.ToString();
  notes = {};
  Apply(Tweet("2", "brand", "@dana בדרך אלייך", kT0 + 1000, "1", /*outbound=*/true), {}, &notes);
  ASSERT_EQ(notes.messages.size(), 1u);
  EXPECT_TRUE(notes.messages[0].outbound);
  EXPECT_EQ(notes.messages[0].kase.message_count, 2);
  ASSERT_EQ(notes.replies.size(), 1u);
  EXPECT_EQ(notes.replies[0].id, sent.id);
  EXPECT_EQ(notes.replies[0].echo_message_id, Get("2").id);

  // Nothing new filed on a case: nothing noted.
  notes = {};
  Apply(Tweet("2", "brand", "@dana בדרך אלייך", kT0 + 1000, "1", true), {}, &notes);
  Apply(Tweet("9", "brand", "מבצע!", kT0, "", /*outbound=*/true), {}, &notes);
  EXPECT_TRUE(notes.messages.empty());
  EXPECT_TRUE(notes.replies.empty());
}

TEST_F(ThreaderTest, RepostsAreRecordedWithoutACase) {
  InboundEvent rt = Tweet("5", "dana", "RT @brand: sale", kT0);
  rt.message.kind = MessageKind::kRepost;
  EXPECT_EQ(Apply(rt), ApplyOutcome::kStored);
  EXPECT_FALSE(Get("5").case_id.has_value());
  EXPECT_TRUE(store_->ListCases({}, std::nullopt, 10)->items.empty());
}

TEST_F(ThreaderTest, RepliesToABrandBroadcastBecomeSeparateThreadsAndCases) {
  Apply(Tweet("100", "brand", "new menu!", kT0, "", /*outbound=*/true));
  Apply(Tweet("101", "dana", "@brand cold food", kT0 + 1, "100"));
  Apply(Tweet("102", "yossi", "@brand late delivery", kT0 + 2, "100"));
  Apply(Tweet("103", "dana", "@brand still waiting", kT0 + 3, "101"));
  EXPECT_NE(Get("101").conversation_id, Get("102").conversation_id);
  EXPECT_EQ(Get("101").conversation_id, Get("103").conversation_id);
  EXPECT_NE(CaseOf("101").id, CaseOf("102").id);
  EXPECT_EQ(CaseOf("101").id, CaseOf("103").id);
}

TEST_F(ThreaderTest, TwoCustomersUnderAnUnknownPostGetTheirOwnCases) {
  Apply(Tweet("201", "dana", "+1", kT0, "200"));
  Apply(Tweet("202", "yossi", "same here", kT0 + 1, "200"));
  EXPECT_EQ(Get("201").conversation_id, Get("202").conversation_id);
  EXPECT_NE(CaseOf("201").id, CaseOf("202").id);
}

TEST_F(ThreaderTest, ResolvedCaseReopensOrStartsAgainByPolicy) {
  Apply(Dm("d1", "dana", kT0));
  domain::CaseId first = CaseOf("d1").id;
  SetCaseStatus(first, CaseStatus::kResolved);
  Apply(Dm("d2", "dana", kT0 + kHour));
  domain::Case reopened = CaseOf("d2");
  EXPECT_EQ(reopened.id, first);
  EXPECT_EQ(reopened.status, CaseStatus::kOpen);
  EXPECT_EQ(reopened.reopen_count, 1);

  SetCaseStatus(first, CaseStatus::kClosed);
  ThreadingOptions new_case;
  new_case.reopen_policy = domain::ReopenPolicy::kNewCase;
  Apply(Dm("d3", "dana", kT0 + 2 * kHour), new_case);
  EXPECT_NE(CaseOf("d3").id, first);
  EXPECT_EQ(CaseOf("d3").status, CaseStatus::kNew);
}

TEST_F(ThreaderTest, PublicCommentAndDmWithinTheWindowShareACase) {
  Apply(Tweet("300", "dana", "@brand my order", kT0));
  Apply(Dm("d300", "dana", kT0 + 2 * kHour));
  EXPECT_EQ(CaseOf("d300").id, CaseOf("300").id);
  EXPECT_NE(Get("d300").conversation_id, Get("300").conversation_id);

  Apply(Tweet("400", "yossi", "@brand hello", kT0));
  Apply(Dm("d400", "yossi", kT0 + 25 * kHour));  // outside the default 24 h window
  EXPECT_NE(CaseOf("d400").id, CaseOf("400").id);
}

TEST_F(ThreaderTest, BrandDmJoinsTheCustomersDmCase) {
  Apply(Dm("d1", "dana", kT0));
  Apply(Dm("d2", "dana", kT0 + 1000, /*outbound=*/true));
  EXPECT_EQ(CaseOf("d2").id, CaseOf("d1").id);
  EXPECT_EQ(Get("d2").conversation_id, Get("d1").conversation_id);
  EXPECT_EQ(CaseOf("d1").message_count, 2);
}

TEST_F(ThreaderTest, EditsDeletesAndHidesKeepHistoryAndAreIdempotent) {
  Apply(Tweet("500", "dana", "original", kT0));
  InboundEvent edit = Tweet("500", "dana", "edited", kT0);
  edit.type = EventType::kEdit;
  edit.occurred_at = kT0 + 5000;
  EXPECT_EQ(Apply(edit), ApplyOutcome::kRevised);
  EXPECT_EQ(Apply(edit), ApplyOutcome::kDuplicate);
  InboundEvent hide = edit;
  hide.type = EventType::kHide;
  EXPECT_EQ(Apply(hide), ApplyOutcome::kRevised);
  InboundEvent del = edit;
  del.type = EventType::kDelete;
  EXPECT_EQ(Apply(del), ApplyOutcome::kRevised);
  EXPECT_EQ(Apply(del), ApplyOutcome::kDuplicate);

  ports::StoredMessage m = Get("500");
  EXPECT_EQ(m.message.text, "edited");
  EXPECT_TRUE(m.deleted);
  EXPECT_TRUE(m.hidden);
  ASSERT_EQ(m.revisions.size(), 3u);
  EXPECT_EQ(m.revisions[0].kind, ports::RevisionKind::kEdit);
  EXPECT_EQ(m.revisions[0].previous_text, "original");
  EXPECT_EQ(m.revisions[0].at, kT0 + 5000);

  InboundEvent orphan = Tweet("nope", "dana", "", kT0);
  orphan.type = EventType::kDelete;
  EXPECT_EQ(Apply(orphan), ApplyOutcome::kOrphan);
}

TEST_F(ThreaderTest, EditOfAMissedMessageStoresIt) {
  InboundEvent edit = Tweet("600", "dana", "edited first sight", kT0);
  edit.type = EventType::kEdit;
  EXPECT_EQ(Apply(edit), ApplyOutcome::kStored);
  EXPECT_EQ(Get("600").message.text, "edited first sight");
}

TEST_F(ThreaderTest, XEditUnderANewIdRevisesTheOriginal) {
  Apply(Tweet("700", "dana", "typo", kT0));
  InboundEvent edited = Tweet("701", "dana", "fixed", kT0 + 60000);
  edited.message.edit_of = "700";
  EXPECT_EQ(Apply(edited), ApplyOutcome::kRevised);
  EXPECT_EQ(Apply(edited), ApplyOutcome::kDuplicate);  // the new id is now an alias
  EXPECT_EQ(Get("701").id, Get("700").id);
  EXPECT_EQ(Get("700").message.text, "fixed");
  EXPECT_EQ(store_->CountMessages().value(), 1);
}

}  // namespace
}  // namespace fr::engine
