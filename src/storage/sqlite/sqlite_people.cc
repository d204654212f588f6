#include "storage/sqlite/sqlite_people.h"

#include <string>
#include <vector>

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

// 11 columns.
#define FR_SQLITE_USER_COLUMNS                                                          \
  "u.id, u.username, u.display_name, u.role, u.capacity, u.active, u.in_training, "    \
  "u.languages, u.platforms, u.created_at, u.password_hash"
// 6 columns (members are read separately).
#define FR_SQLITE_TEAM_COLUMNS "t.id, t.name, t.languages, t.platforms, t.calendar, t.signature"
#define FR_SQLITE_SESSION_COLUMNS "token_digest, user_id, csrf_token, created_at, expires_at"
#define FR_SQLITE_TOKEN_COLUMNS "id, user_id, name, token_digest, created_at, revoked_at"

std::string JoinPlatforms(const std::vector<domain::Platform>& platforms) {
  std::vector<std::string> names;
  for (domain::Platform p : platforms) names.emplace_back(domain::PlatformName(p));
  return JoinList(names);
}

Result<domain::Skills> ReadSkills(const Statement& st, int languages_col, int platforms_col) {
  domain::Skills skills;
  skills.languages = SplitList(st.ColumnText(languages_col));
  for (const std::string& name : SplitList(st.ColumnText(platforms_col))) {
    auto p = domain::ParsePlatform(name);
    if (!p) return Status(Errc::kInternal, "store_corrupt", "unknown platform in skills: " + name);
    skills.platforms.push_back(*p);
  }
  return skills;
}

Result<ports::StoredUser> ReadUser(const Statement& st) {
  ports::StoredUser out;
  domain::User& u = out.user;
  u.id = st.ColumnInt(0);
  u.username = st.ColumnText(1);
  u.display_name = st.ColumnText(2);
  auto role = domain::ParseRole(st.ColumnText(3));
  if (!role) return Status(Errc::kInternal, "store_corrupt", "unknown role in users");
  u.role = *role;
  u.capacity = static_cast<std::int32_t>(st.ColumnInt(4));
  u.active = st.ColumnInt(5) != 0;
  u.in_training = st.ColumnInt(6) != 0;
  FR_ASSIGN_OR_RETURN(u.skills, ReadSkills(st, 7, 8));
  u.created_at = st.ColumnInt(9);
  out.password_hash = st.ColumnText(10);
  return out;
}

Result<domain::Team> ReadTeam(const Statement& st) {
  domain::Team t;
  t.id = st.ColumnInt(0);
  t.name = st.ColumnText(1);
  FR_ASSIGN_OR_RETURN(t.scope, ReadSkills(st, 2, 3));
  t.calendar = st.ColumnText(4);
  auto sig = domain::ParseSignatureStyle(st.ColumnText(5));
  if (!sig) return Status(Errc::kInternal, "store_corrupt", "unknown signature style in teams");
  t.signature = *sig;
  return t;
}

Status LoadMembers(SqliteConnection& db, domain::Team& team) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT user_id FROM team_members "
                                               "WHERE team_id = ?1 ORDER BY user_id"));
  st.BindInt(1, team.id);
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    team.members.push_back(st.ColumnInt(0));
  }
}

ports::SessionRecord ReadSession(const Statement& st) {
  return ports::SessionRecord{st.ColumnText(0), st.ColumnInt(1), st.ColumnText(2),
                              st.ColumnInt(3), st.ColumnInt(4)};
}

ports::ApiTokenRecord ReadToken(const Statement& st) {
  return ports::ApiTokenRecord{st.ColumnInt(0), st.ColumnInt(1), st.ColumnText(2),
                               st.ColumnText(3), st.ColumnInt(4), st.ColumnOptionalInt(5)};
}

// Maps the UNIQUE violation of a name column to a conflict the user can act on.
Status NameTaken(Status s, std::string_view reason, std::string_view what) {
  if (s.code() != Errc::kConflict) return s;
  return Status(Errc::kConflict, std::string(reason), std::string(what) + " is already taken");
}

// SQLite reports a missing referenced row as a generic constraint failure.
Status MissingMember(Status s) {
  if (s.reason() != "store_constraint") return s;
  return Status(Errc::kNotFound, "not_found", "a team member is not a known user");
}

Status NotFoundUnlessChanged(SqliteConnection& db, std::string_view what) {
  if (db.Changes() > 0) return Status::Ok();
  return Status(Errc::kNotFound, "not_found", std::string(what) + " not found");
}

// Runs `read` on every row of `st`.
template <typename T, typename ReadFn>
Result<std::vector<T>> ReadRows(Statement& st, ReadFn read) {
  std::vector<T> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(read(st));
  }
}

}  // namespace

