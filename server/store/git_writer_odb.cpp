#include "server/store/git_writer_odb.hpp"

#include <git2/sys/repository.h>

#include <cstring>

#include "server/store/git.hpp"
#include "server/store/handle.hpp"

namespace sv::store::git {
namespace {

namespace fs = std::filesystem;

using OdbReference = Handle<git_odb, git_odb_free>;

// A back-end is freed through its own function, until an object database takes it over.
void releaseBackend(git_odb_backend* backend) {
  backend->free(backend);
}
using OwnedBackend = Handle<git_odb_backend, releaseBackend>;

// libgit2's own priorities for the two kinds: packs are asked first.
constexpr int kLoosePriority = 1;
constexpr int kPackedPriority = 2;
constexpr int kMemoryPriority = 1000;  // above both, so that new objects are written here

MemoryObjects* memoryOf(git_odb_backend* backend) {
  return reinterpret_cast<MemoryObjects*>(backend);
}

const MemoryObjects::Object* find(git_odb_backend* backend, const git_oid* id) {
  const auto& byId = memoryOf(backend)->byId;
  const auto it = byId.find(MemoryObjects::key(id));
  return it == byId.end() ? nullptr : &it->second;
}

int memoryRead(void** data, std::size_t* size, git_object_t* type, git_odb_backend* backend,
               const git_oid* id) {
  const auto* object = find(backend, id);
  if (!object) return GIT_ENOTFOUND;
  *data = git_odb_backend_data_alloc(backend, object->data.size());
  if (!*data) return -1;
  std::memcpy(*data, object->data.data(), object->data.size());
  *size = object->data.size();
  *type = object->type;
  return 0;
}

int memoryReadHeader(std::size_t* size, git_object_t* type, git_odb_backend* backend,
                     const git_oid* id) {
  const auto* object = find(backend, id);
  if (!object) return GIT_ENOTFOUND;
  *size = object->data.size();
  *type = object->type;
  return 0;
}

int memoryWrite(git_odb_backend* backend, const git_oid* id, const void* data, std::size_t size,
                git_object_t type) {
  auto* memory = memoryOf(backend);
  const auto [it, added] = memory->byId.try_emplace(
      MemoryObjects::key(id),
      MemoryObjects::Object{type, std::string(static_cast<const char*>(data), size)});
  if (added) memory->fresh.push_back(*id);
  return 0;
}

int memoryExists(git_odb_backend* backend, const git_oid* id) {
  return find(backend, id) ? 1 : 0;
}

void memoryFree(git_odb_backend* backend) {
  delete memoryOf(backend);
}

MemoryObjects* newMemoryObjects() {
  auto* memory = new MemoryObjects{};
  git_odb_init_backend(&memory->backend, GIT_ODB_BACKEND_VERSION);
  memory->backend.read = memoryRead;
  memory->backend.read_header = memoryReadHeader;
  memory->backend.write = memoryWrite;
  memory->backend.exists = memoryExists;
  memory->backend.free = memoryFree;
  return memory;
}

// Every call goes to libgit2's pack back-end as it is, and notes whether it was a write's.
git_odb_backend* innerOf(git_odb_backend* backend, bool write = false) {
  auto* packs = reinterpret_cast<WriterPacks*>(backend);
  packs->writeMissed = write;
  return packs->inner;
}

int packsRead(void** data, std::size_t* size, git_object_t* type, git_odb_backend* backend,
              const git_oid* id) {
  auto* inner = innerOf(backend);
  return inner->read(data, size, type, inner, id);
}

int packsReadPrefix(git_oid* found, void** data, std::size_t* size, git_object_t* type,
                    git_odb_backend* backend, const git_oid* prefix, std::size_t length) {
  auto* inner = innerOf(backend);
  return inner->read_prefix(found, data, size, type, inner, prefix, length);
}

int packsReadHeader(std::size_t* size, git_object_t* type, git_odb_backend* backend,
                    const git_oid* id) {
  auto* inner = innerOf(backend);
  return inner->read_header(size, type, inner, id);
}

int packsExists(git_odb_backend* backend, const git_oid* id) {
  auto* inner = innerOf(backend);
  return inner->exists(inner, id);
}

int packsExistsPrefix(git_oid* found, git_odb_backend* backend, const git_oid* prefix,
                      std::size_t length) {
  auto* inner = innerOf(backend);
  return inner->exists_prefix(found, inner, prefix, length);
}

int packsForeach(git_odb_backend* backend, git_odb_foreach_cb callback, void* payload) {
  auto* inner = innerOf(backend);
  return inner->foreach (inner, callback, payload);
}

// libgit2 asks this before it writes an object (git_odb__freshen), then, if no back-end had it,
// refreshes every back-end and asks again.
int packsFreshen(git_odb_backend* backend, const git_oid* id) {
  auto* inner = innerOf(backend, true);
  const int rc = inner->freshen(inner, id);
  if (rc == 0) reinterpret_cast<WriterPacks*>(backend)->writeMissed = false;
  return rc;
}

int packsRefresh(git_odb_backend* backend) {
  auto* packs = reinterpret_cast<WriterPacks*>(backend);
  if (packs->writeMissed) return 0;
  return packs->inner->refresh(packs->inner);
}

void packsFree(git_odb_backend* backend) {
  auto* packs = reinterpret_cast<WriterPacks*>(backend);
  packs->inner->free(packs->inner);
  delete packs;
}

Result<WriterPacks*> newWriterPacks(const fs::path& objects) {
  git_odb_backend* rawInner = nullptr;
  if (int rc = git_odb_backend_pack(&rawInner, objects.c_str()); rc < 0)
    return std::unexpected(gitError(rc, "pack back-end"));
  auto* packs = new WriterPacks{};
  git_odb_init_backend(&packs->backend, GIT_ODB_BACKEND_VERSION);
  packs->inner = rawInner;
  packs->backend.read = packsRead;
  packs->backend.read_prefix = packsReadPrefix;
  packs->backend.read_header = packsReadHeader;
  packs->backend.exists = packsExists;
  packs->backend.exists_prefix = packsExistsPrefix;
  packs->backend.foreach = packsForeach;
  packs->backend.freshen = packsFreshen;
  packs->backend.refresh = packsRefresh;
  packs->backend.free = packsFree;
  return packs;
}

Status addBackend(git_odb* odb, OwnedBackend backend, int priority, std::string_view what) {
  if (int rc = git_odb_add_backend(odb, backend.get(), priority); rc < 0)
    return std::unexpected(gitError(rc, what));
  backend.release();  // the object database frees it now
  return {};
}

}  // namespace

std::string MemoryObjects::key(const git_oid* id) {
  return std::string(reinterpret_cast<const char*>(id->id), GIT_OID_RAWSZ);
}

Result<WriterObjects> giveWriterObjects(git_repository* repo) {
  const fs::path objects = fs::path(git_repository_path(repo)) / "objects";
  git_odb* rawOdb = nullptr;
  if (int rc = git_odb_new(&rawOdb); rc < 0)
    return std::unexpected(gitError(rc, "object database"));
  OdbReference odb{rawOdb};

  git_odb_backend* rawLoose = nullptr;
  // Nothing is written loose (the memory above takes every write), so its options do not matter.
  if (int rc = git_odb_backend_loose(&rawLoose, objects.c_str(), -1, 0, 0, 0); rc < 0)
    return std::unexpected(gitError(rc, "loose back-end"));
  if (auto added = addBackend(rawOdb, OwnedBackend{rawLoose}, kLoosePriority, "loose objects");
      !added)
    return std::unexpected(added.error());

  auto packs = newWriterPacks(objects);
  if (!packs) return std::unexpected(packs.error());
  if (auto added = addBackend(rawOdb, OwnedBackend{&(*packs)->backend}, kPackedPriority, "packs");
      !added)
    return std::unexpected(added.error());

  auto* memory = newMemoryObjects();
  if (auto added = addBackend(rawOdb, OwnedBackend{&memory->backend}, kMemoryPriority, "memory");
      !added)
    return std::unexpected(added.error());

  git_repository_set_odb(repo, rawOdb);  // the repository takes a reference of its own
  return WriterObjects{rawOdb, memory, *packs};
}

Status addWrittenPack(const WriterObjects& objects, const fs::path& index) {
  constexpr std::size_t kMostWrittenPacks = 64;  // each is asked in turn on every miss
  if (objects.packs->written >= kMostWrittenPacks) return {};
  git_odb_backend* raw = nullptr;
  if (int rc = git_odb_backend_one_pack(&raw, index.c_str()); rc < 0)
    return std::unexpected(gitError(rc, "open " + index.string()));
  if (auto added = addBackend(objects.odb, OwnedBackend{raw}, kPackedPriority, "written pack");
      !added)
    return added;
  ++objects.packs->written;
  return {};
}

}  // namespace sv::store::git
