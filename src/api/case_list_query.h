// The query parameters of GET /api/v1/cases (schema/openapi.yaml) as a store query, and the
// page cursors handed to clients. Cursors are opaque to clients; each order has its own form:
//   latest activity first: "<last_activity_at>.<case id>"
//   SLA due time first (sla=...): "due.<due_at>.<case id>"
// so a cursor of one list cannot silently continue another.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>

#include "api/http_types.h"
#include "base/clock.h"
#include "base/status.h"
#include "engine/people/authenticator.h"
#include "ports/store.h"

namespace fr::api {

inline constexpr int kDefaultCaseLimit = 50;
inline constexpr int kMaxCaseLimit = 200;
// The longest search text accepted, in bytes (a little over 200 Hebrew letters).
inline constexpr std::size_t kMaxSearchBytes = 512;
// sla=breaching also lists running clocks due within this long.
inline constexpr UnixMillis kDueSoon = 15 * 60 * 1000;

struct CaseListQuery {
  ports::CaseFilter filter;
  std::optional<ports::CaseCursor> after;
  int limit = kDefaultCaseLimit;
};

// Reads status (one or a comma list), platform, assignee (me or a user id), unassigned,
// team, active, customer, q, sla (warning | breached | breaching, evaluated at `now`),
// cursor and limit. Errors: kInvalidArgument "invalid_parameter" with a message that starts
// with the parameter's name ("status: unknown status \"done\"").
Result<CaseListQuery> ParseCaseListQuery(const ApiRequest& req, const engine::Principal& who,
                                         UnixMillis now);

std::string EncodeCaseCursor(const ports::CaseCursor& cursor);
// The inverse of EncodeCaseCursor; nullopt for anything else.
std::optional<ports::CaseCursor> DecodeCaseCursor(std::string_view text);

}  // namespace fr::api
