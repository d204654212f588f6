#include "engine/outbox/echo_matcher.h"

#include <string>
#include <vector>

#include "base/log.h"
#include "domain/case_workflow.h"

namespace fr::engine {
namespace {

using domain::Platform;
using domain::Reply;
using domain::ReplyRoute;
using ports::ReplyAuditAction;
using ports::ReplyAuditEntry;

// The platforms a reply answered by an echo on `echo_platform` may have been sent on.
std::vector<Platform> ReplyPlatformsFor(Platform echo_platform) {
  if (echo_platform == Platform::kMessenger) return {Platform::kMessenger, Platform::kFacebook};
  return {echo_platform};
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  while (true) {
    std::size_t start = text.find_first_not_of(kSpace);
    if (start == std::string_view::npos) return out;
    text.remove_prefix(start);
    std::size_t end = text.find_first_of(kSpace);
    out.push_back(text.substr(0, end));
    if (end == std::string_view::npos) return out;
    text.remove_prefix(end);
  }
}

bool IsLink(std::string_view word) {
  return word.starts_with("https://") || word.starts_with("http://");
}

bool SameWords(const std::vector<std::string_view>& a, std::size_t a_from,
               const std::vector<std::string_view>& b) {
  if (a.size() - a_from != b.size()) return false;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (a[a_from + i] != b[i] && !(IsLink(a[a_from + i]) && IsLink(b[i]))) return false;
  }
  return true;
}

// Whether `echo` goes where reply `r` was sent: under the same post or comment, or to the
// same person. A private reply answers a comment, so its echo names the commenter, whom the
// reply may not know: then any person of the account matches.
bool SameTarget(const Reply& r, const domain::Message& echo) {
  if (echo.visibility == domain::Visibility::kPublic) {
    return r.route == ReplyRoute::kPublicReply && echo.parent_id == r.in_reply_to;
  }
  if (r.route == ReplyRoute::kPublicReply) return false;
  if (r.route == ReplyRoute::kPrivateReply && r.recipient_id.empty()) return true;
  return r.recipient_id == echo.counterpart_id;
}

ReplyAuditEntry EchoEntry(const Reply& r, domain::MessageId message_id, UnixMillis at) {
  ReplyAuditEntry e;
  e.reply_id = r.id;
  e.case_id = r.case_id;
  e.at = at;
  e.action = ReplyAuditAction::kEchoMatched;
  e.text = r.text;
  e.platform_id = r.platform_id;
  e.detail = "echo_message_id=" + std::to_string(message_id);
  return e;
}

}  // namespace

bool EchoTextMatches(Platform platform, std::string_view reply_text, std::string_view echo_text) {
  std::vector<std::string_view> reply = Words(reply_text);
  std::vector<std::string_view> echo = Words(echo_text);
  if (SameWords(echo, 0, reply)) return true;
  if (platform != Platform::kX) return false;
  // X puts the handles a reply answers in front of its text ("@dana "), one per person.
  for (std::size_t skip = 0; skip < echo.size() && echo[skip].starts_with('@'); ++skip) {
    if (SameWords(echo, skip + 1, reply)) return true;
  }
  return false;
}

Status NoteSent(ports::StoreTxn& txn, const domain::Reply& reply) {
  FR_ASSIGN_OR_RETURN(std::optional<domain::Case> c, txn.GetCase(reply.case_id));
  if (!c) return Status::Ok();
  domain::NoteAgentReply(*c, reply.sent_at);
  return txn.UpdateCase(*c);
}

Result<std::optional<domain::ReplyId>> MatchEcho(ports::StoreTxn& txn, const domain::Message& echo,
                                                 domain::MessageId message_id, UnixMillis at) {
  using Matched = std::optional<domain::ReplyId>;
  if (!echo.is_outbound || echo.external_id.empty()) return Matched();
  ports::ReplyTxn& replies = txn.replies();
  const std::vector<Platform> platforms = ReplyPlatformsFor(echo.platform);

  for (Platform p : platforms) {
    FR_ASSIGN_OR_RETURN(std::optional<Reply> sent,
                        replies.FindReplyByPlatformId(p, echo.external_id));
    if (!sent) continue;
    if (sent->echo_message_id) return Matched();
    sent->echo_message_id = message_id;
    FR_RETURN_IF_ERROR(replies.UpdateReply(*sent));
    FR_RETURN_IF_ERROR(replies.AppendAudit(EchoEntry(*sent, message_id, at)).status());
    return Matched(sent->id);
  }

  for (Platform p : platforms) {
    FR_ASSIGN_OR_RETURN(std::vector<Reply> in_doubt, replies.SendingReplies(p, echo.account_id));
    for (Reply& r : in_doubt) {
      if (!SameTarget(r, echo) || !EchoTextMatches(echo.platform, r.text, echo.text)) continue;
      r.status = domain::ReplyStatus::kSent;
      r.platform_id = echo.external_id;
      r.sent_at = echo.created_at != 0 ? echo.created_at : at;
      r.echo_message_id = message_id;
      r.error_code.clear();
      r.error_text.clear();
      FR_RETURN_IF_ERROR(replies.UpdateReply(r));
      ReplyAuditEntry entry = EchoEntry(r, message_id, at);
      entry.detail += "; confirmed_in_doubt";
      FR_RETURN_IF_ERROR(replies.AppendAudit(entry).status());
      FR_RETURN_IF_ERROR(NoteSent(txn, r));
      FR_LOG(kInfo, "outbox", "reply={} confirmed by its echo platform_id={}", r.id, r.platform_id);
      return Matched(r.id);
    }
  }
  return Matched();
}

}  // namespace fr::engine
