// Test support for the API route tests: a real SQLite store in a fresh temporary directory with
// the authenticator, directory and auth gate over it, and helpers to add users and sign them in.
// Each test keeps its own clock, routes and data; this holds only what they all build alike.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "api/auth_gate.h"
#include "api/router.h"
#include "base/clock.h"
#include "engine/people/authenticator.h"
#include "engine/people/directory.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace fr::api {

// Dispatches `method path` with `body` through `router` as the bearer of API token `token`
// and returns the answer (the routes under test answer before Dispatch returns). A query after
// '?' in `path` is split on '&' and '=' into the request's parameters, not percent-decoded.
ApiResponse CallAs(Router& router, const std::string& token, const std::string& method,
                   const std::string& path, const std::string& body = "");

// The "code" of an error answer's JSON body.
std::string ErrorCodeOf(const ApiResponse& r);

class ApiTestWorld {
 public:
  // Opens the store (t.db in a new TempDir) and builds the authenticator with `auth`, its
  // password_cost replaced by secrets::MinimumPasswordCost() so that hashing stays fast, then a
  // directory and a gate over it. `clock` must outlive this. Throws if the store cannot open.
  explicit ApiTestWorld(const Clock& clock, engine::AuthOptions auth = {});
  ApiTestWorld(const ApiTestWorld&) = delete;
  ApiTestWorld& operator=(const ApiTestWorld&) = delete;

  storage::sqlite::SqliteStore& store() { return *store_; }
  engine::Authenticator& authenticator() { return *authenticator_; }
  engine::Directory& directory() { return *directory_; }
  AuthGate& gate() { return *gate_; }

  // Adds an active user `username` with `role` and `password`, capacity 5 and no skills, shown
  // as `display_name` (the user name when empty). On an error fails the calling test and
  // returns a default User (id 0).
  domain::User AddUser(const std::string& username, domain::Role role, const std::string& password,
                       const std::string& display_name = "");

  // Issues an API token named `name` for `user` and returns its secret, the part after
  // "Bearer ". On an error fails the calling test and returns "".
  std::string ApiToken(const domain::User& user, std::string_view name);

  // Adds "dana", an agent, and "rina", a supervisor, and returns an API token of each by user
  // name: the two viewers most route tests compare.
  std::map<std::string, std::string> AgentAndSupervisorTokens();

  // Signs `username` in with `password` (from 192.0.2.1) and returns "fr_session=<token>", the
  // pair a browser sends back in its Cookie header. On an error fails the calling test and
  // returns "".
  std::string SessionCookie(std::string_view username, std::string_view password);

 private:
  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<engine::Authenticator> authenticator_;
  std::unique_ptr<engine::Directory> directory_;
  std::unique_ptr<AuthGate> gate_;
};

}  // namespace fr::api
