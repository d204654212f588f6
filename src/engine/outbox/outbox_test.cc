// Outbox on real SQLite with a scripted fake platform and a ManualClock: sending, retries and
// throttling, approvals, the audit log, crashes and ambiguous answers, and echo matching
// through the real Threader.
#include "engine/outbox/outbox.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <future>
#include <map>
#include <random>
#include <set>

#include "engine/thread/threader.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/flaky_store.h"
#include "tests/support/temp_dir.h"

namespace fr::engine {
namespace {

using domain::Message;
using domain::Platform;
using domain::Reply;
using domain::ReplyId;
using domain::ReplyRoute;
using domain::ReplyStatus;
using ports::OutboundReply;
using ports::ReplyAuditAction;
using ports::ReplyAuditEntry;
using ports::SendOutcome;
using ports::StoreTxn;

constexpr UnixMillis kT0 = 1'800'000'000'000;
constexpr UnixMillis kMinute = 60'000;
constexpr UnixMillis kEchoWait = 5 * kMinute;
constexpr char kBrandX[] = "1500000000000000001";
constexpr char kPage[] = "104000000000001";
constexpr char kOtherPage[] = "104000000000002";
constexpr char kTweet[] = "1790123456789012345";

SendOutcome Sent(std::string id) {
  SendOutcome o;
  o.kind = SendOutcome::Kind::kSent;
  o.platform_id = std::move(id);
  o.http_status = 200;
  return o;
}

SendOutcome Retry(int http_status, std::string code, std::string text, UnixMillis retry_at = 0) {
  SendOutcome o;
  o.kind = SendOutcome::Kind::kRetryLater;
  o.http_status = http_status;
  o.error_code = std::move(code);
  o.error_text = std::move(text);
  o.retry_at = retry_at;
  return o;
}

SendOutcome RateLimited(UnixMillis retry_at) {
  return Retry(429, "88", "Rate limit exceeded", retry_at);
}

SendOutcome Unavailable() { return Retry(503, "503", "Service Unavailable"); }

SendOutcome Ambiguous() {
  SendOutcome o = Retry(0, "timeout", "Operation timed out after 15000 milliseconds");
  o.ambiguous = true;
  return o;
}

SendOutcome PageThrottled(UnixMillis retry_at) {
  SendOutcome o = Retry(400, "32", "Page request limit reached", retry_at);
  o.pause_account = true;
  return o;
}

SendOutcome Refused(std::string code, std::string text) {
  SendOutcome o;
  o.kind = SendOutcome::Kind::kFailed;
  o.http_status = 400;
  o.error_code = std::move(code);
  o.error_text = std::move(text);
  return o;
}

// A platform behind the ReplyGateway port. Answers each Send with the next scripted outcome,
// or by the responder when one is set, else accepts it with a fresh id; records every call.
class FakeGateway final : public ports::ReplyGateway {
 public:
  using Responder = std::function<SendOutcome(const OutboundReply&)>;

  FakeGateway(std::string prefix, std::vector<Platform> platforms)
      : prefix_(std::move(prefix)), platforms_(std::move(platforms)) {}

  bool Handles(Platform p) const override {
    return std::find(platforms_.begin(), platforms_.end(), p) != platforms_.end();
  }

  Status Validate(const OutboundReply& r) const override {
    if (r.text.empty()) return Status(Errc::kInvalidArgument, "empty_text", "write something");
    if (r.text.size() > 280) return Status(Errc::kInvalidArgument, "too_long", "too long");
    return Status::Ok();
  }

  SendOutcome Send(const OutboundReply& r, UnixMillis now) const override {
    std::unique_lock lock(mu_);
    calls_.push_back(Call{r, now});
    SendOutcome out;
    if (!script_.empty()) {
      out = script_.front();
      script_.pop_front();
    } else if (responder_) {
      out = responder_(r);
    } else {
      out = Sent(prefix_ + std::to_string(calls_.size()));
    }
    std::function<void(const OutboundReply&)> during = during_send_;
    lock.unlock();
    if (during) during(r);
    return out;
  }

  struct Call {
    OutboundReply reply;
    UnixMillis at = 0;
  };

