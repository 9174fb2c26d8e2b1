// Documents in git, indexed in SQLite, written in the one order that survives a crash anywhere:
//   1. git objects (blobs, trees, the commit) as one pack, fsynced, reachable from nothing yet;
//   2. the SQLite transaction that names the new commit (repository head, document version and
//      whatever the caller records with it, such as the audit entry) — the acknowledgement point;
//   3. the branch moved to the commit with compare-and-swap, without fsync.
// A crash after 1 leaves unreferenced objects (harmless); after 2 or a power cut after 3, a branch
// behind SQLite, which repairRepositories() moves forward at start-up. SQLite is the truth.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "server/store/git.hpp"
#include "server/store/git_packs.hpp"
#include "server/store/handle.hpp"
#include "server/store/paging.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::store {

class Database;

enum class WriteStep { ObjectsWritten, TransactionCommitted, BranchMoved };

struct DocumentCommit {
  std::string repository;  // e.g. "contract-12"
  std::string document;    // the index key, e.g. "meetings/12/minutes"
  std::vector<git::FileChange> files;
  git::Author author;
  std::optional<std::int64_t> authorId;
  std::string message;
  TimePoint at;
  // The document version the writer saw (If-Match); nullopt for "any". A document that has no
  // version yet is matched by the empty string.
  std::optional<std::string> expectedVersion;
};

struct DocumentVersion {
  std::string version;
  std::optional<std::string> parent;
  std::optional<std::int64_t> authorId;
  std::string authorName;
  std::string message;
  std::string createdAt;
};

// Called inside the SQLite transaction of step 2 with the new commit id; an error rolls it back.
using RecordInTransaction = std::function<Status(Writing&, const std::string& version)>;

class DocumentStore {
 public:
  // `retiredPackGrace`: how long a pack that a merge replaced stays readable (git_packs.hpp).
  DocumentStore(Database& db, std::filesystem::path repositoriesDir,
                std::chrono::seconds retiredPackGrace = kRetiredPackGrace);
  ~DocumentStore();
  DocumentStore(const DocumentStore&) = delete;
  DocumentStore& operator=(const DocumentStore&) = delete;

  // A repository's lock: the mutex between this process's threads and, held with it, an flock on
  // <repositories>/<name>.lock between processes (several servers on one PostgreSQL and one
  // data folder, issue 18), so that the write order, a tag and a merge's listing of packs have
  // one writer across all of them. The kernel drops the flock of a process that dies.
  class Locked {
   public:
    Locked(std::mutex& mutex, const std::filesystem::path& file, std::string repository);
    Locked(Locked&&) = default;
    Locked& operator=(Locked&&) = default;
    const std::string& repository() const { return repository_; }

   private:
    std::unique_lock<std::mutex> thread_;
    FileDescriptor process_;
    std::string repository_;
  };
  // The lock held by the caller, from reading a document to committing its new version: a save
  // that lost the race to another writer takes it for its next round, so that no third writer
  // can come between (MinutesService::save). Not reentrant: commit with the lock given.
  Locked lock(const std::string& repository);

  // Errors: Conflict/VersionMovedOn (expectedVersion is not the current one), Conflict/
  // DocumentRegistered (the document is sealed), Conflict/DocumentBusy (another write moved the
  // repository between steps 1 and 2; nothing was recorded, try again); whatever `record` returns.
  Result<std::string> commit(const DocumentCommit& write, const RecordInTransaction& record = {});
  // The same under the caller's lock of the repository (lock()); Internal when it is another's.
  Result<std::string> commit(const DocumentCommit& write, const RecordInTransaction& record,
                             const Locked& held);

  std::optional<std::string> currentVersion(const std::string& repository,
                                            const std::string& document);
  std::vector<DocumentVersion> versions(const std::string& repository, const std::string& document);
  // `span` of the versions, oldest first, and how many there are, read in one snapshot.
  Page<DocumentVersion> versionPage(const std::string& repository, const std::string& document,
                                    PageSpan span);
  bool hasVersion(const std::string& repository, const std::string& document,
                  const std::string& version);
  // hasVersion as the caller's transaction sees it.
  static bool hasVersionIn(Reading& c, const std::string& repository, const std::string& document,
                           const std::string& version);
  Result<std::string> readFile(const std::string& repository, const std::string& version,
                               const std::string& path);

