// Offload: runs a handler's slow part (argon2id hashing) on the slow-work pool instead of the
// HTTP thread, and answers from there (a Responder may be called from any thread).
#pragma once

#include <functional>

#include "api/http_types.h"
#include "base/work_pool.h"

namespace fr::api {

// Runs `work` on `pool` and answers with what it returns; with no pool, runs it at once.
// A full pool answers 503 "busy" with Retry-After: 1. `work` must own copies of whatever it
// reads from the request: the request is gone once the handler returns.
void Offload(WorkPool* pool, const Responder& respond, std::function<ApiResponse()> work);

}  // namespace fr::api