  void Then(SendOutcome o) {
    std::lock_guard lock(mu_);
    script_.push_back(std::move(o));
  }
  void SetResponder(Responder r) {
    std::lock_guard lock(mu_);
    responder_ = std::move(r);
  }
  // Runs inside Send, after the answer is chosen: what happens while the call is on the wire.
  void DuringSend(std::function<void(const OutboundReply&)> f) {
    std::lock_guard lock(mu_);
    during_send_ = std::move(f);
  }
  std::vector<Call> calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  const std::string prefix_;
  const std::vector<Platform> platforms_;
  mutable std::mutex mu_;
  mutable std::deque<SendOutcome> script_;
  mutable std::vector<Call> calls_;
  Responder responder_;
  std::function<void(const OutboundReply&)> during_send_;
};

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    OpenStore();
    Status s = ports::WriteOne(*store_, [&](StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(dana_, txn.people().InsertUser(User("dana", domain::Role::kAgent)));
      FR_ASSIGN_OR_RETURN(sara_, txn.people().InsertUser(User("sara", domain::Role::kSupervisor)));
      FR_ASSIGN_OR_RETURN(x_case_, txn.InsertCase(Case(Platform::kX, kBrandX)));
      FR_ASSIGN_OR_RETURN(meta_case_, txn.InsertCase(Case(Platform::kMessenger, kPage)));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    options_.max_attempts = 5;
    options_.backoff_base = 1'000;
    options_.backoff_cap = 60'000;
    options_.echo_wait = kEchoWait;
    options_.jitter_seed = 7;
  }

  void OpenStore() {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("t.db");
    auto store = storage::sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  static ports::StoredUser User(std::string name, domain::Role role) {
    ports::StoredUser u;
    u.user.username = std::move(name);
    u.user.display_name = "משתמש";
    u.user.role = role;
    u.user.capacity = 5;
    u.user.created_at = kT0;
    return u;
  }

  static domain::Case Case(Platform platform, std::string account) {
    domain::Case c;
    c.status = domain::CaseStatus::kOpen;
    c.platform = platform;
    c.account_id = std::move(account);
    c.opened_at = kT0;
    c.last_activity_at = kT0;
    c.last_customer_message_at = kT0;
    return c;
  }

  Outbox& outbox() {
    if (!outbox_) outbox_ = MakeOutbox(*store_);
    return *outbox_;
  }
  std::unique_ptr<Outbox> MakeOutbox(ports::Store& store) {
    return std::make_unique<Outbox>(
        store, clock_, std::vector<const ports::ReplyGateway*>{&x_, &meta_}, options_, metrics_);
  }

  Reply XReply(std::string text, std::string in_reply_to = kTweet) {
    Reply r;
    r.case_id = x_case_;
    r.author = dana_;
    r.platform = Platform::kX;
    r.account_id = kBrandX;
    r.route = ReplyRoute::kPublicReply;
    r.in_reply_to = std::move(in_reply_to);
    r.text = std::move(text);
    return r;
  }

  Reply Dm(Platform platform, std::string account, std::string recipient, std::string text) {
    Reply r;
    r.case_id = meta_case_;
    r.author = dana_;
    r.platform = platform;
    r.account_id = std::move(account);
    r.route = ReplyRoute::kDirectMessage;
    r.recipient_id = std::move(recipient);
    r.text = std::move(text);
    return r;
  }

  Reply Enqueue(Reply r) {
    auto stored = outbox().Enqueue(std::move(r));
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    return stored.ok() ? *stored : Reply{};
  }

  Reply Get(ReplyId id) {
    auto r = store_->replies().GetReply(id);
    EXPECT_TRUE(r.ok() && r->has_value()) << "reply " << id;
    return r.ok() && *r ? **r : Reply{};
  }

  std::vector<ReplyAuditEntry> Audit(ReplyId id) {
    auto log = store_->replies().ReplyAudit(id);
    EXPECT_TRUE(log.ok());
    return log.ok() ? *log : std::vector<ReplyAuditEntry>{};
  }

  std::vector<ReplyAuditAction> Actions(ReplyId id) {
    std::vector<ReplyAuditAction> out;
    for (const ReplyAuditEntry& e : Audit(id)) out.push_back(e.action);
    return out;
  }

  // One round of the sender at `at`; returns how many replies went to a gateway.
  int RunAt(UnixMillis at) {
    clock_.Set(at);
    Result<int> n = outbox().RunOnce(at);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  }

  // Stores `m` as ingest does (the Threader in a deferred batch); returns its id.
  domain::MessageId Ingest(const Message& m) {
    Threader threader(ThreadingOptions{});
    ports::WriteUnit unit = [&](StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", clock_.NowMillis(), "{}"));
      return threader
          .Apply(txn, domain::InboundEvent{domain::EventType::kMessage, m, 0}, delivery,
                 clock_.NowMillis())
          .status();
    };
    auto results = store_->WriteBatch(std::span<const ports::WriteUnit>(&unit, 1),
                                      ports::Durability::kDeferred);
    EXPECT_TRUE(results.at(0).ok()) << results.at(0).ToString();
    auto stored = store_->GetMessage(m.platform, m.external_id);
    EXPECT_TRUE(stored.ok() && stored->has_value());
    return stored.ok() && *stored ? (*stored)->id : 0;
  }

  Message XEcho(std::string id, std::string text, std::string parent = kTweet) {
    Message m;
    m.platform = Platform::kX;
    m.account_id = kBrandX;
    m.external_id = std::move(id);
    m.parent_id = std::move(parent);
    m.author.id = kBrandX;
    m.author.handle = "kantina_il";
    m.text = std::move(text);
    m.created_at = clock_.NowMillis();
    m.kind = domain::MessageKind::kReply;
    m.is_outbound = true;
    return m;
  }

  Message DmEcho(Platform platform, std::string account, std::string id, std::string recipient,
                 std::string text) {
    Message m;
    m.platform = platform;
    m.account_id = account;
    m.external_id = std::move(id);
    m.author.id = std::move(account);
    m.counterpart_id = std::move(recipient);
    m.text = std::move(text);
    m.created_at = clock_.NowMillis();
    m.visibility = domain::Visibility::kPrivate;
    m.kind = domain::MessageKind::kDm;
    m.is_outbound = true;
    return m;
  }

  // Leaves reply `id` as a sender that died during the call at `at` would have: kSending,
  // the attempt counted, waiting for its echo.
  void LeaveSending(ReplyId id, UnixMillis at) {
    Reply r = Get(id);
    r.status = ReplyStatus::kSending;
    r.attempts += 1;
    r.next_attempt_at = at + kEchoWait;
    ASSERT_TRUE(
        ports::WriteOne(*store_, [&](StoreTxn& txn) { return txn.replies().UpdateReply(r); }).ok());
  }

  std::uint64_t Count(const std::string& name, const metrics::Labels& labels) {
    return metrics_.GetCounter(name, "", labels)->Value();
  }

  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  ManualClock clock_{kT0};
  metrics::Registry metrics_;
  FakeGateway x_{"x-", {Platform::kX}};
  FakeGateway meta_{"m_", {Platform::kFacebook, Platform::kMessenger, Platform::kInstagram}};
  OutboxOptions options_;
  std::unique_ptr<Outbox> outbox_;
  domain::UserId dana_ = 0;
  domain::UserId sara_ = 0;
  domain::CaseId x_case_ = 0;
  domain::CaseId meta_case_ = 0;
};

TEST_F(OutboxTest, StoresTheReplyBeforeTheCallAndSendsItOnce) {
  Reply r = Enqueue(XReply("שלום דנה, ההזמנה בדרך 🚚"));
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.status, ReplyStatus::kQueued);
  EXPECT_GE(r.idempotency_key.size(), 16u);
  EXPECT_EQ(Get(r.id), r);
  EXPECT_TRUE(x_.calls().empty());

  // While the platform is being called, the attempt is already on disk.
  std::optional<Reply> during;
  x_.DuringSend([&](const OutboundReply&) { during = **store_->replies().GetReply(r.id); });
  EXPECT_EQ(RunAt(kT0), 1);
  ASSERT_TRUE(during.has_value());
  EXPECT_EQ(during->status, ReplyStatus::kSending);
  EXPECT_EQ(during->attempts, 1);

  ASSERT_EQ(x_.calls().size(), 1u);
  EXPECT_EQ(x_.calls()[0].reply.idempotency_key, r.idempotency_key);
  EXPECT_EQ(x_.calls()[0].reply.text, "שלום דנה, ההזמנה בדרך 🚚");
  EXPECT_EQ(x_.calls()[0].reply.in_reply_to, kTweet);
  Reply sent = Get(r.id);
  EXPECT_EQ(sent.status, ReplyStatus::kSent);
  EXPECT_EQ(sent.platform_id, "x-1");
  EXPECT_EQ(sent.sent_at, kT0);
  EXPECT_EQ(Actions(r.id), (std::vector<ReplyAuditAction>{ReplyAuditAction::kWritten,
                                                          ReplyAuditAction::kSendAttempt,
                                                          ReplyAuditAction::kSent}));
  EXPECT_EQ(Audit(r.id)[0].actor, dana_);
  EXPECT_FALSE(Audit(r.id)[2].actor.has_value());
  EXPECT_EQ(Audit(r.id)[2].platform_id, "x-1");

  EXPECT_EQ(RunAt(kT0 + kEchoWait * 2), 0);
  EXPECT_EQ(x_.calls().size(), 1u);
  EXPECT_EQ(Count("feedroom_outbox_sent_total", {{"platform", "x"}}), 1u);
}

TEST_F(OutboxTest, InvalidRepliesAreRefusedBeforeTheyAreStored) {
  auto too_long = outbox().Enqueue(XReply(std::string(300, 'a')));
  EXPECT_EQ(too_long.status().reason(), "too_long");
  Reply linkedin = XReply("hi");
  linkedin.platform = Platform::kLinkedIn;
  EXPECT_EQ(outbox().Enqueue(linkedin).status().reason(), "unsupported_platform");
  Reply no_case = XReply("hi");
  no_case.case_id = 0;
  EXPECT_EQ(outbox().Enqueue(no_case).status().reason(), "missing_case");
  EXPECT_TRUE(store_->replies().CaseReplies(x_case_)->empty());
}

TEST_F(OutboxTest, RateLimitStormWaitsForEachResetThePlatformGives) {
  Reply r = Enqueue(XReply("תודה על הסבלנות"));
  x_.Then(RateLimited(kT0 + 1 * kMinute));
  x_.Then(RateLimited(kT0 + 3 * kMinute));
  x_.Then(RateLimited(kT0 + 4 * kMinute));
  EXPECT_EQ(RunAt(kT0), 1);
  EXPECT_EQ(Get(r.id).status, ReplyStatus::kQueued);
  EXPECT_EQ(Get(r.id).next_attempt_at, kT0 + kMinute);
  EXPECT_EQ(Get(r.id).error_code, "88");
  EXPECT_EQ(RunAt(kT0 + kMinute - 1), 0);
  EXPECT_EQ(RunAt(kT0 + kMinute), 1);
  EXPECT_EQ(RunAt(kT0 + 2 * kMinute), 0);
  EXPECT_EQ(RunAt(kT0 + 3 * kMinute), 1);
  EXPECT_EQ(RunAt(kT0 + 4 * kMinute), 1);
  Reply sent = Get(r.id);
  EXPECT_EQ(sent.status, ReplyStatus::kSent);
  EXPECT_EQ(sent.attempts, 4);
  EXPECT_TRUE(sent.error_code.empty());

  std::vector<UnixMillis> times;
  for (const auto& call : x_.calls()) times.push_back(call.at);
  EXPECT_EQ(times,
            (std::vector<UnixMillis>{kT0, kT0 + kMinute, kT0 + 3 * kMinute, kT0 + 4 * kMinute}));
  std::vector<ReplyAuditEntry> log = Audit(r.id);
  ASSERT_EQ(log.size(), 9u);
  EXPECT_EQ(log[2].action, ReplyAuditAction::kRetry);
  EXPECT_EQ(log[2].error_code, "88");
  EXPECT_EQ(log[2].error_text, "Rate limit exceeded");
  EXPECT_EQ(log[2].detail, "retry_at=" + std::to_string(kT0 + kMinute));
  EXPECT_EQ(Count("feedroom_outbox_retried_total", {{"platform", "x"}, {"reason", "throttled"}}),
            3u);
}

TEST_F(OutboxTest, ServerErrorsBackOffExponentiallyWithJitter) {
  Reply r = Enqueue(XReply("בודקים"));
  x_.Then(Unavailable());
  x_.Then(Unavailable());
  x_.Then(Unavailable());
  UnixMillis now = kT0;
  for (UnixMillis full : {1'000, 2'000, 4'000}) {
    ASSERT_EQ(RunAt(now), 1);
    UnixMillis delay = Get(r.id).next_attempt_at - now;
    EXPECT_GE(delay, full / 2);
    EXPECT_LE(delay, full);
    EXPECT_EQ(RunAt(now + delay - 1), 0);
    now += delay;
  }
  EXPECT_EQ(RunAt(now), 1);
  EXPECT_EQ(Get(r.id).status, ReplyStatus::kSent);
  EXPECT_EQ(Count("feedroom_outbox_retried_total", {{"platform", "x"}, {"reason", "transient"}}),
            3u);
}

TEST_F(OutboxTest, BackoffIsCapped) {
  for (int attempts : {10, 30, 100}) {
    UnixMillis d = BackoffDelay(attempts, options_, 1.0);
    EXPECT_EQ(d, options_.backoff_cap);
    EXPECT_EQ(BackoffDelay(attempts, options_, 0.0), options_.backoff_cap / 2);
  }
}

TEST_F(OutboxTest, PageThrottlePausesThatAccountOnly) {
  Reply first = Enqueue(Dm(Platform::kMessenger, kPage, "psid-1", "היי"));
  Reply second = Enqueue(Dm(Platform::kMessenger, kPage, "psid-2", "שלום"));
  Reply comment = Dm(Platform::kFacebook, kPage, "", "תודה!");
  comment.route = ReplyRoute::kPublicReply;
  comment.in_reply_to = "104000000000001_555";
  comment = Enqueue(comment);
  Reply other = Enqueue(Dm(Platform::kMessenger, kOtherPage, "psid-3", "בוקר טוב"));
  const UnixMillis until = kT0 + 10 * kMinute;
  meta_.Then(PageThrottled(until));

  EXPECT_EQ(RunAt(kT0), 2);  // the first one, then the other Page's
  ASSERT_EQ(meta_.calls().size(), 2u);
  EXPECT_EQ(meta_.calls()[0].reply.recipient_id, "psid-1");
  EXPECT_EQ(meta_.calls()[1].reply.recipient_id, "psid-3");
  EXPECT_EQ(Get(other.id).status, ReplyStatus::kSent);
  for (ReplyId held : {first.id, second.id, comment.id}) {
    EXPECT_EQ(Get(held).status, ReplyStatus::kQueued) << held;
    EXPECT_EQ(Get(held).next_attempt_at, until) << held;
  }
  EXPECT_EQ(Get(second.id).attempts, 0);
  EXPECT_EQ(Get(first.id).error_code, "32");

  EXPECT_EQ(RunAt(kT0 + 5 * kMinute), 0);
  EXPECT_EQ(RunAt(until), 3);
  for (ReplyId id : {first.id, second.id, comment.id}) {
    EXPECT_EQ(Get(id).status, ReplyStatus::kSent) << id;
  }
  EXPECT_EQ(meta_.calls().size(), 5u);
  EXPECT_EQ(
      Count("feedroom_outbox_retried_total", {{"platform", "messenger"}, {"reason", "throttled"}}),
      1u);
}

TEST_F(OutboxTest, APausedAccountsNewRepliesWaitToo) {
  Reply first = Enqueue(Dm(Platform::kMessenger, kPage, "psid-1", "היי"));
  meta_.Then(PageThrottled(kT0 + 10 * kMinute));
  EXPECT_EQ(RunAt(kT0), 1);
  Reply later = Enqueue(Dm(Platform::kMessenger, kPage, "psid-2", "עוד משהו"));
  EXPECT_EQ(RunAt(kT0 + kMinute), 0);
  EXPECT_EQ(Get(later.id).next_attempt_at, kT0 + 10 * kMinute);
  EXPECT_EQ(RunAt(kT0 + 10 * kMinute), 2);
  EXPECT_EQ(Get(first.id).status, ReplyStatus::kSent);
  EXPECT_EQ(Get(later.id).status, ReplyStatus::kSent);
}

TEST_F(OutboxTest, RefusedReplyFailsWithThePlatformsWords) {
  Reply r = Enqueue(Dm(Platform::kMessenger, kPage, "psid-1", "היי"));
  meta_.Then(Refused("10/2018278", "(#10) This message is sent outside of allowed window."));
  EXPECT_EQ(RunAt(kT0), 1);
  Reply failed = Get(r.id);
  EXPECT_EQ(failed.status, ReplyStatus::kFailed);
  EXPECT_EQ(failed.error_code, "10/2018278");
  EXPECT_EQ(failed.error_text, "(#10) This message is sent outside of allowed window.");
  EXPECT_EQ(Audit(r.id).back().action, ReplyAuditAction::kFailed);
  EXPECT_EQ(Audit(r.id).back().error_text, failed.error_text);
  EXPECT_EQ(RunAt(kT0 + kEchoWait * 10), 0);
  EXPECT_EQ(meta_.calls().size(), 1u);
  EXPECT_EQ(
      Count("feedroom_outbox_failed_total", {{"platform", "messenger"}, {"reason", "refused"}}),
      1u);
}

TEST_F(OutboxTest, RetriesRunOutAfterMaxAttempts) {
  options_.max_attempts = 3;
  Reply r = Enqueue(XReply("ניסיון"));
  for (int i = 0; i < 3; ++i) x_.Then(Unavailable());
  UnixMillis now = kT0;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(RunAt(now), 1);
    now = std::max(now, Get(r.id).next_attempt_at);
  }
  Reply failed = Get(r.id);
  EXPECT_EQ(failed.status, ReplyStatus::kFailed);
  EXPECT_EQ(failed.attempts, 3);
  EXPECT_EQ(failed.error_code, "503");
  EXPECT_EQ(failed.error_text, "Service Unavailable");
  EXPECT_EQ(Actions(r.id),
            (std::vector<ReplyAuditAction>{
                ReplyAuditAction::kWritten, ReplyAuditAction::kSendAttempt,
                ReplyAuditAction::kRetry, ReplyAuditAction::kSendAttempt, ReplyAuditAction::kRetry,
                ReplyAuditAction::kSendAttempt, ReplyAuditAction::kFailed}));
  EXPECT_EQ(RunAt(now + kEchoWait * 10), 0);
  EXPECT_EQ(
      Count("feedroom_outbox_failed_total", {{"platform", "x"}, {"reason", "attempts_exhausted"}}),
      1u);
}

TEST_F(OutboxTest, HeldReplyGoesOutOnlyAfterApprovalWithTheSupervisorsEdit) {
  Reply held = XReply("נבדוק את זה עם המחלקה הרפואית");
  held.approval_reason = "sensitive:health";
  held = Enqueue(held);
  EXPECT_EQ(held.status, ReplyStatus::kAwaitingApproval);
  EXPECT_EQ(RunAt(kT0), 0);
  EXPECT_EQ(store_->replies().AwaitingApproval(10)->size(), 1u);

  clock_.Set(kT0 + kMinute);
  auto approved = outbox().Approve(held.id, sara_, "נבדוק ונחזור אלייך בהקדם", "softer wording");
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->status, ReplyStatus::kQueued);
  EXPECT_EQ(approved->approver, sara_);
  EXPECT_EQ(approved->review_note, "softer wording");
  EXPECT_EQ(approved->text, "נבדוק ונחזור אלייך בהקדם");
  EXPECT_TRUE(store_->replies().AwaitingApproval(10)->empty());

