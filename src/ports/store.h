// Store: the persistence port. engine/ writes through WriteBatch (one durable transaction
// for many units: group commit); api/ reads through the query methods.
//
// Implementations: storage/sqlite (embedded default), storage/postgres (scale-out, later).
// Thread safety: WriteBatch may be called from any thread; calls are serialised (the ingest
// writer and agents' actions share one writer). The read methods may be called concurrently
// from any thread, also while a write runs.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/inbound_event.h"
#include "domain/message.h"
#include "ports/crisis_store.h"
#include "ports/draft_store.h"
#include "ports/insight_store.h"
#include "ports/metrics_store.h"
#include "ports/people_store.h"
#include "ports/reply_store.h"
#include "ports/sla_store.h"
#include "ports/topic_store.h"
#include "ports/work_store.h"

namespace fr::ports {

using domain::CaseId;
using domain::ConversationId;
using domain::CustomerId;
using domain::MessageId;

// How a stored message changed after it arrived.
enum class RevisionKind { kEdit, kDelete, kHide, kUnhide };
std::string_view RevisionKindName(RevisionKind k);  // "edit", "delete", "hide", "unhide"

struct Revision {
  RevisionKind kind = RevisionKind::kEdit;
  std::string previous_text;  // the text before this revision
  std::string text;           // the text after it (same as previous_text unless kEdit)
  UnixMillis at = 0;          // when it happened (platform time, else receive time)
};

// A message as stored: the normalised Message plus our ids and its life since.
struct StoredMessage {
  MessageId id = 0;
  domain::Message message;  // current state (text after the latest edit)
  ConversationId conversation_id = 0;
  std::optional<CaseId> case_id;  // none for messages that do not belong to a case (reposts)
  CustomerId author_customer_id = 0;  // 0 for the brand's own messages
  std::int64_t delivery_id = 0;       // the raw delivery it came in (for audit)
  UnixMillis received_at = 0;
  bool deleted = false;
  bool hidden = false;
  std::vector<Revision> revisions;  // oldest first; filled by GetMessage / GetCaseDetail
  // What was understood of it (none for the brand's own messages); filled by GetCaseDetail.
  std::optional<MessageInsight> insight;
};

struct CaseDetail {
  domain::Case kase;
  std::vector<StoredMessage> messages;  // platform order: created_at, then id
  std::vector<domain::Conversation> conversations;
  std::vector<domain::Customer> customers;  // authors appearing in the case
};

// Which running SLA clocks a case list keeps (CaseFilter::sla). A running clock is in warning
// from its warn_at and breached from its due_at (domain/sla/sla_clock.h); paused and stopped
// clocks never match.
enum class SlaUrgency {
  kWarning,    // warn_at <= now < due_at
  kBreached,   // due_at <= now
  kBreaching,  // either, or due within `due_within` of now
};

struct SlaUrgencyFilter {
  SlaUrgency urgency = SlaUrgency::kBreaching;
  UnixMillis now = 0;
  UnixMillis due_within = 15 * 60 * 1000;  // kBreaching only
};

// The most words a search (CaseFilter::text) may have.
inline constexpr std::size_t kMaxSearchWords = 8;
// The shortest last word of a search taken as a prefix: one letter would match nearly every
// message, so it is matched as a whole word.
inline constexpr std::size_t kMinPrefixChars = 2;

// Every set field narrows the list; the defaults keep every case.
struct CaseFilter {
  std::vector<domain::CaseStatus> statuses;  // any of these; empty: any status
  std::optional<domain::Platform> platform;
  std::optional<domain::UserId> assignee;  // cases owned by this user
  bool unassigned_only = false;            // cases nobody owns
  std::optional<domain::TeamId> team;      // cases in this team's queue
  bool active_only = false;                // new, open or pending
  std::optional<CustomerId> customer;      // this customer's cases
  // A search. Its words are put in matching form (domain/text_normalize.h: case, niqqud and
  // cantillation, diacritics and final letters do not matter), the last one taken as a prefix
  // if it has kMinPrefixChars characters or more. A case matches when each word is a word
  // (or, for a Hebrew word written with prefix letters, one of its WordForms) of one of its
  // messages, inbound or outbound and not deleted, or of its customer's handle or name; the
  // words may come from different messages. Empty: no search. A text without words, or with
  // more than kMaxSearchWords, is refused (kInvalidArgument "invalid_search").
  std::string text;
  // Only active cases whose running SLA clock is this urgent; the list is then ordered by that
  // clock's due time (CaseOrder::kSlaDue).
  std::optional<SlaUrgencyFilter> sla;
};

// The order of a case list: latest activity first (last_activity_at, then id, descending), or,
// when the filter asks for SLA urgency, soonest due first (the running clock's due_at, then
// the case id, ascending).
enum class CaseOrder { kLatestActivity, kSlaDue };

// Position after the last item of a page, in the page's order: that item's sort key
// (last_activity_at, or the due time of its running clock) and its id. A cursor only continues
// a list of the same order.
struct CaseCursor {
  CaseOrder order = CaseOrder::kLatestActivity;
  UnixMillis key = 0;
  CaseId id = 0;
};

// The most characters (code points) of MessagePreview::text.
inline constexpr std::size_t kPreviewChars = 200;

// The start of a message, for a list.
struct MessagePreview {
  MessageId id = 0;
  std::string text;        // up to kPreviewChars code points, cut at a grapheme boundary; NFC
  bool truncated = false;  // the message is longer
  domain::Visibility visibility = domain::Visibility::kPublic;
  domain::MessageKind kind = domain::MessageKind::kPost;
  UnixMillis created_at = 0;
};

// A case as an inbox lists it: the case, who it is with and what they said last.
struct CaseListItem {
  domain::Case kase;
  std::optional<domain::Customer> customer;  // the case's customer; none for a case without
  // The newest inbound message of the case that is not deleted (created_at, then id); none
  // if there is no such message.
  std::optional<MessagePreview> preview;
};

struct CasePage {
  std::vector<CaseListItem> items;  // in the list's CaseOrder
  std::optional<CaseCursor> next;   // set when more items may follow
};

// The write side, valid only inside WriteBatch. Every method runs in the open transaction.
// Errors are kUnavailable (busy, I/O) or kInternal; a unit that gets one should return it.
class StoreTxn {
 public:
  virtual ~StoreTxn() = default;

