#include "server/simulator_config.h"

namespace fr::server {

channels::sim::SimConfig SimConfigFor(const ServerConfig& config) {
  channels::sim::SimConfig sim;
  if (config.x) {
    sim.x.consumer_secret = config.x->consumer_secret;
    for (const channels::x::XAccount& a : config.x->accounts) {
      sim.x.accounts.push_back({a.user_id, a.handle, a.access_token});
    }
  }
  if (config.x_listening) sim.x.app_bearer_token = config.x_listening->bearer_token;
  if (config.meta) {
    sim.meta.app_secret = config.meta->app_secret;
    for (const channels::meta::MetaPage& p : config.meta->pages) {
      // The config does not know the Instagram account's username: its own comments carry none.
      sim.meta.pages.push_back({p.page_id, p.name, p.instagram_user_id, "", p.access_token});
    }
  }
  for (const channels::feed::FeedConfig& feed : config.feeds) sim.feed_ids.push_back(feed.id);
  return sim;
}

}  // namespace fr::server