  EXPECT_EQ(RunAt(kT0 + kMinute), 1);
  EXPECT_EQ(x_.calls().at(0).reply.text, "נבדוק ונחזור אלייך בהקדם");
  std::vector<ReplyAuditEntry> log = Audit(held.id);
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].action, ReplyAuditAction::kWritten);
  EXPECT_EQ(log[0].actor, dana_);
  EXPECT_EQ(log[0].text, "נבדוק את זה עם המחלקה הרפואית");
  EXPECT_EQ(log[0].detail, "sensitive:health");
  EXPECT_EQ(log[1].action, ReplyAuditAction::kEdited);
  EXPECT_EQ(log[1].actor, sara_);
  EXPECT_EQ(log[1].text, "נבדוק ונחזור אלייך בהקדם");
  EXPECT_EQ(log[2].action, ReplyAuditAction::kApproved);
  EXPECT_EQ(log[2].actor, sara_);
  EXPECT_EQ(log[2].detail, "softer wording");
  EXPECT_EQ(log[4].action, ReplyAuditAction::kSent);

  auto again = outbox().Approve(held.id, sara_, std::nullopt, "");
  EXPECT_EQ(again.status().code(), Errc::kConflict);
  EXPECT_EQ(again.status().reason(), "not_awaiting_approval");
}

