#include "channels/common/smtp_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

#include "channels/common/curl_easy.h"

namespace fr::channels {
namespace {

struct Reader {
  std::string_view rest;
};

size_t OnRead(char* buffer, size_t size, size_t count, void* user) {
  auto* reader = static_cast<Reader*>(user);
  const size_t n = std::min(size * count, reader->rest.size());
  std::memcpy(buffer, reader->rest.data(), n);
  reader->rest.remove_prefix(n);
  return n;
}

}  // namespace

Status SendMail(const SmtpOptions& options, const MailMessage& message) {
  if (!options.url.starts_with("smtp://") && !options.url.starts_with("smtps://")) {
    return Status(Errc::kInvalidArgument, "mail_refused", "the SMTP URL must be smtp:// or smtps://");
  }
  using Handle = std::unique_ptr<CURL, curl::Deleter>;
  FR_ASSIGN_OR_RETURN(Handle handle, curl::NewHandle());
  CURL* c = handle.get();
  std::unique_ptr<curl_slist, curl::Deleter> recipients;
  for (const std::string& to : message.to) {
    curl_slist* appended = curl_slist_append(recipients.get(), ("<" + to + ">").c_str());
    if (appended == nullptr) return Status(Errc::kInternal, "curl_init_failed", "out of memory");
    (void)recipients.release();
    recipients.reset(appended);
  }
  Reader reader{message.data};
  char error[CURL_ERROR_SIZE] = {};
  const std::string from = "<" + message.from + ">";
  curl_easy_setopt(c, CURLOPT_URL, options.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, OnRead);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.data.size()));
  curl_easy_setopt(c, CURLOPT_USE_SSL, options.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  if (!options.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) return Status::Ok();
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  const std::string what = std::string(error[0] ? error : curl_easy_strerror(rc)) +
                           (reply ? " (SMTP " + std::to_string(reply) + ")" : "");
  const bool permanent = reply >= 500 || rc == CURLE_LOGIN_DENIED || rc == CURLE_URL_MALFORMAT ||
                         rc == CURLE_UNSUPPORTED_PROTOCOL;
  return Status(permanent ? Errc::kInvalidArgument : Errc::kUnavailable,
                permanent ? "mail_refused" : "mail_unavailable", what);
}

}  // namespace fr::channels
