// SIGTERM while the server is still starting (its store open, not yet listening) must not kill it
// with the signal's default action: it stops cleanly once started (exit 0). A CI run saw a demo
// server stopped just after it began listening exit 143: the signal came before the main thread
// blocked it for waitForTerminationRequest.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

TEST_CASE("a SIGTERM while the server starts stops it cleanly once started", "[server][signals]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  const std::string binary = samverkanBinary();
  const std::string config =
      "--config=" + (sourceDirectory() / "config/samverkan.properties").string();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setenv("SAMVERKAN_PORT", "0", 1);
    ::setenv("SAMVERKAN_DATA_DIR", data.c_str(), 1);
    ::setenv("SAMVERKAN_ADMIN_PASSWORD", kAdminPassword.c_str(), 1);
    ::execl(binary.c_str(), binary.c_str(), config.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // The store takes the data folder's lock first thing after the settings are read: from then on
  // the server is starting, with threads about to begin and nothing listening yet.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!std::filesystem::exists(data / "samverkan.lock") &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  REQUIRE(std::filesystem::exists(data / "samverkan.lock"));
  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO("signalled: " << WIFSIGNALED(status) << ", signal "
                     << (WIFSIGNALED(status) ? WTERMSIG(status) : 0));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace SV_TEST_FILE
