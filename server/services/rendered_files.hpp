// Files rendered from a document (the protocol's PDF), kept under a key that names everything
// their bytes were made from, within a cap on the bytes kept. The bytes are shared with the
// requests that send them and never changed: a new rendering replaces the pointer, not the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sv::services {

struct RenderedFile {
  std::shared_ptr<const std::string> bytes;
  std::string name;  // the file name it is sent under
};

// Thread-safe. One file per id (a meeting): a file kept under another key is replaced.
class RenderedFiles {
 public:
  explicit RenderedFiles(std::size_t maxBytes) : maxBytes_(maxBytes) {}

  // The file kept for `id` under exactly `key`; none when it was rendered from something else or
  // has been dropped.
  std::optional<RenderedFile> find(std::int64_t id, const std::string& key);
  // Keeps `file` for `id` under `key`, then drops the files used longest ago until the bytes
  // kept are within the cap. A file larger than the cap alone is not kept.
  void keep(std::int64_t id, std::string key, RenderedFile file);

  std::size_t bytes() const;  // the bytes kept now
  std::size_t count() const;  // the files kept now

 private:
  struct Entry {
    std::string key;
    RenderedFile file;
    std::uint64_t used = 0;  // `tick_` when last found or kept
  };
  void dropOne();  // the entry used longest ago; under mutex_

  const std::size_t maxBytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> entries_;
  std::size_t bytes_ = 0;
  std::uint64_t tick_ = 0;
};

}  // namespace sv::services
