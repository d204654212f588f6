#include "channels/feed/feed_parse.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>

#include "channels/feed/feed_encoding.h"
#include "channels/feed/feed_libxml.h"
#include "channels/feed/feed_readers.h"

namespace fr::channels::feed {
namespace {

// Recover what can be recovered; never touch the network. Deliberately absent:
// XML_PARSE_NOENT (would substitute entities, the door to XXE), XML_PARSE_DTDLOAD /
// DTDATTR / DTDVALID (would read external DTDs), XML_PARSE_HUGE (lifts libxml2's limits on
// depth, text size and entity amplification), and XML_PARSE_NOBLANKS (its guesses drop the
// spaces between inline elements of xhtml content). The body is already UTF-8, so the
// declared encoding is ignored.
constexpr int kXmlOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC;

enum class Format { kNone, kRss, kAtom };

Format FormatOf(const xmlNode* root) {
  if (root == nullptr || root->type != XML_ELEMENT_NODE || root->name == nullptr) {
    return Format::kNone;
  }
  const std::string_view name(reinterpret_cast<const char*>(root->name));
  if (name == "rss") return Format::kRss;
  if (IsElement(root, kRdfNs, "RDF", "rdf")) return Format::kRss;
  if (IsElement(root, kAtomNs, "feed") || IsElement(root, kAtom03Ns, "feed") ||
      (root->ns == nullptr && name == "feed")) {
    return Format::kAtom;
  }
  return Format::kNone;
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

}  // namespace

Result<FeedDocument> ParseFeed(std::string_view body, std::string_view content_type,
                               std::string_view feed_url) {
  if (body.size() > kMaxFeedBytes) {
    return Status(Errc::kPayloadTooLarge, "feed_too_large",
                  "feed body is " + std::to_string(body.size()) + " bytes, the limit is " +
                      std::to_string(kMaxFeedBytes));
  }
  LibxmlScope scope;
  const Utf8Body utf8 = DecodeBody(body, content_type);

  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) return Status(Errc::kInternal, "out_of_memory", "libxml2 parser context");
  const std::string url(feed_url);
  scope.set_recording(true);
  // At most 3 bytes of UTF-8 per input byte: far below INT_MAX.
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(ctxt.get(), utf8.text.data(), static_cast<int>(utf8.text.size()),
                        url.empty() ? nullptr : url.c_str(), "UTF-8", kXmlOptions));
  scope.set_recording(false);
  const bool malformed = scope.errors() > 0 || ctxt->wellFormed == 0 || ctxt->nsWellFormed == 0;

  const xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  const Format format = FormatOf(root);
  if (format == Format::kNone) {
    return Status(Errc::kMalformed, "not_a_feed",
                  root == nullptr ? "no XML element could be recovered"
                                  : "the root element is not rss, rdf:RDF or feed");
  }
  ReadOptions options;
  options.repair_double_encoding = utf8.encoding == "utf-8" && utf8.bozo_reason.empty();
  FeedDocument out = format == Format::kAtom ? ReadAtom(root, options) : ReadRss(root, options);
  out.encoding = utf8.encoding;
  if (!utf8.bozo_reason.empty()) {
    out.bozo = true;
    out.bozo_reason = utf8.bozo_reason;
  } else if (malformed) {
    out.bozo = true;
    out.bozo_reason = "malformed_xml";
  }
  return out;
}

}  // namespace fr::channels::feed
