#include "engine/people/directory.h"

#include <algorithm>

#include "base/log.h"
#include "base/unicode.h"

namespace fr::engine {
namespace {

Status Invalid(std::string reason, std::string message) {
  return Status(Errc::kInvalidArgument, std::move(reason), std::move(message));
}

// Counts code points; REQUIRES valid UTF-8.
std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

Status CheckPassword(std::string_view password) {
  if (!unicode::IsValidUtf8(password)) return Invalid("weak_password", "the password is not valid UTF-8");
  if (CodePoints(password) < static_cast<std::size_t>(kMinPasswordLength)) {
    return Invalid("weak_password", "a password needs at least " +
                                        std::to_string(kMinPasswordLength) + " characters");
  }
  if (password.size() > 1024) return Invalid("weak_password", "a password is at most 1024 bytes");
  return Status::Ok();
}

// Languages are BCP 47 primary tags: two or three lower-case letters.
Status CheckSkills(const domain::Skills& skills) {
  for (const std::string& lang : skills.languages) {
    bool ok = (lang.size() == 2 || lang.size() == 3) &&
              std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!ok) {
      return Invalid("invalid_language",
                     "languages are two- or three-letter codes such as \"he\" or \"en\"; got \"" +
                         lang + "\"");
    }
  }
  return Status::Ok();
}

Status CheckDisplayName(std::string_view name) {
  if (name.empty() || name.size() > 200 || !unicode::IsValidUtf8(name)) {
    return Invalid("invalid_display_name", "a display name has 1 to 200 bytes of UTF-8");
  }
  return Status::Ok();
}

Status CheckCapacity(std::int32_t capacity) {
  if (capacity < 0 || capacity > 500) {
    return Invalid("invalid_capacity", "capacity is the number of cases at once, 0 to 500");
  }
  return Status::Ok();
}

Status CheckUser(const domain::User& u) {
  if (auto problem = domain::CheckUsername(u.username)) return Invalid("invalid_username", *problem);
  FR_RETURN_IF_ERROR(CheckDisplayName(u.display_name));
  FR_RETURN_IF_ERROR(CheckCapacity(u.capacity));
  return CheckSkills(u.skills);
}

Status CheckTeam(const domain::Team& t) {
  if (t.name.empty() || t.name.size() > 100 || !unicode::IsValidUtf8(t.name)) {
    return Invalid("invalid_team_name", "a team name has 1 to 100 bytes of UTF-8");
  }
  return CheckSkills(t.scope);
}

}  // namespace

Directory::Directory(ports::Store& store, const Clock& clock, secrets::PasswordCost cost)
    : store_(store), clock_(clock), cost_(cost) {}

Result<domain::User> Directory::AddUser(const NewUser& n) {
  ports::StoredUser s;
  domain::User& u = s.user;
  u.username = n.username;
  u.display_name = n.display_name.empty() ? n.username : n.display_name;
  u.role = n.role;
  u.capacity = n.capacity;
  u.in_training = n.in_training;
  u.skills = n.skills;
  u.created_at = clock_.NowMillis();
  FR_RETURN_IF_ERROR(CheckUser(u));
  FR_RETURN_IF_ERROR(CheckPassword(n.password));
  FR_ASSIGN_OR_RETURN(s.password_hash, secrets::HashPassword(n.password, cost_));
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(u.id, txn.people().InsertUser(s));
    return Status::Ok();
  }));
  FR_LOG(kInfo, "people", "user added id={} role={}", u.id, domain::RoleName(u.role));
  return u;
}

Result<domain::User> Directory::UpdateUser(domain::UserId id, const UserPatch& patch) {
  FR_ASSIGN_OR_RETURN(std::optional<domain::User> found, store_.people().GetUser(id));
  if (!found) return Status(Errc::kNotFound, "not_found", "no such user");
  domain::User u = std::move(*found);
  if (patch.display_name) u.display_name = *patch.display_name;
  if (patch.role) u.role = *patch.role;
  if (patch.capacity) u.capacity = *patch.capacity;
  if (patch.active) u.active = *patch.active;
  if (patch.in_training) u.in_training = *patch.in_training;
  if (patch.skills) u.skills = *patch.skills;
  FR_RETURN_IF_ERROR(CheckUser(u));
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_RETURN_IF_ERROR(txn.people().UpdateUser(u));
    if (!u.active) return txn.people().DeleteSessionsOfUser(u.id);
    return Status::Ok();
  }));
  return u;
}

Status Directory::SetPassword(domain::UserId id, std::string_view password) {
  FR_RETURN_IF_ERROR(CheckPassword(password));
  FR_ASSIGN_OR_RETURN(std::string hash, secrets::HashPassword(password, cost_));
  return ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_RETURN_IF_ERROR(txn.people().SetPasswordHash(id, hash));
    return txn.people().DeleteSessionsOfUser(id);
  });
}

Result<domain::Team> Directory::AddTeam(domain::Team team) {
  FR_RETURN_IF_ERROR(CheckTeam(team));
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(team.id, txn.people().InsertTeam(team));
    return Status::Ok();
  }));
  return team;
}

Result<domain::Team> Directory::UpdateTeam(const domain::Team& team) {
  FR_RETURN_IF_ERROR(CheckTeam(team));
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) { return txn.people().UpdateTeam(team); }));
  return team;
}

Status Directory::DeleteTeam(domain::TeamId id) {
  return ports::WriteOne(store_, [&](ports::StoreTxn& txn) { return txn.people().DeleteTeam(id); });
}

}  // namespace fr::engine
