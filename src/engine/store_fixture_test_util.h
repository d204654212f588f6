// A test fixture for engine tests that need a real store with people and cases in it:
// SQLite in a temporary directory, a ManualClock, and helpers to add users, teams and cases.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "base/clock.h"
#include "engine/people/directory.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace fr::engine {

class StoreFixture : public ::testing::Test {
 protected:
  static constexpr UnixMillis kStart = 1'800'000'000'000;

  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("t.db");
    store_ = std::move(storage::sqlite::SqliteStore::Open(options)).value();
    directory_ = std::make_unique<Directory>(*store_, clock_, secrets::MinimumPasswordCost());
  }

  domain::User AddUser(const std::string& name, domain::Role role = domain::Role::kAgent,
                       int capacity = 5, domain::Skills skills = {}) {
    auto u = directory_->AddUser({name, "", role, "long enough password", capacity, false,
                                  std::move(skills)});
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : domain::User{};
  }

  domain::Team AddTeam(const std::string& name, std::vector<domain::UserId> members,
                       domain::Skills scope = {}) {
    domain::Team t;
    t.name = name;
    t.members = std::move(members);
    t.scope = std::move(scope);
    auto added = directory_->AddTeam(t);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : t;
  }

  // Inserts an active case of a new customer waiting for a reply; returns its id.
  domain::CaseId AddCase(domain::Platform platform = domain::Platform::kX,
                         const std::string& customer_handle = "") {
    static int next_customer = 0;
    domain::CaseId id = 0;
    Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
      domain::Author author;
      author.id = customer_handle.empty() ? "cust-" + std::to_string(++next_customer)
                                          : customer_handle;
      FR_ASSIGN_OR_RETURN(domain::CustomerId customer, txn.UpsertCustomer(platform, author));
      domain::Case c;
      c.platform = platform;
      c.account_id = "brand";
      c.customer_id = customer;
      c.opened_at = c.last_activity_at = c.last_customer_message_at = clock_.NowMillis();
      c.message_count = 1;
      FR_ASSIGN_OR_RETURN(id, txn.InsertCase(c));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  domain::Case GetCase(domain::CaseId id) {
    auto detail = store_->GetCaseDetail(id);
    EXPECT_TRUE(detail.ok() && detail->has_value());
    return (*detail)->kase;
  }

  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  ManualClock clock_{kStart};
  std::unique_ptr<Directory> directory_;
};

}  // namespace fr::engine
