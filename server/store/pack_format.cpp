#include "server/store/pack_format.hpp"

#include <Poco/SHA1Engine.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace sv::store::git {
namespace {

void appendBe32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

// Type in bits 4–6 of the first byte, the size in its low four bits and then seven bits a byte,
// least significant first; the top bit says another byte follows.
void appendObjectHeader(std::string& out, git_object_t type, std::size_t size) {
  auto byte = static_cast<unsigned char>((static_cast<unsigned>(type) << 4) | (size & 0x0f));
  size >>= 4;
  while (size != 0) {
    out.push_back(static_cast<char>(byte | 0x80));
    byte = static_cast<unsigned char>(size & 0x7f);
    size >>= 7;
  }
  out.push_back(static_cast<char>(byte));
}

Status appendDeflated(std::string& out, std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  const std::size_t at = out.size();
  out.resize(at + size);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + at), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_SPEED) != Z_OK)
    return fail(Errc::Internal, "compress a git object");
  out.resize(at + size);
  return {};
}

void appendSha1(std::string& out) {
  Poco::SHA1Engine sha1;
  sha1.update(out.data(), static_cast<unsigned>(out.size()));
  const auto& digest = sha1.digest();
  out.append(reinterpret_cast<const char*>(digest.data()), digest.size());
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0x0f]);
  }
  return out;
}

struct Entry {
  git_oid id;
  std::uint32_t offset;
  std::uint32_t crc;
};

}  // namespace

Result<PackFiles> buildPack(std::vector<PackObject> objects) {
  PackFiles files;
  std::string& pack = files.pack;
  pack = "PACK";
  appendBe32(pack, 2);
  appendBe32(pack, static_cast<std::uint32_t>(objects.size()));
  std::vector<Entry> entries;
  entries.reserve(objects.size());
  for (const auto& object : objects) {
    const std::size_t start = pack.size();
    // Offsets past 2 GiB need the index's large-offset table; no save comes near that.
    if (start > 0x7fffffffu) return fail(Errc::Internal, "a pack of more than 2 GiB");
    appendObjectHeader(pack, object.type, object.data.size());
    if (auto deflated = appendDeflated(pack, object.data); !deflated)
      return std::unexpected(deflated.error());
    const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(pack.data() + start),
                           static_cast<uInt>(pack.size() - start));
    entries.push_back(
        {object.id, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(crc)});
  }
  appendSha1(pack);
  const std::string_view packChecksum(pack.data() + pack.size() - 20, 20);
  files.name = hex(packChecksum);

  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return git_oid_cmp(&a.id, &b.id) < 0; });
  std::string& index = files.index;
  index = "\377tOc";
  appendBe32(index, 2);
  std::array<std::uint32_t, 256> fanout{};
  for (const auto& e : entries) ++fanout[e.id.id[0]];
  std::uint32_t running = 0;
  for (auto count : fanout) appendBe32(index, running += count);
  for (const auto& e : entries) index.append(reinterpret_cast<const char*>(e.id.id), GIT_OID_RAWSZ);
  for (const auto& e : entries) appendBe32(index, e.crc);
  for (const auto& e : entries) appendBe32(index, e.offset);
  index.append(packChecksum);
  appendSha1(index);
  return files;
}

}  // namespace sv::store::git
