// Test-only: a tiny SMTP server on 127.0.0.1 for tests of alert e-mail
// (channels/common/smtp_client.h). One thread, one session at a time; it speaks just enough
// of RFC 5321 for a client that sends one message per session (EHLO, MAIL FROM, RCPT TO,
// DATA, QUIT), without STARTTLS or AUTH, and records each message. It can refuse the next
// sessions' MAIL FROM with a given reply (a full mailbox, a policy rejection). Thread safety:
// all methods may be called while the server thread runs.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "tests/support/loopback_socket.h"

namespace fr::testing {

struct ReceivedMail {
  std::string from;              // MAIL FROM, without the angle brackets
  std::vector<std::string> to;   // RCPT TO, likewise
  std::string data;              // what came between DATA and the lone ".", dot-unstuffed
};

class LoopbackSmtpServer {
 public:
  // Binds 127.0.0.1 on a free port and starts serving; aborts when it cannot.
  LoopbackSmtpServer();

  // "smtp://127.0.0.1:<port>"
  std::string url() const;
  // The next `sessions` sessions answer MAIL FROM with `reply` ("452 4.2.2 mailbox full").
  void Refuse(int sessions, std::string reply);
  std::vector<ReceivedMail> mails() const;

 private:
  void Session(int fd);

  mutable std::mutex mu_;
  std::vector<ReceivedMail> mails_;
  int refusals_ = 0;
  std::string refusal_;
  LoopbackListener listener_;  // last: its thread stops first
};

}  // namespace fr::testing
