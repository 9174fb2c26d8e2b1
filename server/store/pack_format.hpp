// git's pack format (version 2) and its index (version 2), written for whole objects: the bytes
// of one save's new objects, ready to be put on disk without a second pass over them.
#pragma once

#include <git2.h>

#include <string>
#include <string_view>
#include <vector>

#include "workflows/result.hpp"

namespace sv::store::git {

struct PackObject {
  git_oid id;  // as libgit2 computed it when the object was written
  git_object_t type;
  std::string_view data;
};

struct PackFiles {
  std::string name;   // the pack's checksum in hex: the files are pack-<name>.pack and .idx
  std::string pack;   // "PACK", version, count, each object's header and zlib stream, SHA-1
  std::string index;  // fan-out table, sorted ids, CRC-32s, offsets, both checksums
};

// No deltas: a save's few new objects rarely resemble each other; merging packs later finds the
// deltas between versions. The fastest zlib level, for the same reason.
Result<PackFiles> buildPack(std::vector<PackObject> objects);

}  // namespace sv::store::git
