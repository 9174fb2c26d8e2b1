#include "server/store/store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "server/store/migrations.hpp"

namespace sv::store {

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  std::unique_ptr<Store> store(new Store());
  store->dataDir_ = options.dataDir;
  std::error_code ec;
  std::filesystem::create_directories(options.dataDir / "repositories", ec);
  if (ec)
    return fail(Errc::Internal, "cannot create " + options.dataDir.string() + ": " + ec.message());

  const auto lockPath = options.dataDir / "samverkan.lock";
  store->lockFd_ = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (store->lockFd_ < 0)
    return fail(Errc::Internal, "cannot open " + lockPath.string() + ": " + std::strerror(errno));
  if (::flock(store->lockFd_, LOCK_EX | LOCK_NB) != 0)
    return fail(Errc::Conflict, "another samverkan process is using " + options.dataDir.string());

  try {
    store->db_ =
        std::make_unique<Database>(options.dataDir / "samverkan.db", options.readConnections);
    store->db_->write([&](Connection&) { return 0; });  // creates the WAL before readers use it
    {
      Connection migrator(options.dataDir / "samverkan.db", false);
      store->schemaVersion_ = migrate(migrator);
    }
  } catch (const DatabaseError& e) {
    return fail(Errc::Internal, e.what());
  }
  store->documents_ =
      std::make_unique<DocumentStore>(*store->db_, options.dataDir / "repositories",
                                      options.retiredPackGrace);
  auto repaired = store->documents_->repairRepositories();
  if (!repaired) return std::unexpected(repaired.error());
  store->repairs_ = std::move(*repaired);
  return store;
}

Store::~Store() {
  documents_.reset();
  db_.reset();
  if (lockFd_ >= 0) ::close(lockFd_);  // closing releases the flock
}

bool Store::isEmpty() {
  return db_->read([](Connection& c) {
    auto stmt = c.prepare("SELECT COUNT(*) FROM users");
    stmt.step();
    return stmt.int64(0) == 0;
  });
}

}  // namespace sv::store
