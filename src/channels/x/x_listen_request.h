// What X's filtered stream and recent-search sources share: their requests (bearer token,
// the fields and expansions asked for) and how the posts they hear become a delivery.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/metrics.h"
#include "channels/common/http_client.h"
#include "channels/x/x_listen_config.h"
#include "domain/inbound_event.h"

namespace fr::channels::x {

// The query parameters asking for everything ParseV2Tweets reads (text, author with
// followers and verification, thread, references, entities, media), without a leading '?'.
std::string_view PostFieldsQuery();

// `value` percent-encoded for a URL query (UTF-8 bytes; Hebrew and operators included).
std::string QueryValue(std::string_view value);

// A GET of config.api_base + `path_and_query` with the app's bearer token.
HttpRequest BearerGet(const XListenConfig& config, std::string_view path_and_query);

// Adds one to feedroom_source_events_total{source, event}: what the listening sources did.
void CountSourceEvent(metrics::Registry& metrics, std::string_view source, std::string_view event);

// The posts a listening source heard, as a delivery of new messages. A post is overheard
// unless it is the brand's own or is addressed to it (a mention or a quote of its post);
// a reply is overheard too until its webhook copy shows it answers the brand.
domain::ParsedDelivery HeardDelivery(std::vector<domain::Message> posts);

}  // namespace fr::channels::x
