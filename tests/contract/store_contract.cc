#include "tests/contract/store_contract.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "domain/case.h"
#include "domain/message.h"
#include "domain/platform.h"

namespace fr::contract {

using domain::Author;
using domain::Case;
using domain::CaseStatus;
using domain::Conversation;
using domain::Message;
using domain::MessageKind;
using domain::Platform;
using domain::Visibility;
using ports::CaseCursor;
using ports::CaseFilter;
using ports::CaseId;
using ports::ConversationId;
using ports::CustomerId;
using ports::MessageId;
using ports::Revision;
using ports::RevisionKind;
using ports::StoredMessage;
using ports::StoreTxn;

void PrintTo(const StoreContractParam& param, std::ostream* os) { *os << param.name; }

std::string StoreContractParamName(const testing::TestParamInfo<StoreContractParam>& info) {
  return info.param.name;
}

void StoreContractTest::SetUp() {
  database_ = GetParam().make_database();
  ASSERT_NE(database_, nullptr);
  auto store = database_->Open();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();
}

void StoreContractTest::TearDown() {
  store_.reset();
  database_.reset();
}

Status StoreContractTest::Write(const ports::WriteUnit& unit) { return Write(*store_, unit); }

Status StoreContractTest::Write(ports::Store& store, const ports::WriteUnit& unit) {
  std::vector<Status> results = store.WriteBatch(std::span<const ports::WriteUnit>(&unit, 1));
  if (results.size() != 1) return Status(Errc::kInternal, "test", "WriteBatch: wrong result count");
  return results[0];
}

Result<domain::UserId> InsertTestUser(StoreTxn& txn, const std::string& username,
                                      const std::string& display_name, UnixMillis at) {
  ports::StoredUser u;
  u.user.username = username;
  u.user.display_name = display_name;
  u.user.capacity = 5;
  u.user.created_at = at;
  return txn.people().InsertUser(u);
}

Result<domain::CaseId> InsertOpenXCase(StoreTxn& txn, UnixMillis at) {
  Case c;
  c.status = CaseStatus::kOpen;
  c.platform = Platform::kX;
  c.account_id = "1500000000000000001";
  c.opened_at = at;
  c.last_activity_at = at;
  c.last_customer_message_at = at;
  return txn.InsertCase(c);
}

namespace {

testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << s.ToString();
}

#define FR_ASSERT_OK(expr) ASSERT_TRUE(IsOk(expr))
#define FR_EXPECT_OK(expr) EXPECT_TRUE(IsOk(expr))

constexpr UnixMillis kT0 = 1'700'000'000'000;  // 2023-11-14T22:13:20Z
constexpr UnixMillis kMinute = 60'000;
constexpr UnixMillis kHour = 60 * kMinute;

Author MakeAuthor(std::string id) {
  Author a;
  a.handle = "user_" + id;
  a.name = "User " + id;
  a.id = std::move(id);
  a.followers = 42;
  a.verified = false;
  return a;
}

StoredMessage MakeMessage(Platform platform, std::string external_id, std::string text,
                          UnixMillis created_at) {
  StoredMessage s;
  Message& m = s.message;
  m.platform = platform;
  m.account_id = "brand";
  m.external_id = std::move(external_id);
  m.author = MakeAuthor("cust1");
  m.text = std::move(text);
  m.created_at = created_at;
  m.visibility = Visibility::kPublic;
  m.kind = MessageKind::kPost;
  s.received_at = created_at + 1000;
  return s;
}

Case MakeCase(Platform platform, CustomerId customer, UnixMillis last_activity_at,
              CaseStatus status = CaseStatus::kNew, std::string account = "brand") {
  Case c;
  c.status = status;
  c.platform = platform;
  c.account_id = std::move(account);
  c.customer_id = customer;
  c.opened_at = last_activity_at;
  c.last_activity_at = last_activity_at;
  c.last_customer_message_at = last_activity_at;
  c.message_count = 1;
  return c;
}

Conversation MakeConversation(Platform platform, std::string key, CustomerId customer,
                              std::string account = "brand") {
  Conversation c;
  c.platform = platform;
  c.account_id = std::move(account);
  c.key = std::move(key);
  c.visibility = Visibility::kPublic;
  c.customer_id = customer;
  return c;
}

// Everything one customer message needs: customer, conversation, case, message.
struct Thread {
  CustomerId customer = 0;
  ConversationId conversation = 0;
  CaseId kase = 0;
  MessageId message = 0;
};

Result<Thread> OpenThread(StoreTxn& t, Platform platform, const std::string& user,
                          const std::string& external_id, UnixMillis at,
                          CaseStatus status = CaseStatus::kNew) {
  Thread th;
  FR_ASSIGN_OR_RETURN(th.customer, t.UpsertCustomer(platform, MakeAuthor(user)));
  FR_ASSIGN_OR_RETURN(th.conversation, t.InsertConversation(MakeConversation(
                                           platform, "pub:" + external_id, th.customer)));
  FR_ASSIGN_OR_RETURN(th.kase, t.InsertCase(MakeCase(platform, th.customer, at, status)));
  FR_RETURN_IF_ERROR(t.SetConversationCase(th.conversation, th.kase));
  StoredMessage m = MakeMessage(platform, external_id, "message " + external_id, at);
  m.message.author = MakeAuthor(user);
  m.conversation_id = th.conversation;
  m.case_id = th.kase;
  m.author_customer_id = th.customer;
  FR_ASSIGN_OR_RETURN(th.message, t.InsertMessage(m));
  return th;
}

// Compares a stored message with what was inserted (ids assigned by the store aside).
void ExpectSameMessage(const StoredMessage& got, const StoredMessage& want) {
  EXPECT_EQ(got.message, want.message);
  EXPECT_EQ(got.conversation_id, want.conversation_id);
  EXPECT_EQ(got.case_id, want.case_id);
  EXPECT_EQ(got.author_customer_id, want.author_customer_id);
  EXPECT_EQ(got.delivery_id, want.delivery_id);
  EXPECT_EQ(got.received_at, want.received_at);
  EXPECT_EQ(got.deleted, want.deleted);
  EXPECT_EQ(got.hidden, want.hidden);
}

void ExpectSameCase(const Case& got, const Case& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.platform, want.platform);
  EXPECT_EQ(got.account_id, want.account_id);
  EXPECT_EQ(got.customer_id, want.customer_id);
  EXPECT_EQ(got.opened_at, want.opened_at);
  EXPECT_EQ(got.last_activity_at, want.last_activity_at);
  EXPECT_EQ(got.last_customer_message_at, want.last_customer_message_at);
  EXPECT_EQ(got.message_count, want.message_count);
  EXPECT_EQ(got.reopen_count, want.reopen_count);
}

}  // namespace

