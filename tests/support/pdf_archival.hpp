// What makes our PDFs archival (PDF/A-2) and accessible, checked with tools other than the
// renderer: qpdf --check, poppler's pdfinfo and pdffonts, xmllint on the XMP, qpdf's JSON read by
// pdf_archival.py (catalog, output intent, structure tree, untagged content), and Apache PDFBox
// Preflight from Debian (libpdfbox2-java). Used by tests/pdf and tests/server alike.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace sv::test {

// The method every approval states today, word for word (issue 16 point 5).
inline constexpr const char* kPasswordMethod =
    "justerat elektroniskt i Samverkan efter inloggning med lösenord";

struct ToolResult {
  int code = -1;
  std::string output;
};

inline std::string quotedPath(const std::filesystem::path& file) {
  return "'" + file.string() + "'";
}

// pdf_archival.py WHAT FILE (structure, untagged, catalog, preflight), its output and exit code.
inline ToolResult pdfArchival(const std::string& what, const std::filesystem::path& file) {
  const char* source = std::getenv("SAMVERKAN_SOURCE_DIR");
  REQUIRE(source);
  ToolResult r;
  r.output = runTool("python3 '" + std::string(source) + "/tests/support/pdf_archival.py' " + what +
                         " " + quotedPath(file) + " 2>&1",
                     &r.code);
  return r;
}

// A field of pdfinfo's output ("Title", "PDF version"), its value trimmed; "" when absent.
inline std::string pdfInfoField(const std::string& info, const std::string& field) {
  std::istringstream lines(info);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with(field + ":")) continue;
    const auto from = line.find_first_not_of(' ', field.size() + 1);
    return from == std::string::npos ? "" : line.substr(from);
  }
  return "";
}

// The text of an XMP property: <dc:identifier>X</dc:identifier>, or its one rdf:li (dc:title
// is an Alt, dc:creator a Seq). nullopt when the packet does not have it.
inline std::optional<std::string> xmpValue(const std::string& xmp, const std::string& property) {
  std::smatch m;
  const std::regex element("<" + property + ">(.*?)</" + property + ">");
  if (!std::regex_search(xmp, m, element)) return std::nullopt;
  std::string inner = m[1].str();
  std::smatch li;
  if (std::regex_search(inner, li, std::regex("<rdf:li[^>]*>(.*?)</rdf:li>"))) inner = li[1].str();
  return inner;
}

// pdffonts' table: one row per font, the "emb" column of each.
inline std::vector<std::string> embeddedColumn(const std::string& pdffonts) {
  std::istringstream lines(pdffonts);
  std::string line;
  std::vector<std::string> out;
  int row = 0;
  while (std::getline(lines, line)) {
    if (++row <= 2 || line.empty()) continue;  // the header and its rule
    std::vector<std::string> fields;
    std::istringstream words(line);
    for (std::string w; words >> w;) fields.push_back(w);
    // name type encoding emb sub uni object-number generation: emb is fifth from the end.
    out.push_back(fields.size() >= 5 ? fields[fields.size() - 5] : "?");
  }
  return out;
}

struct ArchivalExpectation {
  std::string title;
  std::string author;
  std::optional<std::string> registryNumber;  // dc:identifier; none: the XMP has no identifier
  std::optional<std::string> createdAt;       // xmp:CreateDate, "2026-03-16T14:00:00Z"
};

// Everything a PDF/A-2a of ours has, each a CHECK of its own so that a failure names the part.
inline void checkArchivalPdf(const std::filesystem::path& file, const ArchivalExpectation& want) {
  INFO("file: " << file.string());
  {
    int code = -1;
    const std::string out = runTool("qpdf --check " + quotedPath(file) + " 2>&1", &code);
    INFO(out);
    CHECK(code == 0);
  }
  const std::string info = runTool("pdfinfo " + quotedPath(file));
  INFO(info);
  CHECK(pdfInfoField(info, "Tagged") == "yes");
  CHECK(pdfInfoField(info, "PDF version") == "1.7");
  CHECK(pdfInfoField(info, "Title") == want.title);
  CHECK(pdfInfoField(info, "Author") == want.author);
  CHECK(pdfInfoField(info, "Metadata Stream") == "yes");
  {
    const std::string fonts = runTool("pdffonts " + quotedPath(file));
    INFO(fonts);
    const auto embedded = embeddedColumn(fonts);
    CHECK_FALSE(embedded.empty());
    for (const std::string& e : embedded) CHECK(e == "yes");
  }
  // The XMP: well-formed, PDF/A-2a, the same words as the information dictionary.
  const std::string xmp = runTool("pdfinfo -meta " + quotedPath(file));
  INFO(xmp);
  {
    int code = -1;
    runTool("pdfinfo -meta " + quotedPath(file) + " | xmllint --noout - 2>&1", &code);
    CHECK(code == 0);
  }
  CHECK(xmpValue(xmp, "pdfaid:part") == "2");
  CHECK(xmpValue(xmp, "pdfaid:conformance") == "A");
  CHECK(xmpValue(xmp, "dc:title") == want.title);
  CHECK(xmpValue(xmp, "dc:creator") == want.author);
  CHECK(xmpValue(xmp, "dc:description") == pdfInfoField(info, "Subject"));
  CHECK(xmpValue(xmp, "pdf:Keywords") == pdfInfoField(info, "Keywords"));
  CHECK(xmpValue(xmp, "pdf:Producer") == pdfInfoField(info, "Producer"));
  CHECK(xmpValue(xmp, "xmp:CreatorTool") == pdfInfoField(info, "Creator"));
  CHECK(xmpValue(xmp, "dc:language") == "sv-SE");
  CHECK(xmpValue(xmp, "dc:identifier") == want.registryNumber);
  const auto created = xmpValue(xmp, "xmp:CreateDate");
  REQUIRE(created);
  CHECK(xmpValue(xmp, "xmp:ModifyDate") == created);
  CHECK(xmpValue(xmp, "xmp:MetadataDate") == created);
  if (want.createdAt) CHECK(*created == *want.createdAt);
  if (want.registryNumber)
    CHECK_THAT(pdfInfoField(info, "Keywords"), Catch::Contains(*want.registryNumber));
  // The catalog: the output intent with Debian's sRGB profile byte for byte, and the rest.
  {
    const ToolResult catalog = pdfArchival("catalog", file);
    INFO(catalog.output);
    REQUIRE(catalog.code == 0);
    const std::string profile =
        runTool("sha256sum /usr/share/color/icc/ghostscript/srgb.icc").substr(0, 64);
    for (const std::string fact :
         {"lang sv-SE", "marked True", "displaydoctitle True", "intent /GTS_PDFA1",
          "condition sRGB IEC61966-2.1", "components 3", "metadata /Metadata /XML plain", "id yes"})
      CHECK_THAT(catalog.output, Catch::Contains(fact + "\n"));
    CHECK_THAT(catalog.output, Catch::Contains("profile " + profile + "\n"));
  }
  // Every painting operator in a structure element or an artifact.
  {
    const ToolResult untagged = pdfArchival("untagged", file);
    INFO(untagged.output);
    REQUIRE(untagged.code == 0);
    std::istringstream pages(untagged.output);
    int page = 0, count = -1, seen = 0;
    while (pages >> page >> count) {
      ++seen;
      CHECK(count == 0);
    }
    CHECK(seen >= 1);
  }
  // An independent checker (PDFBox Preflight); only what PDF/A-2 lifts from PDF/A-1 is left.
  {
    const ToolResult preflight = pdfArchival("preflight", file);
    INFO(preflight.output);
    CHECK(preflight.code == 0);
  }
}

}  // namespace sv::test
