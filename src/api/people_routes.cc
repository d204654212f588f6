#include "api/people_routes.h"

#include "api/error_response.h"
#include "api/json_body.h"
#include "api/offload.h"
#include "api/people_json.h"

namespace fr::api {
namespace {

using domain::Action;
using engine::Principal;

// Answers with `result`'s error, or with `ok(value)`.
template <typename T, typename F>
void Reply(const Responder& respond, Result<T> result, F ok) {
  if (!result.ok()) return respond(ErrorResponse(result.status()));
  respond(ok(*result));
}

// Reads "languages" and "platforms" into `skills` when present.
Status ReadSkills(const JsonBody& body, std::optional<domain::Skills>& skills) {
  FR_ASSIGN_OR_RETURN(auto languages, body.OptionalStringList("languages"));
  FR_ASSIGN_OR_RETURN(auto platforms, body.OptionalStringList("platforms"));
  if (!languages && !platforms) return Status::Ok();
  if (!skills) skills.emplace();
  if (languages) skills->languages = *languages;
  if (platforms) {
    skills->platforms.clear();
    for (const std::string& name : *platforms) {
      auto p = domain::ParsePlatform(name);
      if (!p) return Status(Errc::kInvalidArgument, "invalid_platform", "unknown platform: " + name);
      skills->platforms.push_back(*p);
    }
  }
  return Status::Ok();
}

Result<domain::Role> ReadRole(const std::string& name) {
  auto role = domain::ParseRole(name);
  if (!role) {
    return Status(Errc::kInvalidArgument, "invalid_role",
                  "role must be agent, supervisor or admin; got \"" + name + "\"");
  }
  return *role;
}

Result<std::int32_t> ToCapacity(std::int64_t v) {
  if (v < 0 || v > 500) {
    return Status(Errc::kInvalidArgument, "invalid_capacity", "capacity must be 0 to 500");
  }
  return static_cast<std::int32_t>(v);
}

Result<engine::NewUser> ReadNewUser(std::string_view text) {
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(text));
  FR_RETURN_IF_ERROR(body.AllowOnly({"username", "display_name", "role", "password", "capacity",
                                     "in_training", "languages", "platforms"}));
  engine::NewUser u;
  FR_ASSIGN_OR_RETURN(u.username, body.String("username"));
  FR_ASSIGN_OR_RETURN(u.password, body.String("password"));
  FR_ASSIGN_OR_RETURN(std::string role, body.String("role"));
  FR_ASSIGN_OR_RETURN(u.role, ReadRole(role));
  FR_ASSIGN_OR_RETURN(auto display, body.OptionalString("display_name"));
  if (display) u.display_name = *display;
  FR_ASSIGN_OR_RETURN(auto capacity, body.OptionalInt("capacity"));
  if (capacity) {
    FR_ASSIGN_OR_RETURN(u.capacity, ToCapacity(*capacity));
  }
  FR_ASSIGN_OR_RETURN(auto training, body.OptionalBool("in_training"));
  u.in_training = training.value_or(false);
  std::optional<domain::Skills> skills;
  FR_RETURN_IF_ERROR(ReadSkills(body, skills));
  if (skills) u.skills = *skills;
  return u;
}

Result<engine::UserPatch> ReadUserPatch(std::string_view text) {
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(text));
  FR_RETURN_IF_ERROR(body.AllowOnly({"display_name", "role", "capacity", "active", "in_training",
                                     "languages", "platforms"}));
  engine::UserPatch p;
  FR_ASSIGN_OR_RETURN(p.display_name, body.OptionalString("display_name"));
  FR_ASSIGN_OR_RETURN(auto role, body.OptionalString("role"));
  if (role) {
    FR_ASSIGN_OR_RETURN(p.role, ReadRole(*role));
  }
  FR_ASSIGN_OR_RETURN(auto capacity, body.OptionalInt("capacity"));
  if (capacity) {
    FR_ASSIGN_OR_RETURN(p.capacity, ToCapacity(*capacity));
  }
  FR_ASSIGN_OR_RETURN(p.active, body.OptionalBool("active"));
  FR_ASSIGN_OR_RETURN(p.in_training, body.OptionalBool("in_training"));
  FR_RETURN_IF_ERROR(ReadSkills(body, p.skills));
  return p;
}

