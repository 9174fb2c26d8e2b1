#include "server/store/git.hpp"

#include "server/store/durable_files.hpp"
#include "server/store/git_packs.hpp"

#include <algorithm>
#include <mutex>
#include <system_error>

namespace sv::store::git {
namespace {

Result<git_oid> parseOid(const std::string& hex) {
  git_oid oid;
  if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, hex.c_str()) < 0)
    return fail(Errc::Invalid, "not a version id: " + hex);
  return oid;
}

std::string toHex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

Result<Signature> makeSignature(const Author& author, TimePoint at) {
  git_signature* raw = nullptr;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch());
  if (int rc =
          git_signature_new(&raw, author.name.c_str(), author.email.c_str(), seconds.count(), 0);
      rc < 0)
    return std::unexpected(gitError(rc, "signature"));
  return Signature{raw};
}

Result<Tree> emptyTree(git_repository* repo) {
  git_treebuilder* builder = nullptr;
  if (int rc = git_treebuilder_new(&builder, repo, nullptr); rc < 0)
    return std::unexpected(gitError(rc, "tree builder"));
  Handle<git_treebuilder, git_treebuilder_free> owned{builder};
  git_oid oid;
  if (int rc = git_treebuilder_write(&oid, builder); rc < 0)
    return std::unexpected(gitError(rc, "write empty tree"));
  git_tree* tree = nullptr;
  if (int rc = git_tree_lookup(&tree, repo, &oid); rc < 0)
    return std::unexpected(gitError(rc, "look up empty tree"));
  return Tree{tree};
}

}  // namespace

void initialise() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // libgit2's own fsync stays off: it would fsync every loose object and its folder. The store
    // makes objects durable itself, one pack per write (git_packs.hpp); refs need no fsync, since
    // SQLite names every branch head and registry tag and start-up puts them back.
    // Objects are verified when written; a corrupt object is refused rather than stored.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
  });
}

Error gitError(int rc, std::string_view what) {
  const git_error* e = git_error_last();
  std::string detail = std::string(what) + ": " + (e && e->message ? e->message : "libgit2 error");
  const Errc code = rc == GIT_ENOTFOUND ? Errc::NotFound
                    : rc == GIT_EEXISTS || rc == GIT_EMODIFIED || rc == GIT_ELOCKED
                        ? Errc::Conflict
                        : Errc::Internal;
  return Error{code, Reason::None, detail};
}

Result<Repository> open(const std::filesystem::path& dir) {
  git_repository* raw = nullptr;
  if (int rc = git_repository_open_bare(&raw, dir.c_str()); rc < 0)
    return std::unexpected(gitError(rc, "open repository " + dir.string()));
  return Repository{raw};
}

Result<Repository> openOrCreate(const std::filesystem::path& dir) {
  if (std::filesystem::exists(dir / "HEAD")) return open(dir);
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  if (int rc = git_repository_init_ext(&raw, dir.c_str(), &options); rc < 0)
    return std::unexpected(gitError(rc, "create repository " + dir.string()));
  Repository repo{raw};
  // Durable before anything in it is acknowledged: start-up refuses a recorded repository that
  // is missing.
  if (auto synced = syncTree(dir); !synced) return std::unexpected(synced.error());
  return repo;
}

Result<std::string> writeCommit(git_repository* repo, const std::optional<std::string>& parent,
                                const std::vector<FileChange>& changes, const Author& author,
                                const std::string& message, TimePoint at) {
  Commit parentCommit;
  Tree baseline;
  if (parent) {
    auto oid = parseOid(*parent);
    if (!oid) return std::unexpected(oid.error());
    git_commit* raw = nullptr;
    if (int rc = git_commit_lookup(&raw, repo, &*oid); rc < 0)
      return std::unexpected(gitError(rc, "look up parent " + *parent));
    parentCommit.reset(raw);
    git_tree* tree = nullptr;
    if (int rc = git_commit_tree(&tree, raw); rc < 0)
      return std::unexpected(gitError(rc, "tree of parent"));
    baseline.reset(tree);
  } else {
    auto tree = emptyTree(repo);
    if (!tree) return std::unexpected(tree.error());
    baseline = std::move(*tree);
  }

  std::vector<git_tree_update> updates;
  updates.reserve(changes.size());
  for (const auto& change : changes) {
    git_tree_update update{};
    update.path = change.path.c_str();
    if (change.content) {
      if (int rc = git_blob_create_from_buffer(&update.id, repo, change.content->data(),
                                               change.content->size());
          rc < 0)
        return std::unexpected(gitError(rc, "write " + change.path));
      update.action = GIT_TREE_UPDATE_UPSERT;
      update.filemode = GIT_FILEMODE_BLOB;
    } else {
      update.action = GIT_TREE_UPDATE_REMOVE;
    }
    updates.push_back(update);
  }
  git_oid treeOid;
  if (int rc =
          git_tree_create_updated(&treeOid, repo, baseline.get(), updates.size(), updates.data());
      rc < 0)
    return std::unexpected(gitError(rc, "write tree"));
  git_tree* rawTree = nullptr;
  if (int rc = git_tree_lookup(&rawTree, repo, &treeOid); rc < 0)
    return std::unexpected(gitError(rc, "look up tree"));
  Tree tree{rawTree};

  auto signature = makeSignature(author, at);
  if (!signature) return std::unexpected(signature.error());
  const git_commit* parents[1] = {parentCommit.get()};
  git_oid commitOid;
  if (int rc = git_commit_create(&commitOid, repo, nullptr, signature->get(), signature->get(),
                                 "UTF-8", message.c_str(), tree.get(), parent ? 1 : 0, parents);
      rc < 0)
    return std::unexpected(gitError(rc, "write commit"));
  return toHex(commitOid);
}

