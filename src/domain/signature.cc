#include "domain/signature.h"

#include <algorithm>
#include <utility>

#include "base/unicode.h"

// Bidi: no direction marks or isolates are added. The caret, the em dash, the comma and the
// spaces are neutral characters, which the Unicode bidi algorithm sets in the direction of the
// strong letters around them. In a Hebrew reply signed with a Hebrew name both sides are
// right-to-left, so "^דנה" and "— דנה, צוות שירות הלקוחות" read right to left with the mark
// first, exactly as stored; an English reply with an English name is the mirror case; and a
// name is always one directional run, so it never comes out scrambled. Only a name in the
// other script than the reply around it (an English reply signed "^דנה") shows the caret on
// the far side of the name, and that cosmetic case does not justify invisible characters that
// X counts as 2 each against 280, that survive copy and paste, and that break searching for
// the agent's signature.

namespace fr::domain {
namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

std::string_view TrimEnd(std::string_view s) {
  const size_t end = s.find_last_not_of(kWhitespace);
  return end == std::string_view::npos ? std::string_view() : s.substr(0, end + 1);
}

std::string_view Trim(std::string_view s) {
  s = TrimEnd(s);
  return s.substr(std::min(s.size(), s.find_first_not_of(kWhitespace)));
}

// REQUIRES: valid UTF-8 (else `s` is returned as it is).
std::string Nfc(std::string_view s) {
  Result<std::string> nfc = unicode::ToNfc(s);
  return nfc.ok() ? std::move(nfc).value() : std::string(s);
}

// X and TikTok count every character against a short limit, and caret signatures are the
// convention there; elsewhere the team's style holds.
SignatureStyle StyleOn(Platform platform, SignatureStyle team_style) {
  const bool short_limit = platform == Platform::kX || platform == Platform::kTikTok;
  return team_style != SignatureStyle::kNone && short_limit ? SignatureStyle::kCaret
                                                            : team_style;
}

}  // namespace

SignedText SignReply(std::string_view text, Platform platform, const Signer& signer,
                     const FitsLimit& fits) {
  std::string body = Nfc(TrimEnd(text));
  const std::string_view name = Trim(signer.agent_name);
  const SignatureStyle style = StyleOn(platform, signer.style);
  if (style == SignatureStyle::kNone || name.empty()) {
    return {std::move(body), SignatureOutcome::kUnsigned};
  }
  std::string signature;
  std::string separator;
  if (style == SignatureStyle::kCaret) {
    signature = Nfc("^" + std::string(name));
    separator = " ";
  } else {
    const std::string_view team = Trim(signer.team_name);
    signature = Nfc("\u2014 " + std::string(name) + (team.empty() ? "" : ", " + std::string(team)));
    separator = "\n";
  }
  // The separator and the marks are starters that compose with nothing, so joining NFC parts
  // keeps the whole NFC.
  if (body == signature || body.ends_with(separator + signature)) {
    return {std::move(body), SignatureOutcome::kSigned};
  }
  std::string signed_text = body.empty() ? signature : body + separator + signature;
  if (fits && !fits(signed_text)) return {std::move(body), SignatureOutcome::kTooLong};
  return {std::move(signed_text), SignatureOutcome::kSigned};
}

}  // namespace fr::domain
