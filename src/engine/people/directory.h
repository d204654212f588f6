// Directory: adding and changing users and teams, with the rules a person must satisfy
// (valid user name, a password long enough, sane capacity and skills). Used by the API's
// admin routes and by `feedroom user add`. Thread-safe (writes go through Store::WriteBatch).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/secrets.h"
#include "base/status.h"
#include "domain/people.h"
#include "ports/store.h"

namespace fr::engine {

// The shortest password accepted (characters, not bytes).
inline constexpr int kMinPasswordLength = 10;

struct NewUser {
  std::string username;
  std::string display_name;  // defaults to the user name when empty
  domain::Role role = domain::Role::kAgent;
  std::string password;
  std::int32_t capacity = 8;
  bool in_training = false;
  domain::Skills skills;
};

// Fields to change; absent ones stay as they are.
struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<domain::Role> role;
  std::optional<std::int32_t> capacity;
  std::optional<bool> active;
  std::optional<bool> in_training;
  std::optional<domain::Skills> skills;
};

class Directory {
 public:
  // `store` and `clock` must outlive this.
  Directory(ports::Store& store, const Clock& clock, secrets::PasswordCost cost);

  // Errors: kInvalidArgument ("invalid_username", "weak_password", "invalid_capacity",
  // "invalid_language", "invalid_display_name") with a message for the person; kConflict
  // "username_taken".
  Result<domain::User> AddUser(const NewUser& u);
  // Applies `patch`; deactivating a user also ends their sessions. Errors: as AddUser, and
  // kNotFound.
  Result<domain::User> UpdateUser(domain::UserId id, const UserPatch& patch);
  // Sets a new password and ends every session of the user. Errors: "weak_password", kNotFound.
  Status SetPassword(domain::UserId id, std::string_view password);

  // Errors: kInvalidArgument "invalid_team_name" / "invalid_language"; kConflict
  // "team_name_taken"; kNotFound for an unknown member.
  Result<domain::Team> AddTeam(domain::Team team);
  // Overwrites team.id. Errors: as AddTeam, and kNotFound.
  Result<domain::Team> UpdateTeam(const domain::Team& team);
  Status DeleteTeam(domain::TeamId id);

 private:
  ports::Store& store_;
  const Clock& clock_;
  const secrets::PasswordCost cost_;
};

}  // namespace fr::engine
