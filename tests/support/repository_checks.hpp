// `git fsck --strict` of every repository in a data folder, as a test's checks (one per repository,
// with git's words on failure).
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>

#include "support/temp_dir.hpp"

namespace sv::test {

inline void checkRepositoriesFsckClean(const std::filesystem::path& data) {
  for (const auto& repo : std::filesystem::directory_iterator(data / "repositories")) {
    if (repo.path().extension() != ".git") continue;
    int code = -1;
    const auto out = runTool("git --git-dir='" + repo.path().string() + "' fsck --strict", &code);
    INFO(repo.path() << ": " << out);
    CHECK(code == 0);
  }
}

}  // namespace sv::test
