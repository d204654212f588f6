#include "channels/sim/rss_writer.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "channels/sim/sim_dates.h"
#include "channels/sim/sim_ids.h"

namespace fr::channels::sim::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence at the start of `s` (1-4) and its code point;
// length 0 when the bytes there are not one (RFC 3629: no overlong forms, no surrogates).
std::pair<std::size_t, char32_t> NextCodePoint(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {1, lead};
  // Per sequence length: the lead byte's marker bits, its payload bits, the least code point.
  struct Form {
    unsigned char mask, marker, payload;
    char32_t min;
  };
  constexpr Form kForms[] = {
      {0xE0, 0xC0, 0x1F, 0x80}, {0xF0, 0xE0, 0x0F, 0x800}, {0xF8, 0xF0, 0x07, 0x10000}};
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  for (std::size_t f = 0; f < std::size(kForms) && length == 0; ++f) {
    if ((lead & kForms[f].mask) == kForms[f].marker) {
      length = f + 2;
      cp = lead & kForms[f].payload;
      min = kForms[f].min;
    }
  }
  if (length == 0) return {0, 0};
  if (s.size() < length) return {0, 0};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {length, cp};
}

bool AllowedInXml(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

// `text` as HTML: one <p> per non-empty line, the line escaped.
std::string HtmlParagraphs(std::string_view text) {
  std::string html;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      html += "<p>" + XmlEscaped(line) + "</p>";
    }
    start = end + 1;
  }
  return html;
}

// <name>escaped value</name>, on its own line.
std::string Element(std::string_view name, std::string_view value) {
  return "<" + std::string(name) + ">" + XmlEscaped(value) + "</" + std::string(name) + ">\n";
}

std::string_view CreatorOf(const Person& p) {
  if (!p.name.empty()) return p.name;
  return p.handle.empty() ? std::string_view(p.id) : std::string_view(p.handle);
}

}  // namespace

std::string XmlEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const auto [length, cp] = NextCodePoint(text);
    if (length == 0) {
      out += kReplacement;
      text.remove_prefix(1);
      continue;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";  // HTML 4 lacks &apos;, and the same escaping serves the descriptions
        break;
      default:
        if (AllowedInXml(cp)) out += text.substr(0, length);
    }
    text.remove_prefix(length);
  }
  return out;
}

std::string ForumPostUrl(std::string_view feed_id, std::string_view guid) {
  return "https://forums.example.com/" + std::string(feed_id) + "/posts/" + std::string(guid);
}

std::vector<const ForumPost*> NewestPosts(const std::vector<ForumPost>& posts) {
  std::vector<const ForumPost*> out;
  for (const ForumPost& p : posts) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](const ForumPost* a, const ForumPost* b) {
    if (a->created_at != b->created_at) return a->created_at > b->created_at;
    return NumericIdBefore(b->guid, a->guid);  // guids are snowflakes
  });
  if (out.size() > kMaxFeedItems) out.resize(kMaxFeedItems);
  return out;
}

std::string RssDocument(std::string_view feed_id, const std::vector<ForumPost>& posts) {
  const std::vector<const ForumPost*> newest = NewestPosts(posts);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n";
  xml += Element("title", "Simulated forum " + std::string(feed_id));
  xml += Element("link", "https://forums.example.com/" + std::string(feed_id) + "/");
  xml += Element("description",
                 "Posts on the forum " + std::string(feed_id) + ", played by feedroom simulate");
  if (!newest.empty()) xml += Element("lastBuildDate", HttpDate(newest.front()->created_at));
  for (const ForumPost* p : newest) {
    xml += "<item>\n";
    if (!p->title.empty()) xml += Element("title", p->title);
    xml += Element("link", ForumPostUrl(feed_id, p->guid));
    xml += "<guid isPermaLink=\"false\">" + XmlEscaped(p->guid) + "</guid>\n";
    xml += Element("dc:creator", CreatorOf(p->author));
    xml += Element("pubDate", HttpDate(p->created_at));
    xml += Element("description", HtmlParagraphs(p->text));
    xml += "</item>\n";
  }
  xml += "</channel>\n</rss>\n";
  return xml;
}

}  // namespace fr::channels::sim::internal
