#include "channels/meta/meta_parse.h"

#include <limits>
#include <string>

#include "base/log.h"
#include "channels/common/json_fields.h"
#include "channels/meta/meta_parse_internal.h"

namespace fr::channels::meta {
namespace internal {

std::optional<std::int64_t> TimeMember(JsonElement obj, std::string_view key) {
  auto v = Member(obj, key);
  if (!v) return std::nullopt;
  // IntMember would cast a double unchecked (UB when out of range); times are integers.
  // (element::is_double() is true for every number, so ask for the stored type.)
  if (v->type() == simdjson::dom::element_type::DOUBLE) return std::nullopt;
  return IntMember(obj, key);
}

UnixMillis SecondsToMillis(std::int64_t seconds) {
  constexpr std::int64_t kAlreadyMillis = 100'000'000'000;  // 1e11 s is the year 5138
  if (seconds >= kAlreadyMillis) return seconds;
  if (seconds < std::numeric_limits<std::int64_t>::min() / 1000) return 0;
  return seconds * 1000;
}

Result<std::string> TextMember(JsonElement obj, std::string_view key) {
  auto s = StringMember(obj, key);
  if (!s) return std::string();
  return NormalizeText(*s);
}

}  // namespace internal

namespace {

using internal::EntryContext;

enum class ObjectKind { kPage, kInstagram };

// The configured account an entry belongs to, or nullptr.
const MetaPage* FindAccount(const MetaConfig& config, ObjectKind kind, std::string_view id) {
  if (id.empty()) return nullptr;
  for (const MetaPage& p : config.pages) {
    const std::string& candidate = kind == ObjectKind::kPage ? p.page_id : p.instagram_user_id;
    if (candidate == id) return &p;
  }
  return nullptr;
}

// Entries are checked before any event is parsed so that a delivery naming an account we do
// not serve fails as "unknown_account" whatever else it holds (nothing from it is stored).
Status CheckAccounts(simdjson::dom::array entries, const MetaConfig& config, ObjectKind kind) {
  std::size_t i = 0;
  for (JsonElement entry : entries) {
    std::string path = "entry[" + std::to_string(i++) + "]";
    auto id = IdMember(entry, "id");
    if (!id) return MissingField(path + ".id");
    if (FindAccount(config, kind, *id) == nullptr) {
      // The id is Meta's account id, not customer data; the dashboard's test button sends "0".
      return Status(Errc::kInvalidArgument, "unknown_account",
                    path + ".id is not a configured " +
                        (kind == ObjectKind::kPage ? "page_id" : "instagram_user_id") + ": " +
                        id->substr(0, 64));
    }
  }
  return Status::Ok();
}

Status ParseEntry(JsonElement entry, const std::string& path, ObjectKind kind,
                  domain::ParsedDelivery& out) {
  EntryContext ctx;
  ctx.account_id = IdMember(entry, "id").value_or("");  // checked by CheckAccounts
  ctx.dm_platform =
      kind == ObjectKind::kPage ? domain::Platform::kMessenger : domain::Platform::kInstagram;
  ctx.time = internal::TimeMember(entry, "time");
  ctx.path = path;

  if (auto changes = ArrayMember(entry, "changes")) {
    std::size_t j = 0;
    for (JsonElement change : *changes) {
      std::string cpath = path + ".changes[" + std::to_string(j++) + "]";
      FR_RETURN_IF_ERROR(kind == ObjectKind::kPage
                             ? internal::ParsePageChange(ctx, change, cpath, out)
                             : internal::ParseInstagramChange(ctx, change, cpath, out));
    }
  }
  for (std::string_view array_name : {std::string_view("messaging"), std::string_view("standby")}) {
    auto events = ArrayMember(entry, array_name);
    if (!events) continue;
    std::size_t j = 0;
    for (JsonElement event : *events) {
      std::string epath = path + "." + std::string(array_name) + "[" + std::to_string(j++) + "]";
      FR_RETURN_IF_ERROR(internal::ParseMessagingEvent(ctx, event, array_name, epath, out));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<domain::ParsedDelivery> ParseMetaDelivery(std::string_view body, const MetaConfig& config) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  JsonElement root = doc.root();

  auto object = StringMember(root, "object");
  if (!object) return MissingField("object");
  ObjectKind kind;
  if (*object == "page") {
    kind = ObjectKind::kPage;
  } else if (*object == "instagram") {
    kind = ObjectKind::kInstagram;
  } else {
    // "user", "permissions", "whatsapp_business_account", ...: not subscribed by this adapter.
    return Status(Errc::kInvalidArgument, "unsupported_object",
                  "webhook object is not \"page\" or \"instagram\"");
  }
  auto entries = ArrayMember(root, "entry");
  if (!entries) return MissingField("entry");
  FR_RETURN_IF_ERROR(CheckAccounts(*entries, config, kind));

  domain::ParsedDelivery out;
  std::size_t i = 0;
  for (JsonElement entry : *entries) {
    FR_RETURN_IF_ERROR(ParseEntry(entry, "entry[" + std::to_string(i++) + "]", kind, out));
  }
  return out;
}

}  // namespace fr::channels::meta