Result<domain::UserId> SqlitePeopleTxn::InsertUser(const ports::StoredUser& s) {
  const domain::User& u = s.user;
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("INSERT INTO users (username, username_key, display_name, role, password_hash, "
                  "capacity, active, in_training, languages, platforms, created_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  st.BindText(1, u.username)
      .BindText(2, domain::UsernameKey(u.username))
      .BindText(3, u.display_name)
      .BindText(4, domain::RoleName(u.role))
      .BindText(5, s.password_hash)
      .BindInt(6, u.capacity)
      .BindInt(7, u.active ? 1 : 0)
      .BindInt(8, u.in_training ? 1 : 0)
      .BindText(9, JoinList(u.skills.languages))
      .BindText(10, JoinPlatforms(u.skills.platforms))
      .BindInt(11, u.created_at);
  if (Status r = st.Run(); !r.ok()) return NameTaken(r, "username_taken", "that user name");
  return db_.LastInsertRowid();
}

Status SqlitePeopleTxn::UpdateUser(const domain::User& u) {
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("UPDATE users SET username = ?2, username_key = ?3, display_name = ?4, "
                  "role = ?5, capacity = ?6, active = ?7, in_training = ?8, languages = ?9, "
                  "platforms = ?10 WHERE id = ?1"));
  st.BindInt(1, u.id)
      .BindText(2, u.username)
      .BindText(3, domain::UsernameKey(u.username))
      .BindText(4, u.display_name)
      .BindText(5, domain::RoleName(u.role))
      .BindInt(6, u.capacity)
      .BindInt(7, u.active ? 1 : 0)
      .BindInt(8, u.in_training ? 1 : 0)
      .BindText(9, JoinList(u.skills.languages))
      .BindText(10, JoinPlatforms(u.skills.platforms));
  if (Status r = st.Run(); !r.ok()) return NameTaken(r, "username_taken", "that user name");
  return NotFoundUnlessChanged(db_, "user");
}

Status SqlitePeopleTxn::SetPasswordHash(domain::UserId id, std::string_view password_hash) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1"));
  st.BindInt(1, id).BindText(2, password_hash);
  FR_RETURN_IF_ERROR(st.Run());
  return NotFoundUnlessChanged(db_, "user");
}

Status SqlitePeopleTxn::WriteMembers(const domain::Team& team) {
  {
    FR_ASSIGN_OR_RETURN(Statement del, db_.Prepare("DELETE FROM team_members WHERE team_id = ?1"));
    del.BindInt(1, team.id);
    FR_RETURN_IF_ERROR(del.Run());
  }
  FR_ASSIGN_OR_RETURN(Statement ins, db_.Prepare("INSERT OR IGNORE INTO team_members "
                                                 "(team_id, user_id) VALUES (?1, ?2)"));
  for (domain::UserId member : team.members) {
    ins.BindInt(1, team.id).BindInt(2, member);
    if (Status r = ins.Run(); !r.ok()) return MissingMember(r);
  }
  return Status::Ok();
}

Result<domain::TeamId> SqlitePeopleTxn::InsertTeam(const domain::Team& team) {
  domain::Team stored = team;
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("INSERT INTO teams (name, languages, platforms, calendar, "
                                    "signature) VALUES (?1, ?2, ?3, ?4, ?5)"));
    st.BindText(1, team.name)
        .BindText(2, JoinList(team.scope.languages))
        .BindText(3, JoinPlatforms(team.scope.platforms))
        .BindText(4, team.calendar)
        .BindText(5, domain::SignatureStyleName(team.signature));
    if (Status r = st.Run(); !r.ok()) return NameTaken(r, "team_name_taken", "that team name");
    stored.id = db_.LastInsertRowid();
  }
  FR_RETURN_IF_ERROR(WriteMembers(stored));
  return stored.id;
}

Status SqlitePeopleTxn::UpdateTeam(const domain::Team& team) {
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("UPDATE teams SET name = ?2, languages = ?3, platforms = ?4, "
                                    "calendar = ?5, signature = ?6 WHERE id = ?1"));
    st.BindInt(1, team.id)
        .BindText(2, team.name)
        .BindText(3, JoinList(team.scope.languages))
        .BindText(4, JoinPlatforms(team.scope.platforms))
        .BindText(5, team.calendar)
        .BindText(6, domain::SignatureStyleName(team.signature));
    if (Status r = st.Run(); !r.ok()) return NameTaken(r, "team_name_taken", "that team name");
    FR_RETURN_IF_ERROR(NotFoundUnlessChanged(db_, "team"));
  }
  return WriteMembers(team);
}

Status SqlitePeopleTxn::DeleteTeam(domain::TeamId id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("DELETE FROM teams WHERE id = ?1"));
  st.BindInt(1, id);
  FR_RETURN_IF_ERROR(st.Run());
  return NotFoundUnlessChanged(db_, "team");
}

Status SqlitePeopleTxn::InsertSession(const ports::SessionRecord& s) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("INSERT INTO sessions (" FR_SQLITE_SESSION_COLUMNS
                                                ") VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.BindText(1, s.token_digest)
      .BindInt(2, s.user_id)
      .BindText(3, s.csrf_token)
      .BindInt(4, s.created_at)
      .BindInt(5, s.expires_at);
  return st.Run();
}

