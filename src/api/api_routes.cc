#include "api/api_routes.h"

#include "api/people_routes.h"
#include "api/read_routes.h"

namespace fr::api {

void AddApiRoutes(Router& router, const AuthGate& gate, const ApiServices& s) {
  AddSessionRoutes(router, gate, s.authenticator, s.cookie);
  AddPeopleRoutes(router, gate, s.directory, s.authenticator, s.store);
  AddReadRoutes(router, gate, s.store);
}

}  // namespace fr::api