// A team from a request body; `id` is the path's id (0 for a new team).
Result<domain::Team> ReadTeam(std::string_view text, domain::TeamId id) {
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(text));
  FR_RETURN_IF_ERROR(body.AllowOnly({"name", "languages", "platforms", "calendar", "signature",
                                     "members"}));
  domain::Team t;
  t.id = id;
  FR_ASSIGN_OR_RETURN(t.name, body.String("name"));
  std::optional<domain::Skills> scope;
  FR_RETURN_IF_ERROR(ReadSkills(body, scope));
  if (scope) t.scope = *scope;
  FR_ASSIGN_OR_RETURN(auto calendar, body.OptionalString("calendar"));
  t.calendar = calendar.value_or("");
  FR_ASSIGN_OR_RETURN(auto signature, body.OptionalString("signature"));
  if (signature) {
    auto style = domain::ParseSignatureStyle(*signature);
    if (!style) {
      return Status(Errc::kInvalidArgument, "invalid_signature",
                    "signature must be caret, dash_name or none");
    }
    t.signature = *style;
  }
  FR_ASSIGN_OR_RETURN(auto members, body.OptionalStringList("members"));
  for (const std::string& m : members.value_or(std::vector<std::string>())) {
    auto member = ParseInt64(m);
    if (!member) return Status(Errc::kInvalidArgument, "invalid_member", "member ids are user ids");
    t.members.push_back(*member);
  }
  return t;
}

// An admin may not lock themselves out: no self-deactivation, no self-demotion.
Status CheckSelfLockout(const Principal& who, domain::UserId target, const engine::UserPatch& p) {
  if (who.user.id != target) return Status::Ok();
  if ((p.active && !*p.active) || (p.role && *p.role != who.user.role)) {
    return Status(Errc::kConflict, "self_lockout",
                  "you cannot deactivate yourself or change your own role; ask another admin");
  }
  return Status::Ok();
}

}  // namespace

