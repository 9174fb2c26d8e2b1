// How the document store's git objects reach the disk: a version's blobs, trees and commit go
// into one pack file, fsynced once with its index and folder, instead of loose objects that
// libgit2 would fsync one by one with their folders (about 15 fsyncs for a version of two files).
// The packs of many saves are merged from time to time so that reads stay fast.
#pragma once

#include <git2.h>

#include <chrono>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "server/store/git_writer_odb.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::store::git {

// While it lives, every object written through `repo` is kept in memory (it gives `repo` an object
// database of its own for that, git_writer_odb.hpp); writePack() stores them
// and lets go of them (later reads find them in the pack). The repository must outlive it.
class PackedWrites {
 public:
  static Result<PackedWrites> start(git_repository* repo);

  // One pack with its index in objects/pack: the pack's data and the folder fsynced, the index
  // rebuilt at start-up if a power cut spoils it. Nothing is written when no new object was made
  // (every object already existed).
  Status writePack();
  // Forgets objects written since the last pack (a save that failed half-way).
  void discard();

 private:
  PackedWrites(git_repository* repo, const WriterObjects& objects)
      : repo_(repo), objects_(objects) {}

  git_repository* repo_;
  WriterObjects objects_;  // owned by the repository's object database
};

// Start-up, after a crash or a power cut: builds again every pack index that is missing, torn or
// not the pack's own (a save's index is not fsynced; its pack is). Returns what it rebuilt.
Result<std::vector<std::string>> repairPackIndexes(git_repository* repo);

// How many live packs objects/pack holds (names only, no stat: it runs when a writer opens);
// retired packs do not count.
std::size_t packCount(git_repository* repo);

// The packs to merge when objects/pack holds more than `mostPacks` live ones: all but the largest,
// which keeps each merge proportional to what came since the last one. Call it while no write is
// half-way, so that every pack named is complete.
std::vector<std::string> packsToMerge(git_repository* repo, std::size_t mostPacks);

// Writes the objects of `packs` (as named by packsToMerge) into one pack, with deltas between
// versions, fsynced, then retires them at `at`. Safe beside writers and readers: the objects are
// durable in the new pack before the old ones are retired, and retired packs stay readable.
Status mergePacks(git_repository* repo, const std::vector<std::string>& packs, TimePoint at);

// A merged pack is not removed at once: a reader may have listed it a moment before (git fsck,
// a dumb-HTTP clone that fetched objects/info/packs, a libgit2 handle that has not opened the
// index yet) and would fail on a pack that vanished under it. It is retired instead: named with
// the time in <gitdir>/retired-packs, no longer listed in objects/info/packs, counted or merged,
// and removed by pruneRetiredPacks once it has been retired longer than the grace period (git's
// own gc waits for an expiry for the same reason). Its objects are in the merged pack too, so a
// retired pack is a harmless duplicate until then.
std::set<std::string> retiredPacks(git_repository* repo);
// Removes the retired packs older than `grace` at `now`; returns their names.
Result<std::vector<std::string>> pruneRetiredPacks(git_repository* repo, TimePoint now,
                                                   std::chrono::seconds grace);

}  // namespace sv::store::git
