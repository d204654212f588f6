// The people part of SqliteStore (ports/people_store.h): SqlitePeopleTxn writes on the writer
// connection inside WriteBatch's transaction; SqlitePeopleReader reads on leased reader
// connections. Schema: migrations/0003_people.sql.
// Thread safety: SqlitePeopleTxn as SqliteTxn (one thread); SqlitePeopleReader any thread.
#pragma once

#include "ports/people_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"

namespace fr::storage::sqlite {

class SqlitePeopleTxn final : public ports::PeopleTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open, and outlives this.
  explicit SqlitePeopleTxn(SqliteConnection& db) : db_(db) {}

  Result<domain::UserId> InsertUser(const ports::StoredUser& u) override;
  Status UpdateUser(const domain::User& user) override;
  Status SetPasswordHash(domain::UserId id, std::string_view password_hash) override;
  Result<domain::TeamId> InsertTeam(const domain::Team& team) override;
  Status UpdateTeam(const domain::Team& team) override;
  Status DeleteTeam(domain::TeamId id) override;
  Status InsertSession(const ports::SessionRecord& s) override;
  Status DeleteSession(std::string_view token_digest) override;
  Status DeleteSessionsOfUser(domain::UserId id) override;
  Status ExtendSession(std::string_view token_digest, UnixMillis expires_at) override;
  Result<std::int64_t> DeleteExpiredSessions(UnixMillis now) override;
  Result<std::int64_t> InsertApiToken(const ports::ApiTokenRecord& t) override;
  Status RevokeApiToken(std::int64_t id, domain::UserId owner, UnixMillis at) override;

 private:
  // Replaces the member rows of `team`.
  Status WriteMembers(const domain::Team& team);

  SqliteConnection& db_;
};

class SqlitePeopleReader final : public ports::PeopleReader {
 public:
  // REQUIRES: `readers` outlives this.
  explicit SqlitePeopleReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::optional<ports::StoredUser>> FindUserByName(std::string_view username) override;
  Result<std::optional<domain::User>> GetUser(domain::UserId id) override;
  Result<std::vector<domain::User>> ListUsers() override;
  Result<std::int64_t> CountUsers() override;
  Result<std::vector<domain::Team>> ListTeams() override;
  Result<std::optional<domain::Team>> GetTeam(domain::TeamId id) override;
  Result<std::optional<ports::SessionRecord>> FindSession(std::string_view token_digest) override;
  Result<std::optional<ports::ApiTokenRecord>> FindApiToken(
      std::string_view token_digest) override;
  Result<std::vector<ports::ApiTokenRecord>> ListApiTokens(domain::UserId owner) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
