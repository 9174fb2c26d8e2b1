// A burst of writes for the tests that kill a server in the middle of one: four writers create
// organisations through a server (or nginx in front of several) until told to stop, and the
// names the server acknowledged (201) are kept, only those.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/server_process.hpp"

namespace sv::test {

// Writes as `token` through `server` while `during` runs (it sleeps, kills, sleeps); returns the
// names of the organisations acknowledged. A request that gets no answer (the server is gone) is
// not acknowledged; the writer tries the next.
inline std::set<std::string> organizationsWrittenDuring(const HttpEndpoint& server,
                                                        const std::string& token,
                                                        const std::function<void()>& during) {
  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  {
    std::vector<std::jthread> writers;
    for (int w = 0; w < 4; ++w)
      writers.emplace_back([&, w] {
        for (int i = 0; !stop; ++i) {
          const std::string name =
              "Utförare " + std::to_string(w) + "-" + std::to_string(i) + " AB";
          try {
            const auto r = server.post("/api/v1/organizations",
                                       R"({"name":")" + name + R"(","kind":"provider"})", token);
            if (r.status == 201) {
              std::lock_guard lock(mutex);
              acknowledged.insert(name);
            }
          } catch (const std::exception&) {
            // no answer: not acknowledged
          }
        }
      });
    during();
    stop = true;
  }
  return acknowledged;
}

}  // namespace sv::test
