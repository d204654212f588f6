#include "channels/x/x_listen_request.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace fr::channels::x {

std::string_view PostFieldsQuery() {
  return "tweet.fields=created_at,author_id,conversation_id,referenced_tweets,entities,"
         "attachments,edit_history_tweet_ids,note_tweet,lang"
         "&expansions=author_id,attachments.media_keys,referenced_tweets.id"
         "&user.fields=username,name,public_metrics,verified,verified_type"
         "&media.fields=type,url,preview_image_url";
}

std::string QueryValue(std::string_view value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
}

HttpRequest BearerGet(const XListenConfig& config, std::string_view path_and_query) {
  HttpRequest r;
  r.url = config.api_base + std::string(path_and_query);
  r.headers = {{"Authorization", "Bearer " + config.bearer_token}};
  return r;
}

void CountSourceEvent(metrics::Registry& metrics, std::string_view source, std::string_view event) {
  metrics
      .GetCounter("feedroom_source_events_total",
                  "What the listening sources did, by source and event",
                  {{"source", std::string(source)}, {"event", std::string(event)}})
      ->Add();
}

domain::ParsedDelivery HeardDelivery(std::vector<domain::Message> posts) {
  domain::ParsedDelivery delivery;
  for (domain::Message& m : posts) {
    m.overheard = !m.is_outbound && m.kind != domain::MessageKind::kMention &&
                  m.kind != domain::MessageKind::kQuote;
    domain::InboundEvent e;
    e.type = domain::EventType::kMessage;
    e.message = std::move(m);
    delivery.events.push_back(std::move(e));
  }
  return delivery;
}

}  // namespace fr::channels::x