Status SqlitePeopleTxn::DeleteSession(std::string_view token_digest) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("DELETE FROM sessions WHERE token_digest = ?1"));
  st.BindText(1, token_digest);
  return st.Run();
}

Status SqlitePeopleTxn::DeleteSessionsOfUser(domain::UserId id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("DELETE FROM sessions WHERE user_id = ?1"));
  st.BindInt(1, id);
  return st.Run();
}

Status SqlitePeopleTxn::ExtendSession(std::string_view token_digest, UnixMillis expires_at) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE sessions SET expires_at = ?2 WHERE token_digest = ?1"));
  st.BindText(1, token_digest).BindInt(2, expires_at);
  return st.Run();
}

Result<std::int64_t> SqlitePeopleTxn::DeleteExpiredSessions(UnixMillis now) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("DELETE FROM sessions WHERE expires_at < ?1"));
  st.BindInt(1, now);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.Changes();
}

Result<std::int64_t> SqlitePeopleTxn::InsertApiToken(const ports::ApiTokenRecord& t) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO api_tokens (user_id, name, token_digest, "
                                  "created_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.BindInt(1, t.user_id)
      .BindText(2, t.name)
      .BindText(3, t.token_digest)
      .BindInt(4, t.created_at)
      .BindOptionalInt(5, t.revoked_at);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Status SqlitePeopleTxn::RevokeApiToken(std::int64_t id, domain::UserId owner, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE api_tokens SET revoked_at = ?3 "
                                  "WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL"));
  st.BindInt(1, id).BindInt(2, owner).BindInt(3, at);
  FR_RETURN_IF_ERROR(st.Run());
  return NotFoundUnlessChanged(db_, "API token");
}

Result<std::optional<ports::StoredUser>> SqlitePeopleReader::FindUserByName(
    std::string_view username) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_USER_COLUMNS
                                                " FROM users u WHERE u.username_key = ?1"));
  st.BindText(1, domain::UsernameKey(username));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<ports::StoredUser>();
  FR_ASSIGN_OR_RETURN(ports::StoredUser u, ReadUser(st));
  return std::optional<ports::StoredUser>(std::move(u));
}

Result<std::optional<domain::User>> SqlitePeopleReader::GetUser(domain::UserId id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_USER_COLUMNS
                                                " FROM users u WHERE u.id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<domain::User>();
  FR_ASSIGN_OR_RETURN(ports::StoredUser u, ReadUser(st));
  return std::optional<domain::User>(std::move(u.user));
}

Result<std::vector<domain::User>> SqlitePeopleReader::ListUsers() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_USER_COLUMNS
                                                " FROM users u ORDER BY u.id"));
  std::vector<domain::User> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(ports::StoredUser u, ReadUser(st));
    out.push_back(std::move(u.user));
  }
}

Result<std::int64_t> SqlitePeopleReader::CountUsers() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT count(*) FROM users"));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::vector<domain::Team>> SqlitePeopleReader::ListTeams() {
  auto db = readers_.Acquire();
  std::vector<domain::Team> teams;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_TEAM_COLUMNS
                                                  " FROM teams t ORDER BY t.name"));
    while (true) {
      FR_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      FR_ASSIGN_OR_RETURN(domain::Team t, ReadTeam(st));
      teams.push_back(std::move(t));
    }
  }
  for (domain::Team& t : teams) FR_RETURN_IF_ERROR(LoadMembers(*db, t));
  return teams;
}

Result<std::optional<domain::Team>> SqlitePeopleReader::GetTeam(domain::TeamId id) {
  auto db = readers_.Acquire();
  std::optional<domain::Team> team;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_TEAM_COLUMNS
                                                  " FROM teams t WHERE t.id = ?1"));
    st.BindInt(1, id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return team;
    FR_ASSIGN_OR_RETURN(team, ReadTeam(st));
  }
  FR_RETURN_IF_ERROR(LoadMembers(*db, *team));
  return team;
}

Result<std::optional<ports::SessionRecord>> SqlitePeopleReader::FindSession(
    std::string_view token_digest) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_SESSION_COLUMNS
                                                " FROM sessions WHERE token_digest = ?1"));
  st.BindText(1, token_digest);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<ports::SessionRecord>();
  return std::optional<ports::SessionRecord>(ReadSession(st));
}

Result<std::optional<ports::ApiTokenRecord>> SqlitePeopleReader::FindApiToken(
    std::string_view token_digest) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_TOKEN_COLUMNS
                                                " FROM api_tokens WHERE token_digest = ?1"));
  st.BindText(1, token_digest);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<ports::ApiTokenRecord>();
  return std::optional<ports::ApiTokenRecord>(ReadToken(st));
}

Result<std::vector<ports::ApiTokenRecord>> SqlitePeopleReader::ListApiTokens(domain::UserId owner) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT " FR_SQLITE_TOKEN_COLUMNS
                                  " FROM api_tokens WHERE user_id = ?1 ORDER BY id DESC"));
  st.BindInt(1, owner);
  return ReadRows<ports::ApiTokenRecord>(st, ReadToken);
}

}  // namespace fr::storage::sqlite
