// The ports::Store contract suite: one set of GoogleTest cases every Store implementation must
// pass (storage/sqlite now, storage/postgres later). An implementation instantiates it with a
// factory for a fresh, empty test database:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest,
//                            testing::Values(StoreContractParam{"sqlite", &MakeSqliteDatabase}),
//                            StoreContractParamName);
//
// and PeopleContractTest and ReplyContractTest likewise.
//
// The suite covers the write side through WriteBatch/StoreTxn (dedupe, aliases, revisions,
// customer upsert, conversations, case lookup, savepoint isolation), the read side (paging,
// detail, external-id lookup), text and id fidelity, re-opening, and reads concurrent with
// writes. It uses only the port, never the implementation's tables.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "ports/store.h"

namespace fr::contract {

// One test's database. Created empty before each test and destroyed (removed) after it.
class StoreTestDatabase {
 public:
  virtual ~StoreTestDatabase() = default;
  // Opens a new Store on this database. May be called several times, also while another
  // store on it is open: every store sees what the others committed.
  virtual Result<std::unique_ptr<ports::Store>> Open() = 0;
};

struct StoreContractParam {
  std::string name;  // a test-name suffix: letters, digits and '_' only
  std::function<std::unique_ptr<StoreTestDatabase>()> make_database;
};

// Prints the name only (GoogleTest would dump the bytes).
void PrintTo(const StoreContractParam& param, std::ostream* os);

// Names instantiated tests after StoreContractParam::name.
std::string StoreContractParamName(const testing::TestParamInfo<StoreContractParam>& info);

class StoreContractTest : public testing::TestWithParam<StoreContractParam> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `unit` alone in a batch and returns its Status.
  Status Write(const ports::WriteUnit& unit);
  Status Write(ports::Store& store, const ports::WriteUnit& unit);

  std::unique_ptr<StoreTestDatabase> database_;
  std::unique_ptr<ports::Store> store_;  // opened on database_ by SetUp
};

// Inserts in `txn`, for records to belong to, a user `username` shown as `display_name`
// (capacity 5, no password) created at `at`. Returns the new id or the store's error.
Result<domain::UserId> InsertTestUser(ports::StoreTxn& txn, const std::string& username,
                                      const std::string& display_name, UnixMillis at);
// Inserts in `txn` an open case on X account 1500000000000000001, with no customer, opened and
// last active at `at`. Returns the new id or the store's error.
Result<domain::CaseId> InsertOpenXCase(ports::StoreTxn& txn, UnixMillis at);

// The people part of the contract (tests/contract/people_contract.cc); instantiated with the
// same parameters as StoreContractTest.
class PeopleContractTest : public StoreContractTest {
 protected:
  // Inserts `u` in its own batch; fails the test on error. Returns the new id.
  domain::UserId AddUser(const ports::StoredUser& u);
};

// The outbox part of the contract (tests/contract/reply_contract.cc); instantiated with the
// same parameters as StoreContractTest.
class ReplyContractTest : public StoreContractTest {
 protected:
  // Also stores a user and a case for the replies to belong to (author_, case_id_).
  void SetUp() override;

  // Inserts `r` in its own batch; fails the test on error. Returns the new id.
  domain::ReplyId AddReply(const domain::Reply& r);

  domain::UserId author_ = 0;
  domain::CaseId case_id_ = 0;
};

// The SLA part of the contract (tests/contract/sla_contract.cc); instantiated with the same
// parameters as StoreContractTest.
class SlaContractTest : public StoreContractTest {
 protected:
  // Inserts a case with `status`; fails the test on error. Returns the new id.
  domain::CaseId AddCase(domain::CaseStatus status);
  // Stores `clock` for case `id` in its own batch; fails the test on error.
  void Put(domain::CaseId id, const domain::sla::CaseSlaClock& clock);
};

// The case list part of the contract (tests/contract/case_list_contract.cc: customer and
// preview of each case, filters, search, SLA order); instantiated with the same parameters as
// StoreContractTest.
class CaseListContractTest : public StoreContractTest {
 protected:
  // Stores a customer (platform X, user id `user`) with this handle and name; returns its id.
  domain::CustomerId AddCustomer(const std::string& user, const std::string& handle,
                                 const std::string& name);
  // Stores a case of `customer` (0: none) last active at `at`; returns its id.
  domain::CaseId AddCase(domain::CustomerId customer, UnixMillis at,
                         domain::CaseStatus status = domain::CaseStatus::kOpen);
  // Stores a message of case `kase`, inbound from `customer` unless `outbound`; returns its id.
  domain::MessageId AddMessage(domain::CaseId kase, domain::CustomerId customer,
                               const std::string& text, UnixMillis created_at,
                               bool outbound = false);
  // The ids of every case `filter` lists, page after page of `page_size`, following the
  // cursors; fails the test on an error.
  std::vector<domain::CaseId> ListAll(const ports::CaseFilter& filter, int page_size = 100);
  // The ids of the cases a search for `text` finds.
  std::vector<domain::CaseId> Search(const std::string& text);

  int next_external_id_ = 1;
};

// The drafts part of the contract (tests/contract/draft_contract.cc); instantiated with the
// same parameters as StoreContractTest.
class DraftContractTest : public StoreContractTest {
 protected:
  // Also stores two users and two cases for the drafts to belong to.
  void SetUp() override;

  // Runs PutDraft for `d` in its own batch and returns its Status.
  Status Put(const domain::Draft& d);

  domain::UserId dana_ = 0;
  domain::UserId yossi_ = 0;
  domain::CaseId case_a_ = 0;
  domain::CaseId case_b_ = 0;
};

}  // namespace fr::contract
