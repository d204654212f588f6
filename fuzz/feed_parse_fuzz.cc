// libFuzzer entry point for the feed parser (RSS, RDF, Atom in any encoding). Any input must
// come back as a FeedDocument or a Status; results are ignored. The last byte picks the
// simulated Content-Type, so the charset paths (HTTP charset, iconv, UTF-16) are reached
// too. Seed corpus: ../shared/fixtures/rss/feedparser and ../shared/fixtures/rss/rss-parser.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/feed/feed_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::array<std::string_view, 8> kContentTypes = {
      "",
      "text/xml",
      "application/rss+xml; charset=utf-8",
      "text/xml; charset=windows-1255",
      "application/atom+xml; charset=utf-16",
      "text/xml; charset=iso-8859-7",
      "text/xml; charset=shift_jis",
      "text/xml; charset=us-ascii"};
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const std::string_view content_type =
      size == 0 ? kContentTypes[0] : kContentTypes[data[size - 1] % kContentTypes.size()];
  (void)fr::channels::feed::ParseFeed(body, content_type, "https://feeds.example.com/a/b.xml");
  return 0;
}
