// The E-ARK SIP of a registered document: METS.xml (CSIP 2.1), PREMIS 3 and the description as
// Dublin Core and EAD 3, written as text so that the bytes in the package are exactly what was
// checksummed.
#include "server/services/eark_sip.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/InputSource.h>

#include <sstream>

#include "minutes/escape.hpp"
#include "server/crypto/crypto.hpp"

namespace sv::services {
namespace {

constexpr const char* kMetsNs = "http://www.loc.gov/METS/";
constexpr const char* kXlinkNs = "http://www.w3.org/1999/xlink";

// XML's escaping is HTML's (and ill-formed UTF-8 is made valid on the way, as XML needs).
std::string xml(std::string_view text) {
  return minutes::detail::escapeHtml(text);
}

std::string mimeOf(const std::string& path) {
  auto ends = [&](const char* ext) { return path.ends_with(ext); };
  if (ends(".pdf")) return "application/pdf";
  if (ends(".html")) return "text/html";
  if (ends(".md")) return "text/markdown";
  if (ends(".json")) return "application/json";
  if (ends(".xml")) return "text/xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".txt")) return "text/plain";
  return "application/octet-stream";
}

// The attributes CSIP asks of every referenced file (CSIP27-31, CSIP41-45, CSIP69-73).
std::string fileAttributes(const std::string& bytes, const std::string& path,
                           const std::string& created) {
  return " MIMETYPE=\"" + mimeOf(path) + "\" SIZE=\"" + std::to_string(bytes.size()) +
         "\" CREATED=\"" + created + "\" CHECKSUM=\"" + crypto::sha256Hex(bytes) +
         "\" CHECKSUMTYPE=\"SHA-256\"";
}

std::string link(const std::string& href) {
  return " LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"" + xml(href) + "\"";
}

std::string dublinCore(const SipInput& in) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
         "  <dc:title>" +
         xml(in.title) +
         "</dc:title>\n"
         "  <dc:identifier>" +
         xml(in.registryNumber) +
         "</dc:identifier>\n"
         "  <dc:creator>" +
         xml(in.authority) +
         "</dc:creator>\n"
         "  <dc:date>" +
         xml(in.date) +
         "</dc:date>\n"
         "  <dc:type>" +
         xml(in.documentType) +
         "</dc:type>\n"
         "  <dc:language>sv</dc:language>\n"
         "</metadata>\n";
}

// The same description as EAD 3 (the Society of American Archivists' Encoded Archival
// Description, ead3.archivists.org), which archival description systems take in: a control
// section for the record itself and the item as one archival unit with its identifier (the
// registry number), title, date, creator (the authority, arkivbildare) and language.
std::string ead3(const SipInput& in) {
  const std::string day = in.date.substr(0, 10);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
         "  <control>\n"
         "    <recordid>" +
         xml(in.objid) +
         "</recordid>\n"
         "    <filedesc><titlestmt><titleproper>" +
         xml(in.title) +
         "</titleproper></titlestmt></filedesc>\n"
         "    <maintenancestatus value=\"new\"/>\n"
         "    <maintenanceagency><agencyname>" +
         xml(in.authority) +
         "</agencyname></maintenanceagency>\n"
         "    <languagedeclaration><language langcode=\"swe\">svenska</language>"
         "<script scriptcode=\"Latn\">latinsk</script></languagedeclaration>\n"
         "    <maintenancehistory><maintenanceevent><eventtype value=\"created\"/>"
         "<eventdatetime standarddatetime=\"" +
         xml(in.createdAt) + "\">" + xml(in.createdAt) +
         "</eventdatetime><agenttype value=\"machine\"/><agent>Samverkan</agent>"
         "</maintenanceevent></maintenancehistory>\n"
         "  </control>\n"
         "  <archdesc level=\"item\" localtype=\"" +
         xml(in.documentType) +
         "\">\n"
         "    <did>\n"
         "      <unitid>" +
         xml(in.registryNumber) +
         "</unitid>\n"
         "      <unittitle>" +
         xml(in.title) +
         "</unittitle>\n"
         "      <unitdate normal=\"" +
         xml(day) + "\">" + xml(day) +
         "</unitdate>\n"
         "      <origination><corpname><part>" +
         xml(in.authority) +
         "</part></corpname></origination>\n"
         "      <langmaterial><language langcode=\"swe\">svenska</language></langmaterial>\n"
         "    </did>\n"
         "  </archdesc>\n"
         "</ead>\n";
}

std::string premisId(const char* type, const std::string& value) {
  return std::string("<") + type + "IdentifierType>local</" + type + "IdentifierType><" + type +
         "IdentifierValue>" + xml(value) + "</" + type + "IdentifierValue>";
}

// Objects with their fixity, then the events linked to their agent and to the representation's
// files, then the agents: the people by name and this software.
std::string premis(const SipInput& in, const std::vector<BagFile>& files) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<premis xmlns=\"http://www.loc.gov/premis/v3\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0\">\n";
  for (const auto& f : files) {
    out += "  <object xsi:type=\"file\"><objectIdentifier>" + premisId("object", f.path) +
           "</objectIdentifier><objectCharacteristics><fixity><messageDigestAlgorithm>SHA-256"
           "</messageDigestAlgorithm><messageDigest>" +
           crypto::sha256Hex(f.bytes) + "</messageDigest></fixity><size>" +
           std::to_string(f.bytes.size()) + "</size><format><formatDesignation><formatName>" +
           mimeOf(f.path) +
           "</formatName></formatDesignation></format></objectCharacteristics></object>\n";
  }
  // Each agent once, by name and type, in the order met; Samverkan first, as the software.
  std::vector<std::pair<std::string, std::string>> agents;
  auto agentIdOf = [&](const std::string& name, const std::string& type) {
    for (std::size_t i = 0; i < agents.size(); ++i)
      if (agents[i].first == name) return "agent-" + std::to_string(i + 1);
    agents.emplace_back(name, type);
    return "agent-" + std::to_string(agents.size());
  };
  agentIdOf("Samverkan", "software");
  std::size_t n = 0;
  for (const auto& e : in.events) {
    out += "  <event><eventIdentifier>" + premisId("event", "event-" + std::to_string(++n)) +
           "</eventIdentifier><eventType>" + xml(e.type) + "</eventType><eventDateTime>" +
           xml(e.at) + "</eventDateTime><eventDetailInformation><eventDetail>" + xml(e.detail) +
           "</eventDetail></eventDetailInformation><linkingAgentIdentifier>" +
           premisId("linkingAgent", e.agentName.empty() ? agentIdOf("Samverkan", "software")
                                                        : agentIdOf(e.agentName, e.agentType)) +
           "<linkingAgentRole>" + xml(e.agentRole.empty() ? "implementer" : e.agentRole) +
           "</linkingAgentRole></linkingAgentIdentifier>";
    for (const auto& f : files)
      out += "<linkingObjectIdentifier>" + premisId("linkingObject", f.path) +
             "</linkingObjectIdentifier>";
    out += "</event>\n";
  }
  for (std::size_t i = 0; i < agents.size(); ++i)
    out += "  <agent><agentIdentifier>" + premisId("agent", "agent-" + std::to_string(i + 1)) +
           "</agentIdentifier><agentName>" + xml(agents[i].first) + "</agentName><agentType>" +
           xml(agents[i].second) + "</agentType></agent>\n";
  return out + "</premis>\n";
}

}  // namespace

