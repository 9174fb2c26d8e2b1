// fsync for the files the store writes itself, so that the store decides which writes must reach
// the disk before an acknowledgement (objects) and which SQLite can put back after a crash (refs).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

#include "workflows/result.hpp"

namespace sv::store {

// Creates (or replaces) `file` with `bytes`; with `sync`, fdatasyncs it before it returns.
// Read-only for everyone unless `mode` says otherwise (a key is 0600).
Status writeFile(const std::filesystem::path& file, std::string_view bytes, bool sync,
                 mode_t mode = 0444);
// The file's data and the metadata needed to read it back (fdatasync).
Status syncFile(const std::filesystem::path& file);
// The folder's entries: a file created or renamed inside it survives a power cut.
Status syncDirectory(const std::filesystem::path& dir);
// Every file and folder under `root`, then `root`'s parent: for a tree written once (a new
// repository), where one fsync per write would cost more than one pass at the end.
Status syncTree(const std::filesystem::path& root);

}  // namespace sv::store
