#include "api/people_json.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace fr::api {
namespace json = boost::json;
namespace {

json::object SkillsObject(const domain::Skills& s) {
  json::array languages;
  for (const auto& l : s.languages) languages.emplace_back(l);
  json::array platforms;
  for (auto p : s.platforms) platforms.emplace_back(domain::PlatformName(p));
  json::object o;
  o["languages"] = std::move(languages);
  o["platforms"] = std::move(platforms);
  return o;
}

template <typename T, typename F>
std::string ItemsJson(const std::vector<T>& items, F to_object) {
  json::array arr;
  for (const T& item : items) arr.emplace_back(to_object(item));
  json::object o;
  o["items"] = std::move(arr);
  return json::serialize(o);
}

}  // namespace

json::object UserObject(const domain::User& u) {
  json::object o;
  o["id"] = std::to_string(u.id);
  o["username"] = u.username;
  o["display_name"] = u.display_name;
  o["role"] = domain::RoleName(u.role);
  o["capacity"] = u.capacity;
  o["active"] = u.active;
  o["in_training"] = u.in_training;
  o["skills"] = SkillsObject(u.skills);
  o["created_at"] = u.created_at;
  return o;
}

json::object TeamObject(const domain::Team& t) {
  json::array members;
  for (auto id : t.members) members.emplace_back(std::to_string(id));
  json::object o;
  o["id"] = std::to_string(t.id);
  o["name"] = t.name;
  o["scope"] = SkillsObject(t.scope);
  o["calendar"] = t.calendar;
  o["signature"] = domain::SignatureStyleName(t.signature);
  o["members"] = std::move(members);
  return o;
}

json::object ApiTokenObject(const ports::ApiTokenRecord& t) {
  json::object o;
  o["id"] = std::to_string(t.id);
  o["name"] = t.name;
  o["created_at"] = t.created_at;
  o["revoked_at"] = t.revoked_at ? json::value(*t.revoked_at) : json::value(nullptr);
  return o;
}

std::string UserListJson(const std::vector<domain::User>& users) {
  return ItemsJson(users, UserObject);
}

std::string TeamListJson(const std::vector<domain::Team>& teams) {
  return ItemsJson(teams, TeamObject);
}

std::string ApiTokenListJson(const std::vector<ports::ApiTokenRecord>& tokens) {
  return ItemsJson(tokens, ApiTokenObject);
}

std::string SessionJson(const domain::User& user, const std::string& csrf_token,
                        UnixMillis expires_at) {
  json::object o;
  o["user"] = UserObject(user);
  o["csrf_token"] = csrf_token;
  if (expires_at > 0) o["expires_at"] = expires_at;
  return json::serialize(o);
}

std::string NewApiTokenJson(const engine::NewApiToken& t) {
  json::object o = ApiTokenObject(t.record);
  o["token"] = t.token;
  return json::serialize(o);
}

std::string ToJson(const json::object& o) { return json::serialize(o); }

}  // namespace fr::api
