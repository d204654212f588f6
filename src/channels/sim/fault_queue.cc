#include "channels/sim/fault_queue.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <utility>

namespace fr::channels::sim {
namespace {

Status BadFault(std::string message) {
  return Status(Errc::kInvalidArgument, "bad_fault", std::move(message));
}

// Reads the integer member `key` of `obj` into `out` when present.
Status ReadInt(const boost::json::object& obj, std::string_view key, std::int64_t& out) {
  const boost::json::value* v = obj.if_contains(key);
  if (v == nullptr) return Status::Ok();
  if (const auto* i = v->if_int64()) {
    out = *i;
  } else if (const auto* u = v->if_uint64(); u != nullptr && *u <= INT64_MAX) {
    out = static_cast<std::int64_t>(*u);
  } else {
    return BadFault(std::string(key) + " must be an integer");
  }
  return Status::Ok();
}

}  // namespace

Result<FaultSpec> ParseFaultSpec(std::string_view json) {
  boost::json::error_code ec;
  boost::json::value root = boost::json::parse(json, ec);
  if (ec || !root.is_object()) {
    return Status(Errc::kMalformed, "malformed_json", "the fault must be a JSON object");
  }
  const boost::json::object& obj = root.get_object();
  for (const auto& member : obj) {
    const std::string_view key = member.key();
    if (key != "platform" && key != "status" && key != "count" && key != "code" &&
        key != "delay_ms" && key != "retry_after_s") {
      return BadFault("unknown key " + std::string(key));
    }
  }
  FaultSpec spec;
  const boost::json::value* platform = obj.if_contains("platform");
  const boost::json::string* name = platform ? platform->if_string() : nullptr;
  if (name == nullptr || (*name != "x" && *name != "meta")) {
    return BadFault("platform must be \"x\" or \"meta\"");
  }
  spec.api = *name == "x" ? SimApi::kX : SimApi::kMeta;
  std::int64_t status = 0, count = 1, code = 0, delay_ms = 0, retry_after_s = spec.retry_after_s;
  FR_RETURN_IF_ERROR(ReadInt(obj, "status", status));
  FR_RETURN_IF_ERROR(ReadInt(obj, "count", count));
  FR_RETURN_IF_ERROR(ReadInt(obj, "code", code));
  FR_RETURN_IF_ERROR(ReadInt(obj, "delay_ms", delay_ms));
  FR_RETURN_IF_ERROR(ReadInt(obj, "retry_after_s", retry_after_s));
  if (status != 0 && (status < 400 || status > 599)) return BadFault("status must be 0 or 400-599");
  if (count < 1 || count > 1'000'000) return BadFault("count must be between 1 and 1000000");
  if (code < 0 || code > 1'000'000) return BadFault("code must be a Graph error code");
  if (delay_ms < 0 || delay_ms > 3'600'000) {
    return BadFault("delay_ms must be between 0 and 3600000");
  }
  if (retry_after_s < 0 || retry_after_s > 86'400) {
    return BadFault("retry_after_s must be between 0 and 86400");
  }
  if (status == 0 && code != 0) status = 400;  // Graph throttling arrives on HTTP 400
  if (status == 0 && delay_ms == 0) return BadFault("a fault needs a status, a code or a delay_ms");
  spec.status = static_cast<int>(status);
  spec.count = static_cast<int>(count);
  spec.meta_code = static_cast<int>(code);
  spec.delay_ms = delay_ms;
  spec.retry_after_s = retry_after_s;
  return spec;
}

std::optional<FaultSpec> FaultQueue::Take(SimApi api) {
  for (auto it = pending_.begin(); it != pending_.end(); ++it) {
    if (it->api != api) continue;
    FaultSpec taken = *it;
    if (--it->count == 0) pending_.erase(it);
    return taken;
  }
  return std::nullopt;
}

}  // namespace fr::channels::sim
