// A real SMTP server for a test (tests/support/smtp_sink.py, aiosmtpd): started on a free loopback
// port, every accepted message kept as <n>.eml in its folder; stopped when the object goes.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace sv::test {

class SmtpSink {
 public:
  // `refuse`: every recipient is answered 451 (a server that takes no mail now). `port` 0: any.
  explicit SmtpSink(std::filesystem::path folder, bool refuse = false, std::uint16_t port = 0);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  // The messages received so far, in the order they came.
  std::vector<std::string> messages() const;

 private:
  std::filesystem::path folder_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace sv::test
