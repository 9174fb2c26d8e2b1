// Small files of each kind an attachment can be, made in memory for the tests: zip archives with
// stored (uncompressed) entries, as DOCX, XLSX, ODT and ODS are, and the magic bytes of the rest.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sv::testing {

inline void putLittle(std::string& out, std::uint32_t v, int width) {
  for (int i = 0; i < width; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// A zip of stored entries, in the order given, with its central directory.
inline std::string zipOf(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, directory;
  for (const auto& [name, content] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(content.size());
    const auto nameSize = static_cast<std::uint32_t>(name.size());
    out += std::string("PK\x03\x04", 4);
    putLittle(out, 10, 2);  // version needed
    putLittle(out, 0, 2);   // flags
    putLittle(out, 0, 2);   // stored
    putLittle(out, 0, 4);   // time and date
    putLittle(out, 0, 4);   // crc-32 (not checked by the type test)
    putLittle(out, size, 4);
    putLittle(out, size, 4);
    putLittle(out, nameSize, 2);
    putLittle(out, 0, 2);
    out += name + content;
    directory += std::string("PK\x01\x02", 4);
    putLittle(directory, 20, 2);
    putLittle(directory, 10, 2);
    putLittle(directory, 0, 2);
    putLittle(directory, 0, 2);
    putLittle(directory, 0, 4);
    putLittle(directory, 0, 4);
    putLittle(directory, size, 4);
    putLittle(directory, size, 4);
    putLittle(directory, nameSize, 2);
    putLittle(directory, 0, 2);  // extra
    putLittle(directory, 0, 2);  // comment
    putLittle(directory, 0, 2);  // disk
    putLittle(directory, 0, 2);  // internal attributes
    putLittle(directory, 0, 4);  // external attributes
    putLittle(directory, offset, 4);
    directory += name;
  }
  const auto directoryAt = static_cast<std::uint32_t>(out.size());
  out += directory;
  out += std::string("PK\x05\x06", 4);
  putLittle(out, 0, 2);
  putLittle(out, 0, 2);
  putLittle(out, static_cast<std::uint32_t>(entries.size()), 2);
  putLittle(out, static_cast<std::uint32_t>(entries.size()), 2);
  putLittle(out, static_cast<std::uint32_t>(directory.size()), 4);
  putLittle(out, directoryAt, 4);
  putLittle(out, 0, 2);
  return out;
}

inline std::string samplePdf() {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}
inline std::string samplePng() {
  return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
}
inline std::string sampleJpeg() {
  return std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
}
inline std::string sampleDocx() {
  return zipOf({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
}
inline std::string sampleXlsx() {
  return zipOf({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
}
inline std::string sampleOdt() {
  return zipOf({{"mimetype", "application/vnd.oasis.opendocument.text"},
                {"content.xml", "<office:document-content/>"}});
}
inline std::string sampleOds() {
  return zipOf({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                {"content.xml", "<office:document-content/>"}});
}
inline std::string sampleElf() {
  return std::string(
      "\x7F"
      "ELF\x02\x01\x01\0\0\0",
      10);
}
inline std::string sampleHtml() {
  return "<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n";
}

}  // namespace sv::testing
