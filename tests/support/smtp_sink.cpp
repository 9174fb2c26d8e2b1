#include "support/smtp_sink.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sv::test {

SmtpSink::SmtpSink(std::filesystem::path folder, bool refuse, std::uint16_t port)
    : folder_(std::move(folder)) {
  const char* source = std::getenv("SAMVERKAN_SOURCE_DIR");
  if (!source) throw std::runtime_error("SAMVERKAN_SOURCE_DIR is not set");
  const std::string script = std::string(source) + "/tests/support/smtp_sink.py";
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    const std::string portText = std::to_string(port);
    // Debian's python3, where python3-aiosmtpd is installed, whatever else is on the PATH.
    ::execl("/usr/bin/python3", "python3", script.c_str(), folder_.c_str(), "--port",
            portText.c_str(), refuse ? "--refuse" : nullptr, static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line;
  char c = 0;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  if (line.empty()) throw std::runtime_error("the SMTP sink did not start (python3-aiosmtpd?)");
  port_ = static_cast<std::uint16_t>(std::stoi(line));
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<std::string> out;
  for (int n = 1;; ++n) {
    std::ifstream in(folder_ / (std::to_string(n) + ".eml"), std::ios::binary);
    if (!in) break;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out.push_back(bytes.str());
  }
  return out;
}

}  // namespace sv::test
