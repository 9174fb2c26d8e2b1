"""The CSIP 2.1 requirements Samverkan's SIP implements, checked on an unpacked SIP folder.

Usage: csip_checks.py SIP [APPROVALS]. Prints one line per requirement, "CSIPn ok" or "CSIPn
FAIL <why>"; approval_test.cpp reads them, one SECTION per id, and the report, case and yearly
packages' tests ask for every line to be ok (tests/support/eark_checks.hpp). APPROVALS is how many
approval events PREMIS must hold at least (2 for minutes, the default; 0 for a report). The ids and wording are from the E-ARK CSIP profile
(DILCISBoard/E-ARK-CSIP, profile/E-ARK-CSIP-v2-1-0.xml). Checksums are computed here again
with hashlib rather than trusted from the server.
"""
import hashlib
import os
import sys
import xml.etree.ElementTree as ET

METS = "{http://www.loc.gov/METS/}"
CSIP = "{https://DILCIS.eu/XML/METS/CSIPExtensionMETS}"
XLINK = "{http://www.w3.org/1999/xlink}"
PREMIS = "{http://www.loc.gov/premis/v3}"

sip = sys.argv[1]
approvals = int(sys.argv[2]) if len(sys.argv) > 2 else 2
root = ET.parse(os.path.join(sip, "METS.xml")).getroot()
results = {}


def check(rid, ok, why):
    results[rid] = "ok" if ok else "FAIL " + why


def file_ok(holder, href):
    path = os.path.join(sip, href)
    if not os.path.isfile(path):
        return False
    data = open(path, "rb").read()
    return (holder.get("CHECKSUMTYPE") == "SHA-256"
            and holder.get("CHECKSUM") == hashlib.sha256(data).hexdigest()
            and holder.get("SIZE") == str(len(data))
            and bool(holder.get("MIMETYPE")) and bool(holder.get("CREATED")))


folder = os.path.basename(os.path.normpath(sip))
check("CSIP1", root.get("OBJID") == folder, "OBJID %r is not the folder %r" % (root.get("OBJID"), folder))
check("CSIP2", bool(root.get("TYPE")), "no TYPE")
check("CSIP4", root.get(CSIP + "CONTENTINFORMATIONTYPE") is not None, "no csip:CONTENTINFORMATIONTYPE")
check("CSIP5", root.get(CSIP + "CONTENTINFORMATIONTYPE") != "OTHER"
      or bool(root.get(CSIP + "OTHERCONTENTINFORMATIONTYPE")), "OTHER without OTHERCONTENTINFORMATIONTYPE")
check("CSIP6", (root.get("PROFILE") or "").startswith("https://earkcsip.dilcis.eu/profile/"),
      "PROFILE is %r" % root.get("PROFILE"))
hdr = root.find(METS + "metsHdr")
check("CSIP117", hdr is not None, "no metsHdr")
check("CSIP7", hdr is not None and bool(hdr.get("CREATEDATE")), "no CREATEDATE")
check("CSIP9", hdr is not None and hdr.get(CSIP + "OAISPACKAGETYPE") == "SIP", "not SIP")
agents = hdr.findall(METS + "agent") if hdr is not None else []
software = [a for a in agents if a.get("ROLE") == "CREATOR" and a.get("TYPE") == "OTHER"
            and a.get("OTHERTYPE") == "SOFTWARE"]
check("CSIP10", len(software) >= 1, "no creating software agent")
check("CSIP14", all(a.find(METS + "name") is not None and a.find(METS + "name").text for a in software),
      "agent without name")
check("CSIP16", all(n.get(CSIP + "NOTETYPE") == "SOFTWARE VERSION"
                    for a in software for n in a.findall(METS + "note")), "note without NOTETYPE")

dmd = root.findall(METS + "dmdSec")
check("CSIP17", len(dmd) >= 1, "no dmdSec")
refs = [d.find(METS + "mdRef") for d in dmd]
check("CSIP20", all(d.get("STATUS") in ("CURRENT", "SUPERSEDED") for d in dmd), "dmdSec STATUS")
check("CSIP22", all(r is not None and r.get("LOCTYPE") == "URL" for r in refs), "LOCTYPE")
check("CSIP23", all(r is not None and r.get(XLINK + "type") == "simple" for r in refs), "xlink:type")
check("CSIP29", all(r is not None and file_ok(r, r.get(XLINK + "href")) for r in refs),
      "a descriptive record does not match SIZE/CHECKSUM")

