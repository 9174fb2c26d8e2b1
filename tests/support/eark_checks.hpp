// An unpacked E-ARK SIP checked as approval_test.cpp's [eark] case checks the minutes' one, for
// the packages of follow-up reports, case reports and yearly summaries: METS.xml against METS
// 1.12 with the DILCIS CSIP extension, premis.xml against PREMIS 3.0 and ead.xml against EAD 3
// (xmllint, the schemas
// vendored under tests/schemas/eark), and every CSIP requirement tests/server/csip_checks.py
// implements, by id, the e-seal's PREMIS event among them.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace sv::test {

// `approvals`: how many approval events PREMIS must hold (minutes 2; reports and summaries 0).
inline void checkEarkSip(const std::filesystem::path& sip, int approvals) {
  const auto source = sourceDirectory();
  const auto schema = [&](const char* name) {
    return "'" + (source / "tests" / "schemas" / "eark" / name).string() + "'";
  };
  int code = -1;
  const auto mets = runTool("xmllint --noout --nonet --schema " + schema("sip.xsd") + " '" +
                                (sip / "METS.xml").string() + "' 2>&1",
                            &code);
  INFO(mets);
  CHECK(code == 0);
  const auto premis =
      runTool("xmllint --noout --nonet --schema " + schema("premis.xsd") + " '" +
                  (sip / "metadata" / "preservation" / "premis.xml").string() + "' 2>&1",
              &code);
  INFO(premis);
  CHECK(code == 0);
  const auto ead = runTool("xmllint --noout --nonet --schema " + schema("ead3.xsd") + " '" +
                               (sip / "metadata" / "descriptive" / "ead.xml").string() + "' 2>&1",
                           &code);
  INFO(ead);
  CHECK(code == 0);
  const auto csip =
      runTool("python3 '" + (source / "tests" / "server" / "csip_checks.py").string() + "' '" +
                  sip.string() + "' " + std::to_string(approvals) + " 2>&1",
              &code);
  INFO(csip);
  CHECK(code == 0);
  CHECK(csip.find("PREMIS seal ok") != std::string::npos);
}

}  // namespace sv::test
