#include "engine/reply/reply_desk.h"

#include <gtest/gtest.h>

#include "engine/reply/draft_keeper.h"
#include "engine/store_fixture_test_util.h"
#include "engine/thread/threader.h"
#include "engine/work/case_desk.h"

namespace fr::engine {
namespace {

using domain::Platform;
using domain::ReplyRoute;
using domain::ReplyStatus;

// Accepts every platform; refuses texts over `limit` bytes; never sends (the outbox worker
// is not started in these tests).
class LengthGateway final : public ports::ReplyGateway {
 public:
  explicit LengthGateway(std::size_t limit) : limit_(limit) {}
  bool Handles(domain::Platform) const override { return true; }
  Status Validate(const ports::OutboundReply& r) const override {
    if (r.text.size() > limit_) return Status(Errc::kInvalidArgument, "too_long", "too long");
    return Status::Ok();
  }
  ports::SendOutcome Send(const ports::OutboundReply&, UnixMillis) const override { return {}; }

 private:
  std::size_t limit_;
};

class ReplyDeskTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    outbox_ = std::make_unique<Outbox>(*store_, clock_, std::vector<const ports::ReplyGateway*>{&gateway_},
                                       OutboxOptions{}, metrics_);
    desk_ = std::make_unique<ReplyDesk>(*store_, clock_, *outbox_,
                                        std::vector<const ports::ReplyGateway*>{&gateway_},
                                        ReplyDeskOptions{});
    dana_ = AddUser("dana");
    dana_.display_name = "דנה";
  }

  // Stores one customer message through the real threader; returns its case.
  domain::CaseId Receive(domain::Message m) {
    Threader threader(ThreadingOptions{});
    Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", clock_.NowMillis(), "{}"));
      return threader.Apply(txn, domain::InboundEvent{domain::EventType::kMessage, m, 0}, delivery,
                            clock_.NowMillis())
          .status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return *(*store_->GetMessage(m.platform, m.external_id))->case_id;
  }

  domain::Message Tweet(std::string id, domain::MessageKind kind, std::string text,
                        std::int64_t followers = 120) {
    domain::Message m;
    m.platform = Platform::kX;
    m.account_id = "brand";
    m.external_id = std::move(id);
    m.author = domain::Author{"cust-1", "noa", "נועה", followers, false};
    m.text = std::move(text);
    m.created_at = clock_.NowMillis();
    m.kind = kind;
    return m;
  }

  LengthGateway gateway_{280};
  metrics::Registry metrics_;
  std::unique_ptr<Outbox> outbox_;
  std::unique_ptr<ReplyDesk> desk_;
  domain::User dana_;
};

TEST_F(ReplyDeskTest, PublicReplyToAMentionIsSignedAndQueued) {
  domain::CaseId id = Receive(Tweet("t1", domain::MessageKind::kMention, "@brand ההזמנה שלי לא הגיעה"));
  auto reply = desk_->Send(dana_, {id, ReplyRoute::kPublicReply, "מצטערים נועה, בודקים את ההזמנה עכשיו", ""});
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->status, ReplyStatus::kQueued);
  EXPECT_EQ(reply->in_reply_to, "t1");
  EXPECT_EQ(reply->text, "מצטערים נועה, בודקים את ההזמנה עכשיו ^דנה");  // X signs with a caret
  EXPECT_FALSE(reply->idempotency_key.empty());
  EXPECT_EQ(store_->replies().CaseReplies(id)->size(), 1u);
}

TEST_F(ReplyDeskTest, XRefusesAReplyWhereTheBrandWasNotSummoned) {
  domain::CaseId id = Receive(Tweet("t2", domain::MessageKind::kReply, "the app is broken again"));
  auto review = desk_->Check(dana_, {id, ReplyRoute::kPublicReply, "Sorry to hear that", ""});
  ASSERT_TRUE(review.ok());
  EXPECT_EQ(review->capability.verdict, domain::ReplyVerdict::kDenied);
  EXPECT_EQ(review->capability.reason.code, "x_not_summoned");
  auto sent = desk_->Send(dana_, {id, ReplyRoute::kPublicReply, "Sorry to hear that", ""});
  EXPECT_EQ(sent.status().reason(), "x_not_summoned");
  EXPECT_TRUE(store_->replies().CaseReplies(id)->empty());
}

