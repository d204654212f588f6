// The case list part of the Store contract (ports/store.h, ListCases): each case's customer and
// preview, the filters, the search (Hebrew-aware, prefix on the last word, kept current by
// every write) and the SLA urgency list with its own order and cursor, through the port only.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "tests/contract/store_contract.h"

namespace fr::contract {
namespace {

using domain::CaseId;
using domain::CaseStatus;
using domain::CustomerId;
using domain::MessageId;
using domain::Platform;
using ports::CaseFilter;
using ports::CaseOrder;
using ports::SlaUrgency;
using ports::StoreTxn;

constexpr UnixMillis kT0 = 1'700'000'000'000;
constexpr UnixMillis kMinute = 60'000;

testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << s.ToString();
}

#define FR_ASSERT_OK(expr) ASSERT_TRUE(IsOk(expr))

CaseFilter Text(std::string text) {
  CaseFilter f;
  f.text = std::move(text);
  return f;
}

domain::sla::CaseSlaClock Running(UnixMillis started, std::optional<UnixMillis> warn_at,
                                  UnixMillis due_at) {
  domain::sla::CaseSlaClock c;
  c.metric = domain::sla::SlaMetric::kFirstResponse;
  c.started_at = started;
  c.clock.target = std::chrono::milliseconds(due_at - started);
  c.clock.warn_after = std::chrono::milliseconds((warn_at ? *warn_at : due_at) - started);
  c.clock.phase = domain::sla::SlaPhase::kRunning;
  c.clock.phase_since = started;
  c.warn_at = warn_at;
  c.due_at = due_at;
  return c;
}

}  // namespace

CustomerId CaseListContractTest::AddCustomer(const std::string& user, const std::string& handle,
                                             const std::string& name) {
  CustomerId id = 0;
  domain::Author a;
  a.id = user;
  a.handle = handle;
  a.name = name;
  a.followers = 1234;
  a.verified = true;
  Status s = Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(id, t.UpsertCustomer(Platform::kX, a));
    return Status::Ok();
  });
  EXPECT_TRUE(IsOk(s));
  return id;
}

CaseId CaseListContractTest::AddCase(CustomerId customer, UnixMillis at, CaseStatus status) {
  CaseId id = 0;
  Status s = Write([&](StoreTxn& t) -> Status {
    domain::Case c;
    c.status = status;
    c.platform = Platform::kX;
    c.account_id = "brand";
    c.customer_id = customer;
    c.opened_at = at;
    c.last_activity_at = at;
    c.last_customer_message_at = at;
    FR_ASSIGN_OR_RETURN(id, t.InsertCase(c));
    return Status::Ok();
  });
  EXPECT_TRUE(IsOk(s));
  return id;
}

MessageId CaseListContractTest::AddMessage(CaseId kase, CustomerId customer,
                                           const std::string& text, UnixMillis created_at,
                                           bool outbound) {
  MessageId id = 0;
  ports::StoredMessage m;
  m.message.platform = Platform::kX;
  m.message.account_id = "brand";
  m.message.external_id = "m" + std::to_string(next_external_id_++);
  m.message.author.id = outbound ? "brand" : "customer";
  m.message.text = text;
  m.message.created_at = created_at;
  m.message.visibility = domain::Visibility::kPrivate;
  m.message.kind = domain::MessageKind::kDm;
  m.message.is_outbound = outbound;
  m.case_id = kase;
  m.author_customer_id = outbound ? 0 : customer;
  m.received_at = created_at + 5;
  Status s = Write([&](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(id, t.InsertMessage(m));
    return Status::Ok();
  });
  EXPECT_TRUE(IsOk(s));
  return id;
}

std::vector<CaseId> CaseListContractTest::ListAll(const CaseFilter& filter, int page_size) {
  std::vector<CaseId> ids;
  std::optional<ports::CaseCursor> cursor;
  for (int pages = 0; pages < 50; ++pages) {
    auto page = store_->ListCases(filter, cursor, page_size);
    EXPECT_TRUE(IsOk(page.status()));
    if (!page.ok()) break;
    EXPECT_LE(page->items.size(), static_cast<std::size_t>(page_size));
    for (const ports::CaseListItem& item : page->items) ids.push_back(item.kase.id);
    if (!page->next) break;
    EXPECT_EQ(page->next->id, page->items.back().kase.id);
    cursor = page->next;
  }
  return ids;
}

std::vector<CaseId> CaseListContractTest::Search(const std::string& text) {
  return ListAll(Text(text));
}

// --- what each item carries ------------------------------------------------------------------

