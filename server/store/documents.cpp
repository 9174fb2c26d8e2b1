#include "server/store/documents.hpp"

#include "server/store/database.hpp"

#include <fcntl.h>
#include <sys/file.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <iostream>

#include "server/store/git_packs.hpp"
#include "server/store/handle.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::store {
namespace {

std::optional<std::string> headOf(Reading& conn, const std::string& repository) {
  auto stmt = conn.prepare("SELECT head FROM repositories WHERE name = ?1");
  stmt.bind(1, repository);
  if (!stmt.step()) return std::nullopt;
  return stmt.text(0);
}

std::optional<std::string> documentHead(Reading& conn, const std::string& repository,
                                        const std::string& document) {
  auto stmt = conn.prepare(
      "SELECT version FROM document_versions WHERE repository = ?1 AND document = ?2 "
      "ORDER BY id DESC LIMIT 1");
  stmt.bindAll(repository, document);
  if (!stmt.step()) return std::nullopt;
  return stmt.text(0);
}

bool isSealed(Reading& conn, const std::string& repository, const std::string& document) {
  auto stmt =
      conn.prepare("SELECT 1 FROM sealed_documents WHERE repository = ?1 AND document = ?2");
  stmt.bindAll(repository, document);
  return stmt.step();
}

}  // namespace

DocumentStore::DocumentStore(Database& db, std::filesystem::path repositoriesDir,
                             std::chrono::seconds retiredPackGrace)
    : db_(db), root_(std::move(repositoriesDir)), retiredPackGrace_(retiredPackGrace) {
  git::initialise();
}

DocumentStore::~DocumentStore() {
  {
    std::lock_guard guard(mergeMutex_);
    stopping_ = true;
  }
  mergeWake_.notify_all();
  if (merger_.joinable()) merger_.join();
}

void DocumentStore::requestMerge(const std::string& repository) {
  std::lock_guard guard(mergeMutex_);
  if (stopping_) return;
  mergeQueue_.insert(repository);
  if (!merger_.joinable()) merger_ = std::thread([this] { runMerges(); });
  mergeWake_.notify_one();
}

void DocumentStore::runMerges() {
  std::unique_lock lock(mergeMutex_);
  while (true) {
    mergeWake_.wait(lock, [this] { return stopping_ || !mergeQueue_.empty(); });
    if (stopping_) return;
    const std::string repository = *mergeQueue_.begin();
    mergeQueue_.erase(mergeQueue_.begin());
    lock.unlock();
    // Nothing waits for a merge: a failed one leaves more packs (slower reads, nothing lost) and
    // is tried again after the next save. Its reason goes to the server's error output.
    if (auto merged = mergePacks(repository); !merged)
      std::cerr << "samverkan: merging the packs of " << repository
                << " failed: " << merged.error().detail << std::endl;
    lock.lock();
  }
}

Result<std::size_t> DocumentStore::pruneRetiredPacks(const std::string& repository, TimePoint now) {
  std::lock_guard merging(mergeRunMutex_);  // the ledger has one writer at a time
  auto repo = git::open(pathOf(repository));
  if (!repo) return std::unexpected(repo.error());
  auto removed = git::pruneRetiredPacks(repo->get(), now, retiredPackGrace_);
  if (!removed) return std::unexpected(removed.error());
  return removed->size();
}

Status DocumentStore::mergePacks(const std::string& repository, TimePoint now) {
  std::lock_guard merging(mergeRunMutex_);  // two merges of the same packs would race
  auto repo = git::open(pathOf(repository));
  if (!repo) return std::unexpected(repo.error());
  if (auto pruned = git::pruneRetiredPacks(repo->get(), now, retiredPackGrace_); !pruned)
    return std::unexpected(pruned.error());
  std::vector<std::string> packs;
  {
    // Listed while no save is half-way, so that every pack named is complete; merged without
    // the lock, so that saves go on meanwhile.
    const auto held = lock(repository);
    packs = git::packsToMerge(repo->get(), kMostPacks);
  }
  if (auto merged = git::mergePacks(repo->get(), packs, now); !merged) return merged;
  // The writer's handle still holds the merged packs open; the next save opens afresh.
  const auto held = lock(repository);
  std::lock_guard mapGuard(locksMutex_);
  writers_.erase(repository);
  return {};
}

Result<DocumentStore::Writer*> DocumentStore::writerFor(const std::string& repository) {
  {
    std::lock_guard guard(locksMutex_);
    if (auto it = writers_.find(repository); it != writers_.end()) return it->second.get();
  }
  auto repo = openRepository(repository);
  if (!repo) return std::unexpected(repo.error());
  auto packer = git::PackedWrites::start(repo->get());
  if (!packer) return std::unexpected(packer.error());
  const std::size_t packs = git::packCount(repo->get());
  auto writer = std::make_unique<Writer>(Writer{std::move(*repo), std::move(*packer), packs});
  std::lock_guard guard(locksMutex_);
  return writers_.insert_or_assign(repository, std::move(writer)).first->second.get();
}

