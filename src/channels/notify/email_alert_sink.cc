#include "channels/notify/email_alert_sink.h"

#include <ctime>

#include "base/crypto.h"

namespace fr::channels::notify {
namespace {

// "Mon, 23 Nov 2026 07:22:06 +0000" (RFC 5322 §3.3), in English whatever the locale.
std::string MailDate(UnixMillis now) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = now / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return out;
}

// `text` with LF line ends as CRLF.
std::string Crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

std::string AlertMail(const ports::AlertNotice& notice, const EmailAlertOptions& options,
                      UnixMillis now) {
  std::string to;
  for (const std::string& address : options.to) to += (to.empty() ? "" : ", ") + address;
  const std::string body64 = crypto::Base64Bytes(Crlf(AlertBody(notice, options.language)));
  std::string mail;
  mail += "From: Feedroom <" + options.from + ">\r\n";
  mail += "To: " + to + "\r\n";
  mail += "Subject: =?UTF-8?B?" + crypto::Base64Bytes(AlertTitle(notice, options.language)) + "?=\r\n";
  mail += "Date: " + MailDate(now) + "\r\n";
  mail += "Message-ID: <spike-" + std::to_string(notice.spike.alert.id) + "-" +
          std::to_string(now) + "@feedroom>\r\n";
  mail += "MIME-Version: 1.0\r\n";
  mail += "Content-Type: text/plain; charset=UTF-8\r\n";
  mail += "Content-Transfer-Encoding: base64\r\n\r\n";
  for (std::size_t i = 0; i < body64.size(); i += 76) mail += body64.substr(i, 76) + "\r\n";
  return mail;
}

EmailAlertSink::EmailAlertSink(EmailAlertOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {}

Status EmailAlertSink::Deliver(const ports::AlertNotice& notice) {
  MailMessage message{options_.from, options_.to, AlertMail(notice, options_, clock_.NowMillis())};
  return SendMail(options_.smtp, message);
}

}  // namespace fr::channels::notify
