#include "support/server_process.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace sv::test {
namespace {

std::filesystem::path sourceDir() {
  const char* dir = std::getenv("SAMVERKAN_SOURCE_DIR");
  return dir ? dir : SV_SOURCE_DIR;
}

std::string binary() {
  const char* bin = std::getenv("SAMVERKAN_BIN");
  return bin ? bin : SV_SERVER_BINARY;
}

std::string hexHash(const std::string& text) {
  char out[17];
  std::snprintf(out, sizeof out, "%016zx", std::hash<std::string>{}(text));
  return out;
}

// An exclusive lock on a file, held while the object lives: one test program makes a demo
// folder while the others that need the same one wait.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
      throw std::runtime_error("cannot lock " + path.string());
  }
  ~FileLock() { ::close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// The data folder the binary loaded the demo into, made once per binary and day (the demo's dates
// follow the day), beside the binary so that `make clean` takes it.
std::filesystem::path demoFolder() {
  namespace fs = std::filesystem;
  const fs::path bin = binary();
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::string build = hexHash(
      bin.string() + "|" + std::to_string(fs::last_write_time(bin).time_since_epoch().count()) +
      "|" + std::to_string(fs::file_size(bin)) + "|" +
      std::to_string(days.time_since_epoch().count()));
  const fs::path root = bin.parent_path() / "test-demo-data";
  const fs::path folder = root / build / "demo";
  if (fs::exists(folder)) return folder;  // complete: it appears by a rename
  fs::create_directories(root);
  FileLock lock(root / "lock");
  if (fs::exists(folder)) return folder;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root))  // an older binary's or day's
    if (entry.is_directory() && entry.path().filename() != build) fs::remove_all(entry.path(), ec);
  const fs::path loading = root / build / (folder.filename().string() + "-loading");
  fs::remove_all(loading, ec);
  fs::create_directories(loading.parent_path());
  {
    ServerProcess loader(loading, {}, true, ServerProcess::DemoLoad::AtStart);
    if (loader.stop() != 0) throw std::runtime_error("the demo server did not stop cleanly");
  }
  fs::rename(loading, folder);
  return folder;
}

}  // namespace

std::string samverkanBinary() {
  return binary();
}

std::filesystem::path sourceDirectory() {
  return sourceDir();
}

void waitUntilAnswering(const HttpEndpoint& endpoint, pid_t& pid, const std::string& what) {
  for (int i = 0; i < 400; ++i) {
    try {
      if (endpoint.get("/healthz").status == 200) return;
    } catch (const std::exception&) {
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      pid = -1;
      throw std::runtime_error(what + " exited during start-up");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error(what + " did not answer within 10 s");
}

unsigned short freeLoopbackPort() {
  Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
  return probe.address().port();
}

std::string bearer(const std::string& token) {
  return "Bearer " + token;
}

ServerProcess::ServerProcess(std::filesystem::path dataDir,
                             std::map<std::string, std::string> extraConfig, bool demo,
                             DemoLoad load)
    : dataDir_(std::move(dataDir)) {
  // Only with the repository's own configuration: a loader started with a test's SMTP server would
  // already deliver the demo's mail to it.
  if (demo && load == DemoLoad::Copied && extraConfig.empty() &&
      !std::filesystem::exists(dataDir_)) {
    std::filesystem::copy(demoFolder(), dataDir_, std::filesystem::copy_options::recursive);
    demo = false;
  }
  port_ = freeLoopbackPort();
  configFile_ = dataDir_.parent_path() / (dataDir_.filename().string() + ".properties");
  {
    std::ifstream base(sourceDir() / "config/samverkan.properties");
    std::ofstream out(configFile_);
    out << base.rdbuf() << "\nsamverkan.config_dir = " << (sourceDir() / "config").string() << "\n";
    out << "logging.loggers.root.level = warning\n";
    out << "samverkan.password.argon2_mem_kib = 19456\n";
    for (const auto& [k, v] : extraConfig) out << k << " = " << v << "\n";
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    ::setenv("SAMVERKAN_PORT", std::to_string(port_).c_str(), 1);
    ::setenv("SAMVERKAN_DATA_DIR", dataDir_.c_str(), 1);
    ::setenv("SAMVERKAN_ADMIN_PASSWORD", kAdminPassword.c_str(), 1);
    const std::string bin = binary();
    const std::string config = "--config=" + configFile_.string();
    if (demo)
      ::execl(bin.c_str(), bin.c_str(), config.c_str(), "--demo", static_cast<char*>(nullptr));
    else
      ::execl(bin.c_str(), bin.c_str(), config.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  waitUntilAnswering(*this, pid_, "samverkan");
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) kill(SIGKILL);
  std::error_code ec;
  std::filesystem::remove(configFile_, ec);
}

void ServerProcess::kill(int signal) {
  if (pid_ <= 0) return;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

HttpResult HttpEndpoint::request(const std::string& method, const std::string& path,
                                 const std::string& body,
                                 const std::map<std::string, std::string>& headers,
                                 const std::string& contentType) const {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) request.set(k, v);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    request.setContentType(contentType);
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = response.getStatus();
  for (const auto& [k, v] : response) {
    std::string name = k;
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result.headers[name] = v;
  }
  Poco::StreamCopier::copyToString(in, result.body);
  return result;
}

HttpResult HttpEndpoint::get(const std::string& path, const std::string& token) const {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = bearer(token);
  return request("GET", path, {}, headers);
}

HttpResult HttpEndpoint::post(const std::string& path, const std::string& json,
                              const std::string& token) const {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = bearer(token);
  return request("POST", path, json, headers);
}

std::string HttpEndpoint::login(const std::string& username, const std::string& password) const {
  Poco::JSON::Object body;
  body.set("username", username);
  body.set("password", password);
  std::ostringstream text;
  body.stringify(text);
  const auto r = post("/api/v1/session", text.str());
  if (r.status != 201)
    throw std::runtime_error("login as " + username + ": " + std::to_string(r.status) + " " +
                             r.body);
  Poco::JSON::Parser parser;
  return parser.parse(r.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
}

namespace {

std::string shellQuoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

CommandRun runSamverkan(const std::filesystem::path& data, const std::string& arguments) {
  const auto config = sourceDirectory() / "config" / "samverkan.properties";
  const std::string command = shellQuoted(samverkanBinary()) + " " + arguments +
                              " --config=" + shellQuoted(config.string()) +
                              " --data-dir=" + shellQuoted(data.string()) + " 2>&1";
  CommandRun ran;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) ran.output.append(buffer, n);
  const int status = ::pclose(pipe);
  ran.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return ran;
}

}  // namespace sv::test