std::vector<BagFile> writeSip(const SipInput& in) {
  std::vector<BagFile> rep;
  for (const auto& f : in.representation)
    rep.push_back({"representations/rep1/data/" + f.path, f.bytes});
  std::vector<BagFile> other;
  for (const auto& f : in.otherMetadata) other.push_back({"metadata/other/" + f.path, f.bytes});
  const BagFile dc{"metadata/descriptive/dc.xml", dublinCore(in)};
  const BagFile ead{"metadata/descriptive/ead.xml", ead3(in)};
  const BagFile pre{"metadata/preservation/premis.xml", premis(in, rep)};
  const std::string& at = in.createdAt;

  std::string mets =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" "
      "xmlns:csip=\"https://DILCIS.eu/XML/METS/CSIPExtensionMETS\" "
      "xmlns:xlink=\"http://www.w3.org/1999/xlink\" OBJID=\"" +
      xml(in.objid) + "\" LABEL=\"" + xml(in.title) +
      "\" TYPE=\"Textual works – Digital\" csip:CONTENTINFORMATIONTYPE=\"OTHER\" "
      "csip:OTHERCONTENTINFORMATIONTYPE=\"" +
      xml(in.contentType) +
      "\" "
      "PROFILE=\"https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml\">\n"
      "  <mets:metsHdr CREATEDATE=\"" +
      at +
      "\" RECORDSTATUS=\"NEW\" "
      "csip:OAISPACKAGETYPE=\"SIP\">\n"
      "    <mets:agent ROLE=\"CREATOR\" TYPE=\"OTHER\" OTHERTYPE=\"SOFTWARE\">"
      "<mets:name>Samverkan</mets:name>"
      "<mets:note csip:NOTETYPE=\"SOFTWARE VERSION\">1</mets:note></mets:agent>\n"
      "  </mets:metsHdr>\n"
      "  <mets:dmdSec ID=\"dmd-1\" CREATED=\"" +
      at +
      "\" STATUS=\"CURRENT\">\n"
      "    <mets:mdRef" +
      link(dc.path) + " MDTYPE=\"DC\"" + fileAttributes(dc.bytes, dc.path, at) +
      "/>\n  </mets:dmdSec>\n"
      "  <mets:dmdSec ID=\"dmd-2\" CREATED=\"" +
      at +
      "\" STATUS=\"CURRENT\">\n"
      "    <mets:mdRef" +
      link(ead.path) + " MDTYPE=\"EAD\"" + fileAttributes(ead.bytes, ead.path, at) +
      "/>\n  </mets:dmdSec>\n  <mets:amdSec>\n"
      "    <mets:digiprovMD ID=\"digiprov-1\" CREATED=\"" +
      at +
      "\" STATUS=\"CURRENT\">"
      "<mets:mdRef" +
      link(pre.path) + " MDTYPE=\"PREMIS\"" + fileAttributes(pre.bytes, pre.path, at) +
      "/></mets:digiprovMD>\n";
  std::string admIds = "digiprov-1";
  for (std::size_t i = 0; i < other.size(); ++i) {
    const std::string id = "digiprov-" + std::to_string(i + 2);
    admIds += " " + id;
    mets += "    <mets:digiprovMD ID=\"" + id + "\" CREATED=\"" + at +
            "\" STATUS=\"CURRENT\"><mets:mdRef" + link(other[i].path) +
            " MDTYPE=\"OTHER\" OTHERMDTYPE=\"Samverkan\"" +
            fileAttributes(other[i].bytes, other[i].path, at) + "/></mets:digiprovMD>\n";
  }
  mets +=
      "  </mets:amdSec>\n  <mets:fileSec ID=\"filesec-1\">\n"
      "    <mets:fileGrp ID=\"filegrp-rep1\" USE=\"Representations/rep1\" ADMID=\"digiprov-1\">\n";
  for (std::size_t i = 0; i < rep.size(); ++i)
    mets += "      <mets:file ID=\"file-" + std::to_string(i + 1) + "\"" +
            fileAttributes(rep[i].bytes, rep[i].path, at) + "><mets:FLocat" + link(rep[i].path) +
            "/></mets:file>\n";
  mets +=
      "    </mets:fileGrp>\n  </mets:fileSec>\n"
      "  <mets:structMap ID=\"structmap-1\" TYPE=\"PHYSICAL\" LABEL=\"CSIP\">\n"
      "    <mets:div ID=\"div-root\" LABEL=\"" +
      xml(in.objid) +
      "\">\n"
      "      <mets:div ID=\"div-metadata\" LABEL=\"Metadata\" DMDID=\"dmd-1 dmd-2\" ADMID=\"" +
      admIds +
      "\"/>\n"
      "      <mets:div ID=\"div-rep1\" LABEL=\"Representations/rep1\">"
      "<mets:fptr FILEID=\"filegrp-rep1\"/></mets:div>\n"
      "    </mets:div>\n  </mets:structMap>\n</mets:mets>\n";

  std::vector<BagFile> out{{"METS.xml", std::move(mets)}, dc, ead, pre};
  for (auto& f : other) out.push_back(std::move(f));
  for (auto& f : rep) out.push_back(std::move(f));
  for (auto& f : out) f.path = in.objid + "/" + f.path;
  return out;
}