TEST_P(CaseListContractTest, ItemsCarryTheCustomerAndTheNewestInboundMessage) {
  const CustomerId dana = AddCustomer("u-1", "dana_c", "Dana Cohen");
  const CaseId kase = AddCase(dana, kT0 + 10);
  AddMessage(kase, dana, "first", kT0);
  const MessageId second = AddMessage(kase, dana, "second", kT0 + 2);
  AddMessage(kase, dana, "the brand answers", kT0 + 3, /*outbound=*/true);
  const MessageId retracted = AddMessage(kase, dana, "retracted", kT0 + 4);
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.AddRevision(retracted,
                         {ports::RevisionKind::kDelete, "retracted", "retracted", kT0 + 5});
  }));
  const CaseId bare = AddCase(0, kT0 + 5);  // no customer, no message

  auto page = store_->ListCases({}, std::nullopt, 10);
  FR_ASSERT_OK(page.status());
  ASSERT_EQ(page->items.size(), 2u);
  const ports::CaseListItem& item = page->items[0];
  EXPECT_EQ(item.kase.id, kase);
  ASSERT_TRUE(item.customer.has_value());
  EXPECT_EQ(item.customer->id, dana);
  EXPECT_EQ(item.customer->platform, Platform::kX);
  EXPECT_EQ(item.customer->profile.id, "u-1");
  EXPECT_EQ(item.customer->profile.handle, "dana_c");
  EXPECT_EQ(item.customer->profile.name, "Dana Cohen");
  EXPECT_EQ(item.customer->profile.followers, 1234);
  EXPECT_EQ(item.customer->profile.verified, true);
  // Not the brand's answer, not the deleted message: the newest that is the customer's.
  ASSERT_TRUE(item.preview.has_value());
  EXPECT_EQ(item.preview->id, second);
  EXPECT_EQ(item.preview->text, "second");
  EXPECT_FALSE(item.preview->truncated);
  EXPECT_EQ(item.preview->visibility, domain::Visibility::kPrivate);
  EXPECT_EQ(item.preview->kind, domain::MessageKind::kDm);
  EXPECT_EQ(item.preview->created_at, kT0 + 2);

  EXPECT_EQ(page->items[1].kase.id, bare);
  EXPECT_FALSE(page->items[1].customer.has_value());
  EXPECT_FALSE(page->items[1].preview.has_value());
}

TEST_P(CaseListContractTest, PreviewIsCutAtAGraphemeBoundaryAndSaysSo) {
  const CustomerId c = AddCustomer("u-1", "h", "n");
  // 199 letters, then שָׁ (shin, qamats, shin dot: one cluster of three code points) crossing
  // the 200-character limit: the cut falls before it, never between the letter and its marks.
  const std::string long_text = std::string(199, 'a') + "שָׁלוֹם";
  const CaseId cut = AddCase(c, kT0 + 2);
  AddMessage(cut, c, long_text, kT0);
  const std::string exact(ports::kPreviewChars, 'b');
  const CaseId fits = AddCase(c, kT0 + 1);
  AddMessage(fits, c, exact, kT0);

  auto page = store_->ListCases({}, std::nullopt, 10);
  FR_ASSERT_OK(page.status());
  ASSERT_EQ(page->items.size(), 2u);
  ASSERT_TRUE(page->items[0].preview.has_value());
  EXPECT_EQ(page->items[0].kase.id, cut);
  EXPECT_EQ(page->items[0].preview->text, std::string(199, 'a'));
  EXPECT_TRUE(page->items[0].preview->truncated);
  ASSERT_TRUE(page->items[1].preview.has_value());
  EXPECT_EQ(page->items[1].preview->text, exact);
  EXPECT_FALSE(page->items[1].preview->truncated);
}

// --- filters ---------------------------------------------------------------------------------