TEST_F(OutboxTest, ApprovalWithoutEditKeepsTheTextAndAuditsNoEdit) {
  Reply held = XReply("בסדר גמור");
  held.approval_reason = "vip";
  held = Enqueue(held);
  ASSERT_TRUE(outbox().Approve(held.id, sara_, "בסדר גמור", "").ok());
  EXPECT_EQ(Actions(held.id), (std::vector<ReplyAuditAction>{ReplyAuditAction::kWritten,
                                                             ReplyAuditAction::kApproved}));
}

TEST_F(OutboxTest, TooLongEditIsRefusedAndTheReplyStaysHeld) {
  Reply held = XReply("קצר");
  held.approval_reason = "trainee";
  held = Enqueue(held);
  auto approved = outbox().Approve(held.id, sara_, std::string(300, 'b'), "");
  EXPECT_EQ(approved.status().reason(), "too_long");
  EXPECT_EQ(Get(held.id), held);
  EXPECT_EQ(Actions(held.id), std::vector<ReplyAuditAction>{ReplyAuditAction::kWritten});
}

TEST_F(OutboxTest, RejectedReplyIsNeverSent) {
  Reply held = XReply("משהו לא מתאים");
  held.approval_reason = "crisis";
  held = Enqueue(held);
  auto rejected = outbox().Reject(held.id, sara_, "not during the outage");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->status, ReplyStatus::kRejected);
  EXPECT_EQ(RunAt(kT0 + kEchoWait), 0);
  EXPECT_TRUE(x_.calls().empty());
  ReplyAuditEntry last = Audit(held.id).back();
  EXPECT_EQ(last.action, ReplyAuditAction::kRejected);
  EXPECT_EQ(last.actor, sara_);
  EXPECT_EQ(last.detail, "not during the outage");
  EXPECT_EQ(last.text, "משהו לא מתאים");

  EXPECT_EQ(outbox().Approve(held.id, sara_, std::nullopt, "").status().code(), Errc::kConflict);
  EXPECT_EQ(outbox().Reject(held.id + 99, sara_, "").status().code(), Errc::kNotFound);
  Reply queued = Enqueue(XReply("רגיל"));
  EXPECT_EQ(outbox().Reject(queued.id, sara_, "").status().code(), Errc::kConflict);
}