digi = root.findall(METS + "amdSec/" + METS + "digiprovMD")
check("CSIP32", any(d.find(METS + "mdRef").get("MDTYPE") == "PREMIS" for d in digi), "no PREMIS")
check("CSIP43", all(file_ok(d.find(METS + "mdRef"), d.find(METS + "mdRef").get(XLINK + "href"))
                    for d in digi), "a digiprovMD file does not match SIZE/CHECKSUM")

groups = root.findall(METS + "fileSec/" + METS + "fileGrp")
reps = [g for g in groups if (g.get("USE") or "").startswith("Representations/")]
check("CSIP58", root.find(METS + "fileSec") is not None, "no fileSec")
check("CSIP114", len(reps) >= 1, "no Representations fileGrp")
files = [f for g in groups for f in g.findall(METS + "file")]
check("CSIP66", len(files) >= 3, "fewer than the three forms of the protocol")
check("CSIP71", all(file_ok(f, f.find(METS + "FLocat").get(XLINK + "href")) for f in files),
      "a file does not match SIZE/CHECKSUM")
check("CSIP76", all(f.find(METS + "FLocat").get(XLINK + "href", "").startswith("representations/rep1/data/")
                    for f in files), "a file outside representations/rep1/data/")

smap = [s for s in root.findall(METS + "structMap") if s.get("LABEL") == "CSIP"]
check("CSIP80", len(smap) == 1, "no structMap LABEL=CSIP")
check("CSIP81", len(smap) == 1 and smap[0].get("TYPE") == "PHYSICAL", "the CSIP structMap is not PHYSICAL")
labels = [d.get("LABEL") for d in smap[0].iter(METS + "div")] if smap else []
check("CSIP88", "Metadata" in labels, "no Metadata div")
check("CSIP105", any((lab or "").startswith("Representations/") for lab in labels),
      "no Representations div")

# PREMIS: every representation file is an object with its SHA-256; events name their agent.
premis = ET.parse(os.path.join(sip, "metadata", "preservation", "premis.xml")).getroot()
digests = {o.findtext(PREMIS + "objectIdentifier/" + PREMIS + "objectIdentifierValue"):
           o.findtext(PREMIS + "objectCharacteristics/" + PREMIS + "fixity/" + PREMIS + "messageDigest")
           for o in premis.findall(PREMIS + "object")}
fixity_ok = all(digests.get(f.find(METS + "FLocat").get(XLINK + "href")) == f.get("CHECKSUM") for f in files)
agent_ids = {a.findtext(PREMIS + "agentIdentifier/" + PREMIS + "agentIdentifierValue")
             for a in premis.findall(PREMIS + "agent")}
events = premis.findall(PREMIS + "event")
linked = all(e.findtext(PREMIS + "linkingAgentIdentifier/" + PREMIS + "linkingAgentIdentifierValue")
             in agent_ids for e in events)
types = [e.findtext(PREMIS + "eventType") for e in events]
check("PREMIS fixity", fixity_ok, "an object's digest differs from METS")
check("PREMIS events", linked and "registration" in types and types.count("approval") >= approvals,
      "events %r" % types)
# The e-seal on the PDF is an event of its own, by the authority as an organisation.
sealers = {a.findtext(PREMIS + "agentIdentifier/" + PREMIS + "agentIdentifierValue")
           for a in premis.findall(PREMIS + "agent") if a.findtext(PREMIS + "agentType") == "organization"}
sealed = [e for e in events if e.findtext(PREMIS + "eventType") == "digital signature generation"]
check("PREMIS seal", len(sealed) == 1 and sealed[0].findtext(
          PREMIS + "linkingAgentIdentifier/" + PREMIS + "linkingAgentIdentifierValue") in sealers,
      "seal events %d" % len(sealed))

for rid, line in results.items():
    print(rid, line)
sys.exit(0 if all(v == "ok" for v in results.values()) else 1)
