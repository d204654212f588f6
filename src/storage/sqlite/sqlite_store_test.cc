// SqliteStore: the store contract suite on SQLite, plus what only SQLite has (pragmas, the
// schema version table, file handling, crash durability, lock and disk-full failures).
#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/sqlite/migrations.h"
#include "tests/contract/store_contract.h"

namespace fr::storage::sqlite {
namespace {

using contract::CaseListContractTest;
using contract::DraftContractTest;
using contract::PeopleContractTest;
using contract::ReplyContractTest;
using contract::SlaContractTest;
using contract::StoreContractParam;
using contract::StoreContractTest;
using contract::StoreTestDatabase;
using domain::Platform;
using ports::StoredMessage;
using ports::StoreTxn;

testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << s.ToString();
}

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fr_sqlite_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class SqliteTestDatabase final : public StoreTestDatabase {
 public:
  Result<std::unique_ptr<ports::Store>> Open() override {
    SqliteOptions options;
    options.path = (dir_.path() / "feedroom.db").string();
    options.reader_connections = 3;
    FR_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, SqliteStore::Open(options));
    return std::unique_ptr<ports::Store>(std::move(store));
  }

 private:
  TempDir dir_;
};

const StoreContractParam kSqliteParam{"sqlite",
                                      [] { return std::make_unique<SqliteTestDatabase>(); }};
INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest, testing::Values(kSqliteParam),
                         contract::StoreContractParamName);
INSTANTIATE_TEST_SUITE_P(Sqlite, PeopleContractTest, testing::Values(kSqliteParam),
                         contract::StoreContractParamName);
INSTANTIATE_TEST_SUITE_P(Sqlite, ReplyContractTest, testing::Values(kSqliteParam),
                         contract::StoreContractParamName);
INSTANTIATE_TEST_SUITE_P(Sqlite, SlaContractTest, testing::Values(kSqliteParam),
                         contract::StoreContractParamName);
INSTANTIATE_TEST_SUITE_P(Sqlite, DraftContractTest, testing::Values(kSqliteParam),
                         contract::StoreContractParamName);
INSTANTIATE_TEST_SUITE_P(Sqlite, CaseListContractTest, testing::Values(kSqliteParam),
                         contract::StoreContractParamName);

// A second, raw handle on the database file, to look at or tamper with what the store wrote.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      ADD_FAILURE() << "open " << path << ": " << sqlite3_errmsg(db_);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb() { sqlite3_close_v2(db_); }

  void Exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << (error ? error : "?");
    }
    sqlite3_free(error);
  }
  // Every row of `sql`, columns joined by '|'.
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return rows;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        if (i > 0) row += "|";
        const auto* text = sqlite3_column_text(st, i);
        row += text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(st);
    return rows;
  }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteStoreTest : public testing::Test {
 protected:
  std::string DbPath() const { return (dir_.path() / "feedroom.db").string(); }
  std::unique_ptr<SqliteStore> OpenStore(int busy_timeout_ms = 5000) {
    SqliteOptions options;
    options.path = DbPath();
    options.reader_connections = 2;
    options.busy_timeout_ms = busy_timeout_ms;
    auto store = SqliteStore::Open(options);
    EXPECT_TRUE(IsOk(store.status()));
    return store.ok() ? std::move(store).value() : nullptr;
  }
  static Status Write(SqliteStore& store, const ports::WriteUnit& unit) {
    std::vector<Status> results = store.WriteBatch(std::span<const ports::WriteUnit>(&unit, 1));
    return results.size() == 1 ? results[0] : Status(Errc::kInternal, "test", "result count");
  }
  static StoredMessage Msg(std::string external_id) {
    StoredMessage m;
    m.message.platform = Platform::kX;
    m.message.account_id = "brand";
    m.message.external_id = std::move(external_id);
    m.message.text = "text";
    m.message.created_at = 1'700'000'000'000;
    m.received_at = 1'700'000'000'001;
    return m;
  }

  TempDir dir_;
};

