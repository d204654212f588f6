// Internal to channels/feed: turning a feed's text fields into the plain text Feedroom
// stores. HTML goes through libxml2's HTML parser (tolerant of any tag soup, decodes every
// HTML entity); the result has its whitespace collapsed and is NFC. Pure functions;
// thread-safe. HtmlToText REQUIRES a LibxmlScope alive on this thread (feed_libxml.h), so
// libxml2 is initialised and its complaints about the markup stay quiet.
#pragma once

#include <string>
#include <string_view>

namespace fr::channels::feed {

// `s` without leading and trailing ASCII whitespace.
std::string_view TrimAscii(std::string_view s);

// The text content of an HTML fragment (UTF-8): tags removed, entities decoded, the content
// of script/style/head and similar elements dropped, a space at block boundaries (p, br,
// div, li, …). Whitespace is not yet collapsed.
std::string HtmlToText(std::string_view html);

// True if `text` seems to hold markup or character references ("<b>", "</", "&amp;",
// "&#233;"), so that a field which is plain text by the spec (RSS <title>) but HTML-escaped
// in practice is read as HTML.
bool LooksLikeHtml(std::string_view text);

// Collapses every run of whitespace (ASCII, NBSP and the other Unicode spaces) to one space,
// drops other control characters, trims both ends. REQUIRES: valid UTF-8.
std::string CollapseWhitespace(std::string_view text);

// Undoes the common "UTF-8 read as ISO-8859-1 and encoded again" damage: if every code point
// of `text` is below U+0100, some is above U+007F, and their byte values form valid UTF-8,
// returns that UTF-8; else `text` unchanged. REQUIRES: valid UTF-8.
std::string RepairDoubleEncoding(std::string_view text);

// The last step for every text field: optional double-encoding repair (only for documents
// that were UTF-8 on the wire), whitespace collapse, NFC. Never fails; always valid UTF-8.
std::string FinishText(std::string_view text, bool repair_double_encoding);

}  // namespace fr::channels::feed
