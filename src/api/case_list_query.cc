#include "api/case_list_query.h"

#include <algorithm>

#include "api/error_response.h"
#include "domain/text_normalize.h"

namespace fr::api {
namespace {

constexpr std::string_view kDuePrefix = "due.";

Status BadParam(std::string_view param, const std::string& message) {
  return Status(Errc::kInvalidArgument, "invalid_parameter", std::string(param) + ": " + message);
}

std::optional<std::int64_t> PositiveId(std::string_view text) {
  auto id = ParseInt64(text);
  if (!id || *id < 1) return std::nullopt;
  return id;
}

// "new" or "new,open": each a known status, none empty.
Status ReadStatuses(std::string_view text, std::vector<domain::CaseStatus>& out) {
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view name = text.substr(0, comma);
    auto status = domain::ParseCaseStatus(name);
    if (!status) {
      return BadParam("status", "unknown status \"" + std::string(name) +
                                    "\" (new, open, pending, resolved, closed; "
                                    "several separated by commas)");
    }
    if (std::find(out.begin(), out.end(), *status) == out.end()) out.push_back(*status);
    if (comma == std::string_view::npos) return Status::Ok();
    text.remove_prefix(comma + 1);
  }
}

// Fills the ownership filters: assignee=me|<user id>, unassigned=true, team=<id>, active=true.
Status ReadOwnerFilters(const ApiRequest& req, const engine::Principal& who,
                        ports::CaseFilter& filter) {
  if (auto a = ports::QueryParam(req.query, "assignee"); !a.empty()) {
    auto id = a == "me" ? std::optional<std::int64_t>(who.user.id) : ParseInt64(a);
    if (!id) return BadParam("assignee", "me or a user id");
    filter.assignee = *id;
  }
  if (auto t = ports::QueryParam(req.query, "team"); !t.empty()) {
    auto id = ParseInt64(t);
    if (!id) return BadParam("team", "a team id");
    filter.team = *id;
  }
  filter.unassigned_only = ports::QueryParam(req.query, "unassigned") == "true";
  filter.active_only = ports::QueryParam(req.query, "active") == "true";
  if (filter.unassigned_only && filter.assignee) {
    return BadParam("unassigned", "assignee and unassigned=true exclude each other");
  }
  return Status::Ok();
}

std::string_view Trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

Status ReadSearch(std::string_view q, ports::CaseFilter& filter) {
  q = Trimmed(q);
  if (q.empty()) return Status::Ok();
  if (q.size() > kMaxSearchBytes) {
    return BadParam("q", "at most " + std::to_string(kMaxSearchBytes) + " bytes");
  }
  const std::size_t words = domain::MatchWords(q).size();
  if (words == 0) return BadParam("q", "has no letters or digits to search for");
  if (words > ports::kMaxSearchWords) {
    return BadParam("q", "at most " + std::to_string(ports::kMaxSearchWords) + " words");
  }
  filter.text = std::string(q);
  return Status::Ok();
}

Status ReadSla(std::string_view sla, UnixMillis now, ports::CaseFilter& filter) {
  if (sla.empty()) return Status::Ok();
  ports::SlaUrgencyFilter urgency{.now = now, .due_within = kDueSoon};
  if (sla == "warning") {
    urgency.urgency = ports::SlaUrgency::kWarning;
  } else if (sla == "breached") {
    urgency.urgency = ports::SlaUrgency::kBreached;
  } else if (sla == "breaching") {
    urgency.urgency = ports::SlaUrgency::kBreaching;
  } else {
    return BadParam("sla", "warning, breached or breaching");
  }
  filter.sla = urgency;
  return Status::Ok();
}

}  // namespace

std::string EncodeCaseCursor(const ports::CaseCursor& c) {
  std::string text = c.order == ports::CaseOrder::kSlaDue ? std::string(kDuePrefix) : "";
  return text + std::to_string(c.key) + "." + std::to_string(c.id);
}

std::optional<ports::CaseCursor> DecodeCaseCursor(std::string_view s) {
  ports::CaseCursor cursor;
  if (s.starts_with(kDuePrefix)) {
    cursor.order = ports::CaseOrder::kSlaDue;
    s.remove_prefix(kDuePrefix.size());
  }
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto key = ParseInt64(s.substr(0, dot));
  auto id = ParseInt64(s.substr(dot + 1));
  if (!key || !id) return std::nullopt;
  cursor.key = *key;
  cursor.id = *id;
  return cursor;
}

Result<CaseListQuery> ParseCaseListQuery(const ApiRequest& req, const engine::Principal& who,
                                         UnixMillis now) {
  CaseListQuery out;
  ports::CaseFilter& filter = out.filter;
  FR_RETURN_IF_ERROR(ReadOwnerFilters(req, who, filter));
  if (auto s = ports::QueryParam(req.query, "status"); !s.empty()) {
    FR_RETURN_IF_ERROR(ReadStatuses(s, filter.statuses));
  }
  if (auto p = ports::QueryParam(req.query, "platform"); !p.empty()) {
    filter.platform = domain::ParsePlatform(p);
    if (!filter.platform)
      return BadParam("platform", "unknown platform \"" + std::string(p) + "\"");
  }
  if (auto c = ports::QueryParam(req.query, "customer"); !c.empty()) {
    filter.customer = PositiveId(c);
    if (!filter.customer) return BadParam("customer", "a customer id");
  }
  FR_RETURN_IF_ERROR(ReadSearch(ports::QueryParam(req.query, "q"), filter));
  FR_RETURN_IF_ERROR(ReadSla(ports::QueryParam(req.query, "sla"), now, filter));
  if (auto c = ports::QueryParam(req.query, "cursor"); !c.empty()) {
    out.after = DecodeCaseCursor(c);
    if (!out.after) return BadParam("cursor", "malformed");
    const auto order = filter.sla ? ports::CaseOrder::kSlaDue : ports::CaseOrder::kLatestActivity;
    if (out.after->order != order) {
      return BadParam("cursor", filter.sla ? "continues a list without sla"
                                           : "continues an sla list (ordered by due time)");
    }
  }
  if (auto l = ports::QueryParam(req.query, "limit"); !l.empty()) {
    auto v = ParseInt64(l);
    if (!v || *v < 1 || *v > kMaxCaseLimit) {
      return BadParam("limit", "between 1 and " + std::to_string(kMaxCaseLimit));
    }
    out.limit = static_cast<int>(*v);
  }
  return out;
}

}  // namespace fr::api
