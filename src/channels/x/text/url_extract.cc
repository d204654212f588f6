#include "channels/x/text/url_extract.h"

#include <arpa/inet.h>
#include <re2/re2.h>

#include <optional>
#include <string>

#include "channels/x/text/char_classes.h"
#include "channels/x/text/host_name.h"
#include "channels/x/text/pattern_scanner.h"
#include "channels/x/text/text_offsets.h"
#include "channels/x/text/top_level_domains.h"

namespace fr::channels::x {
namespace {

using re2::StringPiece;

// The longest t.co slug X links.
constexpr size_t kMaxTcoSlugLength = 40;

// What may not come right before a URL: an ASCII letter or digit (it would be inside a word),
// or @ $ # and their full-width forms (it would belong to a mention, cashtag or hashtag).
constexpr std::string_view kBlockedBeforeUrl = R"(A-Za-z0-9@$#\x{FF20}\x{FF03})";
// A bare host may not follow '-', '_', '.' or '/' either (no links inside e-mail addresses, file
// names or the protocol-less tail of a rejected URL), nor a Latin letter with a diacritic: it
// starts where its Latin word starts.
constexpr std::string_view kAlsoBlockedBeforeBareHost = R"(\-_./)";

// Path characters beyond kLatinAccentChars: ASCII URL characters but parentheses (allowed only
// balanced), Cyrillic, and the en dash ("wiki/Hatfield–McCoy_feud").
constexpr std::string_view kPathChars =
    R"(A-Za-z0-9!*';:=+,.$/%#\[\]\-_~&|@\x{400}-\x{4FF}\x{2013})";
// What a path may end with, beyond kLatinAccentChars and a closing parenthesis.
constexpr std::string_view kPathEndChars = R"(A-Za-z0-9=_#/\-+\x{400}-\x{4FF})";
// A query: '?', then URL characters, ending on a letter, a digit or one of - _ & = # /.
constexpr std::string_view kQuery =
    R"(\?[A-Za-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[A-Za-z0-9\-_&=#/])";

// A URL candidate: the character before it, then either a protocol (group 1) and a host run of
// any script (group 2), or a bare host run of Latin labels whose last label may be of any
// script (group 3, "twitter.みんな"). A run may hold more than the host; HostEnd finds its end.
const RE2& Candidate() {
  static const RE2* const re = new RE2([] {
    const std::string run = JoinPattern({"(?:", kHostChar, "|[_-])+"});
    const std::string latin_label = JoinPattern({"[A-Za-z0-9_\\-", kLatinAccentChars, "]+"});
    const std::string with_protocol =
        JoinPattern({"[^", kBlockedBeforeUrl, "](?i:(https?://))(", run, "(?:\\.", run, ")+)"});
    const std::string bare =
        JoinPattern({"[^", kBlockedBeforeUrl, kAlsoBlockedBeforeBareHost, kLatinAccentChars,
                     "]((?:", latin_label, "\\.)+", run, ")"});
    return with_protocol + "|" + bare;
  }());
  return *re;
}

// What may not follow a top-level domain: "domain.com-that", "foo.comé", "a.jp@mail.com".
const RE2& BlockedAfterTld() {
  static const RE2* const re =
      new RE2(JoinPattern({"[A-Za-z0-9@+\\-_\\x{FF20}", kLatinAccentChars, "]"}));
  return *re;
}

// Port, path (with balanced parentheses one level deep: "wiki/Primer_(film)") and query.
const RE2& PortPathQuery() {
  static const RE2* const re = new RE2([] {
    const std::string path_char = JoinPattern({"[", kPathChars, kLatinAccentChars, "]"});
    const std::string parens = JoinPattern({"\\(", path_char, "*\\)"});
    const std::string path_end = JoinPattern({"[", kPathEndChars, kLatinAccentChars, "]"});
    const std::string path =
        JoinPattern({"/(?:(?:", path_char, "|", parens, ")*(?:", path_end, "|", parens, "))?"});
    return JoinPattern({"(?::[0-9]+)?(?:", path, ")?(?:", kQuery, ")?"});
  }());
  return *re;
}

const RE2& TcoHost() {
  static const RE2* const re = new RE2(R"((?i)t\.co)");
  return *re;
}

// The slug (group 1) and optional query that end a t.co link.
const RE2& TcoPath() {
  static const RE2* const re = new RE2(JoinPattern({"/([A-Za-z0-9]+)(?:", kQuery, ")?"}));
  return *re;
}

// Returns the length of the match of `re` anchored at byte `pos` of `text` (filling
// groups[0..n) when n > 0), or nullopt if it does not match there.
std::optional<size_t> MatchAt(const RE2& re, std::string_view text, size_t pos,
                              StringPiece* groups = nullptr, int n = 0) {
  StringPiece whole;
  if (n == 0) {
    groups = &whole;
    n = 1;
  }
  if (!re.Match(text, pos, text.size(), RE2::ANCHOR_START, groups, n)) return std::nullopt;
  return groups[0].size();
}

// Returns the end of the longest linkable host that the host run [begin, end) of `text` starts
// with. The host ends after a known TLD, which may be a prefix of one of the run's labels when a
// character X accepts after a TLD follows ("http://example.comだよね" links "http://example.com").
std::optional<size_t> HostEnd(std::string_view text, size_t begin, size_t end,
                              const TopLevelDomains& tlds) {
  for (size_t label_end = end; label_end > begin;) {
    size_t dot = text.rfind('.', label_end - 1);
    if (dot == std::string_view::npos || dot < begin) break;
    for (size_t tld_end = label_end; tld_end > dot + 1;
         tld_end = PreviousCodePointStart(text, tld_end)) {
      if (!tlds.Contains(text.substr(dot + 1, tld_end - dot - 1))) continue;
      if (MatchAt(BlockedAfterTld(), text, tld_end).has_value()) continue;
      if (IsLinkableHostName(text.substr(begin, tld_end - begin), tlds)) return tld_end;
    }
    label_end = dot;
  }
  return std::nullopt;
}

// Returns where the URL whose host run is [run_begin, run_end) ends, or nullopt if it is none.
std::optional<size_t> UrlEnd(std::string_view text, bool has_protocol, size_t run_begin,
                             size_t run_end, const TopLevelDomains& tlds) {
  std::optional<size_t> host_end = HostEnd(text, run_begin, run_end, tlds);
  if (!host_end) return std::nullopt;
  if (has_protocol && RE2::FullMatch(text.substr(run_begin, *host_end - run_begin), TcoHost())) {
    StringPiece groups[2];
    if (std::optional<size_t> length = MatchAt(TcoPath(), text, *host_end, groups, 2)) {
      if (groups[1].size() > kMaxTcoSlugLength) return std::nullopt;
      return *host_end + *length;
    }
  }
  return *host_end + MatchAt(PortPathQuery(), text, *host_end).value_or(0);
}

// ---- validation ----

// Splits a URL into scheme (without "://"), authority, path, query and fragment.
const RE2& UrlParts() {
  static const RE2* const re =
      new RE2(R"((?s)(?:([A-Za-z][A-Za-z0-9+.\-]*)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?)");
  return *re;
}

const RE2& HttpScheme() {
  static const RE2* const re = new RE2(R"((?i)https?)");
  return *re;
}

// RFC 3986 userinfo, then the host (group 1: bracketed IP literal or name), then the port.
const RE2& Authority() {
  static const RE2* const re =
      new RE2(R"((?:(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*@)?)"  // userinfo
              R"((\[[^\]]*\]|[^:@\[\]]*)(?::[0-9]+)?)");
  return *re;
}

const RE2& DigitsAndDots() {
  static const RE2* const re = new RE2(R"([0-9.]+)");
  return *re;
}

// RFC 3986 pchar, with letters, marks and digits of any script as in an IRI (RFC 3987).
constexpr std::string_view kPchar = R"((?:[\p{L}\p{M}\p{N}\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2}))";

const RE2& Path() {
  static const RE2* const re = new RE2(JoinPattern({"(?:/", kPchar, "*)*"}));
  return *re;
}

const RE2& QueryOrFragment() {
  static const RE2* const re = new RE2(JoinPattern({"(?:", kPchar, "|[/?])*"}));
  return *re;
}

bool IsValidHost(const std::string& host, const TopLevelDomains& tlds) {
  unsigned char address[16];
  if (host.starts_with('[')) {
    return host.ends_with(']') &&
           inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), address) == 1;
  }
  if (RE2::FullMatch(host, DigitsAndDots())) {
    return inet_pton(AF_INET, host.c_str(), address) == 1;
  }
  return IsLinkableHostName(host, tlds);
}

}  // namespace

