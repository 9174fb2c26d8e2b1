#include "server/services/archive.hpp"

#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "server/crypto/crypto.hpp"
#include "server/services/eark_sip.hpp"

namespace sv::services {
namespace {

std::string manifestOf(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out;
  for (const auto& [path, bytes] : files) out += crypto::sha256Hex(bytes) + "  " + path + "\n";
  return out;
}

}  // namespace

std::string writeBag(const std::string& name, const BagInfo& info,
                     const std::vector<BagFile>& payload) {
  std::vector<std::pair<std::string, std::string>> data;
  std::size_t octets = 0;
  for (const auto& f : payload) {
    data.emplace_back("data/" + f.path, f.bytes);
    octets += f.bytes.size();
  }
  const std::string bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
  std::string bagInfo = "Source-Organization: " + info.sourceOrganization + "\n" +
                        "External-Identifier: " + info.externalIdentifier + "\n" +
                        "Bagging-Date: " + info.baggingDate + "\n" +
                        "Payload-Oxum: " + std::to_string(octets) + "." +
                        std::to_string(payload.size()) + "\n";
  if (!info.description.empty()) bagInfo += "External-Description: " + info.description + "\n";
  const std::string manifest = manifestOf(data);
  const std::string tagManifest = manifestOf(
      {{"bagit.txt", bagit}, {"bag-info.txt", bagInfo}, {"manifest-sha256.txt", manifest}});

  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  const Poco::DateTime now;
  auto add = [&](const std::string& path, const std::string& bytes) {
    std::istringstream in(bytes);
    zip.addFile(in, now, Poco::Path(name + "/" + path, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
  };
  add("bagit.txt", bagit);
  add("bag-info.txt", bagInfo);
  add("manifest-sha256.txt", manifest);
  add("tagmanifest-sha256.txt", tagManifest);
  for (const auto& [path, bytes] : data) add(path, bytes);
  zip.close();
  return out.str();
}

Result<BagCheck> checkBag(const std::string& zipBytes) {
  BagCheck check;
  try {
    std::istringstream in(zipBytes);
    Poco::Zip::ZipArchive archive(in);
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      if (it->second.isDirectory()) continue;
      std::istringstream again(zipBytes);
      Poco::Zip::ZipInputStream entry(again, it->second, true);
      std::ostringstream bytes;
      bytes << entry.rdbuf();
      std::string path = it->first;
      if (auto slash = path.find('/'); slash != std::string::npos) path = path.substr(slash + 1);
      check.files[path] = bytes.str();
    }
  } catch (const Poco::Exception& e) {
    return fail(Errc::Invalid, "not a readable zip: " + e.displayText());
  }
  if (!check.files.contains("bagit.txt")) check.problems.push_back("bagit.txt is missing");
  std::set<std::string> listed;
  for (const char* manifestName : {"manifest-sha256.txt", "tagmanifest-sha256.txt"}) {
    const auto manifest = check.files.find(manifestName);
    if (manifest == check.files.end()) {
      check.problems.push_back(std::string(manifestName) + " is missing");
      continue;
    }
    std::istringstream lines(manifest->second);
    for (std::string line; std::getline(lines, line);) {
      const auto space = line.find(' ');
      if (space == std::string::npos) continue;
      const std::string digest = line.substr(0, space);
      const std::string path = line.substr(line.find_first_not_of(' ', space));
      listed.insert(path);
      const auto file = check.files.find(path);
      if (file == check.files.end())
        check.problems.push_back(path + " is listed but missing");
      else if (crypto::sha256Hex(file->second) != digest)
        check.problems.push_back(path + " does not match its checksum");
    }
  }
  for (const auto& [path, bytes] : check.files)
    if (path.starts_with("data/") && !listed.contains(path))
      check.problems.push_back(path + " is not in the manifest");
  // An E-ARK SIP inside the bag has its own checksums: BagIt's and METS's must both hold.
  for (const auto& [path, bytes] : check.files) {
    if (!path.starts_with("data/") || !path.ends_with("/METS.xml")) continue;
    if (std::count(path.begin(), path.end(), '/') != 2) continue;
    for (auto& p : checkSip(check.files, path)) check.problems.push_back(std::move(p));
  }
  return check;
}

}  // namespace sv::services
