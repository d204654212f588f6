// Atom 1.0 (RFC 4287) and its predecessor Atom 0.3: <feed> with <entry> children. Text
// constructs (title, summary, content) are read by their type: text, html or xhtml.
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "channels/feed/feed_fields.h"
#include "channels/feed/feed_libxml.h"
#include "channels/feed/feed_readers.h"
#include "channels/feed/feed_text.h"

namespace fr::channels::feed {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The plain text of a text construct or <content>, by its type (and Atom 0.3's mode).
std::string ConstructText(const xmlNode* n, const ReadOptions& o) {
  if (n == nullptr) return "";
  if (!Attr(n, "src").empty()) return "";  // out-of-line content: nothing here to read
  const std::string type = Lower(TrimAscii(Attr(n, "type")));
  const std::string mode = Lower(TrimAscii(Attr(n, "mode")));
  std::string raw;
  if (type == "xhtml" || type == "application/xhtml+xml") {
    // The content is one xhtml:div; read its markup, not its escaped text.
    const xmlNode* div = nullptr;
    for (const xmlNode* c = n->children; c != nullptr && div == nullptr; c = c->next) {
      if (IsElement(c, kXhtmlNs, "div")) div = c;
    }
    raw = MarkupText(div != nullptr ? div : n);
  } else if (type == "html" || type == "text/html" || mode == "escaped") {
    raw = HtmlToText(NodeText(n));
  } else if (type.empty() || type == "text" || type.rfind("text/", 0) == 0) {
    raw = NodeText(n);
  } else if (EndsWith(type, "+xml") || EndsWith(type, "/xml")) {
    raw = MarkupText(n);
  } else {
    return "";  // base64 media and other types carry no text
  }
  return FinishText(raw, o.repair_double_encoding);
}

// The href of the <link> that points at the page: rel="alternate" (or no rel), an HTML type
// preferred.
std::string AlternateLink(const xmlNode* parent) {
  const xmlNode* best = nullptr;
  bool best_is_html = false;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (!IsAtomElement(c, "link")) continue;
    const std::string rel = Lower(TrimAscii(Attr(c, "rel")));
    if (!rel.empty() && rel != "alternate") continue;
    const std::string type = Lower(TrimAscii(Attr(c, "type")));
    const bool html = type.empty() || type == "text/html" || type == "application/xhtml+xml";
    if (best == nullptr || (html && !best_is_html)) {
      best = c;
      best_is_html = html;
    }
  }
  return best != nullptr ? ResolveUrl(best, Attr(best, "href")) : "";
}

struct Person {
  std::string name;
  std::string email;
};

Person ReadPerson(const xmlNode* author, const ReadOptions& o) {
  Person p;
  if (author == nullptr) return p;
  if (const xmlNode* name = AtomChild(author, "name")) {
    p.name = FinishText(NodeText(name), o.repair_double_encoding);
  }
  if (const xmlNode* email = AtomChild(author, "email")) {
    p.email = FinishText(NodeText(email), false);
  }
  return p;
}

FeedItem ReadEntry(const xmlNode* entry, const Person& feed_author, const ReadOptions& o) {
  FeedItem item;
  item.title = ConstructText(AtomChild(entry, "title"), o);
  item.text = ConstructText(AtomChild(entry, "content"), o);
  if (item.text.empty()) item.text = ConstructText(AtomChild(entry, "summary"), o);
  item.link = AlternateLink(entry);

  // Author: the entry's, else its source feed's, else the feed's (RFC 4287 §4.2.1).
  Person author = ReadPerson(AtomChild(entry, "author"), o);
  if (author.name.empty() && author.email.empty()) {
    author = ReadPerson(AtomChild(AtomChild(entry, "source"), "author"), o);
  }
  if (author.name.empty() && author.email.empty()) author = feed_author;
  if (author.name.empty()) {
    if (const xmlNode* creator = ChildElement(entry, kDcNs, "creator", "dc")) {
      author.name = FinishText(NodeText(creator), o.repair_double_encoding);
    }
  }
  item.author = author.name.empty() ? author.email : author.name;
  item.author_email = author.email;

  std::vector<DatedText> dates;
  for (std::string_view name : {"published", "updated", "issued", "modified", "created"}) {
    if (const xmlNode* d = AtomChild(entry, name)) {
      dates.push_back({NodeText(d), DateStyle::kIso8601First});
    }
  }
  if (const xmlNode* d = ChildElement(entry, kDcNs, "date", "dc")) {
    dates.push_back({NodeText(d), DateStyle::kIso8601First});
  }
  const PickedDate date = FirstDate(dates);
  item.published = date.published;

  // The id is compared byte for byte (RFC 4287 §4.2.6.1): only the XML whitespace around it
  // is dropped.
  const xmlNode* id = AtomChild(entry, "id");
  const std::string id_text = id != nullptr ? std::string(TrimAscii(NodeText(id))) : "";
  if (!id_text.empty()) {
    item.key = id_text;
  } else if (!item.link.empty()) {
    item.key = item.link;
  } else {
    item.key = FallbackKey(item.title, date.text, item.text);
  }
  return item;
}

}  // namespace

FeedDocument ReadAtom(const xmlNode* root, const ReadOptions& options) {
  FeedDocument doc;
  doc.title = ConstructText(AtomChild(root, "title"), options);
  doc.link = AlternateLink(root);
  const xmlNode* period = ChildElement(root, kSyNs, "updatePeriod", "sy");
  const xmlNode* frequency = ChildElement(root, kSyNs, "updateFrequency", "sy");
  if (period != nullptr) {
    doc.ttl_minutes =
        SyndicationMinutes(NodeText(period), frequency != nullptr ? NodeText(frequency) : "");
  }
  const Person feed_author = ReadPerson(AtomChild(root, "author"), options);
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsAtomElement(c, "entry")) doc.items.push_back(ReadEntry(c, feed_author, options));
  }
  return doc;
}

}  // namespace fr::channels::feed