TEST_F(ReplyDeskTest, AReplyThatMentionsTheBrandSummonsItToo) {
  ReplyDeskOptions options;
  options.x_handles["brand"] = "Kantina_IL";
  ReplyDesk desk(*store_, clock_, *outbox_, {&gateway_}, options);
  domain::CaseId id = Receive(Tweet("t6", domain::MessageKind::kReply, "@kantina_il עדיין מחכה"));
  auto review = desk.Check(dana_, {id, ReplyRoute::kPublicReply, "בודקים עכשיו", ""});
  ASSERT_TRUE(review.ok());
  EXPECT_EQ(review->capability.verdict, domain::ReplyVerdict::kAllowed);
  // A longer handle that merely starts with the brand's is not the brand.
  domain::CaseId other =
      Receive(Tweet("t7", domain::MessageKind::kReply, "@kantina_il_fans what a day"));
  EXPECT_EQ(desk.Check(dana_, {other, ReplyRoute::kPublicReply, "hi", ""})->capability.verdict,
            domain::ReplyVerdict::kDenied);
}

TEST_F(ReplyDeskTest, SensitiveRepliesWaitForASupervisor) {
  domain::CaseId id =
      Receive(Tweet("t3", domain::MessageKind::kMention, "@brand אכלתי אצלכם וקיבלתי הרעלת מזון"));
  auto reply = desk_->Send(dana_, {id, ReplyRoute::kPublicReply, "נועה, מצטערים מאוד. נחזור אלייך", ""});
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->status, ReplyStatus::kAwaitingApproval);
  EXPECT_EQ(reply->approval_reason, "sensitive:health");
  EXPECT_EQ(store_->replies().AwaitingApproval(10)->size(), 1u);
}

// A template pasted to every customer is caught across cases, not only within one.
TEST_F(ReplyDeskTest, ATemplateSentToOtherCustomersIsANearDuplicate) {
  const std::string tmpl = "שלום, פנייתך התקבלה ותטופל בהקדם על ידי הצוות שלנו";
  for (const char* id : {"d1", "d2"}) {
    domain::CaseId c = Receive(Tweet(id, domain::MessageKind::kMention, "@brand איפה ההזמנה?"));
    ASSERT_TRUE(desk_->Send(dana_, {c, ReplyRoute::kPublicReply, tmpl, ""}).ok());
  }
  domain::CaseId third = Receive(Tweet("d3", domain::MessageKind::kMention, "@brand מה קורה?"));
  auto review = desk_->Check(dana_, {third, ReplyRoute::kPublicReply, tmpl, ""});
  ASSERT_TRUE(review.ok()) << review.status().ToString();
  bool duplicate = false;
  for (const auto& w : review->warnings) duplicate = duplicate || w.code == "near_duplicate";
  EXPECT_TRUE(duplicate);
}

TEST_F(ReplyDeskTest, InACrisisRepliesAboutItWaitForASupervisor) {
  CaseDesk cases(*store_, clock_);
  CrisisDesk crisis(*store_, clock_, cases, nullptr);
  desk_->SetCrisisDesk(&crisis);
  domain::CaseId about = Receive(Tweet("t8", domain::MessageKind::kMention, "@brand למה המחירים עלו?"));
  domain::Message question = Tweet("t9", domain::MessageKind::kMention, "@brand מתי נפתחים?");
  question.author.id = "cust-2";  // another customer, another case
  domain::CaseId other = Receive(question);
  ASSERT_NE(other, about);
  const ReplyDraft draft{about, ReplyRoute::kPublicReply, "נועה, נעדכן בהקדם", ""};
  EXPECT_TRUE(desk_->Check(dana_, draft)->approval_reasons.empty());
  domain::crisis::Crisis prices;
  prices.name = "העלאת מחירים";
  prices.terms = {"מחירים"};
  ASSERT_TRUE(crisis.Start(1, prices).ok());
  auto held = desk_->Send(dana_, draft);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  EXPECT_EQ(held->status, ReplyStatus::kAwaitingApproval);
  EXPECT_EQ(held->approval_reason, "crisis");
  // A case the crisis is not about is answered as usual.
  EXPECT_EQ(desk_->Send(dana_, {other, ReplyRoute::kPublicReply, "נועה, פותחים מחר ב-9", ""})->status,
            ReplyStatus::kQueued);
  ASSERT_TRUE(crisis.End(1, crisis.Running()->id).ok());
  EXPECT_EQ(desk_->Send(dana_, draft)->status, ReplyStatus::kQueued);
}