// --- messages: insert, find, dedupe, aliases, revisions -------------------------------------

TEST_P(StoreContractTest, InsertedMessageIsFoundByItsExternalId) {
  StoredMessage m = MakeMessage(Platform::kX, "1001", "hello", kT0);
  m.message.thread_key = "root-1";
  m.message.parent_id = "999";
  m.message.counterpart_id = "";
  m.message.kind = MessageKind::kReply;
  m.message.attachments = {{"photo", "https://example.test/a.jpg"}, {"video", ""}};
  m.message.author.followers = std::nullopt;
  m.message.author.verified = true;
  m.message.edit_of = "1000";
  MessageId id = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(m.delivery_id, t.InsertDelivery("x", kT0, R"({"raw":true})"));
    FR_ASSIGN_OR_RETURN(id, t.InsertMessage(m));
    // Visible to later calls in the same transaction.
    FR_ASSIGN_OR_RETURN(auto found, t.FindMessage(Platform::kX, "1001"));
    EXPECT_TRUE(found.has_value());
    if (found) {
      EXPECT_EQ(found->id, id);
      ExpectSameMessage(*found, m);
    }
    return Status::Ok();
  }));
  EXPECT_GT(id, 0);
  EXPECT_GT(m.delivery_id, 0);

  auto got = store_->GetMessage(Platform::kX, "1001");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->id, id);
  ExpectSameMessage(**got, m);
  EXPECT_TRUE((*got)->revisions.empty());

  // Not found: another id, or the same id on another platform.
  auto none = store_->GetMessage(Platform::kX, "1002");
  FR_ASSERT_OK(none.status());
  EXPECT_FALSE(none->has_value());
  none = store_->GetMessage(Platform::kFacebook, "1001");
  FR_ASSERT_OK(none.status());
  EXPECT_FALSE(none->has_value());
  FR_EXPECT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(auto found, t.FindMessage(Platform::kX, "1002"));
    EXPECT_FALSE(found.has_value());
    return Status::Ok();
  }));
  auto count = store_->CountMessages();
  FR_ASSERT_OK(count.status());
  EXPECT_EQ(*count, 1);
}

TEST_P(StoreContractTest, MessageIsFoundByAlias) {
  MessageId id = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(id, t.InsertMessage(MakeMessage(Platform::kX, "2000", "v1", kT0)));
    FR_RETURN_IF_ERROR(t.AddAlias(Platform::kX, "2001", id));
    FR_RETURN_IF_ERROR(t.AddAlias(Platform::kX, "2001", id));  // again: a no-op
    FR_ASSIGN_OR_RETURN(auto found, t.FindMessage(Platform::kX, "2001"));
    EXPECT_TRUE(found.has_value());
    EXPECT_TRUE(found && found->id == id);
    return Status::Ok();
  }));
  auto got = store_->GetMessage(Platform::kX, "2001");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->id, id);
  EXPECT_EQ((*got)->message.external_id, "2000");  // the message's own id stays

  // An alias cannot be taken by another message, nor become a message of its own.
  Status s = Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(MessageId other,
                        t.InsertMessage(MakeMessage(Platform::kX, "3000", "other", kT0)));
    return t.AddAlias(Platform::kX, "2001", other);
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Errc::kConflict) << s.ToString();
  s = Write([&](StoreTxn& t) {
    return t.InsertMessage(MakeMessage(Platform::kX, "2001", "dup", kT0)).status();
  });
  EXPECT_EQ(s.code(), Errc::kConflict) << s.ToString();
  // An alias of a message that does not exist is refused.
  s = Write([&](StoreTxn& t) { return t.AddAlias(Platform::kX, "4001", id + 1000); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(*store_->CountMessages(), 1);
}

TEST_P(StoreContractTest, DuplicateExternalIdIsRefusedNotDuplicated) {
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.InsertMessage(MakeMessage(Platform::kX, "5000", "first", kT0)).status();
  }));
  Status s = Write([&](StoreTxn& t) {
    return t.InsertMessage(MakeMessage(Platform::kX, "5000", "second", kT0)).status();
  });
  EXPECT_EQ(s.code(), Errc::kConflict) << s.ToString();

  // A unit that ignores the refusal and carries on still leaves no half-inserted message.
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    auto dup = t.InsertMessage(MakeMessage(Platform::kX, "5000", "third", kT0));
    EXPECT_FALSE(dup.ok());
    return Status::Ok();
  }));
  EXPECT_EQ(*store_->CountMessages(), 1);
  auto got = store_->GetMessage(Platform::kX, "5000");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->message.text, "first");

  // The same external id on another platform is another message.
  FR_EXPECT_OK(Write([&](StoreTxn& t) {
    return t.InsertMessage(MakeMessage(Platform::kInstagram, "5000", "ig", kT0)).status();
  }));
  EXPECT_EQ(*store_->CountMessages(), 2);
}

