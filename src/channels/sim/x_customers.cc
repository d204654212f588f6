// Customer and brand activity on the simulated X: mentions, replies, quotes and DMs become AAA
// deliveries and posts the reply rules know (who summoned which brand account); posts that do
// not address the brand are only kept, for the search to find.

#include <algorithm>

#include "channels/sim/utf8_text.h"
#include "channels/sim/x_sim.h"
#include "channels/sim/x_webhooks.h"

namespace fr::channels::sim::internal {
namespace {

Status BadAction(std::string message) {
  return Status(Errc::kInvalidArgument, "bad_action", std::move(message));
}

Status UnknownTarget(std::string_view id) {
  return Status(Errc::kInvalidArgument, "unknown_target",
                "no post with id " + std::string(id) + " on X");
}

// The account `account_id` names, else `fallback`'s, else the first configured.
Result<const SimXAccount*> ResolveAccount(const SimWorld& w, std::string_view account_id,
                                          const XPost* fallback) {
  if (!account_id.empty() || fallback != nullptr) {
    const std::string_view id =
        account_id.empty() ? std::string_view(fallback->account_id) : account_id;
    if (const SimXAccount* a = w.XAccountById(id)) return a;
  } else if (!w.config().x.accounts.empty()) {
    return &w.config().x.accounts.front();
  }
  return Status(
      Errc::kInvalidArgument, "unknown_account",
      "no configured X account " + std::string(account_id.empty() ? "at all" : account_id));
}

std::vector<Person> BrandPersons(const SimWorld& w) {
  std::vector<Person> out;
  for (const SimXAccount& a : w.config().x.accounts) out.push_back(SimWorld::BrandPerson(a));
  return out;
}

PostedAction PostDm(SimWorld& w, const SimXAccount& account, const CustomerAction& a,
                    UnixMillis at) {
  XDmEvent dm;
  dm.for_user_id = account.user_id;
  dm.id = w.ids().Snowflake(at);
  dm.sender = a.customer.person;
  dm.recipient = SimWorld::BrandPerson(account);
  dm.text = a.text;
  dm.created_at = at;
  return PostedAction{dm.id, XDmWebhook(w.config().x.consumer_secret, dm)};
}

// The first brand account `text` mentions by @handle, or nullptr.
const SimXAccount* MentionedBrand(const SimWorld& w, std::string_view text) {
  for (const SimXAccount& brand : w.config().x.accounts) {
    if (!FindMentions(text, brand.handle).empty()) return &brand;
  }
  return nullptr;
}

}  // namespace

Result<PostedAction> PostOnX(SimWorld& w, const CustomerAction& a, UnixMillis at) {
  if (a.customer.person.id.empty()) return BadAction("the customer has no id");
  if (a.customer.platform != domain::Platform::kX || !KindAllowedOn(a.kind, domain::Platform::kX)) {
    return BadAction(std::string(CustomerActionKindName(a.kind)) + " is not an X action");
  }
  const XPost* parent = nullptr;
  const XPost* quoted = nullptr;
  if (a.kind == CustomerActionKind::kReply) {
    parent = w.FindXPost(a.target_id);
    if (parent == nullptr) return UnknownTarget(a.target_id);
  } else if (a.kind == CustomerActionKind::kQuote) {
    quoted = w.FindXPost(a.target_id);
    if (quoted == nullptr || w.XAccountById(quoted->author.id) == nullptr) {
      return UnknownTarget(a.target_id);
    }
  }
  if (a.kind == CustomerActionKind::kPost) {
    if (const SimXAccount* brand = MentionedBrand(w, a.text)) {
      return BadAction("a post that mentions @" + brand->handle + " is a mention");
    }
  }
  FR_ASSIGN_OR_RETURN(const SimXAccount* account,
                      ResolveAccount(w, a.account_id, parent ? parent : quoted));
  w.RememberCustomer(a.customer);
  if (a.kind == CustomerActionKind::kDm) return PostDm(w, *account, a, at);

  XPost post;
  post.id = w.ids().Snowflake(at);
  post.account_id = account->user_id;
  post.author = a.customer.person;
  post.text = (parent ? ReplyPrefix(*parent, post.author.id) : "") + a.text;
  post.created_at = at;
  post.conversation_id = parent ? parent->conversation_id : post.id;
  post.in_reply_to_id = parent ? parent->id : "";
  post.quoted_id = quoted ? quoted->id : "";
  if (a.kind == CustomerActionKind::kMention && FindMentions(post.text, account->handle).empty()) {
    post.text = "@" + account->handle + " " + post.text;
  }
  for (const SimXAccount& brand : w.config().x.accounts) {
    const bool quotes_brand = quoted != nullptr && quoted->author.id == brand.user_id;
    if (quotes_brand || !FindMentions(post.text, brand.handle).empty()) {
      post.summoned.push_back(brand.user_id);
    }
  }
  if (a.kind == CustomerActionKind::kPost) {
    PostedAction posted{post.id, std::nullopt};
    w.AddXPost(std::move(post));
    return posted;
  }

  XTweetEvent event;
  event.for_user_id = account->user_id;
  event.id = post.id;
  event.author = post.author;
  event.text = post.text;
  event.created_at = at;
  event.in_reply_to = parent;
  event.quoted = quoted;
  event.mentionable = BrandPersons(w);
  if (parent) event.mentionable.push_back(parent->author);
  PostedAction posted{post.id, XTweetWebhook(w.config().x.consumer_secret, event)};
  w.AddXPost(std::move(post));
  return posted;
}

Result<std::string> AddXBrandPost(SimWorld& w, std::string_view account_id, std::string_view text,
                                  UnixMillis at) {
  FR_ASSIGN_OR_RETURN(const SimXAccount* account, ResolveAccount(w, account_id, nullptr));
  XPost post;
  post.id = w.ids().Snowflake(at);
  post.account_id = account->user_id;
  post.author = SimWorld::BrandPerson(*account);
  post.text = std::string(text);
  post.created_at = at;
  post.conversation_id = post.id;
  std::string id = post.id;
  w.AddXPost(std::move(post));
  return id;
}

}  // namespace fr::channels::sim::internal
