#include "server/services/rendered_files.hpp"

namespace sv::services {

std::optional<RenderedFile> RenderedFiles::find(std::int64_t id, const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(id);
  if (it == entries_.end() || it->second.key != key) return std::nullopt;
  it->second.used = ++tick_;
  return it->second.file;
}

void RenderedFiles::keep(std::int64_t id, std::string key, RenderedFile file) {
  const std::size_t size = file.bytes ? file.bytes->size() : 0;
  std::lock_guard lock(mutex_);
  if (const auto it = entries_.find(id); it != entries_.end()) {
    bytes_ -= it->second.file.bytes ? it->second.file.bytes->size() : 0;
    entries_.erase(it);
  }
  if (size > maxBytes_) return;
  while (bytes_ + size > maxBytes_ && !entries_.empty()) dropOne();
  entries_.insert_or_assign(id, Entry{std::move(key), std::move(file), ++tick_});
  bytes_ += size;
}

// A scan of every entry: there are a few hundred at most (the cap over a protocol's size), and a
// drop follows a rendering, which costs far more.
void RenderedFiles::dropOne() {
  auto oldest = entries_.begin();
  for (auto it = entries_.begin(); it != entries_.end(); ++it)
    if (it->second.used < oldest->second.used) oldest = it;
  bytes_ -= oldest->second.file.bytes ? oldest->second.file.bytes->size() : 0;
  entries_.erase(oldest);
}

std::size_t RenderedFiles::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t RenderedFiles::count() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace sv::services