TEST_P(StoreContractTest, RevisionsAreAppliedAndKeptOldestFirst) {
  MessageId id = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(id, t.InsertMessage(MakeMessage(Platform::kFacebook, "p_1", "v1", kT0)));
    FR_RETURN_IF_ERROR(t.AddRevision(id, {RevisionKind::kEdit, "v1", "v2", kT0 + 1}));
    FR_RETURN_IF_ERROR(t.AddRevision(id, {RevisionKind::kHide, "v2", "v2", kT0 + 2}));
    return Status::Ok();
  }));
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    // Edits are visible inside the transaction.
    FR_ASSIGN_OR_RETURN(auto found, t.FindMessage(Platform::kFacebook, "p_1"));
    EXPECT_TRUE(found && found->message.text == "v2" && found->hidden);
    FR_RETURN_IF_ERROR(t.AddRevision(id, {RevisionKind::kEdit, "v2", "v3 שלום", kT0 + 3}));
    FR_RETURN_IF_ERROR(t.AddRevision(id, {RevisionKind::kUnhide, "v3 שלום", "v3 שלום", kT0 + 4}));
    return Status::Ok();
  }));
  auto got = store_->GetMessage(Platform::kFacebook, "p_1");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  const StoredMessage& m = **got;
  EXPECT_EQ(m.message.text, "v3 שלום");
  EXPECT_FALSE(m.hidden);
  EXPECT_FALSE(m.deleted);
  ASSERT_EQ(m.revisions.size(), 4u);
  EXPECT_EQ(m.revisions[0].kind, RevisionKind::kEdit);
  EXPECT_EQ(m.revisions[0].previous_text, "v1");
  EXPECT_EQ(m.revisions[0].text, "v2");
  EXPECT_EQ(m.revisions[0].at, kT0 + 1);
  EXPECT_EQ(m.revisions[1].kind, RevisionKind::kHide);
  EXPECT_EQ(m.revisions[2].kind, RevisionKind::kEdit);
  EXPECT_EQ(m.revisions[2].previous_text, "v2");
  EXPECT_EQ(m.revisions[2].text, "v3 שלום");
  EXPECT_EQ(m.revisions[3].kind, RevisionKind::kUnhide);
  EXPECT_EQ(m.revisions[3].at, kT0 + 4);

  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.AddRevision(id, {RevisionKind::kDelete, "v3 שלום", "v3 שלום", kT0 + 5});
  }));
  got = store_->GetMessage(Platform::kFacebook, "p_1");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  EXPECT_TRUE((*got)->deleted);
  EXPECT_EQ((*got)->message.text, "v3 שלום");  // deletion keeps the last text for audit
  EXPECT_EQ((*got)->revisions.size(), 5u);

  // A revision of an unknown message is an error and stores nothing.
  Status s = Write([&](StoreTxn& t) {
    return t.AddRevision(id + 1000, {RevisionKind::kEdit, "a", "b", kT0});
  });
  EXPECT_FALSE(s.ok());
}

// --- customers, conversations, cases ---------------------------------------------------------

TEST_P(StoreContractTest, UpsertCustomerRefreshesProfileWithoutErasingKnownFields) {
  Author full;
  full.id = "u-77";
  full.handle = "dana";
  full.name = "Dana";
  full.followers = 1500;
  full.verified = true;
  Author partial;
  partial.id = "u-77";
  partial.name = "Dana Levi";  // only the name is given this time
  CustomerId first = 0, second = 0, other_platform = 0;
  CaseId kase = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(first, t.UpsertCustomer(Platform::kX, full));
    FR_ASSIGN_OR_RETURN(second, t.UpsertCustomer(Platform::kX, partial));
    FR_ASSIGN_OR_RETURN(other_platform, t.UpsertCustomer(Platform::kInstagram, full));
    // Again, unchanged: same id.
    FR_ASSIGN_OR_RETURN(CustomerId again, t.UpsertCustomer(Platform::kX, partial));
    EXPECT_EQ(again, first);
    FR_ASSIGN_OR_RETURN(kase, t.InsertCase(MakeCase(Platform::kX, first, kT0)));
    StoredMessage m = MakeMessage(Platform::kX, "m1", "hi", kT0);
    m.message.author = full;
    m.case_id = kase;
    m.author_customer_id = first;
    return t.InsertMessage(m).status();
  }));
  EXPECT_EQ(first, second);
  EXPECT_NE(first, other_platform);

  auto detail = store_->GetCaseDetail(kase);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  ASSERT_EQ((*detail)->customers.size(), 1u);
  const domain::Customer& c = (*detail)->customers[0];
  EXPECT_EQ(c.id, first);
  EXPECT_EQ(c.platform, Platform::kX);
  EXPECT_EQ(c.profile.id, "u-77");
  EXPECT_EQ(c.profile.handle, "dana");
  EXPECT_EQ(c.profile.name, "Dana Levi");
  EXPECT_EQ(c.profile.followers, 1500);
  EXPECT_EQ(c.profile.verified, true);

  // Later values replace earlier ones, including false and 0.
  Author update;
  update.id = "u-77";
  update.handle = "dana_l";
  update.followers = 0;
  update.verified = false;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(CustomerId id, t.UpsertCustomer(Platform::kX, update));
    EXPECT_EQ(id, first);
    return Status::Ok();
  }));
  detail = store_->GetCaseDetail(kase);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  ASSERT_EQ((*detail)->customers.size(), 1u);
  const domain::Customer& u = (*detail)->customers[0];
  EXPECT_EQ(u.profile.handle, "dana_l");
  EXPECT_EQ(u.profile.name, "Dana Levi");
  EXPECT_EQ(u.profile.followers, 0);
  EXPECT_EQ(u.profile.verified, false);
}