Status moveBranch(git_repository* repo, const std::string& target,
                  const std::optional<std::string>& expected, const std::string& logMessage) {
  auto to = parseOid(target);
  if (!to) return std::unexpected(to.error());
  git_reference* raw = nullptr;
  int rc = 0;
  if (expected) {
    auto from = parseOid(*expected);
    if (!from) return std::unexpected(from.error());
    rc =
        git_reference_create_matching(&raw, repo, kMainBranch, &*to, 1, &*from, logMessage.c_str());
  } else {
    rc = git_reference_create(&raw, repo, kMainBranch, &*to, 0, logMessage.c_str());
  }
  if (rc < 0) return std::unexpected(gitError(rc, "move branch"));
  const Reference made{raw};  // only its existence matters
  return {};
}

Status forceBranch(git_repository* repo, const std::string& target, const std::string& logMessage) {
  auto to = parseOid(target);
  if (!to) return std::unexpected(to.error());
  git_reference* raw = nullptr;
  if (int rc = git_reference_create(&raw, repo, kMainBranch, &*to, 1, logMessage.c_str()); rc < 0)
    return std::unexpected(gitError(rc, "set branch"));
  const Reference made{raw};  // only its existence matters
  return {};
}

std::optional<std::string> branchTarget(git_repository* repo) {
  git_oid oid;
  if (git_reference_name_to_id(&oid, repo, kMainBranch) < 0) return std::nullopt;
  return toHex(oid);
}

Result<std::string> readFile(git_repository* repo, const std::string& commit,
                             const std::string& path) {
  auto oid = parseOid(commit);
  if (!oid) return std::unexpected(oid.error());
  git_commit* rawCommit = nullptr;
  if (int rc = git_commit_lookup(&rawCommit, repo, &*oid); rc < 0)
    return std::unexpected(gitError(rc, "look up version " + commit));
  Commit owned{rawCommit};
  git_tree* rawTree = nullptr;
  if (int rc = git_commit_tree(&rawTree, rawCommit); rc < 0)
    return std::unexpected(gitError(rc, "tree of " + commit));
  Tree tree{rawTree};
  git_tree_entry* entry = nullptr;
  if (int rc = git_tree_entry_bypath(&entry, rawTree, path.c_str()); rc < 0)
    return std::unexpected(gitError(rc, path + " in " + commit));
  Handle<git_tree_entry, git_tree_entry_free> ownedEntry{entry};
  git_blob* rawBlob = nullptr;
  if (int rc = git_blob_lookup(&rawBlob, repo, git_tree_entry_id(entry)); rc < 0)
    return std::unexpected(gitError(rc, "read " + path));
  Blob blob{rawBlob};
  const auto* data = static_cast<const char*>(git_blob_rawcontent(rawBlob));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(rawBlob)));
}

bool commitExists(git_repository* repo, const std::string& commit) {
  auto oid = parseOid(commit);
  if (!oid) return false;
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &*oid) < 0) return false;
  const Commit found{raw};
  return true;
}

namespace {

Result<Tree> treeOf(git_repository* repo, const std::string& commit) {
  auto oid = parseOid(commit);
  if (!oid) return std::unexpected(oid.error());
  git_commit* raw = nullptr;
  if (int rc = git_commit_lookup(&raw, repo, &*oid); rc < 0)
    return std::unexpected(gitError(rc, "look up version " + commit));
  Commit owned{raw};
  git_tree* tree = nullptr;
  if (int rc = git_commit_tree(&tree, raw); rc < 0)
    return std::unexpected(gitError(rc, "tree of " + commit));
  return Tree{tree};
}

}  // namespace