TEST_P(CaseListContractTest, StatusListCustomerAndActiveFiltersCombine) {
  const CustomerId dana = AddCustomer("u-1", "dana", "Dana");
  const CustomerId noa = AddCustomer("u-2", "noa", "Noa");
  const CaseId dana_new = AddCase(dana, kT0 + 1, CaseStatus::kNew);
  const CaseId dana_closed = AddCase(dana, kT0 + 2, CaseStatus::kClosed);
  const CaseId noa_pending = AddCase(noa, kT0 + 3, CaseStatus::kPending);
  const CaseId noa_open = AddCase(noa, kT0 + 4, CaseStatus::kOpen);
  const CaseId dana_resolved = AddCase(dana, kT0 + 5, CaseStatus::kResolved);

  CaseFilter new_or_pending;
  new_or_pending.statuses = {CaseStatus::kNew, CaseStatus::kPending};
  EXPECT_EQ(ListAll(new_or_pending, 1), (std::vector<CaseId>{noa_pending, dana_new}));

  CaseFilter of_dana;
  of_dana.customer = dana;
  EXPECT_EQ(ListAll(of_dana), (std::vector<CaseId>{dana_resolved, dana_closed, dana_new}));
  of_dana.statuses = {CaseStatus::kClosed, CaseStatus::kResolved};
  EXPECT_EQ(ListAll(of_dana), (std::vector<CaseId>{dana_resolved, dana_closed}));

  CaseFilter active;
  active.active_only = true;
  EXPECT_EQ(ListAll(active), (std::vector<CaseId>{noa_open, noa_pending, dana_new}));
  active.statuses = {CaseStatus::kOpen, CaseStatus::kClosed};
  EXPECT_EQ(ListAll(active), (std::vector<CaseId>{noa_open}));
  active.statuses = {CaseStatus::kClosed};
  EXPECT_TRUE(ListAll(active).empty());

  CaseFilter nobody;
  nobody.customer = noa + dana + 100;
  EXPECT_TRUE(ListAll(nobody).empty());
}

// --- search ----------------------------------------------------------------------------------

TEST_P(CaseListContractTest, SearchIgnoresCaseNiqqudAndFinalLettersAndPrefixesTheLastWord) {
  const CustomerId c = AddCustomer("u-1", "someone", "Someone");
  const CaseId hebrew = AddCase(c, kT0 + 2);
  AddMessage(hebrew, c, "שָׁלוֹם, הַהַחְזָר שֶׁלִּי לֹא הִגִּיעַ", kT0);
  const CaseId english = AddCase(c, kT0 + 1);
  AddMessage(english, c, "My REFUND was not received", kT0);
  const std::vector<CaseId> h{hebrew}, e{english}, none;

  // Written plainly, the words match text written with niqqud; final letters as written.
  EXPECT_EQ(Search("שלום"), h);
  EXPECT_EQ(Search("לא הגיע"), h);
  EXPECT_EQ(Search("הגיע שלום"), h);  // any order, any message position
  // With niqqud in the search too, or with other niqqud.
  EXPECT_EQ(Search("שָלום"), h);
  EXPECT_EQ(Search("הִגִּיעַ"), h);
  // Hebrew prefix letters: the text's ההחזר is found as החזר too.
  EXPECT_EQ(Search("החזר"), h);
  EXPECT_EQ(Search("ההחזר"), h);
  // The last word is a prefix: the word being typed.
  EXPECT_EQ(Search("של"), h);
  EXPECT_EQ(Search("שלו"), h);
  EXPECT_EQ(Search("לא הגי"), h);
  // Only the last one: earlier words are whole words.
  EXPECT_EQ(Search("הגי לא"), none);

  EXPECT_EQ(Search("refund"), e);
  EXPECT_EQ(Search("ReFuNd"), e);
  EXPECT_EQ(Search("REF"), e);
  EXPECT_EQ(Search("re"), e);
  EXPECT_EQ(Search("r"), none);  // one letter is a whole word, not a prefix
  EXPECT_EQ(Search("my r"), none);
  EXPECT_EQ(Search("not received"), e);
  EXPECT_EQ(Search("received ref"), e);
  EXPECT_EQ(Search("ref received"), none);
  EXPECT_EQ(Search("refund pizza"), none);
  EXPECT_EQ(Search("שלום refund"), none);  // every word in the same case
}

TEST_P(CaseListContractTest, SearchCoversOutboundMessagesAndTheCustomersHandleAndName) {
  const CustomerId dana = AddCustomer("u-1", "dana_cohen", "דנה כהן");
  const CustomerId noa = AddCustomer("u-2", "noa", "Noa Levi");
  const CaseId dana_case = AddCase(dana, kT0 + 2);
  AddMessage(dana_case, dana, "my order is late", kT0);
  AddMessage(dana_case, dana, "קוד קופון 1234 לשימושך", kT0 + 1, /*outbound=*/true);
  const CaseId noa_case = AddCase(noa, kT0 + 1);
  AddMessage(noa_case, noa, "my order never came", kT0);

  EXPECT_EQ(Search("קופון"), (std::vector<CaseId>{dana_case}));  // the brand's own words
  EXPECT_EQ(Search("1234"), (std::vector<CaseId>{dana_case}));
  EXPECT_EQ(Search("dana"), (std::vector<CaseId>{dana_case}));  // handle, split at '_'
  EXPECT_EQ(Search("@dana_cohen"), (std::vector<CaseId>{dana_case}));
  EXPECT_EQ(Search("כהן"), (std::vector<CaseId>{dana_case}));  // name (final letter)
  EXPECT_EQ(Search("levi"), (std::vector<CaseId>{noa_case}));
  EXPECT_EQ(Search("order"), (std::vector<CaseId>{dana_case, noa_case}));
  // Words may come from the customer and from a message.
  EXPECT_EQ(Search("dana order"), (std::vector<CaseId>{dana_case}));
  EXPECT_EQ(Search("noa late"), std::vector<CaseId>{});
}

