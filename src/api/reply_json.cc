#include "api/reply_json.h"

#include <boost/json.hpp>

#include "api/json_views.h"

namespace fr::api {
namespace json = boost::json;
namespace {

json::object ReasonObject(const domain::RuleReason& r) {
  json::object o;
  o["code"] = r.code;
  o["message"] = r.message;
  return o;
}

json::array Reasons(const std::vector<domain::RuleReason>& reasons) {
  json::array a;
  for (const auto& r : reasons) a.emplace_back(ReasonObject(r));
  return a;
}

}  // namespace

json::object ReplyObject(const domain::Reply& r) {
  json::object o;
  o["id"] = std::to_string(r.id);
  o["case_id"] = std::to_string(r.case_id);
  o["author_id"] = std::to_string(r.author);
  o["platform"] = domain::PlatformName(r.platform);
  o["account_id"] = r.account_id;
  o["route"] = domain::ReplyRouteName(r.route);
  o["in_reply_to"] = r.in_reply_to;
  o["recipient_id"] = r.recipient_id;
  o["text"] = r.text;
  o["message_tag"] = r.message_tag;
  o["status"] = domain::ReplyStatusName(r.status);
  o["approval_reason"] = r.approval_reason;
  o["approver_id"] = IdOrNull(r.approver);
  o["review_note"] = r.review_note;
  o["attempts"] = r.attempts;
  o["platform_id"] = r.platform_id;
  o["error_code"] = r.error_code;
  o["error_text"] = r.error_text;
  o["echo_message_id"] = IdOrNull(r.echo_message_id);
  o["created_at"] = r.created_at;
  o["sent_at"] = r.sent_at;
  return o;
}

namespace {

std::string_view VerdictName(domain::ReplyVerdict v) {
  switch (v) {
    case domain::ReplyVerdict::kAllowed: return "allowed";
    case domain::ReplyVerdict::kNeedsTag: return "needs_tag";
    case domain::ReplyVerdict::kDenied: return "denied";
  }
  return "denied";
}

}  // namespace

std::string ReplyJson(const domain::Reply& r) { return json::serialize(ReplyObject(r)); }

std::string ReplyListJson(const std::vector<domain::Reply>& replies) {
  json::array items;
  for (const auto& r : replies) items.emplace_back(ReplyObject(r));
  json::object o;
  o["items"] = std::move(items);
  return json::serialize(o);
}

std::string DraftReviewJson(const engine::DraftReview& review) {
  json::object capability = ReasonObject(review.capability.reason);
  capability["verdict"] = VerdictName(review.capability.verdict);
  capability["tag"] = review.capability.tag;
  capability["open_until"] = review.capability.open_until;
  json::object o;
  o["capability"] = std::move(capability);
  o["final_text"] = review.final_text;
  o["signed"] = review.signed_text;
  if (review.validation.ok()) {
    o["validation"] = nullptr;
  } else {
    o["validation"] = ReasonObject({review.validation.reason(), review.validation.message()});
  }
  o["warnings"] = Reasons(review.warnings);
  o["approval_reasons"] = Reasons(review.approval_reasons);
  o["platform"] = domain::PlatformName(review.reply.platform);
  o["route"] = domain::ReplyRouteName(review.reply.route);
  return json::serialize(o);
}

std::string ReplyPairJson(const domain::Reply& public_reply, const domain::Reply& private_reply) {
  json::object o;
  o["public"] = ReplyObject(public_reply);
  o["private"] = ReplyObject(private_reply);
  return json::serialize(o);
}

std::string AuditJson(const std::vector<ports::ReplyAuditEntry>& entries) {
  json::array items;
  for (const auto& e : entries) {
    json::object o;
    o["id"] = std::to_string(e.id);
    o["reply_id"] = std::to_string(e.reply_id);
    o["case_id"] = std::to_string(e.case_id);
    o["at"] = e.at;
    o["actor_id"] = IdOrNull(e.actor);
    o["action"] = ports::ReplyAuditActionName(e.action);
    o["text"] = e.text;
    o["platform_id"] = e.platform_id;
    o["error_code"] = e.error_code;
    o["error_text"] = e.error_text;
    o["detail"] = e.detail;
    items.emplace_back(std::move(o));
  }
  json::object out;
  out["items"] = std::move(items);
  return json::serialize(out);
}


}  // namespace fr::api