TEST_F(OutboxTest, TheListenerHearsEveryCommittedStateChangeAndNothingElse) {
  std::vector<ReplyStatus> heard;
  outbox_ = std::make_unique<Outbox>(
      *store_, clock_, std::vector<const ports::ReplyGateway*>{&x_, &meta_}, options_, metrics_,
      [&heard](const Reply& r) { heard.push_back(r.status); });
  Reply held = XReply("נחזור אלייך עוד היום");
  held.approval_reason = "vip";
  held = Enqueue(held);
  ASSERT_TRUE(outbox().Approve(held.id, sara_, std::nullopt, "").ok());
  EXPECT_EQ(RunAt(kT0), 1);
  Reply refused = XReply("לא מתאים");
  refused.approval_reason = "crisis";
  refused = Enqueue(refused);
  ASSERT_TRUE(outbox().Reject(refused.id, sara_, "").ok());
  EXPECT_FALSE(outbox().Approve(refused.id, sara_, std::nullopt, "").ok());  // no change
  EXPECT_FALSE(outbox().Enqueue(XReply(std::string(300, 'a'))).ok());     // never stored
  EXPECT_EQ(heard, (std::vector<ReplyStatus>{ReplyStatus::kAwaitingApproval, ReplyStatus::kQueued,
                                             ReplyStatus::kSending, ReplyStatus::kSent,
                                             ReplyStatus::kAwaitingApproval,
                                             ReplyStatus::kRejected}));
}

