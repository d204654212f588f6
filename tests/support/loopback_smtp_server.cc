#include "tests/support/loopback_smtp_server.h"

#include <sys/socket.h>

#include <string_view>

#include "tests/support/loopback_socket.h"

namespace fr::testing {
namespace {

// The address inside "MAIL FROM:<a@b>" or "RCPT TO:<a@b>".
std::string Address(std::string_view line) {
  const size_t open = line.find('<');
  const size_t close = line.find('>', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return "";
  return std::string(line.substr(open + 1, close - open - 1));
}

}  // namespace

LoopbackSmtpServer::LoopbackSmtpServer() : listener_([this](int fd) { Session(fd); }) {}

std::string LoopbackSmtpServer::url() const {
  return "smtp://127.0.0.1:" + std::to_string(listener_.port());
}

void LoopbackSmtpServer::Refuse(int sessions, std::string reply) {
  std::lock_guard lock(mu_);
  refusals_ = sessions;
  refusal_ = std::move(reply);
}

std::vector<ReceivedMail> LoopbackSmtpServer::mails() const {
  std::lock_guard lock(mu_);
  return mails_;
}

void LoopbackSmtpServer::Session(int fd) {
  std::string refusal;
  {
    std::lock_guard lock(mu_);
    if (refusals_ > 0) {
      --refusals_;
      refusal = refusal_;
    }
  }
  SendAll(fd, "220 loopback ESMTP\r\n");
  std::string buffer;
  ReceivedMail mail;
  bool in_data = false;
  char chunk[8192];
  while (listener_.WaitReadable(fd)) {
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return;
    buffer.append(chunk, static_cast<size_t>(n));
    size_t eol;
    while ((eol = buffer.find("\r\n")) != std::string::npos) {
      const std::string line = buffer.substr(0, eol);
      buffer.erase(0, eol + 2);
      if (in_data) {
        if (line == ".") {
          in_data = false;
          {
            std::lock_guard lock(mu_);
            mails_.push_back(mail);
          }
          mail = ReceivedMail{};
          SendAll(fd, "250 2.0.0 queued\r\n");
        } else {
          mail.data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
        }
        continue;
      }
      const std::string verb = line.substr(0, 4);
      if (verb == "EHLO" || verb == "HELO") {
        SendAll(fd, "250 loopback\r\n");
      } else if (verb == "MAIL") {
        if (!refusal.empty()) {
          SendAll(fd, refusal + "\r\n");
          continue;
        }
        mail.from = Address(line);
        SendAll(fd, "250 2.1.0 ok\r\n");
      } else if (verb == "RCPT") {
        mail.to.push_back(Address(line));
        SendAll(fd, "250 2.1.5 ok\r\n");
      } else if (verb == "DATA") {
        in_data = true;
        SendAll(fd, "354 go ahead\r\n");
      } else if (verb == "QUIT") {
        SendAll(fd, "221 bye\r\n");
        return;
      } else {
        SendAll(fd, "250 ok\r\n");  // RSET, NOOP
      }
    }
  }
}

}  // namespace fr::testing
