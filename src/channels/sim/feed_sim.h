// Internal to channels/sim: the simulated forums, blogs and review sites, seen through their
// RSS feeds. HandleFeedApi serves a feed the way a site does (a conditional GET with a strong
// ETag, 304 when unchanged); PostOnForum adds a customer's post to one. Nothing is sent to
// Feedroom: its feed poller finds the posts. Not thread-safe (SimPlatform holds its lock).
#pragma once

#include "base/clock.h"
#include "base/status.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_http.h"
#include "channels/sim/sim_request.h"
#include "channels/sim/sim_world.h"

namespace fr::channels::sim::internal {

// Answers one request whose decoded path (target.path) is under /feeds/, no authentication:
//   GET /feeds/{id}.xml  200 application/rss+xml; charset=utf-8, the feed's document
//                        (rss_writer.h) with ETag (strong, from the bytes) and, once the feed
//                        has a post, Last-Modified (the newest post's date);
//                        304 with the same ETag and Last-Modified, no body, when
//                        If-None-Match names that ETag (or is "*")
// 404 for a feed that does not exist or another path, 405 (Allow: GET) for another method.
// If-Modified-Since is not consulted: the ETag always decides.
SimResponse HandleFeedApi(const SimWorld& world, const SimRequest& request,
                          const ParsedTarget& target);

// A customer's forum post at `at` in the feed action.target_id (opened if new), titled
// action.title. Returns the id Feedroom gives the feed item ("<feed id>:<guid>") and no
// webhook. Errors: kInvalidArgument "bad_action" (not a forum action, no feed, no customer id).
Result<PostedAction> PostOnForum(SimWorld& world, const CustomerAction& action, UnixMillis at);

}  // namespace fr::channels::sim::internal