TEST_F(SqliteStoreTest, RefusesOptionsItCannotHonour) {
  for (const char* path : {"", ":memory:", "file::memory:?cache=shared"}) {
    SqliteOptions options;
    options.path = path;
    auto store = SqliteStore::Open(options);
    EXPECT_FALSE(store.ok()) << path;
    EXPECT_EQ(store.status().code(), Errc::kInvalidArgument) << path;
  }
  SqliteOptions options;
  options.path = DbPath();
  options.reader_connections = 0;
  EXPECT_EQ(SqliteStore::Open(options).status().code(), Errc::kInvalidArgument);
  options.reader_connections = 1;
  options.path = (dir_.path() / "missing_dir" / "x.db").string();
  EXPECT_EQ(SqliteStore::Open(options).status().code(), Errc::kUnavailable);
}

TEST_F(SqliteStoreTest, WriterIsWalWithFullSyncAndForeignKeys) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->WriterPragmaForTest("journal_mode"), "wal");
  EXPECT_EQ(*store->WriterPragmaForTest("synchronous"), "2");  // FULL
  EXPECT_EQ(*store->WriterPragmaForTest("foreign_keys"), "1");
  EXPECT_TRUE(std::filesystem::exists(DbPath()));
}

TEST_F(SqliteStoreTest, ReopenDoesNotRerunMigrations) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(IsOk(Write(*store, [](StoreTxn& t) { return t.InsertMessage(Msg("1")).status(); })));
  std::vector<std::string> before;
  {
    RawDb raw(DbPath());
    before = raw.Rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  }
  ASSERT_EQ(before.size(), EmbeddedMigrations().size());
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before[0].substr(0, 14), "1|0001_ingest|");
  store.reset();
  for (int i = 0; i < 2; ++i) {
    store = OpenStore();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(*store->CountMessages(), 1);
    store.reset();
  }
  RawDb raw(DbPath());
  EXPECT_EQ(raw.Rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"),
            before);
}

TEST_F(SqliteStoreTest, DatabaseFromANewerBinaryIsRefused) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(IsOk(Write(*store, [](StoreTxn& t) { return t.InsertMessage(Msg("1")).status(); })));
  store.reset();
  const int future = LatestVersion(EmbeddedMigrations()) + 1;
  {
    RawDb raw(DbPath());
    raw.Exec("INSERT INTO schema_migrations VALUES (" + std::to_string(future) +
             ", 'from_the_future', 0)");
  }
  SqliteOptions options;
  options.path = DbPath();
  auto refused = SqliteStore::Open(options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().reason(), "schema_too_new");
  EXPECT_NE(refused.status().message().find(std::to_string(future)), std::string::npos)
      << refused.status().message();
  // Left as it was.
  RawDb raw(DbPath());
  EXPECT_EQ(raw.Rows("SELECT count(*) FROM messages"), std::vector<std::string>{"1"});
  EXPECT_EQ(raw.Rows("SELECT max(version) FROM schema_migrations"),
            std::vector<std::string>{std::to_string(future)});
}

