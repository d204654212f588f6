// Internal to channels/feed: the libxml2 plumbing every part of the parser shares. A
// LibxmlScope initialises libxml2 once per process and, while it lives, sends the calling
// thread's libxml2 error reports to itself instead of stderr (libxml2 keeps its error
// handlers per thread, so other threads are untouched). Scopes nest: an inner one counts
// its own errors and gives the outer one back its handlers when it ends. The node helpers read the
// tree a parse produced; they never expand entities and walk iteratively (no recursion on depth).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace fr::channels::feed {

// libxml2 2.12 made the structured error callback take a const pointer.
#if LIBXML_VERSION >= 21200
using XmlErrorArg = const xmlError*;
#else
using XmlErrorArg = xmlError*;
#endif

// Not copyable, not movable; create on the stack of the thread that calls libxml2.
class LibxmlScope {
 public:
  LibxmlScope();
  ~LibxmlScope();
  LibxmlScope(const LibxmlScope&) = delete;
  LibxmlScope& operator=(const LibxmlScope&) = delete;

  // Errors (level error or fatal) reported while recording is on are counted.
  void set_recording(bool on) { recording_ = on; }
  int errors() const { return errors_; }

 private:
  static void OnStructuredError(void* self, XmlErrorArg error);
  static void OnGenericError(void* self, const char* format, ...);

  bool recording_ = false;
  int errors_ = 0;
  xmlStructuredErrorFunc saved_structured_;
  void* saved_structured_context_;
  xmlGenericErrorFunc saved_generic_;
  void* saved_generic_context_;
};

// Namespace URIs the readers look for.
inline constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";
inline constexpr char kAtom03Ns[] = "http://purl.org/atom/ns#";
inline constexpr char kRdfNs[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr char kRss10Ns[] = "http://purl.org/rss/1.0/";
inline constexpr char kRss090Ns[] = "http://my.netscape.com/rdf/simple/0.9/";
inline constexpr char kDcNs[] = "http://purl.org/dc/elements/1.1/";
inline constexpr char kDcTermsNs[] = "http://purl.org/dc/terms/";
inline constexpr char kContentNs[] = "http://purl.org/rss/1.0/modules/content/";
inline constexpr char kSyNs[] = "http://purl.org/rss/1.0/modules/syndication/";
inline constexpr char kXhtmlNs[] = "http://www.w3.org/1999/xhtml";

// True if `node` is an element named `local` in namespace `ns_uri`. When the document used
// the conventional `prefix` without declaring it (libxml2 then keeps "prefix:local" as the
// name, with no namespace), that counts too.
bool IsElement(const xmlNode* node, const char* ns_uri, std::string_view local,
               std::string_view prefix = "");
// True for an element `local` of core RSS: no namespace, or RSS 1.0 / 0.90 / the RSS 2.0
// namespaces some feeds declare as default.
bool IsRssElement(const xmlNode* node, std::string_view local);
// True for an element `local` in the Atom 1.0 or 0.3 namespace.
bool IsAtomElement(const xmlNode* node, std::string_view local);

// The first child element of `parent` (may be null) for which the predicate above holds;
// null when there is none.
const xmlNode* ChildElement(const xmlNode* parent, const char* ns_uri, std::string_view local,
                            std::string_view prefix = "");
const xmlNode* RssChild(const xmlNode* parent, std::string_view local);
const xmlNode* AtomChild(const xmlNode* parent, std::string_view local);

// The text of `node`'s descendants (text and CDATA), without any markup, undecoded HTML
// escapes included as written. Entity references are never expanded; undefined ones that
// name an HTML entity ("&nbsp;" in an RSS 0.91 feed with its DTD) become that character.
std::string NodeText(const xmlNode* node);

// Like NodeText, but for a tree of (X)HTML elements: the content of script/style/head and
// similar is skipped and block elements (p, br, div, li, …) are separated by a space.
std::string MarkupText(const xmlNode* node);

// The attribute `name` (in namespace `ns_uri`, or none), "" when absent.
std::string Attr(const xmlNode* node, const char* name, const char* ns_uri = nullptr);

// `ref` (surrounding whitespace ignored) made absolute against the base URI in force at
// `node` (xml:base on it and its ancestors, then the document URL; none when `node` is
// null). Non-ASCII characters and spaces come out percent-encoded (IRI to URI). Returns the
// URL when it is http or https, else "" (also for empty or unusable references).
std::string ResolveUrl(const xmlNode* node, std::string_view ref);

}  // namespace fr::channels::feed