TEST_P(StoreContractTest, ConversationsAreUniquePerPlatformAccountAndKey) {
  ConversationId id = 0;
  CaseId kase = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(CustomerId cust, t.UpsertCustomer(Platform::kMessenger, MakeAuthor("p1")));
    Conversation c = MakeConversation(Platform::kMessenger, "dm:p1", cust);
    c.visibility = Visibility::kPrivate;
    c.id = 12345;  // ignored
    FR_ASSIGN_OR_RETURN(id, t.InsertConversation(c));
    FR_ASSIGN_OR_RETURN(auto found, t.FindConversation(Platform::kMessenger, "brand", "dm:p1"));
    EXPECT_TRUE(found.has_value());
    if (found) {
      EXPECT_EQ(found->id, id);
      EXPECT_EQ(found->platform, Platform::kMessenger);
      EXPECT_EQ(found->account_id, "brand");
      EXPECT_EQ(found->key, "dm:p1");
      EXPECT_EQ(found->visibility, Visibility::kPrivate);
      EXPECT_EQ(found->customer_id, cust);
      EXPECT_FALSE(found->case_id.has_value());
    }
    // The same key under another account or platform is another conversation.
    FR_ASSIGN_OR_RETURN(
        ConversationId other_account,
        t.InsertConversation(MakeConversation(Platform::kMessenger, "dm:p1", cust, "brand2")));
    FR_ASSIGN_OR_RETURN(ConversationId other_platform,
                        t.InsertConversation(MakeConversation(Platform::kInstagram, "dm:p1", 0)));
    EXPECT_NE(other_account, id);
    EXPECT_NE(other_platform, id);
    FR_ASSIGN_OR_RETURN(kase, t.InsertCase(MakeCase(Platform::kMessenger, cust, kT0)));
    FR_RETURN_IF_ERROR(t.SetConversationCase(id, kase));
    FR_ASSIGN_OR_RETURN(auto none, t.FindConversation(Platform::kMessenger, "brand", "dm:p2"));
    EXPECT_FALSE(none.has_value());
    FR_ASSIGN_OR_RETURN(auto by_id, t.GetConversation(other_platform));
    EXPECT_TRUE(by_id.has_value());
    if (by_id) {
      EXPECT_EQ(by_id->platform, Platform::kInstagram);
      EXPECT_EQ(by_id->customer_id, 0);  // started by the brand
    }
    FR_ASSIGN_OR_RETURN(by_id, t.GetConversation(id));
    EXPECT_TRUE(by_id && by_id->case_id == kase && by_id->key == "dm:p1");
    FR_ASSIGN_OR_RETURN(by_id, t.GetConversation(other_platform + 1000));
    EXPECT_FALSE(by_id.has_value());
    FR_ASSIGN_OR_RETURN(by_id, t.GetConversation(0));
    EXPECT_FALSE(by_id.has_value());
    return Status::Ok();
  }));
  Status dup = Write([&](StoreTxn& t) {
    return t.InsertConversation(MakeConversation(Platform::kMessenger, "dm:p1", 0)).status();
  });
  EXPECT_EQ(dup.code(), Errc::kConflict) << dup.ToString();
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(auto found, t.FindConversation(Platform::kMessenger, "brand", "dm:p1"));
    EXPECT_TRUE(found && found->id == id && found->case_id == kase);
    EXPECT_FALSE(t.SetConversationCase(id + 1000, kase).ok());
    return Status::Ok();
  }));
  // The case's conversations include the one pointing at it.
  auto detail = store_->GetCaseDetail(kase);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  ASSERT_EQ((*detail)->conversations.size(), 1u);
  EXPECT_EQ((*detail)->conversations[0].id, id);
}

TEST_P(StoreContractTest, CasesRoundTripAndUpdate) {
  Case want;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(CustomerId cust, t.UpsertCustomer(Platform::kTikTok, MakeAuthor("t1")));
    want = MakeCase(Platform::kTikTok, cust, kT0, CaseStatus::kOpen, "acct");
    want.id = 999'999;  // ignored by InsertCase
    want.opened_at = kT0 - kHour;
    want.last_customer_message_at = kT0 - kMinute;
    want.message_count = 7;
    want.reopen_count = 2;
    FR_ASSIGN_OR_RETURN(want.id, t.InsertCase(want));
    FR_ASSIGN_OR_RETURN(auto got, t.GetCase(want.id));
    EXPECT_TRUE(got.has_value());
    if (got) ExpectSameCase(*got, want);
    FR_ASSIGN_OR_RETURN(auto none, t.GetCase(want.id + 1000));
    EXPECT_FALSE(none.has_value());
    return Status::Ok();
  }));
  want.status = CaseStatus::kResolved;
  want.last_activity_at = kT0 + kHour;
  want.message_count = 8;
  FR_ASSERT_OK(Write([&](StoreTxn& t) { return t.UpdateCase(want); }));
  auto detail = store_->GetCaseDetail(want.id);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  ExpectSameCase((*detail)->kase, want);
  EXPECT_TRUE((*detail)->messages.empty());
  auto read = store_->work().GetCase(want.id);  // the committed case alone, from a reader
  FR_ASSERT_OK(read.status());
  ASSERT_TRUE(read->has_value());
  ExpectSameCase(**read, want);

  Case unknown = want;
  unknown.id = want.id + 1000;
  EXPECT_FALSE(Write([&](StoreTxn& t) { return t.UpdateCase(unknown); }).ok());
  auto none = store_->GetCaseDetail(unknown.id);
  FR_ASSERT_OK(none.status());
  EXPECT_FALSE(none->has_value());
  auto none_read = store_->work().GetCase(unknown.id);
  FR_ASSERT_OK(none_read.status());
  EXPECT_FALSE(none_read->has_value());
}

TEST_P(StoreContractTest, FindActiveCaseOfCustomerHonoursWindowStatusAndAccount) {
  CustomerId alice = 0, bob = 0;
  CaseId alice_open = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(alice, t.UpsertCustomer(Platform::kFacebook, MakeAuthor("alice")));
    FR_ASSIGN_OR_RETURN(bob, t.UpsertCustomer(Platform::kFacebook, MakeAuthor("bob")));
    // An older open case, then a newer open one: the newer is picked.
    FR_RETURN_IF_ERROR(
        t.InsertCase(MakeCase(Platform::kFacebook, alice, kT0 - 2 * kHour, CaseStatus::kOpen))
            .status());
    FR_ASSIGN_OR_RETURN(alice_open, t.InsertCase(MakeCase(Platform::kFacebook, alice, kT0 - kHour,
                                                          CaseStatus::kPending)));
    // Another account of the brand.
    FR_RETURN_IF_ERROR(
        t.InsertCase(MakeCase(Platform::kFacebook, alice, kT0, CaseStatus::kOpen, "other_page"))
            .status());
    // Bob's latest case is resolved; his older one is still open.
    FR_RETURN_IF_ERROR(
        t.InsertCase(MakeCase(Platform::kFacebook, bob, kT0 - 2 * kHour, CaseStatus::kOpen))
            .status());
    FR_RETURN_IF_ERROR(
        t.InsertCase(MakeCase(Platform::kFacebook, bob, kT0 - kHour, CaseStatus::kResolved))
            .status());
    return Status::Ok();
  }));
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(auto got, t.FindActiveCaseOfCustomer(alice, "brand", kT0 - 3 * kHour));
    EXPECT_TRUE(got.has_value());
    if (got) {
      EXPECT_EQ(got->id, alice_open);
      EXPECT_EQ(got->status, CaseStatus::kPending);
    }
    // The window boundary is inclusive.
    FR_ASSIGN_OR_RETURN(got, t.FindActiveCaseOfCustomer(alice, "brand", kT0 - kHour));
    EXPECT_TRUE(got && got->id == alice_open);
    // Outside the window.
    FR_ASSIGN_OR_RETURN(got, t.FindActiveCaseOfCustomer(alice, "brand", kT0 - kHour + 1));
    EXPECT_FALSE(got.has_value());
    // Per account.
    FR_ASSIGN_OR_RETURN(got, t.FindActiveCaseOfCustomer(alice, "other_page", kT0 - kHour));
    EXPECT_TRUE(got && got->account_id == "other_page");
    FR_ASSIGN_OR_RETURN(got, t.FindActiveCaseOfCustomer(alice, "nobody", 0));
    EXPECT_FALSE(got.has_value());
    // Bob's most recently active case is resolved: nothing to link to.
    FR_ASSIGN_OR_RETURN(got, t.FindActiveCaseOfCustomer(bob, "brand", kT0 - 3 * kHour));
    EXPECT_FALSE(got.has_value());
    // Unknown customer.
    FR_ASSIGN_OR_RETURN(got, t.FindActiveCaseOfCustomer(bob + alice + 1000, "brand", 0));
    EXPECT_FALSE(got.has_value());
    return Status::Ok();
  }));
  // The customer's last message, not the case's last activity, decides the window.
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(auto c, t.GetCase(alice_open));
    if (!c) return Status(Errc::kNotFound, "test", "case vanished");
    c->last_activity_at = kT0 + kHour;  // the brand answered recently
    c->last_customer_message_at = kT0 - kHour;
    FR_RETURN_IF_ERROR(t.UpdateCase(*c));
    FR_ASSIGN_OR_RETURN(auto got, t.FindActiveCaseOfCustomer(alice, "brand", kT0));
    EXPECT_FALSE(got.has_value());
    return Status::Ok();
  }));
}