  Result<std::string> diff(const std::string& repository, const std::string& from,
                           const std::string& to, const std::vector<std::string>& paths);

  // For git's dumb HTTP protocol: info/refs as `git update-server-info` would write it, and the
  // bytes of HEAD, objects/info/packs, a loose object or a pack file. Any other path is not found.
  Result<std::string> dumbHttpFile(const std::string& repository, const std::string& path);

  // An annotated tag on `version` (a registration: the tag names the registry number), written
  // after the transaction that recorded it; should it fail, start-up puts it back.
  // Errors: Internal (git), Conflict when the tag exists on another commit (git::createTag).
  Status tagVersion(const std::string& repository, const std::string& tag,
                    const std::string& version, const git::Author& tagger,
                    const std::string& message, TimePoint at);

  // Runs `work` on the repository with the per-repository lock held (tags, clones).
  Status withRepository(const std::string& repository,
                        const std::function<Status(git_repository*)>& work);

  // Seals a document inside the caller's transaction: from its commit on, every write to the
  // document is refused, here and by a trigger in SQLite.
  static void seal(Writing& c, const std::string& repository, const std::string& document,
                   const std::string& reason, TimePoint at);
  bool sealed(const std::string& repository, const std::string& document);
  // The current version as the caller's transaction sees it.
  static std::optional<std::string> currentVersionIn(Reading& c, const std::string& repository,
                                                     const std::string& document);

  // Moves every branch to the head SQLite names and clears stale locks. Returns what it fixed.
  Result<std::vector<std::string>> repairRepositories();
  // Whether git holds what the database names, changing nothing: each repository's branch at its
  // recorded head, every document version's commit, every register row's tag at its version.
  // Returns what does not hold, one line each (repository_check.cpp).
  std::vector<std::string> checkRepositories();

  std::filesystem::path pathOf(const std::string& repository) const;

  // Each save writes one small pack; when a repository has more than this many, a background
  // thread merges them (git_packs.hpp), so that the save does not wait for the delta search.
  static constexpr std::size_t kMostPacks = 16;
  // The merge itself, now, on the caller's thread (the background thread runs this; tests too).
  // It first removes the packs that earlier merges retired longer than the grace period ago.
  Status mergePacks(const std::string& repository, TimePoint now = Clock::now());
  // Long enough for any reader that listed a pack to have read it: a dumb-HTTP clone of a large
  // repository over a slow line, git fsck, a long-lived libgit2 handle.
  static constexpr std::chrono::seconds kRetiredPackGrace{15 * 60};
  // Removes the retired packs older than the grace period at `now`; returns how many.
  Result<std::size_t> pruneRetiredPacks(const std::string& repository, TimePoint now);

  // For crash tests: called after each step; a test ends the process there.
  void setStepHook(std::function<void(WriteStep)> hook) { stepHook_ = std::move(hook); }

 private:
  Result<std::string> commitLocked(const DocumentCommit& write, const RecordInTransaction& record);
  Result<git::Repository> openRepository(const std::string& repository);
  // A repository's handle for saves, kept open between them (opening one and its pack indexes
  // again for every save cost as much as the save's own git work). Used under the repository's
  // lock; dropped after a merge of its packs.
  struct Writer {
    git::Repository repo;
    git::PackedWrites packer;
    std::size_t packs = 0;  // in objects/pack, counted at opening and by each save since
  };
  Result<Writer*> writerFor(const std::string& repository);
  void requestMerge(const std::string& repository);
  void runMerges();

  Database& db_;
  std::filesystem::path root_;
  std::chrono::seconds retiredPackGrace_;
  std::mutex locksMutex_;
  std::map<std::string, std::unique_ptr<std::mutex>> locks_;
  std::map<std::string, std::unique_ptr<Writer>> writers_;  // the map under locksMutex_
  std::function<void(WriteStep)> stepHook_;

  std::mutex mergeRunMutex_;
  std::mutex mergeMutex_;
  std::condition_variable mergeWake_;
  std::set<std::string> mergeQueue_;
  bool stopping_ = false;
  std::thread merger_;  // started at the first request, joined by the destructor
};

}  // namespace sv::store
