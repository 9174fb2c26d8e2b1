// A real SMTP server for a test (tests/support/smtp_sink.py, aiosmtpd): started on a free loopback
// port, every accepted message kept as <n>.eml in its folder; stopped when the object goes, and
// with the test process if that dies first.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace sv::test {

struct SmtpSinkOptions {
  bool refuse = false;            // every recipient answered 451: a server that takes no mail now
  std::chrono::seconds delay{0};  // wait this long before answering a message: a slow server
  std::uint16_t port = 0;         // 0: any free port
  std::filesystem::path tlsCert;  // with tlsKey: STARTTLS offered and required
  std::filesystem::path tlsKey;
  std::string auth;  // "user:password": AUTH required (over TLS when offered)
};

class SmtpSink {
 public:
  explicit SmtpSink(std::filesystem::path folder, SmtpSinkOptions options = {});
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  // The messages received so far, in the order they came.
  std::vector<std::string> messages() const;
  // Envelope recipients of message n (1-based), as the server took them.
  std::vector<std::string> recipients(int n) const;
  // How message n (1-based) came: "tls=1 user=samverkan".
  std::string session(int n) const;

 private:
  std::filesystem::path folder_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace sv::test
