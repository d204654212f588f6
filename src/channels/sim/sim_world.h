// Internal to channels/sim: the state of the simulated platforms. Which posts, comments, DM
// threads and forum posts exist (from scenarios and from accepted replies), who wrote them,
// which comments were answered privately, the per-user rate windows, and everything the fake
// APIs accepted. The fake APIs (x_api.cc, x_search.cc, graph_api.cc, forum_feeds.cc) and
// customer activity (x_customers.cc, meta_customers.cc, forum_feeds.cc) read and change it. Not
// thread-safe: SimPlatform holds its lock around every use.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "channels/sim/rate_window.h"
#include "channels/sim/sent_record.h"
#include "channels/sim/sim_config.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_ids.h"

namespace fr::channels::sim::internal {

// A post on the simulated X (a customer's, or the brand's own).
struct XPost {
  std::string id;
  std::string account_id;  // the brand account it concerns (for_user_id of its webhook)
  Person author;
  std::string text;  // the full text as delivered (with any leading reply mentions)
  UnixMillis created_at = 0;
  std::string conversation_id;  // the id of the post that started the thread (its own if none)
  std::string in_reply_to_id;   // the post answered; empty if none
  std::string quoted_id;        // the post quoted; empty if none
  // User ids of the brand accounts the author summoned: mentioned by @handle or quoted.
  std::vector<std::string> summoned;
};

// A post on a forum, blog or review site, carried as an item of one feed.
struct ForumPost {
  std::string guid;  // unique among all feeds
  Person author;
  std::string title;  // may be empty
  std::string text;
  UnixMillis created_at = 0;
};

// A Facebook Page post or an Instagram media item of the brand.
struct MetaPost {
  std::string id;
  domain::Platform platform = domain::Platform::kFacebook;  // kFacebook or kInstagram
  std::string account_id;                                   // Page id or Instagram user id
};

// A comment on a Facebook post or an Instagram media item (a customer's or the brand's).
struct MetaComment {
  std::string id;
  domain::Platform platform = domain::Platform::kFacebook;  // kFacebook or kInstagram
  std::string account_id;  // Page id or Instagram user id (entry.id of its webhook)
  std::string post_id;     // the Facebook post or Instagram media it is under
  std::string parent_id;   // the comment it answers; empty for a top-level comment
  std::string author_id;
  UnixMillis created_at = 0;
  bool privately_replied = false;
};

// The X endpoints with a rate limit per user (or per app, for the search).
enum class XEndpoint { kCreatePost, kSendDm, kSearchRecent };

class SimWorld {
 public:
  explicit SimWorld(SimConfig config);

  const SimConfig& config() const { return config_; }
  IdGenerator& ids() { return ids_; }

  // --- people ---
  // Remembers (or updates) the profile of a customer, keyed by platform and id.
  void RememberCustomer(const Customer& customer);
  // The remembered customer with `id` on `platform`, or nullptr.
  const Customer* FindCustomer(domain::Platform platform, std::string_view id) const;

  // --- X ---
  const SimXAccount* XAccountByToken(std::string_view token) const;
  // Whether `token` is the app-only bearer token (never when none is configured).
  bool IsXAppToken(std::string_view token) const;
  const SimXAccount* XAccountById(std::string_view user_id) const;
  // The brand account as a profile (id and handle).
  static Person BrandPerson(const SimXAccount& account);
  void AddXPost(XPost post);
  const XPost* FindXPost(std::string_view id) const;
  // Every post, by id.
  const std::map<std::string, XPost, std::less<>>& x_posts() const { return x_posts_; }
  // Requests per 15-minute window: 100 posts, 15 DMs (PROTOCOLS.md §1.8), 450 searches (X's
  // app limit for recent search on Pro access).
  static int XRateLimit(XEndpoint endpoint);
  // The rate window of `caller` (a user id, or "app" for the app-only token) on `endpoint`.
  RateWindow& XRateWindow(const std::string& caller, XEndpoint endpoint);

  // --- Meta ---
  const SimMetaPage* PageByToken(std::string_view token) const;
  const SimMetaPage* PageById(std::string_view page_id) const;
  const SimMetaPage* PageByInstagramId(std::string_view instagram_user_id) const;
  void AddMetaPost(MetaPost post);
  const MetaPost* FindMetaPost(std::string_view id) const;
  void AddComment(MetaComment comment);
  MetaComment* FindComment(std::string_view id);
  // Notes that `customer_id` wrote to `account_id` at `at` (this opens the 24 h window).
  void NoteInboundMessage(const std::string& account_id, const std::string& customer_id,
                          UnixMillis at);
  // When `customer_id` last wrote to `account_id`, if ever.
  std::optional<UnixMillis> LastInboundMessage(const std::string& account_id,
                                               const std::string& customer_id) const;

  // --- feeds ---
  // Makes the feed `feed_id` exist (with no post yet). Idempotent.
  void OpenFeed(std::string_view feed_id);
  // Adds `post` to the feed `feed_id`, opening it if needed.
  void AddForumPost(std::string_view feed_id, ForumPost post);
  // The posts of the feed `feed_id` in the order added, or nullptr when it does not exist.
  const std::vector<ForumPost>* FindFeed(std::string_view feed_id) const;

  // --- what the APIs accepted ---
  void Record(SentRecord record) { sent_.push_back(std::move(record)); }
  const std::vector<SentRecord>& sent() const { return sent_; }

 private:
  const SimConfig config_;
  IdGenerator ids_;
  std::map<std::pair<domain::Platform, std::string>, Customer> customers_;
  std::map<std::string, XPost, std::less<>> x_posts_;
  std::map<std::pair<std::string, XEndpoint>, RateWindow> x_windows_;
  std::map<std::string, MetaPost, std::less<>> meta_posts_;
  std::map<std::string, MetaComment, std::less<>> comments_;
  std::map<std::pair<std::string, std::string>, UnixMillis> last_inbound_;
  std::map<std::string, std::vector<ForumPost>, std::less<>> feeds_;
  std::vector<SentRecord> sent_;
};

}  // namespace fr::channels::sim::internal
