// People -> JSON for the API: users, teams, API tokens, the signed-in session. Field names
// are the contract in schema/openapi.yaml; our ids are strings. Password hashes and token
// digests never leave the server.
#pragma once

#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/people.h"
#include "engine/people/authenticator.h"
#include "ports/people_store.h"

namespace fr::api {

boost::json::object UserObject(const domain::User& u);
boost::json::object TeamObject(const domain::Team& t);
boost::json::object ApiTokenObject(const ports::ApiTokenRecord& t);

std::string UserListJson(const std::vector<domain::User>& users);
std::string TeamListJson(const std::vector<domain::Team>& teams);
std::string ApiTokenListJson(const std::vector<ports::ApiTokenRecord>& tokens);
// {"user":…, "csrf_token":…, "expires_at":…?}; expires_at only when known (> 0).
std::string SessionJson(const domain::User& user, const std::string& csrf_token,
                        UnixMillis expires_at);
// {"token":…, plus the token's fields}: the only time the token itself is shown.
std::string NewApiTokenJson(const engine::NewApiToken& t);
// Serialises one object.
std::string ToJson(const boost::json::object& o);

}  // namespace fr::api
