// A fresh folder under /tmp for one test, removed afterwards.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace sv::test {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "samverkan-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs a shell command and returns its standard output (for git, sqlite3 and other tools).
std::string runTool(const std::string& command, int* exitCode = nullptr);

// A tool's text (pdftotext's, say) with every run of white space, line breaks and form feeds
// included, one space, and none at the start: what a reader sees, whatever the layout.
std::string oneSpaced(std::string_view text);

}  // namespace sv::test
