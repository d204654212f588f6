// Signatures: the named agent at the end of a reply, so customers know a person answered (an
// unnamed brand voice is a common complaint). Pure; thread-safe.
//
// The forms, by the team's SignatureStyle and the platform:
//  * kNone: no signature.
//  * X and TikTok (short length limits, caret convention): "<text> ^<name>" whatever style
//    the team signs with, e.g. "ההזמנה בדרך ^דנה".
//  * other platforms, kCaret: the same caret form.
//  * other platforms, kDashName: the name on a line of its own after an em dash, then the
//    team's name when there is one: "<text>\n— דנה, צוות שירות הלקוחות",
//    "<text>\n— Dana, Customer Care".
// The name is the agent's display name as written (trimmed). No bidi controls are added;
// signature.cc says why.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "domain/people.h"
#include "domain/platform.h"

namespace fr::domain {

// True if `text` is within the platform's length limit, counted the platform's way (for X the
// weighted length of channels/x/text). The caller supplies it: the domain knows no counter.
using FitsLimit = std::function<bool(std::string_view text)>;

struct Signer {
  SignatureStyle style = SignatureStyle::kDashName;  // Team::signature
  std::string agent_name;                            // User::display_name
  std::string team_name;                             // Team::name; may be empty
};

enum class SignatureOutcome {
  kSigned,    // the text ends with the signature (added now, or already there)
  kUnsigned,  // the style is kNone, or the agent has no display name
  kTooLong,   // the signed text would not fit: the text goes out without the signature
};

struct SignedText {
  std::string text;  // what goes out: NFC, trailing whitespace removed
  SignatureOutcome outcome = SignatureOutcome::kUnsigned;

  bool operator==(const SignedText&) const = default;
};

// Returns `text` signed by `signer` in the form that suits `platform` (see above). Trailing
// whitespace of `text` is dropped before the signature is appended; the result is NFC.
// Signing is idempotent: a text that already ends with the signature is returned unchanged.
// The signature is never what pushes a text past its limit: when `fits` is given and refuses
// the signed text, the unsigned one is returned with kTooLong (whether that one fits is the
// composer's check, not this one). REQUIRES: `text` and the names are valid UTF-8.
SignedText SignReply(std::string_view text, Platform platform, const Signer& signer,
                     const FitsLimit& fits = {});

}  // namespace fr::domain
