// SendMail: hands one e-mail to an SMTP server over libcurl (smtp:// with STARTTLS when the
// server offers it, or required; smtps:// for implicit TLS), for alert e-mail
// (channels/notify). No libcurl type appears here. Thread safety: any number of threads.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/status.h"

namespace fr::channels {

struct SmtpOptions {
  std::string url;  // "smtp://mail.example.com:587", "smtps://mail.example.com"
  std::string username;  // empty: no AUTH
  std::string password;
  bool require_tls = false;  // refuse to send over a connection STARTTLS did not secure
  std::chrono::milliseconds timeout{15'000};  // the whole exchange
};

struct MailMessage {
  std::string from;             // the envelope sender, "alerts@example.com"
  std::vector<std::string> to;  // envelope recipients
  std::string data;             // the RFC 5322 message (headers, blank line, body), CRLF lines
};

// Sends `message` through the server of `options`. Errors: kInvalidArgument "mail_refused"
// when the server refused it with a permanent (5xx) reply or the login was denied, or for a
// bad URL; kUnavailable "mail_unavailable" for anything worth retrying (no connection, a
// timeout, a temporary 4xx reply); the message is libcurl's description (no credentials).
Status SendMail(const SmtpOptions& options, const MailMessage& message);

}  // namespace fr::channels
