// Internal to channels/sim: GET /2/tweets/search/recent on the simulated X, what Feedroom's
// recent-search listening polls (channels/x/x_recent_search.h). It finds the customers' public
// posts of the last 7 days (posts, mentions, replies and quotes; never DMs, never the brand's
// own posts) whose text contains one of the query's plain words. X's query language is only
// skimmed: operators are ignored, so the simulator may find more than X would, never less.
// Not thread-safe (SimPlatform holds its lock).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "channels/sim/sim_http.h"
#include "channels/sim/sim_world.h"
#include "ports/webhook_channel.h"

namespace fr::channels::sim::internal {

// The words of an X search query, one of which a post's text must contain. X's operators are
// dropped: anything with ':' (`lang:he`, `is:retweet`, `followers:>=10`), negated terms
// (`-word`, `-"a phrase"`), `OR`, `AND` and parentheses; a quoted phrase is one word. ASCII
// letters are lower-cased, everything else (Hebrew) is kept as written.
std::vector<std::string> SearchWords(std::string_view query);

// Whether `text` contains one of `words` (as SearchWords gives them), ignoring ASCII case.
bool ContainsAnyWord(std::string_view text, const std::vector<std::string>& words);

// The answer to an authenticated search with the parameters `params` at `now`:
//   query        required, 1-512 characters
//   max_results  10-100, default 10
//   since_id     only posts with a greater id
//   next_token   the page after the one that returned it (opaque)
// 200 {"data":[post…], "includes":{"users":[…], "tweets":[…]}, "meta":{"newest_id",
// "oldest_id","result_count","next_token"}} newest first, each post with id, text, author_id,
// created_at, conversation_id, edit_history_tweet_ids, lang and referenced_tweets (replied_to,
// quoted); users with username, name, verified and public_metrics.followers_count; tweets the
// posts referenced. Nothing found: 200 {"meta":{"result_count":0}}. A bad parameter: X's 400
// invalid-request naming it.
SimResponse SearchRecent(const SimWorld& world, const ports::QueryParams& params, UnixMillis now);

}  // namespace fr::channels::sim::internal
