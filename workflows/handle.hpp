// One owner for every C handle in the project (libgit2, SQLite, cmark, cairo, Pango, GLib) and
// for POSIX file descriptors: whatever a C library hands out is freed by exactly one destructor.
#pragma once

#include <unistd.h>

#include <memory>
#include <utility>

namespace sv {

// A named deleter rather than decltype([](T* p) { Free(p); }): a lambda's type differs in every
// translation unit, which would give every function that takes a handle internal linkage.
template <auto Free>
struct FreeWith {
  template <class T>
  void operator()(T* p) const {
    if (p) Free(p);
  }
};

// Handle<git_commit, git_commit_free>, Handle<cmark_node, cmark_node_free>, …
template <class T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

// A file descriptor, closed once. (The few places that must see close()'s result for
// durability call release() and close it themselves.)
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() { reset(); }

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_ = -1;
};

}  // namespace sv