TEST_P(CaseListContractTest, SearchFollowsEditsDeletesAndProfileChanges) {
  const CustomerId c = AddCustomer("u-1", "orig_handle", "Original Name");
  const CaseId kase = AddCase(c, kT0);
  const MessageId m = AddMessage(kase, c, "broken kettle", kT0);
  const std::vector<CaseId> found{kase}, none;
  EXPECT_EQ(Search("kettle"), found);

  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.AddRevision(m,
                         {ports::RevisionKind::kEdit, "broken kettle", "broken toaster", kT0 + 1});
  }));
  EXPECT_EQ(Search("kettle"), none);
  EXPECT_EQ(Search("toaster"), found);
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.AddRevision(m,
                         {ports::RevisionKind::kHide, "broken toaster", "broken toaster", kT0 + 2});
  }));
  EXPECT_EQ(Search("toaster"), found);  // hidden on the platform, still the customer's words
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.AddRevision(
        m, {ports::RevisionKind::kDelete, "broken toaster", "broken toaster", kT0 + 3});
  }));
  EXPECT_EQ(Search("toaster"), none);
  // An edit after the deletion does not bring it back.
  FR_ASSERT_OK(Write([&](StoreTxn& t) {
    return t.AddRevision(m,
                         {ports::RevisionKind::kEdit, "broken toaster", "broken fridge", kT0 + 4});
  }));
  EXPECT_EQ(Search("fridge"), none);

  EXPECT_EQ(Search("original"), found);
  domain::Author renamed;
  renamed.id = "u-1";
  renamed.name = "Renamed Person";  // the handle is not given: it stays
  FR_ASSERT_OK(
      Write([&](StoreTxn& t) { return t.UpsertCustomer(Platform::kX, renamed).status(); }));
  EXPECT_EQ(Search("original"), none);
  EXPECT_EQ(Search("renamed"), found);
  EXPECT_EQ(Search("orig_handle"), found);
}