Result<std::string> diffCommits(git_repository* repo, const std::string& from,
                                const std::string& to, const std::vector<std::string>& paths) {
  auto oldTree = treeOf(repo, from);
  if (!oldTree) return std::unexpected(oldTree.error());
  auto newTree = treeOf(repo, to);
  if (!newTree) return std::unexpected(newTree.error());
  std::vector<char*> specs;
  for (const auto& p : paths) specs.push_back(const_cast<char*>(p.c_str()));
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.pathspec.strings = specs.data();
  options.pathspec.count = specs.size();
  options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  git_diff* rawDiff = nullptr;
  if (int rc = git_diff_tree_to_tree(&rawDiff, repo, oldTree->get(), newTree->get(), &options);
      rc < 0)
    return std::unexpected(gitError(rc, "diff"));
  Handle<git_diff, git_diff_free> diff{rawDiff};
  OwnedBuf patch;
  if (int rc = git_diff_to_buf(&patch.buf, rawDiff, GIT_DIFF_FORMAT_PATCH); rc < 0)
    return std::unexpected(gitError(rc, "format diff"));
  return std::string(patch.buf.ptr, patch.buf.size);
}

Status createTag(git_repository* repo, const std::string& name, const std::string& commit,
                 const Author& tagger, const std::string& message, TimePoint at) {
  if (auto existing = tagTarget(repo, name)) {
    if (*existing == commit) return {};
    return fail(Errc::Conflict, "tag " + name + " already names another version");
  }
  auto oid = parseOid(commit);
  if (!oid) return std::unexpected(oid.error());
  git_object* target = nullptr;
  if (int rc = git_object_lookup(&target, repo, &*oid, GIT_OBJECT_COMMIT); rc < 0)
    return std::unexpected(gitError(rc, "look up " + commit));
  Object owned{target};
  auto signature = makeSignature(tagger, at);
  if (!signature) return std::unexpected(signature.error());
  // The tag object is durable before the ref names it, so a crash never leaves a tag pointing
  // at nothing. Overwriting is safe here: a tag naming another version was refused above, and
  // one that names a lost object is what start-up repairs.
  auto batch = PackedWrites::start(repo);
  if (!batch) return std::unexpected(batch.error());
  git_oid tagOid;
  if (int rc = git_tag_annotation_create(&tagOid, repo, name.c_str(), target, signature->get(),
                                         message.c_str());
      rc < 0)
    return std::unexpected(gitError(rc, "create tag " + name));
  if (auto stored = batch->writePack(); !stored) return stored;
  git_reference* ref = nullptr;
  if (int rc = git_reference_create(&ref, repo, ("refs/tags/" + name).c_str(), &tagOid, 1,
                                    ("tag " + name).c_str());
      rc < 0)
    return std::unexpected(gitError(rc, "name tag " + name));
  const Reference made{ref};  // only its existence matters
  return {};
}

std::optional<std::string> tagTarget(git_repository* repo, const std::string& name) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, ("refs/tags/" + name + "^{commit}").c_str()) < 0)
    return std::nullopt;
  Object owned{raw};
  return toHex(*git_object_id(raw));
}

Result<std::string> infoRefs(git_repository* repo) {
  git_reference_iterator* rawIt = nullptr;
  if (int rc = git_reference_iterator_new(&rawIt, repo); rc < 0)
    return std::unexpected(gitError(rc, "list refs"));
  Handle<git_reference_iterator, git_reference_iterator_free> it{rawIt};
  std::vector<std::pair<std::string, std::string>> lines;  // name, line(s)
  git_reference* raw = nullptr;
  while (git_reference_next(&raw, rawIt) == 0) {
    Reference ref{raw};
    if (git_reference_type(raw) != GIT_REFERENCE_DIRECT) continue;
    const std::string name = git_reference_name(raw);
    std::string text = toHex(*git_reference_target(raw)) + "\t" + name + "\n";
    git_object* peeled = nullptr;
    if (name.starts_with("refs/tags/") &&
        git_reference_peel(&peeled, raw, GIT_OBJECT_COMMIT) == 0) {
      Object owned{peeled};
      const std::string target = toHex(*git_object_id(peeled));
      if (target != toHex(*git_reference_target(raw))) text += target + "\t" + name + "^{}\n";
    }
    lines.emplace_back(name, std::move(text));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& [name, text] : lines) out += text;
  return out;
}

void removeStaleLocks(const std::filesystem::path& gitDir) {
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(gitDir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    const bool lock = it->path().extension() == ".lock";
    const bool halfWrittenObject = name.starts_with("tmp_object_git2_") ||
                                   name.starts_with("pack_git2_") ||
                                   name.starts_with("tmp_pack_") || name.starts_with("tmp_idx_");
    if (it->is_regular_file() && (lock || halfWrittenObject))
      std::filesystem::remove(it->path(), ec);
  }
}

}  // namespace sv::store::git
