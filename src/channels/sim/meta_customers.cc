// Customer and brand activity on the simulated Meta: Facebook comments, Instagram comments and
// Messenger / Instagram messages become webhook deliveries and state the reply rules know
// (which comments exist and when, when each customer last wrote).

#include "channels/sim/meta_sim.h"
#include "channels/sim/meta_webhooks.h"

namespace fr::channels::sim::internal {
namespace {

using domain::Platform;

Status BadAction(std::string message) {
  return Status(Errc::kInvalidArgument, "bad_action", std::move(message));
}

Status UnknownTarget(std::string_view id) {
  return Status(Errc::kInvalidArgument, "unknown_target",
                "no post, media or comment with id " + std::string(id));
}

Status UnknownAccount(std::string_view what) {
  return Status(Errc::kInvalidArgument, "unknown_account", "no configured " + std::string(what));
}

// The Page `account_id` names (by Page id or, for Instagram, by Instagram user id), else the
// first Page (with an Instagram account when `instagram`).
Result<const SimMetaPage*> ResolvePage(const SimWorld& w, std::string_view account_id,
                                       bool instagram) {
  if (!account_id.empty()) {
    const SimMetaPage* page = instagram ? w.PageByInstagramId(account_id) : w.PageById(account_id);
    if (page) return page;
    return UnknownAccount(std::string(instagram ? "Instagram account " : "Page ") +
                          std::string(account_id));
  }
  for (const SimMetaPage& page : w.config().meta.pages) {
    if (!instagram || !page.instagram_user_id.empty()) return &page;
  }
  return UnknownAccount(instagram ? "Page with an Instagram account" : "Page");
}

// The thread a new comment of `a` joins: a brand post for kComment, the comment answered (and
// the top-level comment it hangs under) for kReply. Checks the platform and the account.
struct CommentTarget {
  std::string account_id;
  std::string post_id;
  std::string parent_id;  // the top-level comment answered; empty for a top-level comment
};

Result<CommentTarget> FindCommentTarget(SimWorld& w, const CustomerAction& a, Platform platform) {
  CommentTarget t;
  if (a.kind == CustomerActionKind::kComment) {
    const MetaPost* post = w.FindMetaPost(a.target_id);
    if (!post || post->platform != platform) return UnknownTarget(a.target_id);
    t.account_id = post->account_id;
    t.post_id = post->id;
  } else {
    const MetaComment* parent = w.FindComment(a.target_id);
    if (!parent || parent->platform != platform) return UnknownTarget(a.target_id);
    t.account_id = parent->account_id;
    t.post_id = parent->post_id;
    t.parent_id = parent->parent_id.empty() ? parent->id : parent->parent_id;
  }
  if (!a.account_id.empty() && a.account_id != t.account_id) {
    return UnknownAccount("account " + a.account_id + " for " + a.target_id);
  }
  return t;
}

Result<PostedAction> PostFacebookComment(SimWorld& w, const CustomerAction& a, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(CommentTarget t, FindCommentTarget(w, a, Platform::kFacebook));
  FeedCommentEvent e;
  e.page_id = t.account_id;
  e.comment_id = w.ids().FacebookCommentId(t.post_id);
  e.post_id = t.post_id;
  e.parent_id = t.parent_id.empty() ? t.post_id : t.parent_id;
  e.from = a.customer.person;
  e.message = a.text;
  e.created_at = at;
  w.AddComment(MetaComment{e.comment_id, Platform::kFacebook, t.account_id, t.post_id, t.parent_id,
                           a.customer.person.id, at, false});
  return PostedAction{e.comment_id, FeedCommentWebhook(w.config().meta.app_secret, e)};
}

Result<PostedAction> PostInstagramComment(SimWorld& w, const CustomerAction& a, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(CommentTarget t, FindCommentTarget(w, a, Platform::kInstagram));
  InstagramCommentEvent e;
  e.instagram_user_id = t.account_id;
  e.comment_id = w.ids().InstagramId();
  e.media_id = t.post_id;
  e.parent_id = t.parent_id;
  e.from = a.customer.person;
  e.text = a.text;
  e.created_at = at;
  w.AddComment(MetaComment{e.comment_id, Platform::kInstagram, t.account_id, t.post_id, t.parent_id,
                           a.customer.person.id, at, false});
  return PostedAction{e.comment_id, InstagramCommentWebhook(w.config().meta.app_secret, e)};
}

Result<PostedAction> PostMessage(SimWorld& w, const CustomerAction& a, UnixMillis at) {
  const bool instagram = a.customer.platform == Platform::kInstagram;
  FR_ASSIGN_OR_RETURN(const SimMetaPage* page, ResolvePage(w, a.account_id, instagram));
  MessagingEvent e;
  e.platform = a.customer.platform;
  e.account_id = instagram ? page->instagram_user_id : page->page_id;
  e.sender_id = a.customer.person.id;
  e.recipient_id = e.account_id;
  e.mid = instagram ? w.ids().InstagramMid() : w.ids().MessengerMid();
  e.text = a.text;
  e.timestamp = at;
  w.NoteInboundMessage(e.account_id, e.sender_id, at);
  return PostedAction{e.mid, MessagingWebhook(w.config().meta.app_secret, e)};
}

}  // namespace

Result<PostedAction> PostOnMeta(SimWorld& w, const CustomerAction& a, UnixMillis at) {
  const Platform platform = a.customer.platform;
  const bool meta = platform == Platform::kFacebook || platform == Platform::kMessenger ||
                    platform == Platform::kInstagram;
  if (a.customer.person.id.empty()) return BadAction("the customer has no id");
  if (!meta || !KindAllowedOn(a.kind, platform)) {
    return BadAction(std::string(CustomerActionKindName(a.kind)) + " is not an action on " +
                     std::string(domain::PlatformName(platform)));
  }
  Result<PostedAction> posted = a.kind == CustomerActionKind::kDm ? PostMessage(w, a, at)
                                : platform == Platform::kFacebook ? PostFacebookComment(w, a, at)
                                                                  : PostInstagramComment(w, a, at);
  if (posted.ok()) w.RememberCustomer(a.customer);
  return posted;
}

Result<std::string> AddMetaBrandPost(SimWorld& w, Platform platform, std::string_view account_id) {
  const bool instagram = platform == Platform::kInstagram;
  if (!instagram && platform != Platform::kFacebook) {
    return Status(Errc::kInvalidArgument, "bad_action",
                  "brand posts on Meta are Facebook posts or Instagram media");
  }
  FR_ASSIGN_OR_RETURN(const SimMetaPage* page, ResolvePage(w, account_id, instagram));
  MetaPost post;
  post.platform = platform;
  post.account_id = instagram ? page->instagram_user_id : page->page_id;
  post.id = instagram ? w.ids().InstagramId() : w.ids().FacebookPostId(page->page_id);
  std::string id = post.id;
  w.AddMetaPost(std::move(post));
  return id;
}

}  // namespace fr::channels::sim::internal
