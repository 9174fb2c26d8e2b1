// The seal's key loaded at start, and registered PDFs sealed with it.
#include "server/services/seal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "workflows/handle.hpp"

namespace sv::services {
namespace {

// The new key file, made only if there is none (O_EXCL: two starts never both write one), 0600
// because the private key is the authority's signature, and synced with its folder so that a
// document sealed with it never outlives the key after a power cut.
Status writeKeyFile(const std::filesystem::path& file, std::string_view bytes) {
  auto failed = [&](const char* what) {
    return fail(Errc::Internal,
                std::string(what) + " " + file.string() + ": " + std::strerror(errno));
  };
  {
    const FileDescriptor fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd) return failed("create");
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return failed("write");
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return failed("sync");
  }
  const FileDescriptor dir(::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir || ::fsync(dir.get()) != 0) return failed("sync the folder of");
  return {};
}

}  // namespace

Result<LoadedSealKey> loadSealKey(const SealKeySource& source, TimePoint now) {
  std::error_code ec;
  bool made = false;
  if (!std::filesystem::exists(source.pkcs12File, ec)) {
    if (!source.madeIfMissing)
      return fail(Errc::NotFound,
                  "samverkan.seal.pkcs12_file names no file: " + source.pkcs12File.string());
    auto demo = pdf::SealKey::makeDemoPkcs12(source.organization, source.password, now);
    if (!demo) return std::unexpected(demo.error());
    if (auto written = writeKeyFile(source.pkcs12File, *demo); !written)
      return std::unexpected(written.error());
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
