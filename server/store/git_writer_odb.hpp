// The object database of a repository handle that saves (PackedWrites): new objects are kept in
// memory until they go into one pack, and the packs on disk are not listed again for every new
// object. Internal to the store's git code (git_packs.cpp).
#pragma once

#include <git2.h>
#include <git2/sys/odb_backend.h>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "workflows/result.hpp"

namespace sv::store::git {

// An object database back-end in memory that remembers which objects were written to it, so that
// exactly those go into the pack. (libgit2's mempack would pack whole commits, trees and every
// blob they name included, and cannot hold a tag.)
struct MemoryObjects {
  struct Object {
    git_object_t type;
    std::string data;
  };
  git_odb_backend backend;  // first, so that libgit2's pointer is this object's
  std::unordered_map<std::string, Object> byId;  // key: the 20 raw bytes of the id
  std::vector<git_oid> fresh;                    // written and not packed yet, in order

  static std::string key(const git_oid* id);
};

// libgit2's back-end for objects/pack, with one change: asking whether a new object exists never
// rescans the folder. libgit2 rescans objects/pack for every object it is asked to write that it
// has not got (another writer may have packed it meanwhile), and a rescan matches every file name
// against every pack it has loaded: with the packs a merge retired and keeps for their grace
// period that is hundreds of thousands of comparisons for each object of each save (measured in
// BENCHMARKS.md, "Saves under continuous saving"). Skipping it can only write an object a second
// time, into this save's pack, which git allows. A read that misses still rescans, so an object
// another process packed is found as before.
struct WriterPacks {
  git_odb_backend backend;  // first, as above
  git_odb_backend* inner = nullptr;
  bool writeMissed = false;  // the last question was a write's, and the object was not here
  std::size_t written = 0;   // packs of this handle's own saves opened beside the folder's
};

// The parts of a writer's object database that PackedWrites uses; the database owns them.
struct WriterObjects {
  git_odb* odb = nullptr;  // the repository's, referenced by it
  MemoryObjects* memory = nullptr;
  WriterPacks* packs = nullptr;
};

// Gives `repo` a new object database: its loose objects, its packs (as above) and, above
// both, the memory where new objects are written.
Result<WriterObjects> giveWriterObjects(git_repository* repo);

// Lets `objects` read the pack just written through `index` without a rescan of the folder (up to a
// bound; past it a read that misses rescans, as libgit2 does). A writer's handle is dropped after
// each merge of its packs, so the bound is met only when merges fail.
Status addWrittenPack(const WriterObjects& objects, const std::filesystem::path& index);

}  // namespace sv::store::git
