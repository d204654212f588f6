// The feeds of the simulated forums: GET /feeds/{id}.xml with the validators a well-behaved
// site sends (RFC 9110 §8.8, §13.1.2), so that Feedroom's conditional polling meets a 304.

#include <string>
#include <string_view>

#include "base/crypto.h"
#include "channels/sim/feed_sim.h"
#include "channels/sim/rss_writer.h"
#include "channels/sim/sim_dates.h"

namespace fr::channels::sim::internal {
namespace {

constexpr std::string_view kPrefix = "/feeds/";
constexpr std::string_view kSuffix = ".xml";
constexpr std::string_view kRssType = "application/rss+xml; charset=utf-8";

SimResponse PlainText(int status, std::string text) {
  SimResponse r;
  r.status = status;
  r.headers.emplace_back("content-type", "text/plain; charset=utf-8");
  r.body = std::move(text);
  return r;
}

// The feed id of "/feeds/<id>.xml"; empty for any other path.
std::string_view FeedIdOf(std::string_view path) {
  if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix)) return {};
  const std::string_view id =
      path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
  return id.find('/') == std::string_view::npos ? id : std::string_view();
}

std::string_view Trimmed(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// Whether the If-None-Match field `field` (a list of entity tags, or "*") matches `etag` by
// the weak comparison RFC 9110 §13.1.2 prescribes for it.
bool NoneMatchHits(std::string_view field, std::string_view etag) {
  while (!field.empty()) {
    const std::size_t comma = field.find(',');
    std::string_view tag = Trimmed(field.substr(0, comma));
    field = comma == std::string_view::npos ? std::string_view() : field.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

}  // namespace

SimResponse HandleFeedApi(const SimWorld& world, const SimRequest& request,
                          const ParsedTarget& target) {
  const std::string_view feed_id = FeedIdOf(target.path);
  const std::vector<ForumPost>* posts = feed_id.empty() ? nullptr : world.FindFeed(feed_id);
  if (posts == nullptr) return PlainText(404, "no such feed\n");
  if (request.method != "GET") {
    SimResponse r = PlainText(405, "use GET\n");
    r.headers.emplace_back("allow", "GET");
    return r;
  }
  const std::string document = RssDocument(feed_id, *posts);
  const std::string etag = "\"" + crypto::Hex(crypto::Sha256(document)) + "\"";
  SimResponse r;
  r.headers.emplace_back("content-type", kRssType);
  r.headers.emplace_back("etag", etag);
  if (!posts->empty()) {
    r.headers.emplace_back("last-modified", HttpDate(NewestPosts(*posts).front()->created_at));
  }
  if (NoneMatchHits(request.headers.Get("If-None-Match"), etag)) {
    r.status = 304;
    return r;
  }
  r.body = document;
  return r;
}

}  // namespace fr::channels::sim::internal