void AddPeopleRoutes(Router& router, const AuthGate& gate, engine::Directory& directory,
                     engine::Authenticator& auth, ports::Store& store, WorkPool* slow_work) {
  router.Add("GET", "/api/v1/users",
             gate.Require(Action::kReadDirectory, [&store](const ApiRequest&, const Principal&,
                                                           Responder r) {
               Reply(r, store.people().ListUsers(),
                     [](const auto& users) { return JsonResponse(UserListJson(users)); });
             }));
  router.Add("POST", "/api/v1/users",
             gate.Require(Action::kManageUsers, [&directory, slow_work](const ApiRequest& req,
                                                                        const Principal&,
                                                                        Responder r) {
               Result<engine::NewUser> u = ReadNewUser(req.body);
               if (!u.ok()) return r(ErrorResponse(u.status()));
               Offload(slow_work, r, [&directory, u = std::move(*u)] {
                 Result<domain::User> user = directory.AddUser(u);
                 return user.ok() ? JsonResponse(ToJson(UserObject(*user)), 201)
                                  : ErrorResponse(user.status());
               });
             }));
  router.Add("PATCH", "/api/v1/users/{id}",
             gate.Require(Action::kManageUsers, [&directory](const ApiRequest& req,
                                                             const Principal& who, Responder r) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return r(ErrorResponse(id.status()));
               Result<engine::UserPatch> patch = ReadUserPatch(req.body);
               if (!patch.ok()) return r(ErrorResponse(patch.status()));
               if (Status s = CheckSelfLockout(who, *id, *patch); !s.ok()) return r(ErrorResponse(s));
               Reply(r, directory.UpdateUser(*id, *patch),
                     [](const domain::User& user) { return JsonResponse(ToJson(UserObject(user))); });
             }));
  router.Add("PUT", "/api/v1/users/{id}/password",
             gate.Require(Action::kManageUsers, [&directory, slow_work](const ApiRequest& req,
                                                                        const Principal&,
                                                                        Responder r) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return r(ErrorResponse(id.status()));
               Result<JsonBody> body = JsonBody::Parse(req.body);
               if (!body.ok()) return r(ErrorResponse(body.status()));
               Result<std::string> password = body->String("password");
               if (!password.ok()) return r(ErrorResponse(password.status()));
               Offload(slow_work, r, [&directory, id = *id, password = std::move(*password)] {
                 Status s = directory.SetPassword(id, password);
                 return s.ok() ? NoContent() : ErrorResponse(s);
               });
             }));

  router.Add("GET", "/api/v1/teams",
             gate.Require(Action::kReadDirectory, [&store](const ApiRequest&, const Principal&,
                                                           Responder r) {
               Reply(r, store.people().ListTeams(),
                     [](const auto& teams) { return JsonResponse(TeamListJson(teams)); });
             }));
  router.Add("POST", "/api/v1/teams",
             gate.Require(Action::kManageTeams, [&directory](const ApiRequest& req,
                                                             const Principal&, Responder r) {
               Result<domain::Team> team = ReadTeam(req.body, 0);
               if (!team.ok()) return r(ErrorResponse(team.status()));
               Reply(r, directory.AddTeam(*team),
                     [](const domain::Team& t) { return JsonResponse(ToJson(TeamObject(t)), 201); });
             }));
  router.Add("PUT", "/api/v1/teams/{id}",
             gate.Require(Action::kManageTeams, [&directory](const ApiRequest& req,
                                                             const Principal&, Responder r) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return r(ErrorResponse(id.status()));
               Result<domain::Team> team = ReadTeam(req.body, *id);
               if (!team.ok()) return r(ErrorResponse(team.status()));
               Reply(r, directory.UpdateTeam(*team),
                     [](const domain::Team& t) { return JsonResponse(ToJson(TeamObject(t))); });
             }));
  router.Add("DELETE", "/api/v1/teams/{id}",
             gate.Require(Action::kManageTeams, [&directory](const ApiRequest& req,
                                                             const Principal&, Responder r) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return r(ErrorResponse(id.status()));
               Status s = directory.DeleteTeam(*id);
               r(s.ok() ? NoContent() : ErrorResponse(s));
             }));

  router.Add("PUT", "/api/v1/me/password",
             gate.Require(Action::kManageOwnAccount, [&auth, &directory, slow_work](
                                                         const ApiRequest& req,
                                                         const Principal& who, Responder r) {
               Result<JsonBody> body = JsonBody::Parse(req.body);
               if (!body.ok()) return r(ErrorResponse(body.status()));
               Result<std::string> current = body->String("current_password");
               if (!current.ok()) return r(ErrorResponse(current.status()));
               Result<std::string> next = body->String("new_password");
               if (!next.ok()) return r(ErrorResponse(next.status()));
               Offload(slow_work, r, [&auth, &directory, user = who.user,
                                      client = req.client_address, current = std::move(*current),
                                      next = std::move(*next)] {
                 Status s = auth.VerifyOwnPassword(user, current, client);
                 // Every session of the user ends, this one too: they sign in with the new one.
                 if (s.ok()) s = directory.SetPassword(user.id, next);
                 return s.ok() ? NoContent() : ErrorResponse(s);
               });
             }));
  router.Add("GET", "/api/v1/me/tokens",
             gate.Require(Action::kManageOwnAccount, [&store](const ApiRequest&,
                                                             const Principal& who, Responder r) {
               Reply(r, store.people().ListApiTokens(who.user.id),
                     [](const auto& tokens) { return JsonResponse(ApiTokenListJson(tokens)); });
             }));
  router.Add("POST", "/api/v1/me/tokens",
             gate.Require(Action::kManageOwnAccount, [&auth](const ApiRequest& req,
                                                            const Principal& who, Responder r) {
               Result<JsonBody> body = JsonBody::Parse(req.body);
               if (!body.ok()) return r(ErrorResponse(body.status()));
               Result<std::string> name = body->String("name");
               if (!name.ok()) return r(ErrorResponse(name.status()));
               Reply(r, auth.CreateApiToken(who.user.id, *name), [](const engine::NewApiToken& t) {
                 ApiResponse resp = JsonResponse(NewApiTokenJson(t), 201);
                 resp.headers.emplace_back("Cache-Control", "no-store");
                 return resp;
               });
             }));
  router.Add("DELETE", "/api/v1/me/tokens/{id}",
             gate.Require(Action::kManageOwnAccount, [&auth](const ApiRequest& req,
                                                            const Principal& who, Responder r) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return r(ErrorResponse(id.status()));
               Status s = auth.RevokeApiToken(who.user.id, *id);
               r(s.ok() ? NoContent() : ErrorResponse(s));
             }));
}

}  // namespace fr::api
