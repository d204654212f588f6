#include "server/commands.h"

#include <boost/json.hpp>

#include <filesystem>
#include <istream>
#include <ostream>

#include "base/clock.h"
#include "engine/people/authenticator.h"
#include "engine/people/directory.h"

namespace fr::server {
namespace {

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<storage::sqlite::SqliteStore>> OpenStore(const ServerConfig& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return Status(Errc::kUnavailable, "data_dir",
                  "cannot create data directory " + config.data_dir + ": " + ec.message());
  }
  storage::sqlite::SqliteOptions options;
  options.path = (std::filesystem::path(config.data_dir) / "feedroom.db").string();
  return storage::sqlite::SqliteStore::Open(options);
}

int RunUserAdd(const ServerConfig& config, const UserAddArgs& args, std::istream& in,
               std::ostream& out, std::ostream& err) {
  engine::NewUser user;
  user.username = args.username;
  user.display_name = args.display_name;
  auto role = domain::ParseRole(args.role);
  if (!role) {
    err << "feedroom user add: --role must be agent, supervisor or admin, not \"" << args.role
        << "\"\n";
    return 2;
  }
  user.role = *role;
  user.capacity = args.capacity;
  user.in_training = args.in_training;
  user.skills.languages = SplitCommas(args.languages);
  for (const std::string& name : SplitCommas(args.platforms)) {
    auto p = domain::ParsePlatform(name);
    if (!p) {
      err << "feedroom user add: --platforms: unknown platform \"" << name << "\"\n";
      return 2;
    }
    user.skills.platforms.push_back(*p);
  }
  if (!std::getline(in, user.password)) {
    err << "feedroom user add: expected the password on the first line of standard input\n";
    return 2;
  }
  if (!user.password.empty() && user.password.back() == '\r') user.password.pop_back();

  auto store = OpenStore(config);
  if (!store.ok()) {
    err << "feedroom user add: " << store.status().message() << "\n";
    return 1;
  }
  SystemClock clock;
  engine::Directory directory(**store, clock, config.auth.password_cost);
  Result<domain::User> added = directory.AddUser(user);
  if (!added.ok()) {
    err << "feedroom user add: " << added.status().message() << "\n";
    if (added.status().code() == Errc::kConflict) return 3;
    return added.status().code() == Errc::kInvalidArgument ? 2 : 1;
  }
  out << "added user " << added->username << " (id " << added->id << ", "
      << domain::RoleName(added->role) << ")\n";
  return 0;
}

int RunTeamAdd(const ServerConfig& config, const TeamAddArgs& args, std::ostream& out,
               std::ostream& err) {
  domain::Team team;
  team.name = args.name;
  team.scope.languages = SplitCommas(args.languages);
  for (const std::string& name : SplitCommas(args.platforms)) {
    auto p = domain::ParsePlatform(name);
    if (!p) {
      err << "feedroom team add: --platforms: unknown platform \"" << name << "\"\n";
      return 2;
    }
    team.scope.platforms.push_back(*p);
  }
  auto style = domain::ParseSignatureStyle(args.signature);
  if (!style) {
    err << "feedroom team add: --signature must be caret, dash_name or none\n";
    return 2;
  }
  team.signature = *style;
  auto store = OpenStore(config);
  if (!store.ok()) {
    err << "feedroom team add: " << store.status().message() << "\n";
    return 1;
  }
  for (const std::string& member : SplitCommas(args.members)) {
    auto user = (*store)->people().FindUserByName(member);
    if (!user.ok()) {
      err << "feedroom team add: " << user.status().message() << "\n";
      return 1;
    }
    if (!*user) {
      err << "feedroom team add: --members: no user named \"" << member << "\"\n";
      return 2;
    }
    team.members.push_back((*user)->user.id);
  }
  SystemClock clock;
  engine::Directory directory(**store, clock, config.auth.password_cost);
  Result<domain::Team> added = directory.AddTeam(team);
  if (!added.ok()) {
    err << "feedroom team add: " << added.status().message() << "\n";
    if (added.status().code() == Errc::kConflict) return 3;
    return added.status().code() == Errc::kInvalidArgument ? 2 : 1;
  }
  out << "added team " << added->name << " (id " << added->id << ", " << added->members.size()
      << " members)\n";
  return 0;
}

int RunLabelsExport(const ServerConfig& config, std::ostream& out, std::ostream& err) {
  auto store = OpenStore(config);
  if (!store.ok()) {
    err << "feedroom labels export: " << store.status().message() << "\n";
    return 1;
  }
  auto corrections = (*store)->insights().ListCorrections();
  if (!corrections.ok()) {
    err << "feedroom labels export: " << corrections.status().message() << "\n";
    return 1;
  }
  for (const ports::CorrectionExample& c : *corrections) {
    boost::json::object line;
    line["text"] = c.text;
    line["task"] = c.task;
    line["label"] = c.label;
    line["message_id"] = std::to_string(c.message_id);
    line["at"] = c.at;
    out << boost::json::serialize(line) << "\n";
  }
  return 0;
}

int RunTokenCreate(const ServerConfig& config, const std::string& username,
                   const std::string& name, std::ostream& out, std::ostream& err) {
  auto store = OpenStore(config);
  if (!store.ok()) {
    err << "feedroom token create: " << store.status().message() << "\n";
    return 1;
  }
  auto user = (*store)->people().FindUserByName(username);
  if (!user.ok()) {
    err << "feedroom token create: " << user.status().message() << "\n";
    return 1;
  }
  if (!*user || !(*user)->user.active) {
    err << "feedroom token create: no active user named \"" << username << "\"\n";
    return 2;
  }
  SystemClock clock;
  engine::Authenticator auth(**store, clock, config.auth);
  auto token = auth.CreateApiToken((*user)->user.id, name);
  if (!token.ok()) {
    err << "feedroom token create: " << token.status().message() << "\n";
    return token.status().code() == Errc::kInvalidArgument ? 2 : 1;
  }
  out << token->token << "\n";
  return 0;
}

}  // namespace fr::server
