#include "server/services/package_check.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>

#include "server/pdf/pdfa_check.hpp"
#include "server/services/archive.hpp"
#include "server/services/seal.hpp"
#include "server/store/store.hpp"

namespace sv::services {
namespace {

using Files = std::map<std::string, std::string>;

// A record of the package: at data/ in a plain bag, under metadata/other/ in an E-ARK SIP.
Files::const_iterator recordOf(const Files& files, const std::string& name) {
  if (auto it = files.find("data/" + name); it != files.end()) return it;
  for (auto it = files.begin(); it != files.end(); ++it)
    if (it->first.starts_with("data/") && it->first.ends_with("/metadata/other/" + name)) return it;
  return files.end();
}

// The document's PDF: the representation's own (not an attachment under bilagor/), or in a plain
// bag data/protocol.pdf or data/report.pdf.
std::vector<Files::const_iterator> documentPdfs(const Files& files) {
  std::vector<Files::const_iterator> out;
  for (auto it = files.begin(); it != files.end(); ++it) {
    const std::string& path = it->first;
    if (!path.ends_with(".pdf") || path.find("/bilagor/") != std::string::npos) continue;
    if (path == "data/protocol.pdf" || path == "data/report.pdf" ||
        (path.find("/representations/") != std::string::npos && path.starts_with("data/")))
      out.push_back(it);
  }
  return out;
}

// That the tag names the version the package says and the committed file is the package's copy.
void checkAgainstGit(const std::filesystem::path& dataDir, const Files& files,
                     std::vector<std::string>& problems) {
  const auto meta = recordOf(files, "metadata.json");
  if (meta == files.end()) {
    problems.emplace_back("metadata.json is missing");
    return;
  }
  try {
    Poco::JSON::Parser parser;
    auto m = parser.parse(meta->second).extract<Poco::JSON::Object::Ptr>();
    const auto repository = m->getValue<std::string>("repository");
    const auto tag = m->getValue<std::string>("tag");
    // The minutes name the approved version; the reports and the yearly summary the registered.
    const auto version = m->has("approved_version")
                             ? m->getValue<std::string>("approved_version")
                             : m->getValue<std::string>("registered_version");
    const auto target = store::Store::tagTarget(dataDir, repository, tag);
    if (!target) {
      problems.push_back(target.error().detail);
      return;
    }
    if (*target != version)
      problems.push_back("tag " + tag + " does not point to the registered version " + version);
    // Where the document is in git; packages of minutes from before "committed" was written
    // name their meeting.
    std::string path;
    std::string file;
    if (auto committed = m->getObject("committed")) {
      path = committed->getValue<std::string>("path");
      file = committed->getValue<std::string>("file");
    } else {
      path = "meetings/" + std::to_string(m->getObject("meeting")->getValue<std::int64_t>("id")) +
             "/minutes.json";
      file = "minutes.json";
    }
    const auto inGit = store::Store::fileAt(dataDir, repository, version, path);
    const auto packed = recordOf(files, file);
    if (!inGit || !*inGit || packed == files.end() || **inGit != packed->second)
      problems.push_back(file + " differs from the registered version in git (" + path + ")");
  } catch (const Poco::Exception& e) {
    problems.push_back("metadata.json cannot be read: " + e.displayText());
  }
}

}  // namespace

Result<PackageCheck> checkPackage(const std::filesystem::path& dataDir,
                                  const std::string& zipBytes) {
  auto bag = checkBag(zipBytes);
  if (!bag) return std::unexpected(bag.error());
  PackageCheck out{std::move(bag->problems), {}};
  checkAgainstGit(dataDir, bag->files, out.problems);
  // The PDF with nothing but the file: the manifests say the package is as packed, these that
  // the PDF is still the archival PDF the authority sealed.
  for (auto pdf : documentPdfs(bag->files)) {
    const std::string& name = pdf->first;
    const pdf::PdfACheck archival = pdf::checkPdfA(pdf->second);
    for (const auto& p : archival.problems) out.problems.push_back(name + ": " + p);
    if (archival.problems.empty())
      out.findings.push_back(name + " is PDF/A-" + archival.part + archival.conformance +
                             " (identification, output intent, fonts, structure)");
    auto seal = checkSealOf(pdf->second);
    if (!seal)
      out.problems.push_back(name + ": " + seal.error().detail);
    else
      out.findings.push_back(name + " sealed by " + seal->subject);
  }
  return out;
}

}  // namespace sv::services
