#include "api/settings_routes.h"

#include <memory>

#include "api/error_response.h"

namespace fr::api {

void AddSettingsRoutes(Router& router, const AuthGate& gate, const SettingsView& settings) {
  auto body = std::make_shared<const std::string>(SettingsJson(settings));
  router.Add("GET", "/api/v1/settings",
             gate.Require(domain::Action::kReadDirectory,
                          [body](const ApiRequest&, const engine::Principal&, Responder r) {
                            r(JsonResponse(*body));
                          }));
}

}  // namespace fr::api
