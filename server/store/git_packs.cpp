// The pack files of a repository from writing to merging: a save's objects into one pack, indexes
// repaired after a crash, packs merged, and the merged ones retired for a grace period before they
// are deleted (readers that opened them keep working). One file at about 420 lines on purpose:
// each step reads the same pack folder and the same ledger of retired packs through the private
// helpers at the top, and splitting them would put those helpers in a header that others could
// reach.
#include "server/store/git_packs.hpp"

#include <Poco/SHA1Engine.h>
#include <git2/sys/odb_backend.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "server/store/durable_files.hpp"
#include "server/store/git.hpp"
#include "server/store/git_writer_odb.hpp"
#include "server/store/handle.hpp"
#include "server/store/pack_format.hpp"

namespace sv::store::git {
namespace {

namespace fs = std::filesystem;

using Odb = Handle<git_odb, git_odb_free>;
using Indexer = Handle<git_indexer, git_indexer_free>;
using Packbuilder = Handle<git_packbuilder, git_packbuilder_free>;

// A back-end is freed through its own function, until an object database takes it over.
void freeBackend(git_odb_backend* backend) {
  backend->free(backend);
}
using OdbBackend = Handle<git_odb_backend, freeBackend>;

fs::path packFolder(git_repository* repo) {
  return fs::path(git_repository_path(repo)) / "objects" / "pack";
}

// The new objects' pack and index under temporary names, then renamed, the index last (readers
// look for indexes), then the folder fsynced. Two fsyncs: the pack's data and the folder. The
// index is derived from the pack alone, so it is not synced: should a power cut spoil it,
// repairPackIndexes() builds it again at start-up.
Status writeSavePack(git_repository* repo, const PackFiles& files) {
  const fs::path folder = packFolder(repo);
  const fs::path pack = folder / ("pack-" + files.name + ".pack");
  const fs::path index = folder / ("pack-" + files.name + ".idx");
  const fs::path packTemp = folder / ("tmp_pack_" + files.name);
  const fs::path indexTemp = folder / ("tmp_idx_" + files.name);
  if (auto written = writeFile(packTemp, files.pack, true); !written) return written;
  if (auto written = writeFile(indexTemp, files.index, false); !written) return written;
  std::error_code ec;
  fs::rename(packTemp, pack, ec);
  if (!ec) fs::rename(indexTemp, index, ec);
  if (ec) return fail(Errc::Internal, "store pack " + files.name + ": " + ec.message());
  return syncDirectory(folder);
}

Result<std::string> readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(Errc::NotFound, "cannot read " + file.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The pack's checksum: its last 20 bytes (a start-up reads only these of every pack).
std::string packChecksumOf(const fs::path& pack) {
  std::ifstream in(pack, std::ios::binary | std::ios::ate);
  if (!in || in.tellg() < 32) return {};
  in.seekg(-20, std::ios::end);
  std::string checksum(20, '\0');
  in.read(checksum.data(), 20);
  return in ? checksum : std::string{};
}

std::string sha1Of(std::string_view bytes) {
  Poco::SHA1Engine sha1;
  sha1.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  const auto& digest = sha1.digest();
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

std::uint32_t be32At(std::string_view bytes, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// A version-2 index that is whole (its own checksum holds) and belongs to this pack (it carries
// the pack's checksum).
bool indexIsWhole(std::string_view index, std::string_view packChecksum) {
  constexpr std::size_t kHeader = 8 + 256 * 4;
  if (index.size() < kHeader + 40 || index.substr(0, 4) != "\377tOc" || be32At(index, 4) != 2)
    return false;
  const std::size_t count = be32At(index, 8 + 255 * 4);
  const std::size_t smallest = kHeader + count * (20 + 4 + 4) + 40;
  if (index.size() < smallest || (index.size() - smallest) % 8 != 0) return false;
  const std::string_view body = index.substr(0, index.size() - 20);
  return sha1Of(body) == index.substr(index.size() - 20) &&
         index.substr(index.size() - 40, 20) == packChecksum;
}

// Indexes a merged pack (with deltas, from libgit2's pack builder) into objects/pack and makes
// both files and their folder durable. Returns the pack's name (the hash after "pack-").
Result<std::string> storePack(git_repository* repo, const char* data, std::size_t size) {
  const fs::path folder = packFolder(repo);
  git_indexer_options options = GIT_INDEXER_OPTIONS_INIT;
  git_indexer* raw = nullptr;
  if (int rc = git_indexer_new(&raw, folder.c_str(), 0, nullptr, &options); rc < 0)
    return std::unexpected(gitError(rc, "start pack index"));
  Indexer indexer{raw};
  git_indexer_progress progress{};
  if (int rc = git_indexer_append(raw, data, size, &progress); rc < 0)
    return std::unexpected(gitError(rc, "index pack"));
  if (int rc = git_indexer_commit(raw, &progress); rc < 0)
    return std::unexpected(gitError(rc, "write pack"));
  const std::string name = git_indexer_name(raw);
  for (const char* extension : {".pack", ".idx"})
    if (auto synced = syncFile(folder / ("pack-" + name + extension)); !synced)
      return std::unexpected(synced.error());
  if (auto synced = syncDirectory(folder); !synced) return std::unexpected(synced.error());
  return name;
}

struct PackFile {
  std::string name;  // the hash after "pack-"
  std::uintmax_t size = 0;
};

// The live packs: complete (an index beside them) and not retired.
std::vector<PackFile> listPacks(const fs::path& folder, const std::set<std::string>& retired) {
  std::vector<PackFile> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const auto file = entry.path().filename().string();
    if (!file.starts_with("pack-") || entry.path().extension() != ".pack") continue;
    const auto stem = entry.path().stem().string();
    if (retired.contains(stem.substr(5))) continue;
    if (!fs::exists(folder / (stem + ".idx"), ec)) continue;  // not readable yet
    out.push_back({stem.substr(5), entry.file_size(ec)});
  }
  return out;
}

// <gitdir>/retired-packs: one line per retired pack, "<name> <seconds since the epoch>".
fs::path retiredLedger(git_repository* repo) {
  return fs::path(git_repository_path(repo)) / "retired-packs";
}

using RetiredAt = std::vector<std::pair<std::string, std::int64_t>>;

RetiredAt readRetired(git_repository* repo) {
  RetiredAt out;
  auto bytes = readBytes(retiredLedger(repo));
  if (!bytes) return out;  // none retired
  std::istringstream lines(*bytes);
  std::string name;
  std::int64_t seconds = 0;
  while (lines >> name >> seconds) out.emplace_back(name, seconds);
  return out;
}

// Replaced whole through a rename, so that a reader sees the old list or the new one. Not
// fsynced: a ledger lost to a power cut leaves its packs live, to be merged (their objects are
// already in the merged pack, so nothing is written twice) and retired again.
Status writeRetired(git_repository* repo, const RetiredAt& retired) {
  std::string text;
  for (const auto& [name, seconds] : retired) text += name + " " + std::to_string(seconds) + "\n";
  const fs::path ledger = retiredLedger(repo);
  const fs::path temp = ledger.string() + ".tmp";
  if (auto written = writeFile(temp, text, false); !written) return written;
  std::error_code ec;
  fs::rename(temp, ledger, ec);
  if (ec) return fail(Errc::Internal, "retire packs: " + ec.message());
  return {};
}

int insertObject(const git_oid* id, void* payload) {
  return git_packbuilder_insert(static_cast<git_packbuilder*>(payload), id, nullptr);
}

Status insertObjectsOf(git_packbuilder* builder, const fs::path& index) {
  git_odb_backend* rawBackend = nullptr;
  if (int rc = git_odb_backend_one_pack(&rawBackend, index.c_str()); rc < 0)
    return std::unexpected(gitError(rc, "open " + index.string()));
  OdbBackend backend{rawBackend};
  git_odb* rawOdb = nullptr;
  if (int rc = git_odb_new(&rawOdb); rc < 0)
    return std::unexpected(gitError(rc, "object database"));
  Odb odb{rawOdb};
  if (int rc = git_odb_add_backend(rawOdb, backend.get(), 1); rc < 0)
    return std::unexpected(gitError(rc, "object database"));
  backend.release();  // the object database frees it now
  if (int rc = git_odb_foreach(rawOdb, insertObject, builder); rc < 0)
    return std::unexpected(gitError(rc, "read " + index.string()));
  return {};
}

}  // namespace

Result<PackedWrites> PackedWrites::start(git_repository* repo) {
  auto objects = giveWriterObjects(repo);
  if (!objects) return std::unexpected(objects.error());
  return PackedWrites(repo, *objects);
}

Status PackedWrites::writePack() {
  auto& memory = *objects_.memory;
  if (memory.fresh.empty()) return {};
  std::vector<PackObject> fresh;
  fresh.reserve(memory.fresh.size());
  for (const auto& id : memory.fresh) {
    const auto& object = memory.byId.at(MemoryObjects::key(&id));
    fresh.push_back({id, object.type, object.data});
  }
  auto files = buildPack(std::move(fresh));
  if (!files) return std::unexpected(files.error());
  if (auto stored = writeSavePack(repo_, *files); !stored) return stored;
  // On disk now: this handle reads them from the new pack without listing the folder.
  if (auto added = addWrittenPack(objects_, packFolder(repo_) / ("pack-" + files->name + ".idx"));
      !added)
    return added;
  discard();
  return {};
}

void PackedWrites::discard() {
  objects_.memory->fresh.clear();
  objects_.memory->byId.clear();
}

Result<std::vector<std::string>> repairPackIndexes(git_repository* repo) {
  const fs::path folder = packFolder(repo);
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const auto file = entry.path().filename().string();
    if (file.starts_with("pack-") && entry.path().extension() == ".pack")
      names.push_back(entry.path().stem().string());
  }
  std::vector<std::string> repaired;
  for (const auto& stem : names) {
    const fs::path indexFile = folder / (stem + ".idx");
    auto index = readBytes(indexFile);
    if (index && indexIsWhole(*index, packChecksumOf(folder / (stem + ".pack")))) continue;
    fs::remove(indexFile, ec);  // a spoilt index must not be read, not even once
    auto pack = readBytes(folder / (stem + ".pack"));
    if (!pack) return std::unexpected(pack.error());
    if (auto rebuilt = storePack(repo, pack->data(), pack->size()); !rebuilt)
      return std::unexpected(Error{Errc::Internal, Reason::None,
                                   "the pack " + stem +
                                       " has no usable index and "
                                       "cannot be indexed again: " +
                                       rebuilt.error().detail});
    repaired.push_back(stem + ".idx built again");
  }
  return repaired;
}

std::size_t packCount(git_repository* repo) {
  const auto retired = retiredPacks(repo);
  std::size_t count = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(packFolder(repo), ec)) {
    const auto name = entry.path().filename().native();
    if (name.starts_with("pack-") && name.ends_with(".idx") &&
        !retired.contains(name.substr(5, name.size() - 5 - 4)))
      ++count;
  }
  return count;
}

std::set<std::string> retiredPacks(git_repository* repo) {
  std::set<std::string> names;
  for (auto& [name, seconds] : readRetired(repo)) names.insert(std::move(name));
  return names;
}

Result<std::vector<std::string>> pruneRetiredPacks(git_repository* repo, TimePoint now,
                                                   std::chrono::seconds grace) {
  const auto retired = readRetired(repo);
  if (retired.empty()) return std::vector<std::string>{};
  const fs::path folder = packFolder(repo);
  const std::int64_t before = unixSeconds(now) - grace.count();
  RetiredAt kept;
  std::vector<std::string> removed;
  std::error_code ec;
  for (const auto& [name, seconds] : retired) {
    if (seconds > before) {
      kept.emplace_back(name, seconds);
      continue;
    }
    // The index first: a pack without one is invisible to readers, never half-visible.
    fs::remove(folder / ("pack-" + name + ".idx"), ec);
    fs::remove(folder / ("pack-" + name + ".pack"), ec);
    removed.push_back(name);
  }
  if (auto written = writeRetired(repo, kept); !written) return std::unexpected(written.error());
  return removed;
}

std::vector<std::string> packsToMerge(git_repository* repo, std::size_t mostPacks) {
  auto packs = listPacks(packFolder(repo), retiredPacks(repo));
  if (packs.size() <= mostPacks) return {};
  std::sort(packs.begin(), packs.end(),
            [](const PackFile& a, const PackFile& b) { return a.size > b.size; });
  std::vector<std::string> names;
  for (auto it = packs.begin() + 1; it != packs.end(); ++it) names.push_back(it->name);
  return names;
}

Status mergePacks(git_repository* repo, const std::vector<std::string>& packs, TimePoint at) {
  if (packs.size() < 2) return {};
  const fs::path folder = packFolder(repo);
  git_packbuilder* rawBuilder = nullptr;
  if (int rc = git_packbuilder_new(&rawBuilder, repo); rc < 0)
    return std::unexpected(gitError(rc, "pack builder"));
  Packbuilder builder{rawBuilder};
  git_packbuilder_set_threads(rawBuilder, 1);
  for (const auto& pack : packs)
    if (auto inserted = insertObjectsOf(rawBuilder, folder / ("pack-" + pack + ".idx")); !inserted)
      return inserted;
  OwnedBuf bytes;
  if (int rc = git_packbuilder_write_buf(&bytes.buf, rawBuilder); rc < 0)
    return std::unexpected(gitError(rc, "merge packs"));
  auto name = storePack(repo, bytes.buf.ptr, bytes.buf.size);
  if (!name) return std::unexpected(name.error());

  // Retired, not removed: see retiredPacks(). A merge that wrote the very bytes of a retired
  // pack again has made it live again.
  auto retired = readRetired(repo);
  std::erase_if(retired, [&](const auto& entry) { return entry.first == *name; });
  for (const auto& pack : packs)
    if (pack != *name) retired.emplace_back(pack, unixSeconds(at));
  return writeRetired(repo, retired);
}

}  // namespace sv::store::git
