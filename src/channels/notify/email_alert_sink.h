// EmailAlertSink: mails each spike that starts to the configured people (docs/alerts.md), as
// a UTF-8 plain-text message (base64 body, RFC 2047 subject) through SMTP
// (channels/common/smtp_client.h). Ended spikes are not mailed. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"
#include "channels/common/smtp_client.h"
#include "channels/notify/alert_text.h"
#include "ports/alert_sink.h"

namespace fr::channels::notify {

struct EmailAlertOptions {
  SmtpOptions smtp;
  std::string from;             // "alerts@example.com"
  std::vector<std::string> to;  // at least one
  AlertLanguage language = AlertLanguage::kHebrew;
};

class EmailAlertSink final : public ports::AlertSink {
 public:
  // `clock` dates the messages and must outlive the sink.
  EmailAlertSink(EmailAlertOptions options, const Clock& clock);

  std::string_view name() const override { return "email"; }
  bool wants_ended() const override { return false; }
  Status Deliver(const ports::AlertNotice& notice) override;

 private:
  EmailAlertOptions options_;
  const Clock& clock_;
};

// The RFC 5322 message EmailAlertSink sends for `notice` at `now`: From, To, Subject (the
// alert's title as an RFC 2047 encoded word), Date, Message-ID, MIME headers, and the body
// (AlertBody) in base64 lines of 76 characters; CRLF line ends.
std::string AlertMail(const ports::AlertNotice& notice, const EmailAlertOptions& options,
                      UnixMillis now);

}  // namespace fr::channels::notify