std::filesystem::path DocumentStore::pathOf(const std::string& repository) const {
  return root_ / (repository + ".git");
}

DocumentStore::Locked::Locked(std::mutex& mutex, const std::filesystem::path& file,
                              std::string repository)
    : thread_(mutex),
      process_(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)),
      repository_(std::move(repository)) {
  // Without its file the repository cannot be written safely beside another process: thrown,
  // a 500 at the edge (a full or read-only disk, which the write itself would meet next).
  if (!process_) throw DatabaseError(SQLITE_CANTOPEN, "cannot open " + file.string());
  while (::flock(process_.get(), LOCK_EX) != 0)
    if (errno != EINTR) throw DatabaseError(SQLITE_IOERR, "cannot lock " + file.string());
}

DocumentStore::Locked DocumentStore::lock(const std::string& repository) {
  std::mutex* mutex = nullptr;
  {
    std::lock_guard guard(locksMutex_);
    auto& slot = locks_[repository];
    if (!slot) slot = std::make_unique<std::mutex>();
    mutex = slot.get();
  }
  return Locked(*mutex, root_ / (repository + ".lock"), repository);
}

Result<git::Repository> DocumentStore::openRepository(const std::string& repository) {
  return git::openOrCreate(pathOf(repository));
}

Result<std::string> DocumentStore::commit(const DocumentCommit& write,
                                          const RecordInTransaction& record) {
  const auto held = lock(write.repository);
  return commitLocked(write, record);
}

Result<std::string> DocumentStore::commit(const DocumentCommit& write,
                                          const RecordInTransaction& record, const Locked& held) {
  if (held.repository() != write.repository)
    return fail(Errc::Internal,
                "the lock held is " + held.repository() + "'s, not " + write.repository + "'s");
  return commitLocked(write, record);
}

Result<std::string> DocumentStore::commitLocked(const DocumentCommit& write,
                                                const RecordInTransaction& record) {
  auto writer = writerFor(write.repository);
  if (!writer) return std::unexpected(writer.error());
  git_repository* repo = (*writer)->repo.get();
  auto& packer = (*writer)->packer;
  packer.discard();  // whatever a failed save before this one left

  const auto head = db_.read([&](Reading& c) { return headOf(c, write.repository); });

  // 1. Objects, as one fsynced pack.
  auto version = git::writeCommit(repo, head, write.files, write.author, write.message, write.at);
  if (!version) return version;
  if (auto stored = packer.writePack(); !stored) return std::unexpected(stored.error());
  ++(*writer)->packs;
  if (stepHook_) stepHook_(WriteStep::ObjectsWritten);

  // 2. The transaction that names them: from here on the write is acknowledged.
  auto recorded = db_.write([&](Writing& c) -> Status {
    if (headOf(c, write.repository) != head)
      return fail(Errc::Conflict, Reason::DocumentBusy, "the repository moved during the write");
    if (isSealed(c, write.repository, write.document))
      return fail(Errc::Conflict, Reason::DocumentRegistered,
                  "the document is registered and never changes again");
    const auto current = documentHead(c, write.repository, write.document);
    if (write.expectedVersion && current.value_or("") != *write.expectedVersion)
      return fail(Errc::Conflict, Reason::VersionMovedOn, "the document has a newer version");
    c.prepare(
         "INSERT INTO repositories (name, head) VALUES (?1, ?2) "
         "ON CONFLICT (name) DO UPDATE SET head = excluded.head")
        .bindAll(write.repository, *version)
        .run();
    c.prepare(
         "INSERT INTO document_versions (repository, document, version, parent_version, "
         "author_id, author_name, message, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bindAll(write.repository, write.document, *version, current, write.authorId,
                 write.author.name, write.message, formatIsoUtc(write.at))
        .run();
    if (record) return record(c, *version);
    return {};
  });
  if (!recorded) return std::unexpected(recorded.error());
  if (stepHook_) stepHook_(WriteStep::TransactionCommitted);

  // 3. The branch. Should the swap fail (a ref left behind by a crash), SQLite already holds the
  // truth, so the branch is set to it.
  if (auto moved = git::moveBranch(repo, *version, head, write.message); !moved) {
    if (auto forced = git::forceBranch(repo, *version, "repair: " + write.message); !forced)
      return std::unexpected(forced.error());
  }
  if (stepHook_) stepHook_(WriteStep::BranchMoved);
  if ((*writer)->packs > kMostPacks) requestMerge(write.repository);
  return version;
}

