#include "server/store/durable_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "server/store/handle.hpp"

namespace sv::store {
namespace {

Status syncPath(const std::filesystem::path& path, int flags, bool dataOnly) {
  const FileDescriptor fd(::open(path.c_str(), flags | O_CLOEXEC));
  if (!fd) return fail(Errc::Internal, "open " + path.string() + ": " + std::strerror(errno));
  if ((dataOnly ? ::fdatasync(fd.get()) : ::fsync(fd.get())) < 0)
    return fail(Errc::Internal, "fsync " + path.string() + ": " + std::strerror(errno));
  return {};
}

}  // namespace

Status writeFile(const std::filesystem::path& file, std::string_view bytes, bool sync,
                 mode_t mode) {
  const FileDescriptor fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
  if (!fd) return fail(Errc::Internal, "create " + file.string() + ": " + std::strerror(errno));
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd.get(), bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(Errc::Internal, "write " + file.string() + ": " + std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  if (sync && ::fdatasync(fd.get()) < 0)
    return fail(Errc::Internal, "fsync " + file.string() + ": " + std::strerror(errno));
  return {};
}

Status syncFile(const std::filesystem::path& file) {
  return syncPath(file, O_RDONLY, true);
}

Status syncDirectory(const std::filesystem::path& dir) {
  return syncPath(dir, O_RDONLY | O_DIRECTORY, false);
}

Status syncTree(const std::filesystem::path& root) {
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec)) {
      if (auto synced = syncDirectory(it->path()); !synced) return synced;
    } else if (it->is_regular_file(ec)) {
      if (auto synced = syncFile(it->path()); !synced) return synced;
    }
  }
  if (ec) return fail(Errc::Internal, "walk " + root.string() + ": " + ec.message());
  if (auto synced = syncDirectory(root); !synced) return synced;
  return syncDirectory(root.parent_path());
}

}  // namespace sv::store