TEST_F(OutboxTest, AfterACrashMidSendTheReplyWaitsForItsEchoBeforeGoingAgain) {
  Reply r = Enqueue(XReply("ההזמנה יצאה"));
  LeaveSending(r.id, kT0);
  outbox_.reset();
  store_.reset();
  OpenStore();  // the process restarts on the same database

  EXPECT_EQ(RunAt(kT0 + kMinute), 0);
  EXPECT_EQ(RunAt(kT0 + kEchoWait - 1), 0);
  EXPECT_TRUE(x_.calls().empty());
  EXPECT_EQ(RunAt(kT0 + kEchoWait), 1);
  Reply sent = Get(r.id);
  EXPECT_EQ(sent.status, ReplyStatus::kSent);
  EXPECT_EQ(sent.attempts, 2);
  EXPECT_EQ(Audit(r.id)[1].detail, "attempt=2; no_echo");
}

TEST_F(OutboxTest, AfterACrashMidSendTheEchoConfirmsTheReplyWithoutASecondSend) {
  Reply r = Enqueue(XReply("ההזמנה יצאה"));
  LeaveSending(r.id, kT0);
  outbox_.reset();
  store_.reset();
  OpenStore();

  clock_.Set(kT0 + kMinute);
  domain::MessageId echo = Ingest(XEcho("1790000000000000777", "@dana ההזמנה יצאה"));
  Reply sent = Get(r.id);
  EXPECT_EQ(sent.status, ReplyStatus::kSent);
  EXPECT_EQ(sent.platform_id, "1790000000000000777");
  EXPECT_EQ(sent.echo_message_id, echo);
  EXPECT_EQ(Audit(r.id).back().action, ReplyAuditAction::kEchoMatched);
  EXPECT_EQ(RunAt(kT0 + kEchoWait * 3), 0);
  EXPECT_TRUE(x_.calls().empty());
}

TEST_F(OutboxTest, AmbiguousAnswerIsConfirmedByItsEcho) {
  Reply r = Enqueue(Dm(Platform::kMessenger, kPage, "psid-1", "שלחנו לך קוד"));
  meta_.Then(Ambiguous());
  EXPECT_EQ(RunAt(kT0), 1);
  Reply doubt = Get(r.id);
  EXPECT_EQ(doubt.status, ReplyStatus::kSending);
  EXPECT_EQ(doubt.next_attempt_at, kT0 + kEchoWait);
  EXPECT_EQ(doubt.error_code, "timeout");
  EXPECT_EQ(RunAt(kT0 + kMinute), 0);

  // Echoes that are not this reply: another person, other words, inbound.
  Ingest(DmEcho(Platform::kMessenger, kPage, "m_other", "psid-2", "שלחנו לך קוד"));
  Ingest(DmEcho(Platform::kMessenger, kPage, "m_words", "psid-1", "משהו אחר"));
  EXPECT_EQ(Get(r.id).status, ReplyStatus::kSending);

  domain::MessageId echo =
      Ingest(DmEcho(Platform::kMessenger, kPage, "m_real", "psid-1", "שלחנו לך קוד"));
  Reply sent = Get(r.id);
  EXPECT_EQ(sent.status, ReplyStatus::kSent);
  EXPECT_EQ(sent.platform_id, "m_real");
  EXPECT_EQ(sent.echo_message_id, echo);
  EXPECT_EQ(RunAt(kT0 + kEchoWait * 2), 0);
  EXPECT_EQ(meta_.calls().size(), 1u);
  EXPECT_EQ(
      Count("feedroom_outbox_retried_total", {{"platform", "messenger"}, {"reason", "ambiguous"}}),
      1u);
}

