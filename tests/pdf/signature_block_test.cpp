// The signature block tells the truth (issue "Evidence that outlives the server", point 5): each
// valid approval says the party's organisation, the name, the time in Swedish time, how it was
// made and the approved version's commit id in full; "Vid protokollet" names the secretary who
// was there; the last page has the registry number and, once sealed, the seal's certificate
// subject. Read back with pdftotext in content order (-raw), the order a screen reader follows.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
using fx::RenderedPdf;

namespace {

constexpr const char* kMethod = "justerat elektroniskt i Samverkan efter inloggning med lösenord";

// pdftotext -raw (the order the content is drawn in), every run of white space one space.
std::string rawText(const RenderedPdf& pdf, int page = 0) {
  std::string range;
  if (page > 0) range = "-f " + std::to_string(page) + " -l " + std::to_string(page) + " ";
  const std::string text =
      sv::test::runTool("pdftotext -raw -enc UTF-8 " + range + pdf.path() + " -");
  return sv::test::oneSpaced(text);
}

}  // namespace

TEST_CASE("each approval says who, for whom, when, how and which version", "[pdf][signature]") {
  const RenderedPdf pdf(fx::sampleMinutes());
  const std::string text = rawText(pdf);
  INFO(text);
  // Bo Ek for the authority at 10.05 and Per Persson for the provider at 14.40 (Stockholm time;
  // 09.05 and 13.40 UTC), both of version 9c0e5a7b…, each entry whole in reading order.
  const std::string version = "9c0e5a7b1f2e3d4c5b6a79881726354453627180";
  CHECK_THAT(text,
             Catch::Contains("Bo Ek Östermalms stadsdelsförvaltning (förvaltningen) Tid: "
                             "2026-03-16 kl. 10.05 Metod: " +
                             std::string(kMethod) + " Versionens hash (git-commit): " + version));
  CHECK_THAT(text,
             Catch::Contains("Per Persson Omsorg i Norr AB (utföraren) Tid: 2026-03-16 kl. "
                             "14.40 Metod: " +
                             std::string(kMethod) + " Versionens hash (git-commit): " + version));
  CHECK(fx::count(text, kMethod) == 2);
  // The approval of an earlier version is history, not a valid approval: no method, no full id.
  CHECK_THAT(text, Catch::Contains("Version 1a2b3c4d5e, 2026-03-13 kl. 09.12"));
  CHECK_THAT(text, !Catch::Contains("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"));
}

TEST_CASE("a party without an approval is shown as not approved", "[pdf][signature]") {
  Minutes m = fx::sampleMinutes();
  std::erase_if(m.signatures, [](const Signature& s) { return s.party == Party::Provider; });
  const std::string text = rawText(RenderedPdf(m));
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Ej justerat"));
  CHECK(fx::count(text, kMethod) == 1);
}

TEST_CASE("Vid protokollet names the secretary who kept the minutes", "[pdf][signature]") {
  Minutes m = fx::sampleMinutes();
  SECTION("the secretary was there") {
    m.attendance[2].present = true;  // Cecilia Dahl, sekreterare
    const std::string text = rawText(RenderedPdf(m));
    INFO(text);
    CHECK_THAT(text,
               Catch::Contains("Vid protokollet Cecilia Dahl, Östermalms stadsdelsförvaltning"));
  }
  SECTION("a secretary who was absent did not keep them") {
    const std::string text = rawText(RenderedPdf(m));
    INFO(text);
    CHECK_THAT(text, !Catch::Contains("Vid protokollet"));
  }
  SECTION("a chair who also keeps the minutes") {
    m.attendance[0].additionalRoles = {Role::Secretary};  // Anna Berg
    const std::string text = rawText(RenderedPdf(m));
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Vid protokollet Anna Berg"));
  }
}

TEST_CASE("the last page has the registry number and the seal's certificate subject",
          "[pdf][signature]") {
  Minutes m = fx::sampleMinutes();
  const std::string subject = "CN=Östermalms stadsdelsförvaltning e-sigill, O=Stockholms stad";
  SECTION("registered and sealed") {
    const RenderedPdf pdf(m, {.sealSubject = subject});
    const std::string last = rawText(pdf, pdf.pages());
    INFO(last);
    CHECK_THAT(last, Catch::Contains("Diarieföring Diarienummer: SDN 2026/0042 Elektroniskt "
                                     "sigill, certifikatets innehavare: " +
                                     subject));
  }
  SECTION("registered, not sealed: no seal line") {
    const RenderedPdf pdf(m);
    const std::string last = rawText(pdf, pdf.pages());
    INFO(last);
    CHECK_THAT(last, Catch::Contains("Diarieföring Diarienummer: SDN 2026/0042"));
    CHECK_THAT(rawText(pdf), !Catch::Contains("sigill"));
  }
  SECTION("not registered") {
    m.registryNumber.reset();
    const RenderedPdf pdf(m);
    const std::string last = rawText(pdf, pdf.pages());
    INFO(last);
    CHECK_THAT(last, Catch::Contains("Diarieföring Ej diariefört."));
  }
}

}  // namespace SV_TEST_FILE
