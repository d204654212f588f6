// RSS 0.9x / 2.0 (<rss><channel><item>) and RSS 1.0 / 0.90 (<rdf:RDF> with <channel> and
// <item> side by side), with the dc:, content:, sy: and atom: extensions feeds mix in.
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

// An atom:link that points at the item's (or channel's) page.
bool IsAlternateAtomLink(const xmlNode* n) {
  if (!IsAtomElement(n, "link")) return false;
  const std::string rel = Lower(TrimAscii(Attr(n, "rel")));
  return rel.empty() || rel == "alternate";
}

// RSS titles are plain text by the spec, but many feeds escape HTML into them.
std::string TitleText(const xmlNode* n, const ReadOptions& o) {
  if (n == nullptr) return "";
  std::string raw = NodeText(n);
  if (LooksLikeHtml(raw)) raw = HtmlToText(raw);
  return FinishText(raw, o.repair_double_encoding);
}

std::string HtmlFieldText(const xmlNode* n, const ReadOptions& o) {
  if (n == nullptr) return "";
  return FinishText(HtmlToText(NodeText(n)), o.repair_double_encoding);
}

const xmlNode* DcChild(const xmlNode* parent, std::string_view local) {
  return ChildElement(parent, kDcNs, local, "dc");
}
const xmlNode* DcTermsChild(const xmlNode* parent, std::string_view local) {
  return ChildElement(parent, kDcTermsNs, local, "dcterms");
}

// The first atom:link of `parent` that points at a page (rel alternate or none).
const xmlNode* AlternateAtomLink(const xmlNode* parent) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsAlternateAtomLink(c)) return c;
  }
  return nullptr;
}

FeedItem ReadItem(const xmlNode* node, const ReadOptions& o) {
  const xmlNode* title = RssChild(node, "title");
  const xmlNode* link = RssChild(node, "link");
  const xmlNode* atom_link = AlternateAtomLink(node);
  const xmlNode* guid = RssChild(node, "guid");
  const xmlNode* creator = DcChild(node, "creator");
  const xmlNode* author = RssChild(node, "author");

  FeedItem item;
  item.title = TitleText(title != nullptr ? title : DcChild(node, "title"), o);

  // Full content first; an empty content:encoded does not hide the description.
  item.text = HtmlFieldText(ChildElement(node, kContentNs, "encoded", "content"), o);
  if (item.text.empty()) item.text = HtmlFieldText(RssChild(node, "description"), o);
  if (item.text.empty()) item.text = HtmlFieldText(DcChild(node, "description"), o);

  if (creator != nullptr) item.author = FinishText(NodeText(creator), o.repair_double_encoding);
  if (author != nullptr) {
    AuthorParts parts = SplitAuthor(NodeText(author));
    item.author_email = FinishText(parts.email, false);
    if (item.author.empty()) {
      item.author =
          FinishText(parts.name.empty() ? parts.email : parts.name, o.repair_double_encoding);
    }
  }

  // pubDate is RFC 822; the others are ISO 8601 by their specs. Both are tried for each.
  std::vector<DatedText> dates;
  for (const auto& [n, style] :
       {std::pair{RssChild(node, "pubDate"), DateStyle::kRfc822First},
        std::pair{DcChild(node, "date"), DateStyle::kIso8601First},
        std::pair{DcTermsChild(node, "issued"), DateStyle::kIso8601First},
        std::pair{DcTermsChild(node, "created"), DateStyle::kIso8601First},
        std::pair{AtomChild(node, "published"), DateStyle::kIso8601First},
        std::pair{AtomChild(node, "updated"), DateStyle::kIso8601First},
        std::pair{DcTermsChild(node, "modified"), DateStyle::kIso8601First}}) {
    if (n != nullptr) dates.push_back({NodeText(n), style});
  }
  const PickedDate date = FirstDate(dates);
  item.published = date.published;

  // Link: <link>, an atom:link, a permalink guid, RSS 1.0's rdf:about.
  const std::string guid_text = guid != nullptr ? std::string(TrimAscii(NodeText(guid))) : "";
  const std::string about(TrimAscii(Attr(node, "about", kRdfNs)));
  if (link != nullptr) item.link = ResolveUrl(link, NodeText(link));
  if (item.link.empty() && atom_link != nullptr) {
    item.link = ResolveUrl(atom_link, Attr(atom_link, "href"));
  }
  if (item.link.empty() && !guid_text.empty()) {
    const std::string permalink = Lower(TrimAscii(Attr(guid, "isPermaLink")));
    // Only an absolute URL: a bare guid ("1234") is not resolved against the feed URL.
    if (permalink.empty() || permalink == "true") item.link = ResolveUrl(nullptr, guid_text);
  }
  if (item.link.empty() && !about.empty()) item.link = ResolveUrl(nullptr, about);

  if (!guid_text.empty()) {
    item.key = guid_text;
  } else if (!about.empty()) {
    item.key = about;
  } else if (!item.link.empty()) {
    item.key = item.link;
  } else {
    item.key = FallbackKey(item.title, date.text, item.text);
  }
  return item;
}

}  // namespace

FeedDocument ReadRss(const xmlNode* root, const ReadOptions& options) {
  FeedDocument doc;
  const xmlNode* channel = RssChild(root, "channel");
  if (channel != nullptr) {
    const xmlNode* title = RssChild(channel, "title");
    const xmlNode* link = RssChild(channel, "link");
    const xmlNode* atom_link = AlternateAtomLink(channel);
    const xmlNode* ttl = RssChild(channel, "ttl");
    const xmlNode* period = ChildElement(channel, kSyNs, "updatePeriod", "sy");
    const xmlNode* frequency = ChildElement(channel, kSyNs, "updateFrequency", "sy");
    doc.title = TitleText(title, options);
    if (link != nullptr) doc.link = ResolveUrl(link, NodeText(link));
    if (doc.link.empty() && atom_link != nullptr) {
      doc.link = ResolveUrl(atom_link, Attr(atom_link, "href"));
    }
    if (ttl != nullptr) doc.ttl_minutes = PositiveMinutes(NodeText(ttl));
    if (!doc.ttl_minutes && period != nullptr) {
      doc.ttl_minutes =
          SyndicationMinutes(NodeText(period), frequency != nullptr ? NodeText(frequency) : "");
    }
  }
  // Items sit in the channel (RSS 0.9x/2.0) or beside it (RSS 1.0); keep document order.
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c == channel) {
      for (const xmlNode* i = channel->children; i != nullptr; i = i->next) {
        if (IsRssElement(i, "item")) doc.items.push_back(ReadItem(i, options));
      }
    } else if (IsRssElement(c, "item")) {
      doc.items.push_back(ReadItem(c, options));
    }
  }
  return doc;
}

}  // namespace fr::channels::feed