std::optional<std::string> DocumentStore::currentVersion(const std::string& repository,
                                                         const std::string& document) {
  return db_.read([&](Reading& c) { return documentHead(c, repository, document); });
}

std::vector<DocumentVersion> DocumentStore::versions(const std::string& repository,
                                                     const std::string& document) {
  return versionPage(repository, document, {}).rows;
}

Page<DocumentVersion> DocumentStore::versionPage(const std::string& repository,
                                                 const std::string& document, PageSpan span) {
  return db_.read([&](Reading& c) {
    Page<DocumentVersion> out;
    auto stmt = c.prepare(
        "SELECT version, parent_version, author_id, author_name, message, created_at "
        "FROM document_versions WHERE repository = ?1 AND document = ?2 ORDER BY id LIMIT ?3 "
        "OFFSET ?4");
    stmt.bindAll(repository, document, rowLimit(span.limit), span.offset);
    while (stmt.step())
      out.rows.push_back({stmt.text(0), stmt.optionalText(1), stmt.optionalInt64(2), stmt.text(3),
                          stmt.text(4), stmt.text(5)});
    auto count =
        c.prepare("SELECT COUNT(*) FROM document_versions WHERE repository = ?1 AND document = ?2");
    count.bindAll(repository, document);
    out.total = count.step() ? count.int64(0) : 0;
    return out;
  });
}

bool DocumentStore::hasVersion(const std::string& repository, const std::string& document,
                               const std::string& version) {
  return db_.read([&](Reading& c) { return hasVersionIn(c, repository, document, version); });
}

bool DocumentStore::hasVersionIn(Reading& c, const std::string& repository,
                                 const std::string& document, const std::string& version) {
  auto stmt = c.prepare(
      "SELECT 1 FROM document_versions WHERE repository = ?1 AND document = ?2 AND version = ?3");
  stmt.bindAll(repository, document, version);
  return stmt.step();
}

Result<std::string> DocumentStore::readFile(const std::string& repository,
                                            const std::string& version, const std::string& path) {
  auto repo = git::open(pathOf(repository));
  if (!repo) return std::unexpected(repo.error());
  return git::readFile(repo->get(), version, path);
}

Result<std::string> DocumentStore::diff(const std::string& repository, const std::string& from,
                                        const std::string& to,
                                        const std::vector<std::string>& paths) {
  auto repo = git::open(pathOf(repository));
  if (!repo) return std::unexpected(repo.error());
  return git::diffCommits(repo->get(), from, to, paths);
}

namespace {

bool isHex(std::string_view s, std::size_t n) {
  return s.size() == n && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Only the files git asks for, so no path can leave the objects folder.
bool isServablePath(std::string_view path) {
  if (path == "HEAD" || path == "info/refs" || path == "objects/info/packs") return true;
  if (path.starts_with("objects/pack/pack-")) {
    const auto name = path.substr(18);
    return (name.ends_with(".pack") || name.ends_with(".idx")) &&
           isHex(name.substr(0, name.find('.')), 40);
  }
  return path.size() == 8 + 2 + 1 + 38 && path.starts_with("objects/") && path[10] == '/' &&
         isHex(path.substr(8, 2), 2) && isHex(path.substr(11), 38);
}

Result<std::string> readWhole(const std::filesystem::path& file) {
  const Handle<std::FILE, fclose> f(std::fopen(file.c_str(), "rb"));
  if (!f) return fail(Errc::NotFound, "no such file");
  std::string out;
  char buffer[65536];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get())) out.append(buffer, n);
  return out;
}

}  // namespace

Result<std::string> DocumentStore::dumbHttpFile(const std::string& repository,
                                                const std::string& path) {
  if (!isServablePath(path)) return fail(Errc::NotFound, "no such file");
  const auto dir = pathOf(repository);
  if (!std::filesystem::exists(dir / "HEAD")) return fail(Errc::NotFound, "no documents yet");
  if (path == "HEAD") return std::string("ref: ") + git::kMainBranch + "\n";
  if (path == "info/refs") {
    auto repo = git::open(dir);
    if (!repo) return std::unexpected(repo.error());
    return git::infoRefs(repo->get());
  }
  if (path == "objects/info/packs") {
    // Live packs only: a retired one stays readable for a clone that listed it before, but no
    // new clone starts on it (git_packs.hpp, retiredPacks).
    auto repo = git::open(dir);
    if (!repo) return std::unexpected(repo.error());
    const auto retired = git::retiredPacks(repo->get());
    std::string out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir / "objects" / "pack", ec)) {
      const auto stem = e.path().stem().string();
      if (e.path().extension() == ".pack" && stem.starts_with("pack-") &&
          !retired.contains(stem.substr(5)))
        out += "P " + e.path().filename().string() + "\n";
    }
    return out + "\n";
  }
  return readWhole(dir / path);
}

