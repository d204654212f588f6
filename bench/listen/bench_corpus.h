// The listening benchmark's posts: real Hebrew and English texts read from the shared data sets
// (twcs customer-care tweets, TweetEval, complaint tweets; amram2018 Facebook comments and
// HebEMO news talkbacks), read in place and never copied. Not thread-safe to build; immutable
// afterwards.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/listen/listening_rule.h"

namespace fr::bench {

struct Corpus {
  std::vector<std::string> hebrew;
  std::vector<std::string> english;
};

// Reads the texts under `data_dir` (the shared `data` folder). Missing files give fewer texts,
// never an error: the caller checks that both languages are there.
Corpus LoadCorpus(const std::string& data_dir);

// `count` posts, Hebrew and English texts alternating and cycled, with platform, language,
// kind and follower count varied deterministically. The posts view `corpus`'s strings, so
// `corpus` must outlive them.
std::vector<domain::ListenPost> MakePosts(const Corpus& corpus, std::size_t count);

// The total text bytes of `posts`.
std::size_t TextBytes(const std::vector<domain::ListenPost>& posts);

}  // namespace fr::bench