TEST_F(SqliteStoreTest, OwnIdsBeyondTwoToThe53RoundTrip) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  // Start every id sequence near 2^62 by planting a row with a huge id in each table.
  const std::int64_t base = std::int64_t{1} << 62;
  {
    RawDb raw(DbPath());
    raw.Exec(
        "PRAGMA foreign_keys = OFF; BEGIN;"
        "INSERT INTO deliveries VALUES (" +
        std::to_string(base) +
        ", 'x', 0, x'');"
        "INSERT INTO customers (id, platform, platform_user_id) VALUES (" +
        std::to_string(base) +
        ", 'x', 'planted');"
        "INSERT INTO cases (id, status, platform, account_id, opened_at, last_activity_at,"
        " last_customer_message_at) VALUES (" +
        std::to_string(base) +
        ", 'closed', 'x', 'planted', 0, 0, 0);"
        "INSERT INTO conversations (id, platform, account_id, key, visibility) VALUES (" +
        std::to_string(base) +
        ", 'x', 'planted', 'planted', 'public');"
        "INSERT INTO messages (id, platform, account_id, external_id, created_at, "
        "visibility, kind, received_at) VALUES (" +
        std::to_string(base) +
        ", 'x', 'planted', 'planted', 0, 'public', 'post', 0);"
        "COMMIT;");
  }
  ports::CaseId kase = 0;
  ports::MessageId message = 0;
  ports::CustomerId customer = 0;
  ASSERT_TRUE(IsOk(Write(*store, [&](StoreTxn& t) -> Status {
    StoredMessage m = Msg("big");
    FR_ASSIGN_OR_RETURN(m.delivery_id, t.InsertDelivery("x", 0, "{}"));
    domain::Author author;
    author.id = "u1";
    FR_ASSIGN_OR_RETURN(customer, t.UpsertCustomer(Platform::kX, author));
    domain::Case c;
    c.customer_id = customer;
    c.account_id = "brand";
    c.last_activity_at = 5;
    FR_ASSIGN_OR_RETURN(kase, t.InsertCase(c));
    domain::Conversation v;
    v.key = "pub:big";
    v.account_id = "brand";
    FR_ASSIGN_OR_RETURN(m.conversation_id, t.InsertConversation(v));
    m.case_id = kase;
    m.author_customer_id = customer;
    FR_ASSIGN_OR_RETURN(message, t.InsertMessage(m));
    EXPECT_GT(m.delivery_id, base);
    EXPECT_GT(m.conversation_id, base);
    return Status::Ok();
  })));
  EXPECT_EQ(kase, base + 1);
  EXPECT_EQ(message, base + 1);
  EXPECT_EQ(customer, base + 1);
  auto page = store->ListCases({}, std::nullopt, 1);
  ASSERT_TRUE(IsOk(page.status()));
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].kase.id, base + 1);
  ASSERT_TRUE(page->next.has_value());
  EXPECT_EQ(page->next->id, base + 1);
  page = store->ListCases({}, page->next, 5);
  ASSERT_TRUE(IsOk(page.status()));
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].kase.id, base);
  auto detail = store->GetCaseDetail(base + 1);
  ASSERT_TRUE(IsOk(detail.status()));
  ASSERT_TRUE(detail->has_value());
  ASSERT_EQ((*detail)->messages.size(), 1u);
  EXPECT_EQ((*detail)->messages[0].id, base + 1);
  EXPECT_EQ((*detail)->messages[0].author_customer_id, base + 1);
}

TEST_F(SqliteStoreTest, BatchSurvivesAProcessThatDiesWithoutClosing) {
  // The child writes a batch and exits at once: no destructors, no checkpoint, the WAL left
  // as it is, like a crash right after the webhook was acknowledged.
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    SqliteOptions options;
    options.path = DbPath();
    auto store = SqliteStore::Open(options);
    if (!store.ok()) _exit(2);
    std::vector<ports::WriteUnit> units;
    for (int i = 0; i < 10; ++i) {
      units.push_back(
          [i](StoreTxn& t) { return t.InsertMessage(Msg("crash-" + std::to_string(i))).status(); });
    }
    for (const Status& s : (*store)->WriteBatch(units)) {
      if (!s.ok()) _exit(3);
    }
    _exit(0);
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(child, &wstatus, 0), child);
  ASSERT_TRUE(WIFEXITED(wstatus));
  ASSERT_EQ(WEXITSTATUS(wstatus), 0);
  EXPECT_TRUE(std::filesystem::exists(DbPath() + "-wal"));
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountMessages(), 10);
  auto got = store->GetMessage(Platform::kX, "crash-9");
  ASSERT_TRUE(IsOk(got.status()));
  EXPECT_TRUE(got->has_value());
}

TEST_F(SqliteStoreTest, BatchBlockedByAnotherWriterFailsWholeAsUnavailable) {
  auto store = OpenStore(/*busy_timeout_ms=*/50);
  ASSERT_NE(store, nullptr);
  RawDb other(DbPath());
  other.Exec("BEGIN IMMEDIATE");  // holds the write lock
  std::vector<ports::WriteUnit> units = {
      [](StoreTxn& t) { return t.InsertMessage(Msg("1")).status(); },
      [](StoreTxn& t) { return t.InsertMessage(Msg("2")).status(); },
  };
  std::vector<Status> results = store->WriteBatch(units);
  ASSERT_EQ(results.size(), 2u);
  for (const Status& s : results) EXPECT_EQ(s.code(), Errc::kUnavailable) << s.ToString();
  other.Exec("ROLLBACK");
  EXPECT_EQ(*store->CountMessages(), 0);
  // The store recovers once the lock is gone.
  results = store->WriteBatch(units);
  for (const Status& s : results) EXPECT_TRUE(IsOk(s));
  EXPECT_EQ(*store->CountMessages(), 2);
  // Readers never wait for writers.
  other.Exec("BEGIN IMMEDIATE");
  EXPECT_EQ(*store->CountMessages(), 2);
  EXPECT_TRUE(IsOk(store->Ping()));
  other.Exec("ROLLBACK");
}