TEST_F(OutboxTest, AmbiguousAnswerWithoutAnEchoIsSentAgainAfterTheWait) {
  Reply r = Enqueue(XReply("עדכון"));
  x_.Then(Ambiguous());
  EXPECT_EQ(RunAt(kT0), 1);
  EXPECT_EQ(RunAt(kT0 + kEchoWait - 1), 0);
  EXPECT_EQ(RunAt(kT0 + kEchoWait), 1);
  EXPECT_EQ(Get(r.id).status, ReplyStatus::kSent);
  EXPECT_EQ(Get(r.id).attempts, 2);
  EXPECT_EQ(x_.calls().size(), 2u);
}

TEST_F(OutboxTest, InDoubtReplyAtItsLastAttemptFailsWhenNoEchoComes) {
  options_.max_attempts = 1;
  Reply r = Enqueue(XReply("עדכון"));
  x_.Then(Ambiguous());
  EXPECT_EQ(RunAt(kT0), 1);
  EXPECT_EQ(RunAt(kT0 + kEchoWait), 0);
  Reply failed = Get(r.id);
  EXPECT_EQ(failed.status, ReplyStatus::kFailed);
  EXPECT_EQ(failed.error_code, "timeout");
  EXPECT_EQ(Audit(r.id).back().detail, "unconfirmed");
}

TEST_F(OutboxTest, EchoOfASentReplyIsMatchedByItsPlatformId) {
  Reply r = Enqueue(XReply("תודה!"));
  EXPECT_EQ(RunAt(kT0), 1);
  domain::MessageId echo = Ingest(XEcho("x-1", "@dana תודה!"));
  Reply matched = Get(r.id);
  EXPECT_EQ(matched.echo_message_id, echo);
  EXPECT_EQ(matched.platform_id, "x-1");
  ReplyAuditEntry last = Audit(r.id).back();
  EXPECT_EQ(last.action, ReplyAuditAction::kEchoMatched);
  EXPECT_EQ(last.platform_id, "x-1");
  EXPECT_EQ(last.detail, "echo_message_id=" + std::to_string(echo));
}

TEST_F(OutboxTest, PrivateReplyIsMatchedByItsMessengerEcho) {
  Reply r = Dm(Platform::kFacebook, kPage, "", "שלחנו לך הודעה פרטית");
  r.route = ReplyRoute::kPrivateReply;
  r.in_reply_to = "104_555";
  r = Enqueue(r);
  meta_.Then(Sent("m_private"));
  EXPECT_EQ(RunAt(kT0), 1);
  domain::MessageId echo =
      Ingest(DmEcho(Platform::kMessenger, kPage, "m_private", "psid-9", "שלחנו לך הודעה פרטית"));
  EXPECT_EQ(Get(r.id).echo_message_id, echo);
}

TEST_F(OutboxTest, EchoArrivingBeforeTheAnswerWins) {
  Reply r = Enqueue(XReply("מהר"));
  x_.DuringSend([&](const OutboundReply&) { Ingest(XEcho("x-1", "@dana מהר")); });
  EXPECT_EQ(RunAt(kT0), 1);
  Reply sent = Get(r.id);
  EXPECT_EQ(sent.status, ReplyStatus::kSent);
  EXPECT_EQ(sent.platform_id, "x-1");
  EXPECT_TRUE(sent.echo_message_id.has_value());
  std::vector<ReplyAuditEntry> log = Audit(r.id);
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[2].action, ReplyAuditAction::kEchoMatched);
  EXPECT_EQ(log[3].action, ReplyAuditAction::kSent);
  EXPECT_EQ(log[3].detail, "reply already sent");
  EXPECT_EQ(RunAt(kT0 + kEchoWait * 2), 0);
  EXPECT_EQ(x_.calls().size(), 1u);
}

TEST_F(OutboxTest, NoCallWithoutADurableAttempt) {
  fr::testing::FlakyStore flaky(*store_);
  std::unique_ptr<Outbox> outbox = MakeOutbox(flaky);
  auto r = outbox->Enqueue(XReply("בדיקה"));
  ASSERT_TRUE(r.ok());
  flaky.FailNextWrites(1);
  EXPECT_FALSE(outbox->RunOnce(kT0).ok());
  EXPECT_TRUE(x_.calls().empty());
  EXPECT_EQ(Get(r->id).status, ReplyStatus::kQueued);
  EXPECT_EQ(*outbox->RunOnce(kT0), 1);
  EXPECT_EQ(Get(r->id).status, ReplyStatus::kSent);
}

TEST_F(OutboxTest, AnOutcomeThatCannotBeRecordedLeavesTheReplyInDoubt) {
  fr::testing::FlakyStore flaky(*store_);
  std::unique_ptr<Outbox> outbox = MakeOutbox(flaky);
  auto r = outbox->Enqueue(XReply("בדיקה"));
  ASSERT_TRUE(r.ok());
  x_.DuringSend([&](const OutboundReply&) { flaky.FailNextWrites(1); });
  EXPECT_FALSE(outbox->RunOnce(kT0).ok());
  x_.DuringSend(nullptr);
  EXPECT_EQ(Get(r->id).status, ReplyStatus::kSending);
  EXPECT_EQ(*outbox->RunOnce(kT0 + kEchoWait - 1), 0);
  Ingest(XEcho("x-1", "@dana בדיקה"));
  EXPECT_EQ(Get(r->id).status, ReplyStatus::kSent);
  EXPECT_EQ(*outbox->RunOnce(kT0 + kEchoWait), 0);
  EXPECT_EQ(x_.calls().size(), 1u);
}

