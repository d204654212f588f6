// The command-line commands other than `serve`: each opens the store of a ServerConfig,
// does one job, and returns a process exit code (0 done, 1 failed, 2 bad input), writing a
// message a person can act on to `err`.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "base/status.h"
#include "domain/people.h"
#include "server/config.h"
#include "storage/sqlite/sqlite_store.h"

namespace fr::server {

// Opens (creating) config.data_dir and the SQLite store in it: "<data_dir>/feedroom.db".
Result<std::unique_ptr<storage::sqlite::SqliteStore>> OpenStore(const ServerConfig& config);

struct UserAddArgs {
  std::string username;
  std::string role;          // "agent" | "supervisor" | "admin"
  std::string display_name;  // defaults to the user name
  int capacity = 8;
  std::string languages;     // comma-separated, e.g. "he,en"
  std::string platforms;     // comma-separated, e.g. "x,facebook"
  bool in_training = false;
};

// `feedroom user add`: reads the password from the first line of `in` (so it never shows in
// the process list or shell history) and adds the user. Exit 3 when the user name is taken,
// so scripts can tell "already there" from a failure.
int RunUserAdd(const ServerConfig& config, const UserAddArgs& args, std::istream& in,
               std::ostream& out, std::ostream& err);

// `feedroom token create`: creates an API token acting as user `username` for the
// integration `name`, and prints the token (shown only this once) on `out`.
int RunTokenCreate(const ServerConfig& config, const std::string& username,
                   const std::string& name, std::ostream& out, std::ostream& err);

// `feedroom labels export`: writes every label correction agents made, oldest first, as JSON
// lines {"text","task","label","message_id","at"} on `out` — the file `feedroom train
// --corrections` reads.
int RunLabelsExport(const ServerConfig& config, std::ostream& out, std::ostream& err);

struct TeamAddArgs {
  std::string name;
  std::string members;    // comma-separated user names
  std::string languages;  // comma-separated, e.g. "he,en"
  std::string platforms;  // comma-separated, e.g. "x,facebook"
  std::string signature = "dash_name";  // caret | dash_name | none
};

// `feedroom team add`: adds a team with the named members (they must exist). Exit 3 when the
// team name is taken, 2 for bad input (an unknown member, platform or style).
int RunTeamAdd(const ServerConfig& config, const TeamAddArgs& args, std::ostream& out,
               std::ostream& err);

}  // namespace fr::server
