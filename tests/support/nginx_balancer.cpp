#include "support/nginx_balancer.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace sv::test {

NginxBalancer::NginxBalancer(const std::filesystem::path& folder,
                             const std::vector<unsigned short>& upstreams)
    : HttpEndpoint(freeLoopbackPort()), folder_(folder) {
  std::filesystem::create_directories(folder_);
  {
    std::ofstream conf(folder_ / "nginx.conf");
    conf << "worker_processes 1;\ndaemon off;\npid " << (folder_ / "nginx.pid").string()
         << ";\nerror_log " << (folder_ / "error.log").string()
         << " warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n";
    for (const char* temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
      conf << "  " << temp << "_temp_path " << (folder_ / temp).string() << ";\n";
    // A failed upstream is not asked again for the same request (a POST is not repeated on the
    // other process), and nothing is buffered to the temporary folders (the workers may run as
    // another user than this folder's).
    conf << "  upstream samverkan {\n";
    for (const auto port : upstreams) conf << "    server 127.0.0.1:" << port << ";\n";
    conf << "  }\n  server {\n    listen 127.0.0.1:" << port_
         << ";\n    client_max_body_size 64m;\n    location / {\n"
            "      proxy_pass http://samverkan;\n      proxy_http_version 1.1;\n"
            "      proxy_set_header Connection \"\";\n      proxy_set_header Host $host;\n"
            "      proxy_buffering off;\n      proxy_request_buffering off;\n"
            "      proxy_next_upstream off;\n    }\n  }\n}\n";
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    const std::string prefix = folder_.string();
    const std::string conf = (folder_ / "nginx.conf").string();
    ::execl("/usr/sbin/nginx", "nginx", "-p", prefix.c_str(), "-c", conf.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  try {
    waitUntilAnswering(*this, pid_, "nginx");
  } catch (const std::runtime_error& e) {
    if (pid_ > 0) {  // not answering: the destructor will not run for it
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    std::ifstream log(folder_ / "error.log");
    throw std::runtime_error(e.what() + std::string(": ") +
                             std::string(std::istreambuf_iterator<char>(log), {}));
  }
}

NginxBalancer::~NginxBalancer() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGQUIT);  // graceful: the master waits for its worker
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

}  // namespace sv::test
