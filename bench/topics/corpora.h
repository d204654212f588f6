// bench/topics: the real texts the topic benchmark groups, read in place from the shared data
// folder (../shared/data), each with the label a topic should not mix.
#pragma once

#include <string>
#include <vector>

#include "domain/topics/topic_finder.h"

namespace fr::bench {

// Documents with ids 0..n-1 and, by id, what a topic should not mix.
struct Labelled {
  std::vector<domain::topics::TopicDoc> docs;
  std::vector<std::string> brands;  // the brand each was addressed to ("" if unknown)
  std::vector<std::string> labels;  // a human label of what it is about ("" if none)
  std::string label_name;           // what `labels` are ("reason"), "" when there are none
};

// Customers' tweets to brands in twcs_head5000.csv and twcs_random5000.csv (the same tweet
// once), with the brand each was addressed to (channels/x ToInboundEvents). No labels.
Labelled TwcsCustomerTweets(const std::string& data_dir);

// spotifycares_customer_side.csv: 15k customers' tweets to one brand.
Labelled SpotifyCustomerTweets(const std::string& data_dir);

// twitter_us_airline_sentiment/Tweets.csv: tweets to six US airlines (the brands), labelled
// with the annotators' negative reason ("Late Flight", "Lost Luggage", ...; "" for
// non-negative tweets and "Can't Tell").
Labelled AirlineTweets(const std::string& data_dir);

// Hebrew user comments: HebEMO news talkbacks (labelled with their article's title) and the
// Amram 2018 Facebook comments (unlabelled). No brands.
Labelled HebrewComments(const std::string& data_dir);

}  // namespace fr::bench