TEST_P(CaseListContractTest, SearchWithoutWordsOrWithTooManyIsRefused) {
  for (const char* text : {"!!!", " - ", "\u05B8\u05C1"}) {  // punctuation; niqqud only
    auto page = store_->ListCases(Text(text), std::nullopt, 10);
    EXPECT_EQ(page.status().code(), Errc::kInvalidArgument) << text;
    EXPECT_EQ(page.status().reason(), "invalid_search") << text;
  }
  std::string many;
  for (std::size_t i = 0; i <= ports::kMaxSearchWords; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(store_->ListCases(Text(many), std::nullopt, 10).status().reason(), "invalid_search");
  many.resize(many.rfind(" w"));  // kMaxSearchWords words: fine
  EXPECT_TRUE(IsOk(store_->ListCases(Text(many), std::nullopt, 10).status()));
}

TEST_P(CaseListContractTest, SearchPagesWithTheActivityCursor) {
  const CustomerId c = AddCustomer("u-1", "h", "n");
  // Ties on last_activity_at: the id decides, as without a search.
  const UnixMillis activity[] = {kT0 + 3, kT0 + 1, kT0 + 3, kT0 + 7, kT0 + 3, kT0, kT0 + 9};
  std::vector<std::pair<UnixMillis, CaseId>> matching;
  for (int i = 0; i < 7; ++i) {
    const CaseId kase = AddCase(c, activity[i]);
    AddMessage(kase, c, i % 2 == 0 ? "late delivery again" : "wrong colour", kT0);
    if (i % 2 == 0) matching.emplace_back(activity[i], kase);
  }
  std::sort(matching.begin(), matching.end(), std::greater<>());  // latest first, then id
  std::vector<CaseId> want;
  for (const auto& [at, id] : matching) want.push_back(id);

  EXPECT_EQ(ListAll(Text("delivery"), 1), want);
  EXPECT_EQ(ListAll(Text("late deliv"), 3), want);
  CaseFilter narrowed = Text("delivery");
  narrowed.customer = c;
  narrowed.statuses = {CaseStatus::kOpen};
  EXPECT_EQ(ListAll(narrowed, 2), want);
}

// --- SLA urgency -----------------------------------------------------------------------------

TEST_P(CaseListContractTest, SlaUrgencyListsRunningClocksSoonestDueFirstWithItsOwnCursor) {
  const UnixMillis now = kT0 + 1000 * kMinute;
  const CustomerId c = AddCustomer("u-1", "h", "n");
  auto put = [&](CaseId id, const domain::sla::CaseSlaClock& clock) {
    ASSERT_TRUE(IsOk(Write([&](StoreTxn& t) { return t.sla().PutClock(id, clock); })));
  };
  // Last activity runs against due time, so the two orders differ.
  const CaseId breached = AddCase(c, kT0 + 1);
  put(breached, Running(kT0, now - 30 * kMinute, now - 10 * kMinute));
  const CaseId warning = AddCase(c, kT0 + 2);
  put(warning, Running(kT0, now - 5 * kMinute, now + 60 * kMinute));
  const CaseId due_soon = AddCase(c, kT0 + 3);  // not warned yet, due in 10 minutes
  put(due_soon, Running(kT0, now + 2 * kMinute, now + 10 * kMinute));
  const CaseId no_warning_point = AddCase(c, kT0 + 4);  // warns only when it breaches
  put(no_warning_point, Running(kT0, std::nullopt, now + 14 * kMinute));
  const CaseId later = AddCase(c, kT0 + 5);  // on track, due in 30 minutes
  put(later, Running(kT0, now + 20 * kMinute, now + 30 * kMinute));
  const CaseId paused = AddCase(c, kT0 + 6, CaseStatus::kPending);  // breached, but waiting
  domain::sla::CaseSlaClock p = Running(kT0, now - 50 * kMinute, now - 40 * kMinute);
  p.clock.phase = domain::sla::SlaPhase::kPaused;
  p.warn_at.reset();
  p.due_at.reset();
  put(paused, p);
  const CaseId stopped = AddCase(c, kT0 + 7, CaseStatus::kResolved);
  domain::sla::CaseSlaClock s = Running(kT0, now - 50 * kMinute, now - 40 * kMinute);
  s.clock.phase = domain::sla::SlaPhase::kStopped;
  s.warn_at.reset();
  s.due_at.reset();
  put(stopped, s);
  AddCase(c, kT0 + 8);  // no clock at all

  CaseFilter breaching;
  breaching.sla = ports::SlaUrgencyFilter{
      .urgency = SlaUrgency::kBreaching, .now = now, .due_within = 15 * kMinute};
  const std::vector<CaseId> soonest_first{breached, due_soon, no_warning_point, warning};
  EXPECT_EQ(ListAll(breaching), soonest_first);
  EXPECT_EQ(ListAll(breaching, 1), soonest_first);
  EXPECT_EQ(ListAll(breaching, 3), soonest_first);

  auto first = store_->ListCases(breaching, std::nullopt, 1);
  FR_ASSERT_OK(first.status());
  ASSERT_TRUE(first->next.has_value());
  EXPECT_EQ(first->next->order, CaseOrder::kSlaDue);
  EXPECT_EQ(first->next->key, now - 10 * kMinute);  // the due time, not the activity
  EXPECT_EQ(first->next->id, breached);
  // A cursor of one order does not continue the other.
  auto by_activity = store_->ListCases({}, std::nullopt, 1);
  FR_ASSERT_OK(by_activity.status());
  ASSERT_TRUE(by_activity->next.has_value());
  EXPECT_EQ(store_->ListCases(breaching, by_activity->next, 1).status().reason(), "invalid_cursor");
  EXPECT_EQ(store_->ListCases({}, first->next, 1).status().reason(), "invalid_cursor");

  CaseFilter only_warning = breaching;
  only_warning.sla->urgency = SlaUrgency::kWarning;
  EXPECT_EQ(ListAll(only_warning), (std::vector<CaseId>{warning}));
  CaseFilter only_breached = breaching;
  only_breached.sla->urgency = SlaUrgency::kBreached;
  EXPECT_EQ(ListAll(only_breached), (std::vector<CaseId>{breached}));

  // Other filters narrow it as usual.
  AddMessage(warning, c, "where is my parcel", kT0);
  AddMessage(due_soon, c, "parcel damaged", kT0);
  CaseFilter searched = breaching;
  searched.text = "parcel";
  EXPECT_EQ(ListAll(searched, 1), (std::vector<CaseId>{due_soon, warning}));
  CaseFilter closed_only = breaching;
  closed_only.statuses = {CaseStatus::kClosed};
  EXPECT_TRUE(ListAll(closed_only).empty());
}

}  // namespace fr::contract