TEST_F(ReplyDeskTest, MoveToPrivateQueuesAnAcknowledgementAndADm) {
  domain::CaseId id = Receive(Tweet("t4", domain::MessageKind::kMention, "@brand חויבתי פעמיים"));
  auto pair = desk_->MoveToPrivate(dana_, id, "נועה, שלחנו לך הודעה בפרטי", "אפשר את מספר ההזמנה?");
  ASSERT_TRUE(pair.ok()) << pair.status().ToString();
  EXPECT_EQ(pair->first.route, ReplyRoute::kPublicReply);
  EXPECT_EQ(pair->second.route, ReplyRoute::kDirectMessage);
  EXPECT_EQ(pair->second.recipient_id, "cust-1");
  EXPECT_EQ(store_->replies().CaseReplies(id)->size(), 2u);
}

// A stored reply spends its author's saved draft of the case, in the same transaction; a
// refused one leaves it, and other people's drafts stay.
TEST_F(ReplyDeskTest, ASentReplyDeletesItsAuthorsDraft) {
  DraftKeeper drafts(*store_, clock_);
  domain::User yossi = AddUser("yossi");
  domain::CaseId id = Receive(Tweet("t9", domain::MessageKind::kMention, "@brand איפה השליח?"));
  domain::Draft draft;
  draft.case_id = id;
  draft.text = "בודקים עם השליח";
  draft.user_id = dana_.id;
  ASSERT_TRUE(drafts.Save(draft).ok());
  draft.user_id = yossi.id;
  ASSERT_TRUE(drafts.Save(draft).ok());

  EXPECT_EQ(desk_->Send(dana_, {id, ReplyRoute::kPublicReply, std::string(300, 'a'), ""})
                .status()
                .reason(),
            "too_long");
  EXPECT_TRUE(drafts.Get(dana_.id, id).ok());
  ASSERT_TRUE(desk_->Send(dana_, {id, ReplyRoute::kPublicReply, "בודקים עם השליח", ""}).ok());
  EXPECT_EQ(drafts.Get(dana_.id, id).status().reason(), "no_draft");
  EXPECT_TRUE(drafts.Get(yossi.id, id).ok());

  // Move to private spends it too.
  draft.user_id = dana_.id;
  draft.route = domain::DraftRoute::kMoveToPrivate;
  ASSERT_TRUE(drafts.Save(draft).ok());
  ASSERT_TRUE(desk_->MoveToPrivate(dana_, id, "שלחנו לך הודעה", "מה מספר ההזמנה?").ok());
  EXPECT_EQ(drafts.Get(dana_.id, id).status().reason(), "no_draft");
}

TEST_F(ReplyDeskTest, TooLongAndEmptyAndSomeoneElsesCase) {
  domain::CaseId id = Receive(Tweet("t5", domain::MessageKind::kMention, "@brand hi"));
  EXPECT_EQ(desk_->Send(dana_, {id, ReplyRoute::kPublicReply, std::string(300, 'a'), ""})
                .status()
                .reason(),
            "too_long");
  EXPECT_EQ(desk_->Send(dana_, {id, ReplyRoute::kPublicReply, "  \n", ""}).status().reason(),
            "empty_text");
  CaseDesk cases(*store_, clock_);
  domain::User yossi = AddUser("yossi");
  ASSERT_TRUE(cases.Assign(yossi, id, yossi.id).ok());
  EXPECT_EQ(desk_->Send(dana_, {id, ReplyRoute::kPublicReply, "hello", ""}).status().reason(),
            "not_assignee");
}

}  // namespace
}  // namespace fr::engine
