#include "server/mail/folder_transport.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "workflows/handle.hpp"

namespace sv::mail {
namespace {

Status failed(const std::string& what) {
  return fail(Errc::Internal, what + ": " + std::strerror(errno));
}

}  // namespace

FolderTransport::FolderTransport(std::filesystem::path folder) : folder_(std::move(folder)) {}

Status FolderTransport::deliver(const store::OutboxRow& row) {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  if (ec) return fail(Errc::Internal, "cannot create " + folder_.string() + ": " + ec.message());
  const auto name = folder_ / (std::to_string(row.id) + ".eml");
  const auto temporary = folder_ / (std::to_string(row.id) + ".eml.tmp");
  {
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    if (!fd) return failed("cannot write " + temporary.string());
    const std::string& bytes = row.mail.message;
    std::size_t written = 0;
    while (written < bytes.size()) {
      const auto n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return failed("cannot write " + temporary.string());
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return failed("cannot sync " + temporary.string());
  }
  if (::rename(temporary.c_str(), name.c_str()) != 0)
    return failed("cannot rename to " + name.string());
  // The rename itself lasts only once the folder is synced.
  FileDescriptor dir(::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir || ::fsync(dir.get()) != 0) return failed("cannot sync " + folder_.string());
  return {};
}

}  // namespace sv::mail