// --- WriteBatch ------------------------------------------------------------------------------

TEST_P(StoreContractTest, FailingUnitIsRolledBackAloneAndReportsItsError) {
  CaseId failed_case = 0;
  std::vector<ports::WriteUnit> units;
  units.push_back([](StoreTxn& t) -> Status {
    return t.InsertMessage(MakeMessage(Platform::kX, "a", "unit 1", kT0)).status();
  });
  units.push_back([&](StoreTxn& t) -> Status {
    FR_RETURN_IF_ERROR(t.InsertMessage(MakeMessage(Platform::kX, "b", "unit 2", kT0)).status());
    FR_ASSIGN_OR_RETURN(CustomerId cust, t.UpsertCustomer(Platform::kX, MakeAuthor("doomed")));
    FR_ASSIGN_OR_RETURN(failed_case, t.InsertCase(MakeCase(Platform::kX, cust, kT0)));
    FR_RETURN_IF_ERROR(
        t.InsertConversation(MakeConversation(Platform::kX, "pub:b", cust)).status());
    return Status(Errc::kInvalidArgument, "test_failure", "unit 2 gives up");
  });
  units.push_back([](StoreTxn& t) -> Status {
    // Sees unit 1, not unit 2.
    FR_ASSIGN_OR_RETURN(auto a, t.FindMessage(Platform::kX, "a"));
    FR_ASSIGN_OR_RETURN(auto b, t.FindMessage(Platform::kX, "b"));
    EXPECT_TRUE(a.has_value());
    EXPECT_FALSE(b.has_value());
    FR_ASSIGN_OR_RETURN(auto conv, t.FindConversation(Platform::kX, "brand", "pub:b"));
    EXPECT_FALSE(conv.has_value());
    return t.InsertMessage(MakeMessage(Platform::kX, "c", "unit 3", kT0)).status();
  });
  units.push_back([](StoreTxn& t) -> Status {
    // A duplicate fails this unit only.
    return t.InsertMessage(MakeMessage(Platform::kX, "a", "dup", kT0)).status();
  });
  std::vector<Status> results = store_->WriteBatch(units);
  ASSERT_EQ(results.size(), 4u);
  FR_EXPECT_OK(results[0]);
  EXPECT_EQ(results[1].code(), Errc::kInvalidArgument);
  EXPECT_EQ(results[1].reason(), "test_failure");
  EXPECT_EQ(results[1].message(), "unit 2 gives up");
  FR_EXPECT_OK(results[2]);
  EXPECT_EQ(results[3].code(), Errc::kConflict);

  EXPECT_EQ(*store_->CountMessages(), 2);
  for (const char* id : {"a", "c"}) {
    auto got = store_->GetMessage(Platform::kX, id);
    FR_ASSERT_OK(got.status());
    EXPECT_TRUE(got->has_value()) << id;
  }
  auto b = store_->GetMessage(Platform::kX, "b");
  FR_ASSERT_OK(b.status());
  EXPECT_FALSE(b->has_value());
  auto kase = store_->GetCaseDetail(failed_case);
  FR_ASSERT_OK(kase.status());
  EXPECT_FALSE(kase->has_value());
  auto page = store_->ListCases({}, std::nullopt, 10);
  FR_ASSERT_OK(page.status());
  EXPECT_TRUE(page->items.empty());
  // Unit 2's conversation is gone, so it can be created now.
  FR_EXPECT_OK(Write([](StoreTxn& t) {
    return t.InsertConversation(MakeConversation(Platform::kX, "pub:b", 0)).status();
  }));
}

TEST_P(StoreContractTest, EmptyBatchReturnsNoStatuses) {
  EXPECT_TRUE(store_->WriteBatch({}).empty());
  FR_EXPECT_OK(store_->Ping());
}

TEST_P(StoreContractTest, ManyUnitsInOneBatchAllCommit) {
  std::vector<ports::WriteUnit> units;
  for (int i = 0; i < 200; ++i) {
    units.push_back([i](StoreTxn& t) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery,
                          t.InsertDelivery("x", kT0 + i, "{\"n\":" + std::to_string(i) + "}"));
      StoredMessage m = MakeMessage(Platform::kX, "batch-" + std::to_string(i), "n", kT0 + i);
      m.delivery_id = delivery;
      return t.InsertMessage(m).status();
    });
  }
  std::vector<Status> results = store_->WriteBatch(units);
  ASSERT_EQ(results.size(), units.size());
  for (const Status& s : results) FR_EXPECT_OK(s);
  EXPECT_EQ(*store_->CountMessages(), 200);
}

// --- reads -----------------------------------------------------------------------------------

