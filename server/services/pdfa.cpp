#include "server/services/pdfa.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace sv::services {
namespace {

class TempFolder {
 public:
  TempFolder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "samverkan-pdfa-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

int run(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      ::dup2(devnull, STDOUT_FILENO);
      ::dup2(devnull, STDERR_FILENO);
    }
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

Result<std::string> convertToPdfA(const std::string& pdf, const std::string& title) {
  TempFolder dir;
  if (dir.path().empty()) return fail(Errc::Internal, "no temporary folder for PDF/A");
  const auto in = dir.path() / "protocol.pdf";
  const auto out = dir.path() / "protocol-pdfa.pdf";
  std::ofstream(in, std::ios::binary) << pdf;
  // The title goes into the document information through a pdfmark, as PDF/A wants it there.
  const auto marks = dir.path() / "info.ps";
  std::string escaped;
  for (char c : title) {
    if (c == '(' || c == ')' || c == '\\') escaped += '\\';
    escaped += c;
  }
  std::ofstream(marks) << "[ /Title (" << escaped << ") /DOCINFO pdfmark\n";
  const int rc =
      run({"gs", "-q", "-dPDFA=2", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-dPDFACompatibilityPolicy=1",
           "-sColorConversionStrategy=RGB", "-sProcessColorModel=DeviceRGB", "-sDEVICE=pdfwrite",
           "-sOutputFile=" + out.string(), in.string(), marks.string()});
  if (rc != 0) return fail(Errc::Internal, "ghostscript failed with " + std::to_string(rc));
  std::ifstream result(out, std::ios::binary);
  std::ostringstream bytes;
  bytes << result.rdbuf();
  if (bytes.str().empty()) return fail(Errc::Internal, "ghostscript wrote nothing");
  return bytes.str();
}

}  // namespace sv::services
