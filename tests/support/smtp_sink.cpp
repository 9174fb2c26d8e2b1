#include "support/smtp_sink.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace sv::test {
namespace {

// The first line the sink prints (its port), or empty when it prints none within `limit`.
std::string firstLine(int fd, std::chrono::milliseconds limit) {
  std::string line;
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char c = 0;
    if (::read(fd, &c, 1) != 1 || c == '\n') break;
    line += c;
  }
  return line;
}

}  // namespace

SmtpSink::SmtpSink(std::filesystem::path folder, SmtpSinkOptions options)
    : folder_(std::move(folder)) {
  const char* source = std::getenv("SAMVERKAN_SOURCE_DIR");
  if (!source) throw std::runtime_error("SAMVERKAN_SOURCE_DIR is not set");
  const std::string script = std::string(source) + "/tests/support/smtp_sink.py";
  // Debian's python3, where python3-aiosmtpd is installed, whatever else is on the PATH.
  std::vector<std::string> args{"/usr/bin/python3",
                                script,
                                folder_.string(),
                                "--port",
                                std::to_string(options.port),
                                "--delay",
                                std::to_string(options.delay.count())};
  if (options.refuse) args.push_back("--refuse");
  if (!options.tlsCert.empty())
    args.insert(args.end(), {"--tls", options.tlsCert.string(), options.tlsKey.string()});
  if (!options.auth.empty()) args.insert(args.end(), {"--auth", options.auth});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe");
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork");
  if (pid_ == 0) {
    // A test that crashes or is killed takes its SMTP server with it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  const std::string line = firstLine(out[0], std::chrono::seconds(20));
  ::close(out[0]);
  if (line.empty()) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw std::runtime_error("the SMTP sink did not start (is python3-aiosmtpd installed?)");
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line));
}

SmtpSink::~SmtpSink() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  // SIGTERM ends Python at once; SIGKILL if it has not gone within five seconds.
  for (int i = 0; i < 500; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
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

std::vector<std::string> SmtpSink::recipients(int n) const {
  std::ifstream in(folder_ / (std::to_string(n) + ".envelope"));
  std::vector<std::string> out;
  std::string line;
  std::getline(in, line);  // the envelope sender
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

std::string SmtpSink::session(int n) const {
  std::ifstream in(folder_ / (std::to_string(n) + ".session"));
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace sv::test
