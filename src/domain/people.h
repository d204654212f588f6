// People: the agents, supervisors and admins who work cases, and the teams they belong to.
// Plain values; no I/O. The store keeps them; engine/people changes them; api/ shows them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "domain/platform.h"

namespace fr::domain {

using UserId = std::int64_t;
using TeamId = std::int64_t;

// What a person may do; see domain/permissions.h for the exact rights of each.
enum class Role { kAgent, kSupervisor, kAdmin };

std::string_view RoleName(Role r);  // "agent", "supervisor", "admin"
std::optional<Role> ParseRole(std::string_view name);

// What an agent can handle. Empty lists mean "any".
struct Skills {
  std::vector<std::string> languages;  // BCP 47 primary tags: "he", "en", "ar", "ru"
  std::vector<Platform> platforms;

  bool operator==(const Skills&) const = default;
};

struct User {
  UserId id = 0;
  std::string username;      // unique, case-insensitive; the login name
  std::string display_name;  // shown to customers in signatures: real named people
  Role role = Role::kAgent;
  // Cases this person may hold at once across every channel; automatic routing stops there.
  std::int32_t capacity = 8;
  bool active = true;       // an inactive user cannot sign in and gets no cases
  bool in_training = false;  // replies of agents in training wait for a supervisor's approval
  Skills skills;
  UnixMillis created_at = 0;

  bool operator==(const User&) const = default;
};

// How a team signs its replies.
enum class SignatureStyle {
  kCaret,     // X style: "^Dana" at the end
  kDashName,  // "— Dana, Support team" on its own line (Facebook, Messenger, Instagram)
  kNone,      // no signature
};

std::string_view SignatureStyleName(SignatureStyle s);  // "caret", "dash_name", "none"
std::optional<SignatureStyle> ParseSignatureStyle(std::string_view name);

struct Team {
  TeamId id = 0;
  std::string name;  // unique
  // What the team covers, for routing: cases whose language and platform fall in here.
  Skills scope;
  std::string calendar;  // the name of its business-hours calendar (config); empty = always open
  SignatureStyle signature = SignatureStyle::kDashName;
  std::vector<UserId> members;

  bool operator==(const Team&) const = default;
};

// The form in which user names are compared: NFC, then Unicode case folding ("Dana" and
// "DANA" are one user). REQUIRES: valid UTF-8 (CheckUsername passed).
std::string UsernameKey(std::string_view username);

// Returns a problem with `username` for a person to fix, or nullopt if it is acceptable:
// 1–64 characters of letters (any script), digits, '.', '_' or '-', starting with a letter or
// digit. Hebrew user names are welcome.
std::optional<std::string> CheckUsername(std::string_view username);

}  // namespace fr::domain
