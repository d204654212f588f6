#include "engine/reply/reply_desk.h"

#include <algorithm>
#include <cctype>

#include "domain/case_workflow.h"
#include "domain/signature.h"

namespace fr::engine {
namespace {

using domain::Message;
using domain::ReplyRoute;
using ports::StoredMessage;

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsCustomerMessage(const StoredMessage& m) { return !m.message.is_outbound; }

// The newest customer message of `detail` that `pick` accepts, or the one named `external_id`.
const StoredMessage* FindTarget(const ports::CaseDetail& detail, const std::string& external_id,
                                bool (*pick)(const StoredMessage&)) {
  const StoredMessage* found = nullptr;
  for (const StoredMessage& m : detail.messages) {  // oldest first
    if (!external_id.empty()) {
      if (m.message.external_id == external_id) return &m;
      continue;
    }
    if (IsCustomerMessage(m) && pick(m)) found = &m;
  }
  return found;
}

bool IsPublic(const StoredMessage& m) { return m.message.visibility == domain::Visibility::kPublic; }
bool IsPrivate(const StoredMessage& m) { return m.message.visibility == domain::Visibility::kPrivate; }
bool IsMetaComment(const StoredMessage& m) {
  return IsPublic(m) && (m.message.platform == domain::Platform::kFacebook ||
                         m.message.platform == domain::Platform::kInstagram);
}

// True if `text` contains "@handle" as a whole mention (ASCII case-insensitive, as X handles
// are ASCII).
bool MentionsHandle(std::string_view text, std::string_view handle) {
  if (handle.empty()) return false;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::string_view rest = text.substr(at + 1);
    if (rest.size() < handle.size()) break;
    bool same = std::equal(handle.begin(), handle.end(), rest.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    bool ends = rest.size() == handle.size() || !word(rest[handle.size()]);
    bool starts = at == 0 || !word(text[at - 1]);
    if (same && ends && starts) return true;
  }
  return false;
}

// The platform a direct message to this case's customer goes through.
domain::Platform DmPlatform(domain::Platform p) {
  return p == domain::Platform::kFacebook ? domain::Platform::kMessenger : p;
}

}  // namespace

ReplyDesk::ReplyDesk(ports::Store& store, const Clock& clock, Outbox& outbox,
                     std::vector<const ports::ReplyGateway*> gateways, ReplyDeskOptions options)
    : store_(store),
      clock_(clock),
      outbox_(outbox),
      gateways_(std::move(gateways)),
      options_(std::move(options)),
      approval_(options_.approval),
      generic_(options_.generic) {}

const ports::ReplyGateway* ReplyDesk::GatewayFor(domain::Platform platform) const {
  for (const ports::ReplyGateway* g : gateways_) {
    if (g->Handles(platform)) return g;
  }
  return nullptr;
}

Result<DraftReview> ReplyDesk::Check(const domain::User& author, const ReplyDraft& draft) {
  if (IsBlank(draft.text)) {
    return Status(Errc::kInvalidArgument, "empty_text", "write something to send");
  }
  FR_ASSIGN_OR_RETURN(std::optional<ports::CaseDetail> detail, store_.GetCaseDetail(draft.case_id));
  if (!detail) return Status(Errc::kNotFound, "not_found", "no such case");
  const domain::Case& kase = detail->kase;
  UnixMillis now = clock_.NowMillis();

  // The message answered, and the customer's newest DM (which opens Meta's window).
  const StoredMessage* target = nullptr;
  switch (draft.route) {
    case ReplyRoute::kPublicReply:
      target = FindTarget(*detail, draft.target_external_id, IsPublic);
      break;
    case ReplyRoute::kPrivateReply:
      target = FindTarget(*detail, draft.target_external_id, IsMetaComment);
      break;
    case ReplyRoute::kDirectMessage:
      target = FindTarget(*detail, draft.target_external_id, IsPrivate);
      if (!target) target = FindTarget(*detail, "", IsPublic);  // X: DM the public poster
      break;
  }
  if (!target) {
    return Status(Errc::kInvalidArgument, "no_target",
                  "this case has no customer message that a " +
                      std::string(domain::ReplyRouteName(draft.route)) + " can answer");
  }
  const StoredMessage* last_dm = FindTarget(*detail, "", IsPrivate);
  const Message& m = target->message;

  DraftReview review;
  domain::Reply& reply = review.reply;
  reply.case_id = kase.id;
  reply.author = author.id;
  reply.route = draft.route;
  reply.account_id = m.account_id;
  reply.platform = draft.route == ReplyRoute::kDirectMessage ? DmPlatform(m.platform) : m.platform;
  if (draft.route == ReplyRoute::kDirectMessage) {
    reply.recipient_id = m.visibility == domain::Visibility::kPrivate ? m.counterpart_id : m.author.id;
    if (reply.recipient_id.empty()) reply.recipient_id = m.author.id;
  } else {
    reply.in_reply_to = m.external_id;
  }

  domain::ReplyCapabilityQuery q;
  q.platform = reply.platform;
  q.route = draft.route;
  q.target_kind = m.kind;
  q.target_visibility = m.visibility;
  q.target_created_at = m.created_at;
  auto handle = options_.x_handles.find(m.account_id);
  q.target_summons_brand =
      m.kind == domain::MessageKind::kMention || m.kind == domain::MessageKind::kQuote ||
      (m.platform == domain::Platform::kX && handle != options_.x_handles.end() &&
       MentionsHandle(m.text, handle->second));
  q.last_inbound_dm_at = last_dm ? last_dm->message.created_at : 0;
  q.now = now;
  FR_ASSIGN_OR_RETURN(std::vector<domain::Reply> earlier, store_.replies().CaseReplies(kase.id));
  for (const domain::Reply& r : earlier) {
    if (r.route == ReplyRoute::kPrivateReply && r.in_reply_to == m.external_id &&
        r.status != domain::ReplyStatus::kFailed && r.status != domain::ReplyStatus::kRejected) {
      q.private_reply_sent = true;
    }
  }
  // The brand's latest replies to anyone: a template pasted to every customer shows there.
  FR_ASSIGN_OR_RETURN(std::vector<domain::Reply> latest,
                      store_.replies().RecentReplies(options_.recent_replies_compared));
  std::vector<std::string> recent;
  for (const domain::Reply& r : latest) recent.push_back(r.text);
  review.capability = domain::CheckReplyCapability(q);
  if (review.capability.verdict == domain::ReplyVerdict::kNeedsTag) {
    reply.message_tag = review.capability.tag;
  }

  // Sign as the case's team signs, unless the signature would not fit.
  domain::Signer signer{domain::SignatureStyle::kDashName, author.display_name, ""};
  if (kase.team) {
    FR_ASSIGN_OR_RETURN(std::optional<domain::Team> team, store_.people().GetTeam(*kase.team));
    if (team) signer = domain::Signer{team->signature, author.display_name, team->name};
  }
  const ports::ReplyGateway* gateway = GatewayFor(reply.platform);
  domain::FitsLimit fits = [&](std::string_view text) {
    if (!gateway) return true;
    ports::OutboundReply probe{"", reply.platform, reply.account_id, reply.route,
                               reply.in_reply_to, reply.recipient_id, std::string(text),
                               reply.message_tag};
    return gateway->Validate(probe).ok();
  };
  domain::SignedText signed_text = domain::SignReply(draft.text, reply.platform, signer, fits);
  reply.text = signed_text.text;
  review.final_text = signed_text.text;
  review.signed_text = signed_text.outcome == domain::SignatureOutcome::kSigned;
  review.validation =
      gateway ? gateway->Validate(ports::OutboundReply{"", reply.platform, reply.account_id,
                                                       reply.route, reply.in_reply_to,
                                                       reply.recipient_id, reply.text,
                                                       reply.message_tag})
              : Status(Errc::kInvalidArgument, "unsupported_platform",
                       "replies to " + std::string(domain::PlatformName(reply.platform)) +
                           " are not configured");

  review.warnings = generic_.Warnings(draft.text, m.text, recent);
  bool crisis = false;
  if (crisis_ != nullptr) {
    FR_ASSIGN_OR_RETURN(crisis, crisis_->IsRelated(kase.id, m.text));
  }
  review.approval_reasons = approval_.Reasons(domain::ApprovalInput{
      reply.text, m.text, m.author.followers, m.author.verified, author.in_training, crisis});
  if (!review.approval_reasons.empty()) reply.approval_reason = review.approval_reasons[0].code;
  return review;
}

Result<domain::Reply> ReplyDesk::Send(const domain::User& author, const ReplyDraft& draft) {
  FR_ASSIGN_OR_RETURN(std::optional<ports::CaseDetail> detail, store_.GetCaseDetail(draft.case_id));
  if (!detail) return Status(Errc::kNotFound, "not_found", "no such case");
  FR_RETURN_IF_ERROR(domain::CheckMayWork(author, detail->kase));
  FR_ASSIGN_OR_RETURN(DraftReview review, Check(author, draft));
  if (review.capability.verdict == domain::ReplyVerdict::kDenied) {
    return Status(Errc::kConflict, review.capability.reason.code, review.capability.reason.message);
  }
  FR_RETURN_IF_ERROR(review.validation);
  FR_ASSIGN_OR_RETURN(domain::Reply stored, outbox_.Enqueue(review.reply));
  outbox_.Wake();
  return stored;
}

Result<std::pair<domain::Reply, domain::Reply>> ReplyDesk::MoveToPrivate(
    const domain::User& author, domain::CaseId case_id, const std::string& public_text,
    const std::string& private_text) {
  ReplyDraft ack{case_id, ReplyRoute::kPublicReply, public_text, ""};
  FR_ASSIGN_OR_RETURN(DraftReview public_review, Check(author, ack));
  ReplyRoute private_route = public_review.reply.platform == domain::Platform::kX
                                 ? ReplyRoute::kDirectMessage
                                 : ReplyRoute::kPrivateReply;
  ReplyDraft details{case_id, private_route, private_text,
                     private_route == ReplyRoute::kPrivateReply ? public_review.reply.in_reply_to
                                                                : std::string()};
  FR_ASSIGN_OR_RETURN(DraftReview private_review, Check(author, details));
  for (const DraftReview* r : {&public_review, &private_review}) {
    if (r->capability.verdict == domain::ReplyVerdict::kDenied) {
      return Status(Errc::kConflict, r->capability.reason.code, r->capability.reason.message);
    }
    FR_RETURN_IF_ERROR(r->validation);
  }
  FR_ASSIGN_OR_RETURN(domain::Reply sent_public, Send(author, ack));
  FR_ASSIGN_OR_RETURN(domain::Reply sent_private, Send(author, details));
  return std::make_pair(std::move(sent_public), std::move(sent_private));
}

}  // namespace fr::engine