TEST_F(SqliteStoreTest, FullDiskFailsTheBatchCleanly) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(IsOk(Write(*store, [](StoreTxn& t) { return t.InsertMessage(Msg("0")).status(); })));
  // Cap the file at its current size: the next page allocation fails with SQLITE_FULL.
  std::string pages = *store->WriterPragmaForTest("page_count");
  ASSERT_TRUE(IsOk(store->WriterPragmaForTest("max_page_count = " + pages).status()));
  const std::string big(256 * 1024, 'x');
  std::vector<ports::WriteUnit> units = {
      [](StoreTxn& t) { return t.InsertMessage(Msg("1")).status(); },
      [&](StoreTxn& t) { return t.InsertDelivery("x", 0, big).status(); },
      [](StoreTxn& t) { return t.InsertMessage(Msg("2")).status(); },
  };
  std::vector<Status> results = store->WriteBatch(units);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[1].code(), Errc::kUnavailable) << results[1].ToString();
  // Whatever SQLite rolled back, the results say exactly what was stored.
  std::int64_t stored_ok = 0;
  for (const Status& s : {results[0], results[2]}) {
    EXPECT_TRUE(s.ok() || s.code() == Errc::kUnavailable) << s.ToString();
    if (s.ok()) ++stored_ok;
  }
  EXPECT_EQ(*store->CountMessages(), 1 + stored_ok);

  // With space again, the store works.
  ASSERT_TRUE(IsOk(store->WriterPragmaForTest("max_page_count = 1073741823").status()));
  results = store->WriteBatch(units);
  for (const Status& s : results) EXPECT_TRUE(s.ok() || s.code() == Errc::kConflict);
  EXPECT_EQ(*store->CountMessages(), 3);
}

TEST_F(SqliteStoreTest, UnitThatThrowsIsRolledBackAndReported) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<ports::WriteUnit> units = {
      [](StoreTxn& t) { return t.InsertMessage(Msg("1")).status(); },
      [](StoreTxn& t) -> Status {
        (void)t.InsertMessage(Msg("2"));
        throw std::runtime_error("boom");
      },
      ports::WriteUnit(),  // empty
      [](StoreTxn& t) { return t.InsertMessage(Msg("3")).status(); },
  };
  std::vector<Status> results = store->WriteBatch(units);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_TRUE(results[0].ok());
  EXPECT_EQ(results[1].code(), Errc::kInternal);
  EXPECT_EQ(results[2].code(), Errc::kInternal);
  EXPECT_TRUE(results[3].ok());
  EXPECT_EQ(*store->CountMessages(), 2);
  auto two = store->GetMessage(Platform::kX, "2");
  ASSERT_TRUE(IsOk(two.status()));
  EXPECT_FALSE(two->has_value());
}

TEST_F(SqliteStoreTest, ForeignKeysRejectDanglingLinks) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Status s = Write(*store, [](StoreTxn& t) {
    StoredMessage m = Msg("1");
    m.case_id = 424242;
    return t.InsertMessage(m).status();
  });
  EXPECT_EQ(s.code(), Errc::kInternal) << s.ToString();
  EXPECT_EQ(*store->CountMessages(), 0);
}

TEST_F(SqliteStoreTest, CaseListUsesTheActivityIndexes) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  store.reset();
  RawDb raw(DbPath());
  auto plan = [&](const std::string& where) {
    std::string joined;
    for (const std::string& row :
         raw.Rows("EXPLAIN QUERY PLAN SELECT id FROM cases c WHERE 1" + where +
                  " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 10")) {
      joined += row + "\n";
    }
    return joined;
  };
  std::string all = plan(" AND (c.last_activity_at, c.id) < (5, 5)");
  EXPECT_NE(all.find("cases_by_activity"), std::string::npos) << all;
  EXPECT_EQ(all.find("TEMP B-TREE"), std::string::npos) << all;
  std::string by_status = plan(" AND c.status = 'open' AND (c.last_activity_at, c.id) < (5, 5)");
  EXPECT_NE(by_status.find("cases_by_status_activity"), std::string::npos) << by_status;
  EXPECT_EQ(by_status.find("TEMP B-TREE"), std::string::npos) << by_status;
  std::string by_platform = plan(" AND c.platform = 'x'");
  EXPECT_NE(by_platform.find("cases_by_platform_activity"), std::string::npos) << by_platform;
  EXPECT_EQ(by_platform.find("TEMP B-TREE"), std::string::npos) << by_platform;
}

