#include "channels/sim/sim_world.h"

#include "base/crypto.h"

namespace fr::channels::sim::internal {
namespace {

constexpr UnixMillis kFifteenMinutes = 15 * 60 * 1000;
constexpr int kPostsPerWindow = 100;
constexpr int kDmsPerWindow = 15;
constexpr int kSearchesPerWindow = 450;

// Tokens are secrets: compared in constant time, and an empty configured token never matches.
bool TokenMatches(const std::string& configured, std::string_view given) {
  return !configured.empty() && crypto::ConstantTimeEquals(configured, given);
}

}  // namespace

SimWorld::SimWorld(SimConfig config) : config_(std::move(config)) {
  for (const std::string& id : config_.feed_ids) OpenFeed(id);
}

void SimWorld::RememberCustomer(const Customer& customer) {
  customers_[{customer.platform, customer.person.id}] = customer;
}

const Customer* SimWorld::FindCustomer(domain::Platform platform, std::string_view id) const {
  auto it = customers_.find({platform, std::string(id)});
  return it == customers_.end() ? nullptr : &it->second;
}

const SimXAccount* SimWorld::XAccountByToken(std::string_view token) const {
  for (const auto& a : config_.x.accounts) {
    if (TokenMatches(a.access_token, token)) return &a;
  }
  return nullptr;
}

bool SimWorld::IsXAppToken(std::string_view token) const {
  return TokenMatches(config_.x.app_bearer_token, token);
}

const SimXAccount* SimWorld::XAccountById(std::string_view user_id) const {
  for (const auto& a : config_.x.accounts) {
    if (a.user_id == user_id) return &a;
  }
  return nullptr;
}

Person SimWorld::BrandPerson(const SimXAccount& account) {
  Person p;
  p.id = account.user_id;
  p.handle = account.handle;
  p.name = account.handle;
  return p;
}

void SimWorld::AddXPost(XPost post) {
  std::string id = post.id;
  x_posts_.insert_or_assign(std::move(id), std::move(post));
}

const XPost* SimWorld::FindXPost(std::string_view id) const {
  auto it = x_posts_.find(id);
  return it == x_posts_.end() ? nullptr : &it->second;
}

int SimWorld::XRateLimit(XEndpoint endpoint) {
  switch (endpoint) {
    case XEndpoint::kCreatePost:
      return kPostsPerWindow;
    case XEndpoint::kSendDm:
      return kDmsPerWindow;
    case XEndpoint::kSearchRecent:
      return kSearchesPerWindow;
  }
  return kDmsPerWindow;
}

RateWindow& SimWorld::XRateWindow(const std::string& caller, XEndpoint endpoint) {
  return x_windows_.try_emplace({caller, endpoint}, XRateLimit(endpoint), kFifteenMinutes)
      .first->second;
}

const SimMetaPage* SimWorld::PageByToken(std::string_view token) const {
  for (const auto& p : config_.meta.pages) {
    if (TokenMatches(p.access_token, token)) return &p;
  }
  return nullptr;
}

const SimMetaPage* SimWorld::PageById(std::string_view page_id) const {
  for (const auto& p : config_.meta.pages) {
    if (p.page_id == page_id) return &p;
  }
  return nullptr;
}

const SimMetaPage* SimWorld::PageByInstagramId(std::string_view instagram_user_id) const {
  if (instagram_user_id.empty()) return nullptr;
  for (const auto& p : config_.meta.pages) {
    if (p.instagram_user_id == instagram_user_id) return &p;
  }
  return nullptr;
}

void SimWorld::AddMetaPost(MetaPost post) {
  std::string id = post.id;
  meta_posts_.insert_or_assign(std::move(id), std::move(post));
}

const MetaPost* SimWorld::FindMetaPost(std::string_view id) const {
  auto it = meta_posts_.find(id);
  return it == meta_posts_.end() ? nullptr : &it->second;
}

void SimWorld::AddComment(MetaComment comment) {
  std::string id = comment.id;
  comments_.insert_or_assign(std::move(id), std::move(comment));
}

MetaComment* SimWorld::FindComment(std::string_view id) {
  auto it = comments_.find(id);
  return it == comments_.end() ? nullptr : &it->second;
}

void SimWorld::OpenFeed(std::string_view feed_id) { feeds_.try_emplace(std::string(feed_id)); }

void SimWorld::AddForumPost(std::string_view feed_id, ForumPost post) {
  feeds_[std::string(feed_id)].push_back(std::move(post));
}

const std::vector<ForumPost>* SimWorld::FindFeed(std::string_view feed_id) const {
  auto it = feeds_.find(feed_id);
  return it == feeds_.end() ? nullptr : &it->second;
}

void SimWorld::NoteInboundMessage(const std::string& account_id, const std::string& customer_id,
                                  UnixMillis at) {
  last_inbound_[{account_id, customer_id}] = at;
}

std::optional<UnixMillis> SimWorld::LastInboundMessage(const std::string& account_id,
                                                       const std::string& customer_id) const {
  auto it = last_inbound_.find({account_id, customer_id});
  if (it == last_inbound_.end()) return std::nullopt;
  return it->second;
}

}  // namespace fr::channels::sim::internal
