// The seal's key loaded at start, and registered PDFs sealed with it.
#include "server/services/seal.hpp"

#include <fstream>
#include <iterator>

#include "server/store/durable_files.hpp"

namespace sv::services {

Result<LoadedSealKey> loadSealKey(const SealKeySource& source, TimePoint now) {
  std::error_code ec;
  bool made = false;
  if (!std::filesystem::exists(source.pkcs12File, ec)) {
    if (!source.madeIfMissing)
      return fail(Errc::NotFound,
                  "samverkan.seal.pkcs12_file names no file: " + source.pkcs12File.string());
    auto demo = pdf::SealKey::makeDemoPkcs12(source.organization, source.password, now);
    if (!demo) return std::unexpected(demo.error());
    // 0600: the private key is the authority's signature; nobody else on the host reads it.
    if (auto written = store::writeFile(source.pkcs12File, *demo, true, 0600); !written)
      return std::unexpected(written.error());
    if (auto synced = store::syncDirectory(source.pkcs12File.parent_path()); !synced)
      return std::unexpected(synced.error());
    made = true;
  }
  std::ifstream in(source.pkcs12File, std::ios::binary);
  if (!in) return fail(Errc::Internal, "cannot read " + source.pkcs12File.string());
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto key = pdf::SealKey::fromPkcs12(bytes, source.password);
  if (!key) {
    Error e = key.error();
    e.detail = source.pkcs12File.string() + ": " + e.detail;
    return std::unexpected(std::move(e));
  }
  return LoadedSealKey{std::move(*key), made};
}

Result<std::string> sealRegistered(const pdf::SealKey* key, std::string pdf,
                                   const std::string& registryNumber, TimePoint at) {
  if (!key) return pdf;
  return key->seal(pdf, at, "Diariefört som " + registryNumber);
}

Result<pdf::SealCheck> checkSealOf(std::string_view pdf) {
  return pdf::verifySeal(pdf);
}

}  // namespace sv::services