Status DocumentStore::tagVersion(const std::string& repository, const std::string& tag,
                                 const std::string& version, const git::Author& tagger,
                                 const std::string& message, TimePoint at) {
  return withRepository(repository, [&](git_repository* repo) {
    return git::createTag(repo, tag, version, tagger, message, at);
  });
}

Status DocumentStore::withRepository(const std::string& repository,
                                     const std::function<Status(git_repository*)>& work) {
  const auto held = lock(repository);
  auto repo = openRepository(repository);
  if (!repo) return std::unexpected(repo.error());
  return work(repo->get());
}

void DocumentStore::seal(Writing& c, const std::string& repository, const std::string& document,
                         const std::string& reason, TimePoint at) {
  c.prepare(
       "INSERT INTO sealed_documents (repository, document, reason, sealed_at) "
       "VALUES (?1, ?2, ?3, ?4)")
      .bindAll(repository, document, reason, formatIsoUtc(at))
      .run();
}

std::optional<std::string> DocumentStore::currentVersionIn(Reading& c,
                                                           const std::string& repository,
                                                           const std::string& document) {
  return documentHead(c, repository, document);
}

bool DocumentStore::sealed(const std::string& repository, const std::string& document) {
  return db_.read([&](Reading& c) { return isSealed(c, repository, document); });
}

Result<std::vector<std::string>> DocumentStore::repairRepositories() {
  const std::vector<std::string> names = db_.read([](Reading& c) {
    std::vector<std::string> out;
    auto stmt = c.prepare("SELECT name FROM repositories ORDER BY name");
    while (stmt.step()) out.push_back(stmt.text(0));
    return out;
  });
  std::vector<std::string> repaired;
  for (const auto& name : names) {
    const auto dir = pathOf(name);
    if (!std::filesystem::exists(dir / "HEAD"))
      return fail(Errc::Internal, "repository " + name + " is missing at " + dir.string());
    // Another server on the same folder (PostgreSQL) may be writing here: its git lock files are
    // not stale, and its branch may be a moment behind its commit. Under the lock the repository
    // is between two writes, and the head is read now, not before another process's commit.
    const auto held = lock(name);
    const std::string head = *db_.read([&](Reading& c) { return headOf(c, name); });
    git::removeStaleLocks(dir);
    auto repo = git::open(dir);
    if (!repo) return std::unexpected(repo.error());
    if (auto pruned = git::pruneRetiredPacks(repo->get(), Clock::now(), retiredPackGrace_); !pruned)
      return std::unexpected(pruned.error());
    auto indexes = git::repairPackIndexes(repo->get());
    if (!indexes) return std::unexpected(indexes.error());
    for (const auto& rebuilt : *indexes) repaired.push_back(name + ": " + rebuilt);
    if (!git::commitExists(repo->get(), head))
      return fail(Errc::Internal, "repository " + name + " lacks its recorded version " + head);
    const auto branch = git::branchTarget(repo->get());
    if (branch == head) continue;
    if (auto forced =
            git::forceBranch(repo->get(), head, "repair: branch set to the recorded head");
        !forced)
      return std::unexpected(forced.error());
    repaired.push_back(name + ": " + branch.value_or("(none)") + " -> " + head);
  }
  // A registration is acknowledged by its transaction; its tag follows. One that a crash lost in
  // between is put back here.
  const auto tags = db_.read([](Reading& c) {
    std::vector<std::array<std::string, 4>> out;
    auto stmt = c.prepare(
        "SELECT repository, tag, version, number FROM registry UNION ALL "
        "SELECT repository, tag, version, number FROM report_registry UNION ALL "
        "SELECT repository, tag, version, number FROM annual_registry ORDER BY 4");
    while (stmt.step()) out.push_back({stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3)});
    return out;
  });
  for (const auto& [repository, tag, version, number] : tags) {
    const auto held = lock(repository);
    auto repo = git::open(pathOf(repository));
    if (!repo) return std::unexpected(repo.error());
    if (git::tagTarget(repo->get(), tag) == version) continue;
    if (auto made = git::createTag(repo->get(), tag, version, {"Samverkan", "samverkan@localhost"},
                                   "Diarieförd som " + number, Clock::now());
        !made)
      return std::unexpected(made.error());
    repaired.push_back(repository + ": tag " + tag + " -> " + version);
  }
  return repaired;
}

}  // namespace sv::store
