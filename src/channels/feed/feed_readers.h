// Internal to channels/feed: the format readers that turn a parsed libxml2 tree into a
// FeedDocument (items, title, link, polling hint). They never fail: a missing element is an
// empty field. Encoding and bozo are filled in by ParseFeed. Pure functions over a tree that
// the caller owns; thread-safe.
#pragma once

#include <libxml/tree.h>

#include "channels/feed/feed_parse.h"

namespace fr::channels::feed {

struct ReadOptions {
  // The bytes were UTF-8 on the wire, so text that is UTF-8 read as Latin-1 and encoded
  // again can be repaired (RepairDoubleEncoding).
  bool repair_double_encoding = false;
};

// REQUIRES: `root` is an <rss> element (any version) or an rdf:RDF element.
FeedDocument ReadRss(const xmlNode* root, const ReadOptions& options);

// REQUIRES: `root` is an Atom 1.0 or 0.3 <feed> element.
FeedDocument ReadAtom(const xmlNode* root, const ReadOptions& options);

}  // namespace fr::channels::feed