  // Stores the raw bytes of one delivery from webhook channel `channel` ("x", "meta"; one
  // Meta delivery may carry Facebook, Messenger and Instagram events); returns its id.
  virtual Result<std::int64_t> InsertDelivery(std::string_view channel, UnixMillis received_at,
                                              std::string_view raw_body) = 0;

  // Looks up a message by any of its external ids (its own, or an alias such as the id of an
  // X edit). Revisions are not loaded.
  virtual Result<std::optional<StoredMessage>> FindMessage(domain::Platform platform,
                                                           std::string_view external_id) = 0;
  // Inserts a message and its external id. REQUIRES: no message has that external id.
  virtual Result<MessageId> InsertMessage(const StoredMessage& m) = 0;
  // Makes `alias` another external id of message `id` (for dedupe of X edits).
  // A no-op if the alias already points at `id`.
  virtual Status AddAlias(domain::Platform platform, std::string_view alias, MessageId id) = 0;
  // Makes overheard message `id` one addressed to the brand, filed in case `case_id`: what a
  // listening source heard first turned out to be sent to the brand (its webhook copy came).
  virtual Status MarkAddressed(MessageId id, CaseId case_id) = 0;
  // Appends `r` to the history of message `id` and applies it (new text for kEdit,
  // deleted/hidden flags for the others).
  virtual Status AddRevision(MessageId id, const Revision& r) = 0;

  // Inserts the customer (platform, profile.id) or refreshes its stored profile with the
  // non-empty fields of `profile`. Returns its id.
  virtual Result<CustomerId> UpsertCustomer(domain::Platform platform,
                                            const domain::Author& profile) = 0;

  virtual Result<std::optional<domain::Conversation>> FindConversation(
      domain::Platform platform, std::string_view account_id, std::string_view key) = 0;
  // Inserts `c` (its id is ignored); returns the new id.
  virtual Result<ConversationId> InsertConversation(const domain::Conversation& c) = 0;
  // The conversation with id `id`, or nullopt.
  virtual Result<std::optional<domain::Conversation>> GetConversation(ConversationId id) = 0;
  virtual Status SetConversationCase(ConversationId id, CaseId case_id) = 0;

  virtual Result<std::optional<domain::Case>> GetCase(CaseId id) = 0;
  // The customer's most recently active case on (platform family, account) whose last
  // customer message is at or after `since`, if it is still active. Used to link a public
  // comment and a DM of the same person.
  virtual Result<std::optional<domain::Case>> FindActiveCaseOfCustomer(
      CustomerId customer, std::string_view account_id, UnixMillis since) = 0;
  // Inserts `c` (its id is ignored); returns the new id.
  virtual Result<CaseId> InsertCase(const domain::Case& c) = 0;
  // Overwrites the case with id c.id.
  virtual Status UpdateCase(const domain::Case& c) = 0;

  // Records that every delivery with id <= `delivery_id` has been threaded (see
  // Store::ThreadedThrough). Committed atomically with the threading work.
  virtual Status SetThreadedThrough(std::int64_t delivery_id) = 0;

