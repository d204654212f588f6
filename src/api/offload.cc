#include "api/offload.h"

#include "api/error_response.h"
#include "base/log.h"

namespace fr::api {

void Offload(WorkPool* pool, const Responder& respond, std::function<ApiResponse()> work) {
  if (!pool) return respond(work());
  bool queued = pool->Post([respond, work = std::move(work)] { respond(work()); });
  if (queued) return;
  FR_LOG(kWarn, "api", "slow-work pool full: request refused");
  ApiResponse busy = ErrorResponse(
      Status(Errc::kUnavailable, "busy", "too many sign-ins at once; try again in a second"));
  busy.headers.emplace_back("Retry-After", "1");
  respond(std::move(busy));
}

}  // namespace fr::api
