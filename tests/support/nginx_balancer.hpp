// nginx in front of several samverkan processes on 127.0.0.1, round robin, as a deployment of
// several server processes on one PostgreSQL puts it (issue 18): started on a free port with a
// configuration of its own in a folder, stopped when the object goes. Requests go through it
// with HttpEndpoint's functions.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <vector>

#include "support/server_process.hpp"

namespace sv::test {

class NginxBalancer : public HttpEndpoint {
 public:
  // Throws std::runtime_error when nginx refuses its configuration or does not answer in 10 s.
  NginxBalancer(const std::filesystem::path& folder, const std::vector<unsigned short>& upstreams);
  ~NginxBalancer();
  NginxBalancer(const NginxBalancer&) = delete;
  NginxBalancer& operator=(const NginxBalancer&) = delete;

 private:
  std::filesystem::path folder_;
  pid_t pid_ = -1;
};

}  // namespace sv::test
