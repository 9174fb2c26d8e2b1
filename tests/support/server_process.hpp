// The real samverkan binary, started on a free loopback port with its own data folder, and a
// small HTTP client for talking to it. Integration tests use these; nothing is mocked.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "support/temp_dir.hpp"

namespace sv::test {

inline const std::string kAdminPassword = "admin-password-for-tests";

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// Requests to a server on 127.0.0.1 at a port: a ServerProcess, or a load balancer in front of
// several (NginxBalancer).
class HttpEndpoint {
 public:
  explicit HttpEndpoint(unsigned short port = 0) : port_(port) {}

  unsigned short port() const { return port_; }
  HttpResult request(const std::string& method, const std::string& path,
                     const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {},
                     const std::string& contentType = "application/json") const;
  HttpResult get(const std::string& path, const std::string& token = {}) const;
  HttpResult post(const std::string& path, const std::string& json,
                  const std::string& token = {}) const;
  std::string login(const std::string& username, const std::string& password) const;

 protected:
  unsigned short port_ = 0;
};

class ServerProcess : public HttpEndpoint {
 public:
  // How a demo server gets its data: a copy of a data folder the binary loaded the demo into once
  // (per binary and day; `--demo` costs seconds of Argon2 and git at every
  // start and most tests start a demo server), or the binary's own `--demo` at this start.
  enum class DemoLoad { Copied, AtStart };

  // `dataDir` may be shared between starts (restart tests); extra properties go to a config file.
  // A demo is copied only into a folder that does not exist yet and without extra properties;
  // otherwise `--demo` as ever.
  explicit ServerProcess(std::filesystem::path dataDir,
                         std::map<std::string, std::string> extraConfig = {}, bool demo = false,
                         DemoLoad load = DemoLoad::Copied);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;

  pid_t pid() const { return pid_; }
  void kill(int signal);  // and wait for the process
  int stop();             // SIGTERM; the exit status

 private:
  std::filesystem::path dataDir_;
  std::filesystem::path configFile_;
  pid_t pid_ = -1;
};

std::string bearer(const std::string& token);

// A TCP port free on 127.0.0.1 now (another process may take it before it is used).
unsigned short freeLoopbackPort();

// Until `endpoint` answers GET /healthz with 200, at most 10 s. Throws std::runtime_error naming
// `what` when the process `pid` ends first (then reaped, and `pid` set to -1) or time runs out.
void waitUntilAnswering(const HttpEndpoint& endpoint, pid_t& pid, const std::string& what);

// The samverkan binary the tests were built with (or $SAMVERKAN_BIN), and the source folder (or
// $SAMVERKAN_SOURCE_DIR), for tests that run its commands.
std::string samverkanBinary();
std::filesystem::path sourceDirectory();

// A command of the binary (`mail-failures --limit=1`) on a data folder, with the repository's
// configuration: its exit status and what it wrote (stdout and stderr).
struct CommandRun {
  int status = -1;
  std::string output;
};
CommandRun runSamverkan(const std::filesystem::path& data, const std::string& arguments);

}  // namespace sv::test
