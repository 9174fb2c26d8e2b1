// Parsed documents by version. A version never changes once written, so what was parsed once is
// kept: a save reads the current version back before it writes the next one, and reading a 30 KB
// protocol from git and parsing its JSON costs more than the rest of the save's work together.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace sv::services {

// The version an ETag names, as a save's If-Match sends it back: W/"abc" and "abc" are abc.
inline std::string versionOfTag(std::string tag) {
  if (tag.starts_with("W/")) tag = tag.substr(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  return tag;
}

template <class Document>
class ParsedVersions {
 public:
  explicit ParsedVersions(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const Document> find(const std::string& repository, const std::string& version) {
    std::lock_guard guard(mutex_);
    const auto it = byKey_.find(keyOf(repository, version));
    if (it == byKey_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, it->second.second);
    return it->second.first;
  }

  void remember(const std::string& repository, const std::string& version, Document document) {
    auto shared = std::make_shared<const Document>(std::move(document));
    std::lock_guard guard(mutex_);
    const std::string key = keyOf(repository, version);
    if (byKey_.contains(key)) return;
    recent_.push_front(key);
    byKey_.emplace(key, std::pair{std::move(shared), recent_.begin()});
    if (byKey_.size() > capacity_) {
      byKey_.erase(recent_.back());
      recent_.pop_back();
    }
  }

 private:
  static std::string keyOf(const std::string& repository, const std::string& version) {
    return repository + '\n' + version;
  }

  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::string> recent_;  // most recently used first
  std::unordered_map<std::string,
                     std::pair<std::shared_ptr<const Document>, std::list<std::string>::iterator>>
      byKey_;
};

}  // namespace sv::services
