#include "domain/threading.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

Message Public(std::string id, std::string parent = "", std::string thread = "") {
  Message m;
  m.external_id = std::move(id);
  m.parent_id = std::move(parent);
  m.thread_key = std::move(thread);
  m.author.id = "cust";
  return m;
}

TEST(ThreadingTest, PublicKeysFollowTheRoot) {
  EXPECT_EQ(ConversationKeyFor(Public("1"), std::nullopt), "pub:1");
  EXPECT_EQ(ConversationKeyFor(Public("2", "1"), std::nullopt), "pub:1");
  EXPECT_EQ(ConversationKeyFor(Public("3", "2"), ParentThread{"pub:1", false}), "pub:1");
  // The platform's thread root (a Facebook post id) does not merge separate comment threads.
  EXPECT_EQ(ConversationKeyFor(Public("c1", "", "p_1"), std::nullopt), "pub:c1");
}

TEST(ThreadingTest, CustomerReplyToBrandBroadcastStartsItsOwnThread) {
  ParentThread broadcast{"pub:brandpost", true};
  EXPECT_EQ(ConversationKeyFor(Public("c1", "brandpost"), broadcast), "pub:c1");
  Message brand_reply = Public("b2", "brandpost");
  brand_reply.is_outbound = true;
  EXPECT_EQ(ConversationKeyFor(brand_reply, broadcast), "pub:brandpost");
}

TEST(ThreadingTest, PrivateKeysAreTheCustomer) {
  Message dm = Public("m1");
  dm.visibility = Visibility::kPrivate;
  dm.kind = MessageKind::kDm;
  EXPECT_EQ(ConversationKeyFor(dm, std::nullopt), "dm:cust");
  dm.is_outbound = true;
  dm.author.id = "brand";
  dm.counterpart_id = "cust";
  EXPECT_EQ(ConversationKeyFor(dm, std::nullopt), "dm:cust");
}

TEST(ThreadingTest, EchoesAndRepostsNeverOpenCases) {
  Message m = Public("1");
  EXPECT_TRUE(OpensCase(m));
  m.kind = MessageKind::kRepost;
  EXPECT_FALSE(OpensCase(m));
  m.kind = MessageKind::kReply;
  m.is_outbound = true;
  EXPECT_FALSE(OpensCase(m));
}

TEST(ThreadingTest, CaseActions) {
  EXPECT_EQ(DecideCaseAction(std::nullopt, ReopenPolicy::kReopen), CaseAction::kNewCase);
  EXPECT_EQ(DecideCaseAction(CaseStatus::kPending, ReopenPolicy::kReopen), CaseAction::kAttach);
  EXPECT_EQ(DecideCaseAction(CaseStatus::kResolved, ReopenPolicy::kReopen), CaseAction::kReopen);
  EXPECT_EQ(DecideCaseAction(CaseStatus::kClosed, ReopenPolicy::kNewCase), CaseAction::kNewCase);
}

}  // namespace
}  // namespace fr::domain