std::vector<std::string> checkSip(const std::map<std::string, std::string>& files,
                                  const std::string& metsPath) {
  std::vector<std::string> problems;
  const auto mets = files.find(metsPath);
  if (mets == files.end()) return {metsPath + " is missing"};
  const std::string folder = metsPath.substr(0, metsPath.rfind('/') + 1);
  try {
    Poco::XML::DOMParser parser;
    std::istringstream in(mets->second);
    Poco::XML::InputSource source(in);
    Poco::AutoPtr<Poco::XML::Document> doc = parser.parse(&source);
    // A file's checksum sits on <file> with the location in its <FLocat>, an mdRef carries both.
    auto check = [&](Poco::XML::Element* holder, Poco::XML::Element* located) {
      const std::string href = located->getAttributeNS(kXlinkNs, "href");
      const auto file = files.find(folder + href);
      if (href.empty() || file == files.end()) {
        problems.push_back(metsPath + " lists " + href + ", which is missing");
        return;
      }
      if (holder->getAttribute("CHECKSUMTYPE") != "SHA-256" ||
          crypto::sha256Hex(file->second) != holder->getAttribute("CHECKSUM") ||
          std::to_string(file->second.size()) != holder->getAttribute("SIZE"))
        problems.push_back(folder + href + " does not match its checksum in METS.xml");
    };
    Poco::AutoPtr<Poco::XML::NodeList> refs = doc->getElementsByTagNameNS(kMetsNs, "mdRef");
    for (unsigned long i = 0; i < refs->length(); ++i) {
      auto* e = static_cast<Poco::XML::Element*>(refs->item(i));
      check(e, e);
    }
    Poco::AutoPtr<Poco::XML::NodeList> listed = doc->getElementsByTagNameNS(kMetsNs, "file");
    for (unsigned long i = 0; i < listed->length(); ++i) {
      auto* e = static_cast<Poco::XML::Element*>(listed->item(i));
      auto* loc = e->getChildElementNS(kMetsNs, "FLocat");
      if (loc == nullptr)
        problems.push_back(metsPath + " has a file without FLocat");
      else
        check(e, loc);
    }
  } catch (const Poco::Exception& e) {
    problems.push_back(metsPath + " cannot be read: " + e.displayText());
  }
  return problems;
}

}  // namespace sv::services