TEST_P(StoreContractTest, ListCasesPagesInActivityOrderWithTies) {
  // 9 cases; several share last_activity_at, so the id must break ties.
  const UnixMillis activity[] = {kT0 + 5, kT0 + 3, kT0 + 5, kT0 + 1, kT0 + 3,
                                 kT0 + 5, kT0 + 9, kT0 + 3, kT0};
  std::vector<Case> all;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(CustomerId cust, t.UpsertCustomer(Platform::kX, MakeAuthor("c")));
    for (int i = 0; i < 9; ++i) {
      Case c = MakeCase(i % 3 == 0 ? Platform::kInstagram : Platform::kX, cust, activity[i],
                        i % 2 == 0 ? CaseStatus::kOpen : CaseStatus::kClosed);
      FR_ASSIGN_OR_RETURN(c.id, t.InsertCase(c));
      all.push_back(c);
    }
    return Status::Ok();
  }));
  auto order = [](const Case& a, const Case& b) {
    return a.last_activity_at != b.last_activity_at ? a.last_activity_at > b.last_activity_at
                                                    : a.id > b.id;
  };
  auto expected_ids = [&](auto keep) {
    std::vector<Case> want;
    for (const Case& c : all) {
      if (keep(c)) want.push_back(c);
    }
    std::sort(want.begin(), want.end(), order);
    std::vector<CaseId> ids;
    for (const Case& c : want) ids.push_back(c.id);
    return ids;
  };
  auto collect = [&](const CaseFilter& filter, int limit, int* pages) {
    std::vector<CaseId> ids;
    std::optional<CaseCursor> cursor;
    *pages = 0;
    while (true) {
      auto page = store_->ListCases(filter, cursor, limit);
      EXPECT_TRUE(IsOk(page.status()));
      if (!page.ok()) break;
      ++*pages;
      EXPECT_LE(page->items.size(), static_cast<std::size_t>(limit));
      for (const ports::CaseListItem& item : page->items) ids.push_back(item.kase.id);
      if (!page->next) break;
      EXPECT_FALSE(page->items.empty());
      EXPECT_EQ(page->next->order, ports::CaseOrder::kLatestActivity);
      EXPECT_EQ(page->next->id, page->items.back().kase.id);
      EXPECT_EQ(page->next->key, page->items.back().kase.last_activity_at);
      cursor = page->next;
      if (*pages > 20) break;
    }
    return ids;
  };

  int pages = 0;
  EXPECT_EQ(collect({}, 2, &pages), expected_ids([](const Case&) { return true; }));
  EXPECT_EQ(pages, 5);  // 2+2+2+2+1
  EXPECT_EQ(collect({}, 3, &pages), expected_ids([](const Case&) { return true; }));
  EXPECT_EQ(pages, 3);  // exactly full pages: the last one says there is no next
  EXPECT_EQ(collect({}, 100, &pages), expected_ids([](const Case&) { return true; }));
  EXPECT_EQ(pages, 1);

  CaseFilter open;
  open.statuses = {CaseStatus::kOpen};
  EXPECT_EQ(collect(open, 2, &pages),
            expected_ids([](const Case& c) { return c.status == CaseStatus::kOpen; }));
  CaseFilter insta;
  insta.platform = Platform::kInstagram;
  EXPECT_EQ(collect(insta, 1, &pages),
            expected_ids([](const Case& c) { return c.platform == Platform::kInstagram; }));
  CaseFilter both;
  both.statuses = {CaseStatus::kClosed};
  both.platform = Platform::kX;
  EXPECT_EQ(collect(both, 2, &pages), expected_ids([](const Case& c) {
              return c.status == CaseStatus::kClosed && c.platform == Platform::kX;
            }));
  CaseFilter none;
  none.platform = Platform::kRss;
  EXPECT_TRUE(collect(none, 2, &pages).empty());

  // Full rows come back.
  auto first = store_->ListCases({}, std::nullopt, 1);
  FR_ASSERT_OK(first.status());
  ASSERT_EQ(first->items.size(), 1u);
  const Case* newest = &all[6];
  ExpectSameCase(first->items[0].kase, *newest);

  EXPECT_FALSE(store_->ListCases({}, std::nullopt, 0).ok());
}

TEST_P(StoreContractTest,
       CaseDetailHasMessagesInPlatformOrderWithRevisionsConversationsAndAuthors) {
  Thread th;
  CustomerId bob = 0;
  ConversationId dm = 0;
  MessageId edited = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(th, OpenThread(t, Platform::kFacebook, "alice", "post_1", kT0));
    FR_ASSIGN_OR_RETURN(bob, t.UpsertCustomer(Platform::kFacebook, MakeAuthor("bob")));
    FR_ASSIGN_OR_RETURN(
        dm, t.InsertConversation(MakeConversation(Platform::kFacebook, "dm:alice", th.customer)));
    // Inserted out of order; two share created_at.
    StoredMessage late = MakeMessage(Platform::kFacebook, "c3", "third", kT0 + 300);
    late.case_id = th.kase;
    late.conversation_id = dm;
    late.author_customer_id = th.customer;
    late.message.attachments = {{"image", "https://example.test/x.png"}};
    FR_RETURN_IF_ERROR(t.InsertMessage(late).status());
    StoredMessage reply = MakeMessage(Platform::kFacebook, "c2", "brand reply", kT0 + 100);
    reply.case_id = th.kase;
    reply.conversation_id = th.conversation;
    reply.message.is_outbound = true;
    reply.message.author = Author();
    reply.message.author.id = "brand";
    reply.message.author.name = "Brand";
    FR_RETURN_IF_ERROR(t.InsertMessage(reply).status());
    StoredMessage tie = MakeMessage(Platform::kFacebook, "c1", "bob says", kT0 + 100);
    tie.case_id = th.kase;
    tie.conversation_id = th.conversation;
    tie.author_customer_id = bob;
    FR_ASSIGN_OR_RETURN(edited, t.InsertMessage(tie));
    FR_RETURN_IF_ERROR(
        t.AddRevision(edited, {RevisionKind::kEdit, "bob says", "bob said", kT0 + 200}));
    // A message of another case is not included.
    StoredMessage elsewhere = MakeMessage(Platform::kFacebook, "x1", "elsewhere", kT0 + 50);
    return t.InsertMessage(elsewhere).status();
  }));

  auto got = store_->GetCaseDetail(th.kase);
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  const ports::CaseDetail& d = **got;
  EXPECT_EQ(d.kase.id, th.kase);
  ASSERT_EQ(d.messages.size(), 4u);
  EXPECT_EQ(d.messages[0].message.external_id, "post_1");
  // created_at tie: id order, i.e. insertion order ("c2" before "c1").
  EXPECT_EQ(d.messages[1].message.external_id, "c2");
  EXPECT_EQ(d.messages[2].message.external_id, "c1");
  EXPECT_EQ(d.messages[3].message.external_id, "c3");
  EXPECT_LT(d.messages[1].id, d.messages[2].id);
  EXPECT_TRUE(d.messages[1].message.is_outbound);
  EXPECT_EQ(d.messages[1].author_customer_id, 0);
  EXPECT_EQ(d.messages[2].message.text, "bob said");
  ASSERT_EQ(d.messages[2].revisions.size(), 1u);
  EXPECT_EQ(d.messages[2].revisions[0].previous_text, "bob says");
  EXPECT_TRUE(d.messages[0].revisions.empty());
  ASSERT_EQ(d.messages[3].message.attachments.size(), 1u);
  EXPECT_EQ(d.messages[3].message.attachments[0].type, "image");
  EXPECT_TRUE(d.messages[0].message.attachments.empty());
  for (const StoredMessage& m : d.messages) EXPECT_EQ(m.case_id, th.kase);

  ASSERT_EQ(d.conversations.size(), 2u);
  std::vector<ConversationId> conv_ids = {d.conversations[0].id, d.conversations[1].id};
  std::sort(conv_ids.begin(), conv_ids.end());
  std::vector<ConversationId> want_conv = {th.conversation, dm};
  std::sort(want_conv.begin(), want_conv.end());
  EXPECT_EQ(conv_ids, want_conv);

  std::vector<CustomerId> cust_ids;
  for (const domain::Customer& c : d.customers) cust_ids.push_back(c.id);
  std::sort(cust_ids.begin(), cust_ids.end());
  std::vector<CustomerId> want_cust = {th.customer, bob};
  std::sort(want_cust.begin(), want_cust.end());
  EXPECT_EQ(cust_ids, want_cust);
}

