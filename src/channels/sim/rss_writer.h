// Internal to channels/sim: the RSS 2.0 document of a simulated forum's feed, as forums, blogs
// and review sites publish them (what Feedroom's feed poller reads, channels/feed). Customer
// text only ever enters the document through XmlEscaped. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "channels/sim/sim_world.h"

namespace fr::channels::sim::internal {

// The most items a feed document carries (the newest ones).
inline constexpr std::size_t kMaxFeedItems = 50;

// `text` as XML character data or attribute value, or as HTML text: & < > " ' written as
// &amp; &lt; &gt; &quot; &#39;, characters
// XML 1.0 forbids (controls other than tab, LF and CR; U+FFFE, U+FFFF) dropped, and bytes that
// are not UTF-8 replaced by U+FFFD. The result is well-formed UTF-8 whatever `text` holds.
std::string XmlEscaped(std::string_view text);

// The page of the forum post `guid` in feed `feed_id`: a made-up https URL.
std::string ForumPostUrl(std::string_view feed_id, std::string_view guid);

// The UTF-8 RSS 2.0 document of feed `feed_id` with `posts` (in any order): the newest
// kMaxFeedItems first, each with its title (when it has one), link (ForumPostUrl), guid
// (isPermaLink="false"), dc:creator (the author's name, else handle, else id), pubDate
// (RFC 822) and description (the text as HTML paragraphs, escaped).
std::string RssDocument(std::string_view feed_id, const std::vector<ForumPost>& posts);

// `posts` newest first (by date, then by guid), at most kMaxFeedItems.
std::vector<const ForumPost*> NewestPosts(const std::vector<ForumPost>& posts);

}  // namespace fr::channels::sim::internal
