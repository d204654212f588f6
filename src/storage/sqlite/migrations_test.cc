#include "storage/sqlite/migrations.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_search.h"

namespace fr::storage::sqlite {
namespace {

class SqliteMigrationsTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "fr_sqlite_migrations_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto db = SqliteConnection::Open({.path = (dir_ / "m.db").string()});
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string Text(std::string_view sql) {
    auto r = db_->QueryText(sql);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : "";
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteConnection> db_;
};

TEST_F(SqliteMigrationsTest, EmbeddedMigrationsAreNumberedFromOneWithoutGaps) {
  auto all = EmbeddedMigrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i + 1));
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%04d_", all[i].version);
    EXPECT_EQ(all[i].name.substr(0, 5), prefix);
    EXPECT_FALSE(all[i].sql.empty());
  }
  EXPECT_EQ(all[0].name, "0001_ingest");
  EXPECT_NE(all[0].sql.find("CREATE TABLE message_ids"), std::string_view::npos);
}

TEST_F(SqliteMigrationsTest, AppliesEachOnceInOrder) {
  const Migration first[] = {{1, "0001_a", "CREATE TABLE a (x INTEGER) STRICT;"}};
  ASSERT_TRUE(ApplyMigrations(*db_, first).ok());
  EXPECT_EQ(*CurrentSchemaVersion(*db_), 1);
  // Re-running is a no-op (CREATE TABLE a would fail if it ran again).
  ASSERT_TRUE(ApplyMigrations(*db_, first).ok());
  const Migration both[] = {{1, "0001_a", "CREATE TABLE a (x INTEGER) STRICT;"},
                            {2, "0002_b",
                             "ALTER TABLE a ADD COLUMN y TEXT; "
                             "INSERT INTO a VALUES (1, 'one');"}};
  ASSERT_TRUE(ApplyMigrations(*db_, both).ok());
  EXPECT_EQ(*CurrentSchemaVersion(*db_), 2);
  EXPECT_EQ(Text("SELECT y FROM a"), "one");
  EXPECT_EQ(Text("SELECT group_concat(name, ',') FROM "
                 "(SELECT name FROM schema_migrations ORDER BY version)"),
            "0001_a,0002_b");
  EXPECT_EQ(Text("SELECT count(*) FROM schema_migrations WHERE applied_at > 1600000000000"), "2");
}

TEST_F(SqliteMigrationsTest, FailingMigrationIsRolledBackWholeAndEarlierOnesStay) {
  const Migration list[] = {
      {1, "0001_a", "CREATE TABLE a (x INTEGER) STRICT;"},
      {2, "0002_broken", "CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);"},
      {3, "0003_c", "CREATE TABLE c (x INTEGER) STRICT;"},
  };
  Status s = ApplyMigrations(*db_, list);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("0002_broken"), std::string::npos) << s.ToString();
  EXPECT_EQ(*CurrentSchemaVersion(*db_), 1);
  EXPECT_EQ(Text("SELECT count(*) FROM sqlite_schema WHERE name IN ('a', 'b', 'c')"), "1");
  EXPECT_TRUE(db_->InAutocommit());
}

TEST_F(SqliteMigrationsTest, NewerDatabaseIsRefusedUntouched) {
  const Migration two[] = {{1, "0001_a", "CREATE TABLE a (x INTEGER);"},
                           {2, "0002_b", "CREATE TABLE b (x INTEGER);"}};
  ASSERT_TRUE(ApplyMigrations(*db_, two).ok());
  const Migration one[] = {{1, "0001_a", "CREATE TABLE a (x INTEGER);"}};
  Status s = ApplyMigrations(*db_, one);
  EXPECT_EQ(s.code(), Errc::kInternal);
  EXPECT_EQ(s.reason(), "schema_too_new");
  EXPECT_EQ(*CurrentSchemaVersion(*db_), 2);
}

TEST_F(SqliteMigrationsTest, OutOfOrderListIsABug) {
  const Migration list[] = {{2, "0002_b", "SELECT 1;"}, {1, "0001_a", "SELECT 1;"}};
  EXPECT_EQ(ApplyMigrations(*db_, list).code(), Errc::kInternal);
}

TEST_F(SqliteMigrationsTest, IngestSchemaIsStrict) {
  ASSERT_TRUE(RegisterSearchFunctions(*db_).ok());  // migration 0008 uses it
  ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations()).ok());
  // A number where text belongs is an error, never silently converted.
  EXPECT_FALSE(db_->Exec("INSERT INTO deliveries (channel, received_at, body) "
                         "VALUES ('x', 'not a time', x'00')")
                   .ok());
  // Text ids stay text, including numeric-looking ones.
  ASSERT_TRUE(db_->Exec("PRAGMA foreign_keys = OFF; INSERT INTO message_ids VALUES "
                        "('x', '00042', 1)")
                  .ok());
  EXPECT_EQ(Text("SELECT typeof(external_id) || ':' || external_id FROM message_ids"),
            "text:00042");
}

}  // namespace
}  // namespace fr::storage::sqlite
