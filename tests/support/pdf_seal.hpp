// The e-seal checked with tools other than ours: poppler's pdfsig, and openssl cms -verify over
// the signed byte ranges and the CMS taken out of the file here by a plain reading of its
// /ByteRange (not through server/pdf). Used by tests/pdf and tests/server alike.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

#include "support/pdf_archival.hpp"
#include "support/temp_dir.hpp"

namespace sv::test {

inline std::string readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

// The last /ByteRange of a PDF and what it splits the file into.
struct SignedParts {
  std::string covered;  // the bytes the signature covers (both ranges, joined)
  std::string cms;      // the DER of the CMS, without the zeros after it
  std::size_t ranges[4] = {};
};

inline SignedParts signedParts(const std::string& pdf) {
  const std::regex byteRange(R"(/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])");
  SignedParts parts;
  std::smatch m;
  std::string::const_iterator from = pdf.begin();
  bool found = false;
  while (std::regex_search(from, pdf.end(), m, byteRange)) {
    for (int i = 0; i < 4; ++i) parts.ranges[i] = std::stoull(m[i + 1].str());
    from = m[0].second;
    found = true;
  }
  REQUIRE(found);
  parts.covered =
      pdf.substr(parts.ranges[0], parts.ranges[1]) + pdf.substr(parts.ranges[2], parts.ranges[3]);
  const std::string hex = pdf.substr(parts.ranges[1] + 1, parts.ranges[2] - parts.ranges[1] - 2);
  std::string der;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    der += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  // A DER SEQUENCE with a long-form length: 0x30 0x8N and N bytes of length.
  REQUIRE(der.size() > 4);
  REQUIRE(static_cast<unsigned char>(der[0]) == 0x30);
  std::size_t length = 0, header = 2;
  const auto first = static_cast<unsigned char>(der[1]);
  if (first < 0x80) {
    length = first;
  } else {
    header += first & 0x7f;
    for (std::size_t i = 2; i < header; ++i)
      length = (length << 8) | static_cast<unsigned char>(der[i]);
  }
  parts.cms = der.substr(0, header + length);
  return parts;
}

// pdfsig's report of the file, and its exit code.
inline ToolResult pdfsig(const std::filesystem::path& file) {
  ToolResult r;
  r.output = runTool("pdfsig " + quotedPath(file) + " 2>&1", &r.code);
  return r;
}

// openssl cms -verify over the signed ranges with the CMS from the file: `trust` empty checks
// the signature with the certificate inside (-noverify); a file of certificates checks the
// chain to them as well.
inline ToolResult opensslVerify(const std::filesystem::path& pdf, const TempDir& dir,
                                const std::filesystem::path& trust = {}) {
  const SignedParts parts = signedParts(readBytes(pdf));
  writeBytes(dir.path() / "signed-ranges.bin", parts.covered);
  writeBytes(dir.path() / "signature.der", parts.cms);
  std::string command = "openssl cms -verify -binary -inform DER -in " +
                        quotedPath(dir.path() / "signature.der") + " -content " +
                        quotedPath(dir.path() / "signed-ranges.bin") + " -out /dev/null ";
  command += trust.empty() ? "-noverify" : "-partial_chain -CAfile " + quotedPath(trust);
  ToolResult r;
  r.output = runTool(command + " 2>&1", &r.code);
  return r;
}

// The signed attributes' names as openssl cms -cmsout -print shows them.
inline std::string cmsPrint(const std::filesystem::path& pdf, const TempDir& dir) {
  const SignedParts parts = signedParts(readBytes(pdf));
  writeBytes(dir.path() / "signature.der", parts.cms);
  return runTool("openssl cms -cmsout -print -inform DER -in " +
                 quotedPath(dir.path() / "signature.der") + " 2>&1");
}

}  // namespace sv::test