TEST_F(OutboxTest, WorkerSendsWhenWoken) {
  std::promise<void> called;
  x_.DuringSend([&](const OutboundReply&) { called.set_value(); });
  ASSERT_TRUE(outbox().Start().ok());
  EXPECT_EQ(outbox().Start().reason(), "already_started");
  Reply r = Enqueue(XReply("מהעובד"));
  ASSERT_EQ(called.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
  outbox().Stop();  // returns once the send in progress is recorded
  EXPECT_EQ(Get(r.id).status, ReplyStatus::kSent);
  EXPECT_EQ(metrics_.GetGauge("feedroom_outbox_replies", "", {{"status", "queued"}})->Value(), 0);
}

TEST_F(OutboxTest, WorkerKeepsGoingAfterAStoreFailure) {
  options_.idle_poll = 10;
  fr::testing::FlakyStore flaky(*store_);
  std::unique_ptr<Outbox> outbox = MakeOutbox(flaky);
  auto r = outbox->Enqueue(XReply("אחרי תקלה"));
  ASSERT_TRUE(r.ok());
  std::promise<void> called;
  x_.DuringSend([&](const OutboundReply&) { called.set_value(); });
  flaky.FailNextWrites(1);  // the first round cannot mark the attempt
  ASSERT_TRUE(outbox->Start().ok());
  ASSERT_EQ(called.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
  outbox->Stop();
  EXPECT_EQ(Get(r->id).status, ReplyStatus::kSent);
  EXPECT_EQ(x_.calls().size(), 1u);
  EXPECT_EQ(metrics_.GetCounter("feedroom_outbox_errors_total", "")->Value(), 1u);
}

TEST_F(OutboxTest, ManyRepliesAreEachPostedExactlyOnceThroughRandomFailures) {
  options_.max_attempts = 100;
  std::mt19937 rng(20251122);
  // The platform: what it posted per idempotency key, and the echoes still on their way.
  std::map<std::string, int> posted;
  struct PendingEcho {
    UnixMillis at;
    Message message;
  };
  std::vector<PendingEcho> echoes;
  std::map<std::string, const Reply*> by_key;
  std::vector<Reply> replies;
  int next_id = 0;
  auto respond = [&](const OutboundReply& out) -> SendOutcome {
    const int roll = static_cast<int>(rng() % 100);
    const bool reaches = (roll >= 30 && roll < 55) ? roll % 2 == 0 : roll >= 55;
    std::string id = "p" + std::to_string(++next_id);
    if (reaches) {
      posted[out.idempotency_key] += 1;
      const Reply& r = *by_key.at(out.idempotency_key);
      Message echo = r.route == ReplyRoute::kDirectMessage
                         ? DmEcho(out.platform, out.account_id, id, out.recipient_id, out.text)
                         : XEcho(id, "@dana " + out.text, out.in_reply_to);
      echoes.push_back({clock_.NowMillis() + static_cast<UnixMillis>(rng() % (2 * kMinute)), echo});
    }
    if (roll < 15) return Unavailable();
    if (roll < 30) return RateLimited(clock_.NowMillis() + kMinute);
    if (roll < 55) return Ambiguous();  // reached the platform or not, evenly
    return Sent(id);
  };
  x_.SetResponder(respond);
  meta_.SetResponder(respond);

  constexpr int kReplies = 120;
  replies.reserve(kReplies);
  for (int i = 0; i < kReplies; ++i) {
    std::string text = "תשובה מספר " + std::to_string(i);
    Reply r = i % 3 == 0 ? Dm(Platform::kMessenger, i % 2 ? kPage : kOtherPage,
                              "psid-" + std::to_string(i), text)
                         : XReply(text, "17900000000000" + std::to_string(1000 + i));
    replies.push_back(Enqueue(r));
    by_key[replies.back().idempotency_key] = &replies.back();
  }

  UnixMillis now = kT0;
  for (int round = 0; round < 2000; ++round) {
    now += static_cast<UnixMillis>(rng() % 30'000);
    clock_.Set(now);
    std::vector<PendingEcho> later;
    for (PendingEcho& e : echoes) {
      if (e.at <= now) {
        Ingest(e.message);
      } else {
        later.push_back(std::move(e));
      }
    }
    echoes = std::move(later);
    ASSERT_TRUE(outbox().RunOnce(now).ok());
    if (echoes.empty() && store_->replies().CountReplies(ReplyStatus::kQueued).value() == 0 &&
        store_->replies().CountReplies(ReplyStatus::kSending).value() == 0) {
      break;
    }
  }
  for (const Reply& r : replies) {
    EXPECT_EQ(posted[r.idempotency_key], 1) << "reply " << r.id;
    Reply now_stored = Get(r.id);
    EXPECT_EQ(now_stored.status, ReplyStatus::kSent) << "reply " << r.id;
    EXPECT_TRUE(now_stored.echo_message_id.has_value()) << "reply " << r.id;
  }
  EXPECT_EQ(posted.size(), static_cast<std::size_t>(kReplies));
}

}  // namespace
}  // namespace fr::engine