Result<std::vector<TextEntity>> ExtractUrls(std::string_view text) {
  const Result<TopLevelDomains>& tlds = TopLevelDomains::System();
  if (!tlds.ok()) return tlds.status();
  PatternScanner scanner(text);
  Utf16Offsets offsets(text);
  std::vector<TextEntity> urls;
  StringPiece groups[4];
  size_t from = 0;
  while (scanner.Find(Candidate(), from, groups, 4)) {
    bool has_protocol = groups[1].data() != nullptr;
    const StringPiece& run = has_protocol ? groups[2] : groups[3];
    size_t begin = scanner.Begin(has_protocol ? groups[1] : groups[3]);
    std::optional<size_t> end =
        UrlEnd(text, has_protocol, scanner.Begin(run), scanner.End(run), *tlds);
    if (!end) {
      from = NextCodePointStart(text, begin);  // a URL may still start inside this candidate
      continue;
    }
    urls.push_back({std::string(text.substr(begin, *end - begin)), offsets.Span(begin, *end)});
    from = *end;
  }
  return urls;
}

Result<bool> IsValidUrl(std::string_view text, UrlProtocol protocol) {
  const Result<TopLevelDomains>& tlds = TopLevelDomains::System();
  if (!tlds.ok()) return tlds.status();
  StringPiece scheme, authority, path, query, fragment;
  if (!RE2::FullMatch(text, UrlParts(), &scheme, &authority, &path, &query, &fragment)) {
    return false;
  }
  bool scheme_ok =
      scheme.empty() ? protocol == UrlProtocol::kOptional : RE2::FullMatch(scheme, HttpScheme());
  std::string host;
  return scheme_ok && RE2::FullMatch(authority, Authority(), &host) && IsValidHost(host, *tlds) &&
         RE2::FullMatch(path, Path()) && RE2::FullMatch(query, QueryOrFragment()) &&
         RE2::FullMatch(fragment, QueryOrFragment());
}

}  // namespace fr::channels::x
