// Internal to channels/feed: decides which encoding a feed's bytes are in and turns them into
// UTF-8 before the XML parser sees them, so every later step works on valid UTF-8. Uses
// libxml2's encoding handlers (built-in UTF-16/ASCII/Latin-1, iconv for the rest). Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace fr::channels::feed {

struct Utf8Body {
  std::string text;         // the whole body as valid UTF-8, byte-order mark removed
  std::string encoding;     // lower-case name the bytes were read as ("utf-8", "utf-16le", …)
  std::string bozo_reason;  // empty, "encoding_mismatch", "invalid_bytes" or "unknown_encoding"
};

// Reads `body` as the encoding chosen by, in order: a byte-order mark (UTF-8, UTF-16LE/BE) or
// UTF-16 without one ("<\0" / "\0<"); the charset parameter of `content_type`; the XML
// declaration. With no label, a UTF-8 label, or a US-ASCII label on 8-bit bytes: UTF-8 when
// the bytes are valid UTF-8; UTF-8 with each ill-formed sequence replaced by U+FFFD (bozo
// "invalid_bytes") when well-formed multi-byte sequences outnumber ill-formed ones; else
// windows-1252 (bozo "encoding_mismatch"). Bytes invalid in any other chosen encoding become
// U+FFFD ("invalid_bytes"), unless there are over a thousand such places: then the label is
// wrong and the bytes are guessed as above ("encoding_mismatch"); a charset libxml2 does not
// know is guessed too ("unknown_encoding"). ISO-8859-1 labels are read as windows-1252, its
// superset, as browsers do; `encoding` still reports the label. NUL characters are removed
// ("invalid_bytes").
Utf8Body DecodeBody(std::string_view body, std::string_view content_type);

// The charset parameter of a Content-Type value, lower case and unquoted ("" if none):
// "text/xml;charset = us-ascii" -> "us-ascii".
std::string CharsetOfContentType(std::string_view content_type);

// The encoding pseudo-attribute of an XML declaration at the start of `head` (ASCII bytes),
// lower case ("" if there is no declaration or no encoding in it).
std::string DeclaredEncoding(std::string_view head);

// `text` with every byte sequence that is not well-formed UTF-8 replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text);

// Decodes windows-1252 (every byte maps; the five unassigned ones map to C1 controls, as in
// the WHATWG Encoding Standard).
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace fr::channels::feed