// --- fidelity --------------------------------------------------------------------------------

TEST_P(StoreContractTest, HebrewAndOtherUnicodeTextRoundTripsByteExact) {
  // Niqqud (combining marks), final letters, RTL/LTR marks, an emoji with a ZWJ sequence and
  // a skin tone, Arabic, CJK, and a 4-byte character: stored and returned byte for byte.
  const std::string text =
      "שָׁלוֹם עֲלֵיכֶם! ךםןףץ \u200Fשלום\u200E abc 👩🏽‍💻 مرحبا 你好 𝄞 \"quotes\" 'single' \\ "
      "%_";
  const std::string name = "דָּנָה כֹּהֵן";
  StoredMessage m = MakeMessage(Platform::kX, "heb-1", text, kT0);
  m.message.author.name = name;
  m.message.author.handle = "דנה";
  m.message.attachments = {{"photo", "https://example.test/תמונה.jpg?q=ש&x=1"}};
  CaseId kase = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(m.author_customer_id, t.UpsertCustomer(Platform::kX, m.message.author));
    FR_ASSIGN_OR_RETURN(kase, t.InsertCase(MakeCase(Platform::kX, m.author_customer_id, kT0,
                                                    CaseStatus::kNew, "חשבון")));
    m.case_id = kase;
    FR_ASSIGN_OR_RETURN(MessageId id, t.InsertMessage(m));
    return t.AddRevision(id, {RevisionKind::kEdit, text, text + " ✓", kT0 + 1});
  }));
  auto got = store_->GetMessage(Platform::kX, "heb-1");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->message.text, text + " ✓");
  EXPECT_EQ((*got)->message.author.name, name);
  EXPECT_EQ((*got)->message.author.handle, "דנה");
  EXPECT_EQ((*got)->message.attachments, m.message.attachments);
  ASSERT_EQ((*got)->revisions.size(), 1u);
  EXPECT_EQ((*got)->revisions[0].previous_text, text);
  auto detail = store_->GetCaseDetail(kase);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  EXPECT_EQ((*detail)->kase.account_id, "חשבון");
  ASSERT_EQ((*detail)->customers.size(), 1u);
  EXPECT_EQ((*detail)->customers[0].profile.name, name);
}

TEST_P(StoreContractTest, PlatformIdsAreOpaqueStringsAndOurIdsAre64Bit) {
  // Ids that a numeric column would mangle: beyond 2^53, beyond 2^63, leading zeros, signs.
  const std::vector<std::string> ids = {
      "1790123456789012345", "18446744073709551616", "00042", "-7", "1e3", "0x1F",
      "17841400000000000_1"};
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    for (const std::string& id : ids) {
      StoredMessage m = MakeMessage(Platform::kX, id, "t", kT0);
      m.message.account_id = "000" + id;
      m.message.parent_id = id;
      m.message.thread_key = id;
      m.message.author.id = id;
      m.message.counterpart_id = id;
      m.message.edit_of = id;
      FR_RETURN_IF_ERROR(t.InsertMessage(m).status());
    }
    return Status::Ok();
  }));
  for (const std::string& id : ids) {
    auto got = store_->GetMessage(Platform::kX, id);
    FR_ASSERT_OK(got.status());
    ASSERT_TRUE(got->has_value()) << id;
    const Message& m = (*got)->message;
    EXPECT_EQ(m.external_id, id);
    EXPECT_EQ(m.account_id, "000" + id);
    EXPECT_EQ(m.parent_id, id);
    EXPECT_EQ(m.thread_key, id);
    EXPECT_EQ(m.author.id, id);
    EXPECT_EQ(m.counterpart_id, id);
    EXPECT_EQ(m.edit_of, id);
  }
  // "42" is not "00042".
  auto other = store_->GetMessage(Platform::kX, "42");
  FR_ASSERT_OK(other.status());
  EXPECT_FALSE(other->has_value());
  // Large follower counts and times survive.
  Author big;
  big.id = "big";
  big.followers = 9'007'199'254'740'993;  // 2^53 + 1
  CaseId kase = 0;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(CustomerId cust, t.UpsertCustomer(Platform::kX, big));
    Case c = MakeCase(Platform::kX, cust, 4'102'444'800'000);  // 2100-01-01
    c.message_count = 9'007'199'254'740'993;
    FR_ASSIGN_OR_RETURN(kase, t.InsertCase(c));
    StoredMessage m = MakeMessage(Platform::kX, "big-1", "t", kT0);
    m.case_id = kase;
    m.author_customer_id = cust;
    return t.InsertMessage(m).status();
  }));
  auto detail = store_->GetCaseDetail(kase);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  EXPECT_EQ((*detail)->kase.message_count, 9'007'199'254'740'993);
  EXPECT_EQ((*detail)->kase.last_activity_at, 4'102'444'800'000);
  ASSERT_EQ((*detail)->customers.size(), 1u);
  EXPECT_EQ((*detail)->customers[0].profile.followers, 9'007'199'254'740'993);
}

// --- lifetime --------------------------------------------------------------------------------

TEST_P(StoreContractTest, ReopenedStoreKeepsData) {
  Thread th;
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(th, OpenThread(t, Platform::kInstagram, "ig1", "media_1", kT0));
    return t.AddAlias(Platform::kInstagram, "media_1_alias", th.message);
  }));
  store_.reset();
  auto reopened = database_->Open();
  FR_ASSERT_OK(reopened.status());
  store_ = std::move(reopened).value();
  EXPECT_EQ(*store_->CountMessages(), 1);
  auto got = store_->GetMessage(Platform::kInstagram, "media_1_alias");
  FR_ASSERT_OK(got.status());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->id, th.message);
  auto detail = store_->GetCaseDetail(th.kase);
  FR_ASSERT_OK(detail.status());
  ASSERT_TRUE(detail->has_value());
  EXPECT_EQ((*detail)->messages.size(), 1u);
  // Writing after re-opening continues the id sequences without reusing ids.
  FR_ASSERT_OK(Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(Thread second, OpenThread(t, Platform::kInstagram, "ig2", "media_2", kT0));
    EXPECT_NE(second.kase, th.kase);
    EXPECT_NE(second.message, th.message);
    EXPECT_NE(second.customer, th.customer);
    return Status::Ok();
  }));
  EXPECT_EQ(*store_->CountMessages(), 2);
  FR_EXPECT_OK(store_->Ping());
}

