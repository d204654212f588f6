// Customer activity on the simulated forums: each post becomes an item of one feed.

#include <string>
#include <utility>

#include "channels/sim/feed_sim.h"

namespace fr::channels::sim::internal {

Result<PostedAction> PostOnForum(SimWorld& w, const CustomerAction& a, UnixMillis at) {
  if (a.customer.platform != domain::Platform::kRss || a.kind != CustomerActionKind::kForum) {
    return Status(Errc::kInvalidArgument, "bad_action",
                  std::string(CustomerActionKindName(a.kind)) + " is not a forum action");
  }
  if (a.target_id.empty() || a.customer.person.id.empty()) {
    return Status(Errc::kInvalidArgument, "bad_action",
                  a.target_id.empty() ? "the forum post has no feed" : "the customer has no id");
  }
  w.RememberCustomer(a.customer);
  ForumPost post;
  post.guid = w.ids().Snowflake(at);
  post.author = a.customer.person;
  post.title = a.title;
  post.text = a.text;
  post.created_at = at;
  // Feedroom files a feed item under "<feed id>:<guid>" (channels/feed/feed_delivery.h).
  PostedAction posted{a.target_id + ":" + post.guid, std::nullopt};
  w.AddForumPost(a.target_id, std::move(post));
  return posted;
}

}  // namespace fr::channels::sim::internal
