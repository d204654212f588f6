#include "channels/feed/feed_libxml.h"

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <array>
#include <cctype>
#include <cstring>
#include <mutex>

#include "channels/feed/feed_text.h"

namespace fr::channels::feed {
namespace {

std::string_view Name(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : "";
}

bool NsIs(const xmlNode* node, const char* uri) {
  return node->ns != nullptr && node->ns->href != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), uri) == 0;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

void AppendCodePoint(std::string& out, unsigned cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Elements whose content is never reader-visible text.
bool IsSkipped(std::string_view name) {
  static constexpr std::array<std::string_view, 11> kSkip = {
      "script", "style", "noscript", "template", "head",  "iframe",
      "object", "embed", "svg",      "math",     "select"};
  for (auto s : kSkip) {
    if (EqualsIgnoreCase(name, s)) return true;
  }
  return false;
}

// Elements that separate words: a space goes before and after their content.
bool IsBlock(std::string_view name) {
  static constexpr std::array<std::string_view, 38> kBlock = {
      "p",       "br",         "div",        "li",      "ul",      "ol",     "dl",     "dt",
      "dd",      "tr",         "td",         "th",      "table",   "thead",  "tbody",  "tfoot",
      "caption", "h1",         "h2",         "h3",      "h4",      "h5",     "h6",     "hr",
      "pre",     "blockquote", "section",    "article", "aside",   "header", "footer", "nav",
      "main",    "figure",     "figcaption", "address", "details", "summary"};
  for (auto b : kBlock) {
    if (EqualsIgnoreCase(name, b)) return true;
  }
  return false;
}

// Depth-first over the descendants of `root` without recursion.
std::string CollectText(const xmlNode* root, bool markup) {
  std::string out;
  if (root == nullptr) return out;
  const xmlNode* n = root->children;
  while (n != nullptr) {
    bool enter = false;
    switch (n->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (n->content != nullptr) out += reinterpret_cast<const char*>(n->content);
        break;
      case XML_ENTITY_REF_NODE:
        // Never expanded (no entity substitution); an HTML entity name still means its
        // character.
        if (const htmlEntityDesc* e = htmlEntityLookup(n->name)) AppendCodePoint(out, e->value);
        break;
      case XML_ELEMENT_NODE:
        if (!markup) {
          enter = true;
        } else if (!IsSkipped(Name(n))) {
          if (IsBlock(Name(n))) out += ' ';
          enter = true;
        }
        break;
      default:
        break;
    }
    if (enter && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr) {
      if (markup && n->type == XML_ELEMENT_NODE && IsBlock(Name(n))) out += ' ';
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (n == root) n = nullptr;
    }
  }
  return out;
}

// Percent-encodes what may not appear in a URI as is: non-ASCII bytes (an IRI's UTF-8, e.g. a
// Hebrew path), spaces and the other excluded characters (RFC 3987 §3.1). Existing %XX
// escapes stay. libxml2's URI parser rejects the unescaped forms.
std::string EscapeForUri(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr std::string_view kExcluded = " \"<>\\^`{|}";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || c < 0x20 || c == 0x7F || kExcluded.find(ch) != std::string_view::npos) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

bool IsHttpUrl(std::string_view url) {
  const auto has_prefix = [&](std::string_view p) {
    return url.size() > p.size() && EqualsIgnoreCase(url.substr(0, p.size()), p);
  };
  return has_prefix("http://") || has_prefix("https://");
}

}  // namespace

LibxmlScope::LibxmlScope() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // These read and write this thread's copies of libxml2's handler globals.
  saved_structured_ = xmlStructuredError;
  saved_structured_context_ = xmlStructuredErrorContext;
  saved_generic_ = xmlGenericError;
  saved_generic_context_ = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc(this, &LibxmlScope::OnStructuredError);
  xmlSetGenericErrorFunc(this, &LibxmlScope::OnGenericError);
}

LibxmlScope::~LibxmlScope() {
  xmlSetStructuredErrorFunc(saved_structured_context_, saved_structured_);
  xmlSetGenericErrorFunc(saved_generic_context_, saved_generic_);
}

void LibxmlScope::OnStructuredError(void* self, XmlErrorArg error) {
  auto* scope = static_cast<LibxmlScope*>(self);
  if (scope != nullptr && scope->recording_ && error != nullptr && error->level >= XML_ERR_ERROR) {
    ++scope->errors_;
  }
}

void LibxmlScope::OnGenericError(void* /*self*/, const char* /*format*/, ...) {}

bool IsElement(const xmlNode* node, const char* ns_uri, std::string_view local,
               std::string_view prefix) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return false;
  const std::string_view name = Name(node);
  if (NsIs(node, ns_uri)) return name == local;
  if (node->ns == nullptr && !prefix.empty()) {
    return name.size() == prefix.size() + 1 + local.size() &&
           name.substr(0, prefix.size()) == prefix && name[prefix.size()] == ':' &&
           name.substr(prefix.size() + 1) == local;
  }
  return false;
}

bool IsRssElement(const xmlNode* node, std::string_view local) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || Name(node) != local) return false;
  return node->ns == nullptr || NsIs(node, kRss10Ns) || NsIs(node, kRss090Ns) ||
         NsIs(node, "http://backend.userland.com/rss2") ||
         NsIs(node, "http://blogs.law.harvard.edu/tech/rss");
}

bool IsAtomElement(const xmlNode* node, std::string_view local) {
  if (IsElement(node, kAtomNs, local, "atom") || IsElement(node, kAtom03Ns, local)) return true;
  // An Atom feed written without its namespace: its elements have none either.
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->ns != nullptr ||
      Name(node) != local) {
    return false;
  }
  const xmlNode* root = xmlDocGetRootElement(node->doc);
  return root != nullptr && root->ns == nullptr && Name(root) == "feed";
}

const xmlNode* ChildElement(const xmlNode* parent, const char* ns_uri, std::string_view local,
                            std::string_view prefix) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsElement(c, ns_uri, local, prefix)) return c;
  }
  return nullptr;
}

const xmlNode* RssChild(const xmlNode* parent, std::string_view local) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsRssElement(c, local)) return c;
  }
  return nullptr;
}

const xmlNode* AtomChild(const xmlNode* parent, std::string_view local) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsAtomElement(c, local)) return c;
  }
  return nullptr;
}

std::string NodeText(const xmlNode* node) { return CollectText(node, false); }

std::string MarkupText(const xmlNode* node) { return CollectText(node, true); }

std::string Attr(const xmlNode* node, const char* name, const char* ns_uri) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  xmlChar* value = ns_uri == nullptr ? xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name))
                                     : xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                                                    reinterpret_cast<const xmlChar*>(ns_uri));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string ResolveUrl(const xmlNode* node, std::string_view ref) {
  const std::string r = EscapeForUri(TrimAscii(ref));
  if (r.empty()) return "";
  std::string base;
  if (node != nullptr) {
    if (xmlChar* b = xmlNodeGetBase(node->doc, node)) {
      base = EscapeForUri(reinterpret_cast<const char*>(b));
      xmlFree(b);
    }
  }
  std::string out;
  if (xmlChar* built =
          xmlBuildURI(reinterpret_cast<const xmlChar*>(r.c_str()),
                      base.empty() ? nullptr : reinterpret_cast<const xmlChar*>(base.c_str()))) {
    out = reinterpret_cast<const char*>(built);
    xmlFree(built);
  } else {
    out = r;  // libxml2 could not parse it; usable only if already absolute
  }
  return IsHttpUrl(out) ? out : "";
}

}  // namespace fr::channels::feed