TEST_P(StoreContractTest, CommittedBatchIsVisibleToAFreshStore) {
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.InsertMessage(MakeMessage(Platform::kLinkedIn, "urn:li:comment:1", "hi", kT0))
        .status();
  }));
  // While the first store is still open.
  auto fresh = database_->Open();
  FR_ASSERT_OK(fresh.status());
  std::unique_ptr<ports::Store> second = std::move(fresh).value();
  auto got = second->GetMessage(Platform::kLinkedIn, "urn:li:comment:1");
  FR_ASSERT_OK(got.status());
  EXPECT_TRUE(got->has_value());
  // And the other way round: the second store's writes reach the first one's readers.
  FR_ASSERT_OK(Write(*second, [](StoreTxn& t) {
    return t.InsertMessage(MakeMessage(Platform::kLinkedIn, "urn:li:comment:2", "hi", kT0))
        .status();
  }));
  EXPECT_EQ(*store_->CountMessages(), 2);
  second.reset();
  store_.reset();
  fresh = database_->Open();
  FR_ASSERT_OK(fresh.status());
  EXPECT_EQ(*(*fresh)->CountMessages(), 2);
}

// --- concurrency -----------------------------------------------------------------------------

TEST_P(StoreContractTest, ConcurrentReadsWhileWritingSeeConsistentSnapshots) {
  constexpr int kBatches = 60;
  constexpr int kMessagesPerCase = 3;
  constexpr int kReaders = 4;
  std::atomic<bool> done{false};
  std::atomic<int> read_errors{0};
  std::atomic<int> inconsistent{0};
  std::atomic<long> reads{0};
  std::mutex first_error_mu;
  std::string first_error;
  auto note_error = [&](const Status& s) {
    read_errors.fetch_add(1);
    std::lock_guard lock(first_error_mu);
    if (first_error.empty()) first_error = s.ToString();
  };

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      std::int64_t last_count = 0;
      while (!done.load()) {
        auto count = store_->CountMessages();
        if (!count.ok()) {
          note_error(count.status());
          continue;
        }
        // Each batch adds one whole case: never a partial one, never going back.
        if (*count % kMessagesPerCase != 0 || *count < last_count) inconsistent.fetch_add(1);
        last_count = *count;
        auto page = store_->ListCases({}, std::nullopt, 5);
        if (!page.ok()) {
          note_error(page.status());
          continue;
        }
        for (const ports::CaseListItem& item : page->items) {
          auto detail = store_->GetCaseDetail(item.kase.id);
          if (!detail.ok()) {
            note_error(detail.status());
            continue;
          }
          if (!detail->has_value() || static_cast<std::int64_t>((*detail)->messages.size()) !=
                                          (*detail)->kase.message_count) {
            inconsistent.fetch_add(1);
          }
        }
        auto msg = store_->GetMessage(Platform::kX, "m-" + std::to_string(r) + "-0");
        if (!msg.ok()) note_error(msg.status());
        reads.fetch_add(1);
      }
    });
  }

  for (int b = 0; b < kBatches; ++b) {
    Status s = Write([&](StoreTxn& t) -> Status {
      FR_ASSIGN_OR_RETURN(CustomerId cust,
                          t.UpsertCustomer(Platform::kX, MakeAuthor("w" + std::to_string(b))));
      Case c = MakeCase(Platform::kX, cust, kT0 + b);
      c.message_count = 0;
      FR_ASSIGN_OR_RETURN(c.id, t.InsertCase(c));
      for (int i = 0; i < kMessagesPerCase; ++i) {
        StoredMessage m = MakeMessage(
            Platform::kX, "m-" + std::to_string(b) + "-" + std::to_string(i), "x", kT0 + b);
        m.case_id = c.id;
        m.author_customer_id = cust;
        FR_RETURN_IF_ERROR(t.InsertMessage(m).status());
        ++c.message_count;
        FR_RETURN_IF_ERROR(t.UpdateCase(c));
      }
      return Status::Ok();
    });
    EXPECT_TRUE(IsOk(s));
  }
  done.store(true);
  for (std::thread& t : readers) t.join();

  EXPECT_EQ(read_errors.load(), 0) << first_error;
  EXPECT_EQ(inconsistent.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(*store_->CountMessages(), kBatches * kMessagesPerCase);
}

}  // namespace fr::contract