// The statement ListCases runs: the per-case work (customer, preview) reads by key, never by
// scanning messages; each filter's index does the ordering inside, so the only sort is of the
// page itself (the outer ORDER BY over at most limit + 1 rows).
TEST_F(SqliteStoreTest, CaseListStatementsNeverScanMessages) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto plan = [&](const ports::CaseFilter& filter, std::optional<ports::CaseCursor> after = {}) {
    auto lines = store->ListCasesPlanForTest(filter, after, 50);
    EXPECT_TRUE(IsOk(lines.status()));
    std::string joined;
    if (lines.ok()) {
      for (const std::string& line : *lines) joined += line + "\n";
    }
    return joined;
  };
  auto count = [](const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
      ++n;
    }
    return n;
  };
  auto expect_no_message_scan = [&](const std::string& p) {
    for (const char* scan : {"SCAN m ", "SCAN m\n", "SCAN p", "SCAN messages\n", "SCAN u"}) {
      EXPECT_EQ(p.find(scan), std::string::npos) << scan << " in\n" << p;
    }
    EXPECT_NE(p.find("SEARCH m USING INDEX messages_by_case (case_id=?)"), std::string::npos) << p;
    EXPECT_NE(p.find("SEARCH p USING INTEGER PRIMARY KEY"), std::string::npos) << p;
    EXPECT_NE(p.find("SEARCH u USING INTEGER PRIMARY KEY"), std::string::npos) << p;
  };

  const std::string all = plan({});
  expect_no_message_scan(all);
  EXPECT_NE(all.find("SCAN c USING INDEX cases_by_activity"), std::string::npos) << all;
  EXPECT_EQ(count(all, "TEMP B-TREE"), 1) << all;  // the page's own sort only

  ports::CaseFilter open;
  open.statuses = {domain::CaseStatus::kOpen};
  const std::string by_status = plan(open, ports::CaseCursor{.key = 5, .id = 5});
  expect_no_message_scan(by_status);
  EXPECT_NE(by_status.find("cases_by_status_activity"), std::string::npos) << by_status;
  EXPECT_EQ(count(by_status, "TEMP B-TREE"), 1) << by_status;

  ports::CaseFilter of_customer;
  of_customer.customer = 7;
  const std::string by_customer = plan(of_customer);
  expect_no_message_scan(by_customer);
  EXPECT_NE(by_customer.find("cases_by_customer (customer_id=?)"), std::string::npos)
      << by_customer;

  ports::CaseFilter search;
  search.text = "החזר לא הגי";
  search.statuses = {domain::CaseStatus::kNew, domain::CaseStatus::kOpen};
  const std::string searched = plan(search);
  expect_no_message_scan(searched);
  // The matches drive it (not the status index): cases are read by id, then sorted.
  EXPECT_NE(searched.find("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos)
      << searched;
  EXPECT_EQ(count(searched, "SCAN messages_fts VIRTUAL TABLE"), 3) << searched;
  EXPECT_EQ(count(searched, "SCAN customers_fts VIRTUAL TABLE"), 3) << searched;
  EXPECT_EQ(count(searched, "SEARCH m USING INTEGER PRIMARY KEY (rowid=?)"), 3) << searched;

  ports::CaseFilter breaching;
  breaching.sla = ports::SlaUrgencyFilter{.now = 1'700'000'000'000};
  const std::string by_due =
      plan(breaching, ports::CaseCursor{.order = ports::CaseOrder::kSlaDue, .key = 5, .id = 5});
  expect_no_message_scan(by_due);
  EXPECT_NE(by_due.find("SEARCH k USING INDEX sla_clocks_running_by_due ((due_at,case_id)>(?,?))"),
            std::string::npos)
      << by_due;
  EXPECT_NE(by_due.find("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos)
      << by_due;
  EXPECT_EQ(count(by_due, "TEMP B-TREE"), 1) << by_due;
}

// Messages and customers stored before migration 0008 are found by the search it adds.
TEST_F(SqliteStoreTest, SearchMigrationIndexesWhatWasStoredBefore) {
  std::vector<Migration> before;
  for (const Migration& m : EmbeddedMigrations()) {
    if (m.version < 8) before.push_back(m);
  }
  {
    auto db = SqliteConnection::Open({.path = DbPath()});
    ASSERT_TRUE(IsOk(db.status()));
    ASSERT_TRUE(IsOk(ApplyMigrations(**db, before)));
    ASSERT_TRUE(IsOk((*db)->Exec(
        "INSERT INTO customers (id, platform, platform_user_id, handle, name)"
        " VALUES (1, 'x', 'u1', 'dana_c', 'דָּנָה כהן');"
        "INSERT INTO cases (id, status, platform, account_id, customer_id, opened_at,"
        " last_activity_at, last_customer_message_at) VALUES (1, 'open', 'x', 'b', 1, 1, 1, 1),"
        " (2, 'open', 'x', 'b', 1, 2, 2, 2);"
        "INSERT INTO messages (platform, account_id, external_id, text, created_at, visibility,"
        " kind, case_id, author_customer_id, received_at, deleted) VALUES"
        " ('x', 'b', 'e1', 'הַמַּשְׁלוֹחַ התעכב', 1, 'public', 'post', 1, 1, 1, 0),"
        " ('x', 'b', 'e2', 'secret draft words', 2, 'public', 'post', 2, 1, 2, 1),"
        " ('x', 'b', 'e3', 'Parcel lost', 2, 'public', 'post', 2, 1, 2, 0);"
        "INSERT INTO message_ids (platform, external_id, message_id)"
        " SELECT platform, external_id, id FROM messages;")));
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto search = [&](const std::string& text) {
    ports::CaseFilter f;
    f.text = text;
    std::vector<domain::CaseId> ids;
    auto page = store->ListCases(f, std::nullopt, 10);
    EXPECT_TRUE(IsOk(page.status()));
    if (page.ok()) {
      for (const auto& item : page->items) ids.push_back(item.kase.id);
    }
    return ids;
  };
  EXPECT_EQ(search("משלוח"), std::vector<domain::CaseId>{1});
  EXPECT_EQ(search("parcel"), std::vector<domain::CaseId>{2});
  EXPECT_EQ(search("דנה"), (std::vector<domain::CaseId>{2, 1}));
  EXPECT_TRUE(search("secret").empty());  // deleted before the migration

  // The store's later writes keep both indexes equal to their columns.
  ASSERT_TRUE(IsOk(Write(*store, [](StoreTxn& t) -> Status {
    FR_ASSIGN_OR_RETURN(auto m, t.FindMessage(Platform::kX, "e3"));
    if (!m) return Status(Errc::kNotFound, "test", "e3");
    FR_RETURN_IF_ERROR(
        t.AddRevision(m->id, {ports::RevisionKind::kEdit, "Parcel lost", "Parcel found", 3}));
    FR_ASSIGN_OR_RETURN(auto e1, t.FindMessage(Platform::kX, "e1"));
    if (!e1) return Status(Errc::kNotFound, "test", "e1");
    FR_RETURN_IF_ERROR(t.AddRevision(e1->id, {ports::RevisionKind::kDelete, "", "", 4}));
    domain::Author renamed;
    renamed.id = "u1";
    renamed.handle = "dana_l";
    return t.UpsertCustomer(Platform::kX, renamed).status();
  })));
  EXPECT_EQ(search("found"), std::vector<domain::CaseId>{2});
  EXPECT_TRUE(search("lost").empty());
  EXPECT_TRUE(search("משלוח").empty());
  EXPECT_EQ(search("dana_l"), (std::vector<domain::CaseId>{2, 1}));
  RawDb raw(DbPath());
  raw.Exec(
      "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check');"
      "INSERT INTO customers_fts (customers_fts) VALUES ('integrity-check');");
}

}  // namespace
}  // namespace fr::storage::sqlite
