// Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 (and 0.3) documents into plain structs:
// the feed's title, link and polling hint, and its items with a dedupe key, an absolute link,
// plain text (HTML stripped, NFC) and a date. The parser never fetches anything (no network,
// no external entities or DTDs) and never aborts on sloppy input: ill-formed feeds are
// recovered and flagged `bozo`. Mapping items into domain messages and polling belong to the
// caller. docs/feeds.md describes the rules.
//
// Thread safety: ParseFeed may be called from any number of threads at once. It initialises
// libxml2 once (xmlInitParser, on first use) and captures libxml2's error reports only for
// the calling thread while it runs, so nothing is printed to stderr and other users of
// libxml2 in the process keep their own error handlers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"

namespace fr::channels::feed {

// One RSS <item> or Atom <entry>. Every string is valid UTF-8 (title, text and author in NFC);
// absent fields are empty.
struct FeedItem {
  // What identifies the item across polls (never empty): the RSS <guid> or Atom <id> exactly
  // as written (only surrounding whitespace trimmed; Atom ids are never URL-normalised); for
  // RSS 1.0 the item's rdf:about; else `link`; else "sha256:" + hex SHA-256 of
  // title + "\n" + the date text as written (when both are empty: "\n" + `text`).
  std::string key;
  // Absolute http(s) URL of the item's page: RSS <link> (or an atom:link rel=alternate), else a
  // <guid> that is a permalink (isPermaLink absent or "true") and an http(s) URL; Atom
  // <link rel="alternate"> (or without rel). Relative references are resolved against
  // xml:base and the feed URL; non-ASCII characters and spaces come out percent-encoded.
  // Other schemes (javascript:, data:, …) give "".
  std::string link;
  std::string title;  // plain text; HTML in it (Atom type="html"/"xhtml", escaped RSS) removed
  // Plain text of content:encoded / Atom <content>, else <description> / <summary>: markup
  // removed by libxml2's HTML parser, entities decoded, every whitespace run one space.
  std::string text;
  // A display name: dc:creator, Atom author/name (the entry's, its source's, else the feed's),
  // RSS <author>. For "a@b (Name)" or "Name <a@b>" forms the name, else the text as given.
  std::string author;
  // The e-mail address in RSS <author> / Atom author/email, when there is one.
  std::string author_email;
  // UTC milliseconds of pubDate (RFC 822) / dc:date / Atom published, else updated
  // (RFC 3339 / ISO 8601); the first that parses. 0 when absent or unparseable.
  UnixMillis published = 0;
};

struct FeedDocument {
  std::string title;  // plain text
  std::string link;   // the site's page (RSS channel <link>, Atom rel=alternate), absolute
  // How often the publisher asks to be polled: RSS <ttl>, or sy:updatePeriod divided by
  // sy:updateFrequency. nullopt when the feed says nothing usable.
  std::optional<int> ttl_minutes;
  std::vector<FeedItem> items;  // in document order
  // The encoding the bytes were read as, lower case: "utf-8", "utf-16le", "iso-8859-1",
  // "windows-1252", … (the HTTP charset, the byte-order mark, the XML declaration, or the
  // guess for undeclared bytes, in that order of precedence).
  std::string encoding;
  // The document was not well-formed, or its bytes did not match their encoding, and what
  // is returned is what could be recovered. `bozo_reason` names the first problem found:
  // "encoding_mismatch" (declared or missing encoding did not fit the bytes, e.g. undeclared
  // non-UTF-8 read as windows-1252), "invalid_bytes" (bytes invalid in the encoding, replaced
  // by U+FFFD), "unknown_encoding" (a charset libxml2/iconv does not know), "malformed_xml"
  // (broken markup, undefined entities, undeclared namespace prefixes, …).
  bool bozo = false;
  std::string bozo_reason;
};

// Parses one fetched feed body.
// `content_type`: the response's Content-Type header, may be empty. Its charset parameter
// overrides the XML declaration (RFC 3023) unless a byte-order mark says otherwise.
// `feed_url`: the URL the body was fetched from, the base for relative links (may be empty).
// Returns the document (possibly bozo) on success. Errors:
//   kPayloadTooLarge "feed_too_large": the body is larger than kMaxFeedBytes.
//   kMalformed "not_a_feed": the root element is not rss, rdf:RDF or feed, or nothing could
//   be recovered (empty body, HTML page, JSON, …).
// Never fetches over the network, never substitutes external entities, never loads a DTD.
Result<FeedDocument> ParseFeed(std::string_view body, std::string_view content_type,
                               std::string_view feed_url);

// The largest body ParseFeed accepts.
inline constexpr std::size_t kMaxFeedBytes = 8 * 1024 * 1024;

}  // namespace fr::channels::feed
