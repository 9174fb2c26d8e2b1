// The one module that owns SQLite and the git repositories of a data folder:
//   <data>/samverkan.db      metadata, index, audit log (SQLite, WAL, synchronous=FULL)
//   <data>/repositories/     one bare git repository per contract
//   <data>/samverkan.lock    held (flock) while a process has the folder open; the kernel drops
//                            it when the process dies, so a killed server never blocks the next.
// Opening migrates the schema and repairs the repositories from SQLite.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "server/store/database.hpp"
#include "server/store/documents.hpp"
#include "workflows/result.hpp"

namespace sv::store {

struct StoreOptions {
  std::filesystem::path dataDir;
  int readConnections = 8;
  // How long a pack that a merge replaced stays readable (DocumentStore::kRetiredPackGrace).
  std::chrono::seconds retiredPackGrace = DocumentStore::kRetiredPackGrace;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);
  ~Store();

  Database& db() { return *db_; }
  DocumentStore& documents() { return *documents_; }
  const std::filesystem::path& dataDir() const { return dataDir_; }
  int schemaVersion() const { return schemaVersion_; }
  const std::vector<std::string>& repairsAtOpen() const { return repairs_; }
  bool isEmpty();  // no user yet: a fresh data folder

 private:
  Store() = default;
  std::filesystem::path dataDir_;
  int lockFd_ = -1;
  int schemaVersion_ = 0;
  std::unique_ptr<Database> db_;
  std::unique_ptr<DocumentStore> documents_;
  std::vector<std::string> repairs_;
};

}  // namespace sv::store