  // Users, teams, sessions and tokens, in this same transaction.
  virtual PeopleTxn& people() = 0;
  // Case history and the assignment checks, in this same transaction.
  virtual WorkTxn& work() = 0;
  // Replies and their audit log, in this same transaction.
  virtual ReplyTxn& replies() = 0;
  // SLA clocks, in this same transaction.
  virtual SlaTxn& sla() = 0;
  // Agents' drafts, in this same transaction.
  virtual DraftTxn& drafts() = 0;
  // Message insights, label corrections and listening rules, in this same transaction.
  virtual InsightTxn& insights() = 0;
  // Case facts and metric rollups, in this same transaction.
  virtual MetricsTxn& metrics() = 0;
  // Crises and their related cases, in this same transaction.
  virtual CrisisTxn& crisis() = 0;
  // Complaint topics and their members, in this same transaction.
  virtual TopicTxn& topics() = 0;
};

// One unit of work inside a batch, e.g. everything one webhook delivery carries.
using WriteUnit = std::function<Status(StoreTxn&)>;

// Runs inside the transaction after each InsertCase and UpdateCase, with the case as written
// (its id set): what must change with every case, whoever writes it (the SLA clocks). Like a
// database trigger: an error it returns fails the write it follows. It must not write cases.
using CaseWriteHook = std::function<Status(StoreTxn&, const domain::Case&)>;

// Runs once at the end of every WriteBatch that changed any case's metric inputs, after its
// units and before the commit, with those cases' ids (ascending, no repeats; cases of units
// that were rolled back may be among them). A case's inputs change when the case row is
// written, a message joins it, its SLA clocks or a reply of it change, or a message of it gets
// a label correction. An error it returns fails the whole batch, like a failed commit.
using BatchEndHook = std::function<Status(StoreTxn&, std::span<const CaseId> touched)>;

// How durable a WriteBatch must be when it returns.
enum class Durability {
  kSynced,    // on stable storage: survives a power loss (acknowledged deliveries)
  kDeferred,  // survives a process crash, and reaches stable storage with the next synced
              // commit or checkpoint; may roll back on power loss (work that can be redone
              // from synced data, like threading stored deliveries)
};

// A raw delivery as stored by the append stage.
struct StoredDelivery {
  std::int64_t id = 0;
  std::string channel;
  UnixMillis received_at = 0;
  std::string body;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs each unit in its own savepoint of one transaction, then commits with `durability`
  // (kSynced: the commit has reached stable storage when this returns). Returns one Status
  // per unit: a unit that failed was rolled back alone and reports its error; if the commit
  // itself fails, every unit reports kUnavailable and nothing was stored.
  virtual std::vector<Status> WriteBatch(std::span<const WriteUnit> units,
                                         Durability durability = Durability::kSynced) = 0;

  // The id of the newest stored delivery (0 if none).
  virtual Result<std::int64_t> LastDeliveryId() = 0;
  // The id of the newest delivery whose events have all been threaded (0 if none).
  virtual Result<std::int64_t> ThreadedThrough() = 0;
  // Up to `limit` stored deliveries with id > `after_id`, oldest first (for recovery).
  virtual Result<std::vector<StoredDelivery>> DeliveriesAfter(std::int64_t after_id, int limit) = 0;

  // Cases matching `filter` with their customer and preview, in the order the filter implies
  // (CaseOrder), `limit` at most, after `after`. Errors: kInvalidArgument "invalid_limit"
  // (limit < 1), "invalid_cursor" (a cursor of the other order), "invalid_search" (see
  // CaseFilter::text).
  virtual Result<CasePage> ListCases(const CaseFilter& filter,
                                     const std::optional<CaseCursor>& after, int limit) = 0;
  // The case with its messages (with revisions), conversations and authors; nullopt if none.
  virtual Result<std::optional<CaseDetail>> GetCaseDetail(CaseId id) = 0;
  // A message by any of its external ids, with revisions; nullopt if none.
  virtual Result<std::optional<StoredMessage>> GetMessage(domain::Platform platform,
                                                          std::string_view external_id) = 0;
  // The number of stored messages (for benchmarks and health checks).
  virtual Result<std::int64_t> CountMessages() = 0;
  // Returns OK if the store can serve reads and writes (for /readyz).
  virtual Status Ping() = 0;

  // Reads of users, teams, sessions and tokens.
  virtual PeopleReader& people() = 0;
  // Reads of case history, loads and routing queues.
  virtual WorkReader& work() = 0;
  // Reads of replies, the sender's queue and the audit log.
  virtual ReplyReader& replies() = 0;
  // Reads of SLA clocks and the scheduler's queue.
  virtual SlaReader& sla() = 0;
  // Reads of agents' drafts.
  virtual DraftReader& drafts() = 0;
  // Reads of message insights, label corrections and listening rules.
  virtual InsightReader& insights() = 0;
  // Reads of case facts and metric rollups.
  virtual MetricsReader& metrics() = 0;
  // Reads of crises, their related cases and the messages the crisis sweep reads.
  virtual CrisisReader& crisis() = 0;
  // Reads of complaint topics.
  virtual TopicReader& topics() = 0;

  // Installs `hook` for every later transaction (an empty one removes it).
  // REQUIRES: no WriteBatch runs meanwhile: install it before the store is shared.
  virtual void SetCaseWriteHook(CaseWriteHook hook) = 0;
  // Installs `hook` as the batch-end hook (an empty one removes it). REQUIRES: as above.
  virtual void SetBatchEndHook(BatchEndHook hook) = 0;
};

// Runs `unit` alone in one synced batch and returns its Status: for agents' and admins'
// actions, which are one unit each.
Status WriteOne(Store& store, const WriteUnit& unit);

}  // namespace fr::ports
