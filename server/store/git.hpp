// libgit2 behind RAII and Result: the few operations the document store needs. These functions
// write objects and move refs; they do not decide order or truth — documents.cpp does.
#pragma once

#include <git2.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "server/store/handle.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::store::git {

using Repository = Handle<git_repository, git_repository_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Tree = Handle<git_tree, git_tree_free>;
using Reference = Handle<git_reference, git_reference_free>;
using Signature = Handle<git_signature, git_signature_free>;
using Blob = Handle<git_blob, git_blob_free>;
using Object = Handle<git_object, git_object_free>;

// A git_buf is a struct filled in by libgit2, not a pointer it hands out, so Handle cannot hold it.
struct OwnedBuf {
  git_buf buf = GIT_BUF_INIT;
  OwnedBuf() = default;
  OwnedBuf(const OwnedBuf&) = delete;
  OwnedBuf& operator=(const OwnedBuf&) = delete;
  ~OwnedBuf() { git_buf_dispose(&buf); }
};

inline constexpr const char* kMainBranch = "refs/heads/main";

// Turns libgit2 on for this process. Its fsync stays off: objects are made durable as packs
// (git_packs.hpp), refs are put back from SQLite at start-up.
void initialise();

Error gitError(int rc, std::string_view what);  // reads git_error_last() now, on this thread

Result<Repository> openOrCreate(const std::filesystem::path& dir);
Result<Repository> open(const std::filesystem::path& dir);

struct FileChange {
  std::string path;                    // inside the repository, with '/'
  std::optional<std::string> content;  // nullopt removes the file
};

struct Author {
  std::string name;
  std::string email;
};

// Writes blobs, trees and a commit on top of `parent` (none for the first), without moving any ref.
// Durable only once a PackedWrites around it has written its pack.
Result<std::string> writeCommit(git_repository* repo, const std::optional<std::string>& parent,
                                const std::vector<FileChange>& changes, const Author& author,
                                const std::string& message, TimePoint at);

// Compare-and-swap on a branch: moves it from `expected` (nullopt: must not exist) to `target`.
Status moveBranch(git_repository* repo, const std::string& target,
                  const std::optional<std::string>& expected, const std::string& logMessage);
// Sets the branch whatever it points to now (start-up repair: SQLite is the truth).
Status forceBranch(git_repository* repo, const std::string& target, const std::string& logMessage);
std::optional<std::string> branchTarget(git_repository* repo);

Result<std::string> readFile(git_repository* repo, const std::string& commit,
                             const std::string& path);
bool commitExists(git_repository* repo, const std::string& commit);

// A unified diff (git's patch format) of `paths` between two commits.
Result<std::string> diffCommits(git_repository* repo, const std::string& from,
                                const std::string& to, const std::vector<std::string>& paths);

// An annotated tag on a commit, its object fsynced before the ref; refuses to move an existing
// tag to another commit.
Status createTag(git_repository* repo, const std::string& name, const std::string& commit,
                 const Author& tagger, const std::string& message, TimePoint at);
std::optional<std::string> tagTarget(git_repository* repo, const std::string& name);

// The refs as `git update-server-info` lists them in info/refs (tags followed by their peeled
// commit), for git's dumb HTTP protocol.
Result<std::string> infoRefs(git_repository* repo);

// Lock files a killed process left behind (refs/**.lock, packed-refs.lock, …) and half-written
// object and pack files. Only safe while this process holds the data folder's lock.
void removeStaleLocks(const std::filesystem::path& gitDir);

}  // namespace sv::store::git
